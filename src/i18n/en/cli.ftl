# Messages: cli. Same ids as in ../vi/cli.ftl.

## The summary line when a command stops on errors in the section
failed-build = build failed: { summary-errors } (the previous output is kept)
failed-check = check failed: { summary-errors }
failed-aggregate = aggregate failed: { summary-errors }

## When the command cannot start
cli-cannot-start = cannot start: { $error }
## pbgdpl new
new-unknown-category = `{ $name }` is not a standard category; choose one of: { $categories }
new-unknown-category-did-you-mean = `{ $name }` is not a standard category (did you mean { $suggestion }?); choose one of: { $categories }
new-exists = { $path } already exists; choose another title or edit that entry

## pbgdpl check
check-ok = no errors found{ $warnings ->
    [0] {""}
    [one] , 1 warning
   *[other] , { $warnings } warnings
}

## pbgdpl build
build-summary = built { $entries ->
    [one] 1 entry
   *[other] { $entries } entries
}, { $files } files ({ $outputs }) into { $out } in { $elapsed }
progress-files = files
stage-load = load
stage-check = check
stage-prepare = prepare
stage-render = render
stage-other = { $name }
output-html = html
output-assets = assets
output-feeds = feeds
output-sitemap = sitemap
output-search = search
output-sync = sync
output-tags = tags
output-filters = filters
output-statistics = statistics
output-statistics-json = statistics-json
output-embed = embed
output-schemas = schemas
output-banner-image = banner-image
output-other = { $name }
output-timed = { $files } files{ $kept ->
    [0] {""}
   *[other] {" "}({ $kept } kept)
} in { $elapsed }
elapsed-ms = { $ms } ms
elapsed-s = { $seconds } s

## pbgdpl init, pbgdpl new
init-created = created a section with { $files } files in { $dir }
    next: edit { $dir }/site.toml, then run: pbgdpl build --root { $dir }
new-bundle = put its attachments and media beside index.md
new-created = created a draft; set status = "approved" when it may be published

## pbgdpl serve
serve-listening = serving the section at { $url } (Ctrl+C to stop); watching for changes
serve-changed = changed: { $paths }
serve-due = a scheduled entry's publish or expiry time has come: rebuilding
serve-built = built { $entries } entries, { $files } files ({ $outputs })
serve-rebuilt = rebuilt ({ $sources ->
    [one] 1 source file
   *[other] { $sources } source files
} read again)
serve-updated = { $what } in { $elapsed }: { $changed } file(s) changed, { $removed } removed
serve-outputs = outputs
serve-file-changed = changed { $path }
serve-file-removed = removed { $path }
serve-errors = { $errors ->
    [one] 1 error, also shown in the browser until it is fixed
   *[other] { $errors } errors, also shown in the browser until they are fixed
}

## --help: commands
help-pbgdpl = Static-site generator for PBGDPL sections (chuyên mục phổ biến, giáo dục pháp luật) under Decision 471/QĐ-TTg.
help-build = Build the section into static HTML (atomically: a failed build keeps the previous output).
help-check = Load and check everything, write nothing; exit status 1 on errors.
help-aggregate = Build the provincial hub from the agencies' sync.json and feeds (for the Department of Justice).
help-init = Create a new section with every standard category and sample entries.
help-new = Add a new draft entry to a category.
help-import = Turn a Word file (.docx) of a document into a draft entry: its number, type, issuer, dates and signer read from the layout, its text as Markdown, the original attached.
help-convert = Convert files typed in TCVN3 (.VnTime), VNI or Windows-1258, or saved as UTF-16, to UTF-8; the original is kept as <file>~.
help-serve = Preview the section: build into memory, serve it, rebuild and reload the browser on every change.
help-aliases = (alias: { $aliases })

## --help: options
help-flag-help = Print help
help-flag-version = Print version
help-arg-color = When to colour messages: auto, always, never
help-arg-lang = The language of the messages: vi (Vietnamese, the default) or en (English)
help-arg-root = The site's directory (the one holding site.toml)
help-arg-drafts = Preview: include drafts, entries awaiting approval, scheduled and expired entries, marked and hidden from search engines and feeds
help-arg-offline = No network: the news from upstream ([upstream] in site.toml) come from the copies saved in .pbgdpl-cache/upstream/
help-arg-today = The date (or date and time) the build treats as now for scheduled and expiring entries, for reproducible builds: 2026-12-07 or 2026-12-07T08:00:00+07:00
help-build-out = Output directory (default: <root>/public); replaced only when the build succeeds
help-build-base-url = Publish at this address instead of site.toml's base_url
help-build-previous = The previously published sync.json (file or http(s) URL) to record deletions against, for CI where the output directory starts empty; default: the sync.json already in the output directory
help-build-quiet = Print nothing but errors and warnings
help-build-verbose = Also print how long each stage took and how many files each output wrote
help-check-format = Output format of the diagnostics: human, json (one JSON document), github (GitHub Actions annotations)
help-check-strict = Treat warnings as errors
help-serve-port = Port to listen on; 0 picks a free port (the address is printed)
help-serve-bind = Address to listen on. The default serves this computer only; use 0.0.0.0 to let other computers of the network see the preview
help-serve-quiet = Print nothing but the address, errors and warnings
help-aggregate-sources = The list of agencies and the hub's settings (docs/aggregate.md)
help-aggregate-out = The hub's output directory; replaced only when the build succeeds
help-aggregate-state = Where last good copies, validators and times are kept between runs (default: .<out>.pbgdpl-aggregate beside the output directory)
help-aggregate-now = The time of this run, recorded as the time of every fetch (2026-11-22T08:00:00+07:00 or 2026-11-22), for reproducible runs
help-aggregate-force = Rebuild the hub even if no source changed (after editing templates)
help-aggregate-quiet = Print nothing but failures and warnings
help-init-dir = Directory to create the section in (created if missing; must not hold a site)
help-init-agency = The agency's full name
help-init-agency-url = The agency's portal
help-init-province-name = Name of the provincial PBGDPL site the banner links to
help-init-province-url = Address of the provincial PBGDPL site
help-init-base-url = Where the section will be published
help-new-category = Category directory (van-ban-moi, hoi-dap, hoat-dong, …)
help-new-title = Title of the entry; the file name is made from it
help-new-bundle = Create the entry as a directory (<name>/index.md), to put its attachments and media beside index.md
help-import-file = The Word file (.docx) of the document, or a .txt/.md file of its text
help-import-category = The category to put the entry in (van-ban-moi, ke-hoach, thong-bao, huong-dan-chi-dao, thong-ke); chosen by the document type when absent
help-import-name = The entry's directory name (made from the title when absent)
help-import-today = The entry's date (YYYY-MM-DD; today in Vietnam when absent)
help-convert-files = The files to convert
help-convert-from = The encoding they are in: tcvn3 (ABC, .VnTime), vni, cp1258, or auto to recognise it

## --help: headings and notes
help-usage = Usage:
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-values = possible values: { $values }
help-default = default: { $value }
help-env = env: { $name }
value-command = COMMAND
value-options = OPTIONS
value-dir = DIR
value-file = FILE
value-date = DATE
value-time = TIME
value-url = URL
value-path-or-url = PATH|URL
value-address = ADDRESS
value-port = PORT
value-name = NAME
value-category = CATEGORY
value-title = TITLE
value-encoding = ENCODING
value-format = FORMAT
value-when = WHEN
value-lang = LANG
value-other = { $name }

## Argument errors
clap-invalid-value = invalid value "{ $value }" for { $arg }; possible values: { $valid }
clap-empty-value = { $arg } needs a value
clap-unknown-argument = unexpected argument { $arg }
clap-unknown-command = unrecognized subcommand { $command }
clap-no-equals = { $arg } needs its value right after =
clap-bad-value = invalid value "{ $value }" for { $arg }: { $why }
clap-too-many-values = { $arg } takes one value (unexpected "{ $value }")
clap-wrong-number-of-values = wrong number of values for { $arg }
clap-conflict = { $arg } cannot be used with { $other }
clap-missing-argument = missing { $arg }
clap-missing-command = missing the command
clap-invalid-utf8 = an argument is not valid UTF-8
clap-did-you-mean = tip: did you mean { $suggestion }?
clap-see-help = For more information, add --help to the command.
cli-bad-date = write a date like 2026-11-22, or a date and time like 2026-11-22T08:00 (Vietnam time) or 2026-11-22T08:00:00+07:00
cli-bad-time = write a time like 2026-11-22T08:00:00+07:00 (or a date like 2026-11-22)

## Scheduled entries
schedule-summary = { $count ->
    [1] 1 entry is scheduled to go live { $when }:
   *[other] { $count } entries are scheduled, the next to go live { $when }:
}
schedule-entry = { $file } — goes live { $when }
schedule-at = at { $time } on { $date }
schedule-on = on { $date }
schedule-more = … and { $count } more
