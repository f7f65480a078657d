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
aggregate-reason-conflict = the section (or some of its entries) belongs to the source `{ $other }`; each section is published once
aggregate-reason-schema-violation = { $path } breaks the rule { $rule }
aggregate-reason-schema-more = (and { $count } more)
