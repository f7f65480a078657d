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
