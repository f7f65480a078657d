# Messages: aggregate. Same ids as in ../vi/aggregate.ftl.

## The provincial hub (pbgdpl aggregate)
aggregate-state-inside-out = the state directory { $state } cannot be inside the output directory { $out }: every build replaces the output
schema-does-not-compile = { $name } does not compile ({ $detail })

## sources.toml
aggregate-empty-location-help = write where the agency's file is; to stop aggregating an agency, remove its whole [[source]] section (its entries are then announced as deleted)
aggregate-empty-id-help = write the short address of the agency's page, e.g. id = "ubnd-xa-a", or remove the line to derive it from the name
aggregate-empty-base-url-help = write the address the agency's section is published at, or remove the line
aggregate-name-gives-no-id = the name "{ $name }" gives no usable id (the address of the agency's page)
aggregate-name-gives-no-id-help = add id = "…" with lowercase letters without diacritics, digits and hyphens, e.g. id = "ubnd-xa-a"
aggregate-source-base-url-unusable = `{ $key }` is not usable: { $why }
aggregate-source-base-url-help = write the address the agency's section is published at, e.g. base_url = "https://stc.nghean.gov.vn/pbgdpl/"
aggregate-total-seconds-what = how many seconds one agency may take in all, every document included

## Why the hub refused what an agency sent (the terminal report; the
## status page says the same with the theme's hub_reason_* strings).
aggregate-reason-no-such-file = no such file
aggregate-reason-not-regular-file = it is not a regular file (a directory, a pipe or a device)
aggregate-reason-outside-directory = the path (or a symbolic link) leads outside the source's directory
aggregate-reason-unreadable = the file cannot be read (permissions)
aggregate-reason-timeout = no complete answer within { $seconds } s (timeout_seconds in [fetch])
aggregate-reason-over-budget = the source used up its { $seconds } s (total_seconds in [fetch])
aggregate-reason-too-large = the document is larger than { $megabytes } MB
aggregate-reason-http-status = the server answered HTTP { $code } instead of the document
aggregate-reason-not-modified-unasked = the server answered 304 Not Modified to a request without conditions
aggregate-reason-host-not-found = the host name was not found (DNS)
aggregate-reason-connection-refused = the connection was refused
aggregate-reason-connection-failed = the connection failed or was cut
aggregate-reason-tls = the secure connection failed (TLS, certificate)
aggregate-reason-bad-http = the server's answer is not valid HTTP
aggregate-reason-redirect-outside = the server redirects outside the source's address (another host, another path, or not http/https); the hub does not follow
aggregate-reason-too-many-redirects = more than { $limit } redirects, or a loop
aggregate-reason-not-utf8 = it is not text (UTF-8)
aggregate-reason-not-json = it is not JSON (syntax error at line { $line }, column { $column })
aggregate-reason-no-schema-version = it has no schema_version: it is not a pbgdpl document
aggregate-reason-schema-major = its schema_version is not { $major }.x; upgrade pbgdpl
aggregate-reason-schema = it does not follow schemas/{ $schema }: { $violations }
aggregate-reason-not-json-feed = it is not a JSON Feed 1.1
aggregate-reason-count-mismatch = its count is not the number of its entries ({ $actual })
aggregate-reason-digest-mismatch = its digest is not the SHA-256 of its entries: the file is damaged or was edited by hand
aggregate-reason-base-url-unusable = its site.base_url is not an http(s) address of a directory
aggregate-reason-base-url-not-configured = its site.base_url is not the address sources.toml gives for this source (base_url)
aggregate-reason-base-url-not-where-fetched = its site.base_url is not where the hub fetches it from; if this is a mirror, give the section's address as the source's base_url in sources.toml
aggregate-reason-id-outside = the id of entry { $entry } is not under the section's own address
aggregate-reason-id-twice = entry { $entry } has the id of an earlier one
aggregate-reason-url-outside = the url of entry { $entry } is not an http(s) address inside the section
aggregate-reason-tombstone-outside = tombstone { $tombstone } (deleted) is for another section's id
aggregate-reason-tombstone-url-outside = the url of tombstone { $tombstone } is not inside the section
aggregate-reason-item-id-outside = the id of feed item { $item } is not under the section's own address
aggregate-reason-item-twice = feed item { $item } has the id of an earlier one
aggregate-reason-item-missing = feed item { $item } has no { $field }
aggregate-reason-item-date = a date of feed item { $item } is not RFC 3339
aggregate-reason-item-url-outside = feed item { $item } has an address (its url or an attachment's) that is not http(s) inside the section
aggregate-reason-item-too-deep = the content_html of feed item { $item } nests deeper than { $limit } levels
aggregate-reason-link-not-address = the { $link } link is not an http(s) address
aggregate-reason-link-outside = the { $link } link leads outside the section (another host or path); the hub does not follow it
aggregate-reason-too-many-documents = the feed chain is longer than { $limit } documents, more than the section's entries need
aggregate-reason-statistics-hash = statistics.json is not the file sync.json lists (another SHA-256): it was edited, damaged or not fully copied
aggregate-reason-statistics-too-deep = statistics.json nests deeper than { $limit } levels
aggregate-reason-statistics-markup = a text of statistics.json holds HTML or a link that runs a script; statistics are words and numbers only
aggregate-reason-conflict = the section (or some of its entries) belongs to the source `{ $other }`; each section is published once
aggregate-reason-schema-violation = { $path } breaks the rule { $rule }
aggregate-reason-schema-more = (and { $count } more)

## The report of aggregate: one line per source, then the summary
aggregate-status-changed = changed
aggregate-status-unchanged = unchanged
aggregate-status-failed = FAILED
aggregate-entries = { $entries ->
    [one] 1 entry
   *[other] { $entries } entries
}
aggregate-entries-not-modified = { $entries } entries (304 Not Modified)
aggregate-kept-copy-fetched = publishing its last good copy ({ $entries } entries, fetched { $when })
aggregate-kept-copy = publishing its last good copy ({ $entries } entries)
aggregate-no-copy = no earlier copy: not published
aggregate-counts = { $sources } sources, { $failed } failed
aggregate-built = hub: built { $files } files into { $dir } ({ $counts }) in { $ms } ms
aggregate-nothing-changed = hub: nothing changed since the last build; { $dir } left as it was ({ $counts })

## sources.toml: the hub's keys
aggregate-number-help = it is { $what }; remove the line to use the default ({ $default })
aggregate-what-title = the hub's name, as on the agencies' banners
aggregate-what-base-url = the address the hub is published at
aggregate-hub-base-url-help = write the full address of the hub, e.g. base_url = "https://pbgdpl.nghean.gov.vn/"
aggregate-what-per-page = how many entries a page of a combined list shows
aggregate-what-per-category = how many newest entries of each category the home and agency pages show
aggregate-what-feed-limit = how many entries the hub's feeds carry (older ones go to archives)
aggregate-what-timeout = how many seconds one agency may take to answer
aggregate-what-parallel = how many agencies are fetched at the same time
aggregate-agency-missing = missing the [hub.agency] section (the department that runs the hub)
aggregate-agency-missing-help = add it after [hub]:

    { $example }
aggregate-what-agency-name = the department's name, e.g. Sở Tư pháp tỉnh Nghệ An
aggregate-what-agency-url = the department's portal
aggregate-no-source = sources.toml lists no agency
aggregate-no-source-help = add one [[source]] section per agency:

    { $example }
aggregate-bad-id = the id "{ $id }" is not a short address
aggregate-bad-id-help = use lowercase letters without diacritics, digits and hyphens, e.g. id = "{ $example }"
aggregate-location-help = write an address starting with https:// (or http://), or a path to a built section's sync.json
aggregate-no-location = the source "{ $name }" says neither where its sync.json nor its feed.json is
aggregate-no-location-help = add sync = "https://…/pbgdpl/sync.json" (or a local path to it)
aggregate-duplicate-id = two sources have the id "{ $id }"
aggregate-duplicate-id-help = the first is at line { $line }; give this one its own id = "…" (it names its page and its saved copy)
location-empty = it is empty
location-no-host = the address has no host name

## The state file of aggregate
aggregate-state-format = it has format { $found }, this pbgdpl writes { $writes }
aggregate-state-unreadable = its content is damaged ({ $detail })
aggregate-state-unusable = the state file { $file } cannot be used ({ $why }); starting afresh
aggregate-state-unusable-help = the last good copies of the agencies are still used; the hub is rebuilt
