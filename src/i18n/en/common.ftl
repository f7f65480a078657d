# Shared words and the labels of every message. See vi/common.ftl for
# how messages are written; English is the second language.

## The labels of a diagnostic: "error: …", "warning: …", "= help: …"
label-error = error
label-warning = warning
label-help = help

## The summary line when a command stops on errors
summary-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
