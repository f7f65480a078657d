# Messages: content. Same ids as in ../vi/content.ftl.

## Document numbers (number)
doc-number-invalid = document number "{ $number }" is not valid: { $why }
doc-number-year = the year { $year } is not plausible
doc-number-symbol-case = the symbol after the year must start with a capital letter (QĐ, NĐ, TT…)
doc-number-prefix = write only the number and symbol, without "Số"
doc-number-look-alike = character { $position } is "{ $char }" ({ $name }, { $code }), not a character of document numbers; they use only the hyphen "-" and the slash "/"
doc-number-spaces = it contains spaces
doc-number-no-slash = the parts must be separated by "/"
doc-number-unrecognised = it is not in a recognised form
doc-number-fix = write { $key } = "{ $fix }"
doc-number-forms = write it as on the document: normative documents number/year/symbol ("14/2019/QĐ-TTg", "12/2024/NQ-HĐND"), others number/symbol ("266/KH-UBND", "2500/BTP-PBGDPL")
char-en-dash = an en dash, as Word's autocorrect makes
char-em-dash = an em dash
char-minus = a minus sign
char-other-dash = another kind of dash
char-backslash = a backslash
char-other-slash = another kind of slash

## Content nested too deeply (limits in src/nesting.rs, docs/content.md)
too-deep = the text nests more than { $limit } levels deep (quotes, lists or HTML elements inside each other)
too-deep-help = flatten the structure: close the quotes, lists or HTML elements opened before this point; real documents need fewer than 20 levels
toml-too-deep = TOML nests too deeply: more than { $limit } tables, lists or dotted key parts inside each other
toml-too-deep-help = flatten the value: pbgdpl's keys need at most three levels (`[[attachments]]`, `rows = [[…]]`)
