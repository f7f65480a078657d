# Messages: site. Same ids as in ../vi/site.ftl.

## site.toml
what-site-title = the section's title
what-base-url = the address the section is published at
what-agency-name = the agency's name
what-agency-url = the agency's portal
what-province-name = the name of the provincial PBGDPL site
what-province-url = the provincial PBGDPL site the banner links to
bad-base-url = `{ $key }` is not usable: { $why }
bad-base-url-help = write the full address of the section, e.g. base_url = "https://stc.nghean.gov.vn/pbgdpl/"
bad-base-url-option = --base-url "{ $url }": { $why }
bad-language = unsupported language "{ $value }"
bad-language-help = use language = "vi" (Vietnamese) or "en" (English)
url-no-scheme = it must start with https:// (or http://)
url-invalid = it is not a valid address ({ $detail })
url-scheme = it must start with https:// or http://, not { $scheme }:
url-query = it cannot contain ? or #
bad-justice-url = `{ $key }` is not usable: { $why }
bad-justice-url-help = write the full address of the Department of Justice's portal, starting with https://, e.g. justice_url = "https://stp.nghean.gov.vn"
url-no-https = it must start with https://
url-not-https = it must start with https://, not { $scheme }:
url-missing-help = add url = "https://…" under [{ $table }]
number-at-least-one = `{ $key }` must be 1 or more
number-default-help = remove the line to use the default ({ $default })
number-between = `{ $key }` must be between 1 and { $max }
feed-limit-help = it is how many entries the feeds carry (older ones go to archive pages); remove the line to use the default ({ $default })
table-missing = missing the [{ $table }] section
table-missing-help = add it to { $file }:

    { $example }

## [upstream]: news from upstream
what-upstream-url = the address of the upstream feed (JSON Feed, Atom or RSS)
bad-upstream-url = `{ $key }` is not usable: { $why }
bad-upstream-url-help = write the full address of the feed of the provincial PBGDPL site or the national portal, e.g. url = "https://pbgdpl.nghean.gov.vn/feed.json"
upstream-too-many = [upstream] may name at most { $max } feeds
upstream-too-many-help = remove the [[upstream.sources]] you need least
upstream-failed = could not fetch the news of { $url }: { $why }
upstream-timeout = no complete answer within { $seconds } s (timeout_seconds in [upstream])
upstream-offline = running with --offline
upstream-not-a-feed = what came back is not a JSON Feed, Atom or RSS feed with any usable item
upstream-using-copy = the site is built anyway; the block shows the copy saved on { $date } in .pbgdpl-cache/upstream/
upstream-offline-no-copy = --offline: there is no saved copy of the feed { $url }
upstream-no-copy-help = the site is built without this block; it appears after the first build that fetches the feed (without --offline, with a network)

## Checks across the site
duplicate-path = two entries would be published at { $path }: { $first } and { $second }
duplicate-path-help = rename one of the two files (the address comes from the file name, without diacritics)
duplicate-path-table = data table { $table } and entry { $entry } would both be published at { $path }
duplicate-path-table-help = rename the data table file or the entry
reserved-path = the address { $path } is reserved for the category's own pages
reserved-path-help = rename the file: in { $category } these names are taken: { $names }
duplicate-id = id "{ $id }" is used by both { $first } and { $second }
duplicate-id-help = every entry needs its own id; `pbgdpl new` writes a fresh one
implicit-id = no `id`: the entry's id "{ $id }" comes from its file name, so renaming the file changes it
implicit-id-help = add the line id = "{ $id }" to the front matter: the entry keeps the id it has today, whatever the file is later called (`pbgdpl new` always writes an id)
missing-approver = this entry is approved but does not say who approved it
missing-approver-help = add approver = "…" (the person who approved publication), as [workflow] require_approver asks
empty-required-category = category { $category } ({ $label }) has no published entry, but Decision 471/QĐ-TTg (III.{ $clause }) requires it
empty-required-category-help = publish at least one entry: pbgdpl new { $category } "Tiêu đề"
broken-link = link to { $target } leads nowhere
link-why-unapproved = it is not approved yet
link-why-scheduled = its publish_date has not come yet
link-why-expired = its expiry_date has passed
link-unpublished = that entry is not published ({ $why }); publish it first, or remove the link until it is
link-inside-section = links starting with / are already inside the section: write { $fixed } instead
link-absolute-help = check the address: pages are at /<category>/<file name without .md>/
link-relative-help = relative links are resolved from the entry's own address; put the file beside index.md, or start the link with /
output-clash = two outputs were written to { $path }
output-clash-help = a file in static/ or in a bundle has the same path as a generated page or feed; rename it
previous-not-sync = not a pbgdpl sync.json ({ $detail })
previous-schema = it has schema_version { $found }, this pbgdpl reads { $reads }; upgrade pbgdpl
previous-fetch = it could not be downloaded ({ $detail })
previous-snapshot = { $why }; deletions since the last build are not recorded
previous-snapshot-help = delete the damaged file, or pass the published snapshot with --previous URL
