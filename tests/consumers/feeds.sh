#!/usr/bin/env bash
# Independent consumers check the feeds, the sync snapshot and the sitemap
# of every built site in $PBGDPL_SITES (the demo and the examples):
#  - Python feedparser reads every atom.xml and rss.xml (site-wide, per
#    category, archives) with no bozo error and finds the same entries as
#    the feed.json beside it (tests/consumers/feeds_check.py);
#  - check-jsonschema validates every feed.json against the published JSON
#    Feed 1.1 schema (npm jsonfeed-schema) and against our _pbgdpl
#    extension schema, and sync.json against schemas/sync.v1.json;
#  - xmllint validates sitemap.xml against the sitemaps.org 0.9 XSD (as
#    shipped in the npm sitemap package).
# The demo is also built with [feeds] limit = 3 so that RFC 5005 archives
# are read by the same consumers.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
: "${PBGDPL_SITES:?set PBGDPL_SITES to the directory of built sites (scripts/test does)}"
: "${PBGDPL_BIN:?set PBGDPL_BIN to the pbgdpl binary (scripts/test does)}"

jsonfeed_schema="$root/tests/node_modules/jsonfeed-schema/schema-v1.1.json"
sitemap_xsd="$root/tests/node_modules/sitemap/schema/sitemap.xsd"
for f in "$jsonfeed_schema" "$sitemap_xsd"; do
  [ -f "$f" ] || { echo "missing $f: run scripts/install-test-tools" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
cp -r site.toml content "$work/src/"
[ -d static ] && cp -r static "$work/src/"
printf '\n[feeds]\nlimit = 3\n' >> "$work/src/site.toml"
# An activity whose number of participants nobody wrote: statistics.json
# says null (unknown), which its schema must accept.
printf '+++\ntitle = "Tuyên truyền lưu động tại chợ"\ndate = 2026-03-02\nform = "Tuyên truyền lưu động"\n+++\n\nBuổi tuyên truyền tại chợ xã.\n' \
  > "$work/src/content/hoat-dong/tuyen-truyen-tai-cho.md"
"$PBGDPL_BIN" build --root "$work/src" --out "$work/demo-archived" --quiet
compgen -G "$work/demo-archived/archive/*/atom.xml" >/dev/null || { echo "FAIL: no archive was written with limit = 3" >&2; exit 1; }

sites=("$PBGDPL_SITES"/*/ "$work/demo-archived/")
status=0
for site in "${sites[@]}"; do
  site=${site%/}
  echo "-- $(basename "$site")"
  mapfile -t json_feeds < <(find "$site" -name feed.json | sort)
  check-jsonschema --schemafile "$jsonfeed_schema" "${json_feeds[@]}" || status=1
  check-jsonschema --schemafile "$root/schemas/jsonfeed-pbgdpl.v1.json" "${json_feeds[@]}" || status=1
  check-jsonschema --schemafile "$root/schemas/sync.v1.json" "$site/sync.json" || status=1
  if [ -f "$site/statistics.json" ]; then
    check-jsonschema --schemafile "$root/schemas/statistics.v1.json" "$site/statistics.json" || status=1
  fi
  # The schemas published with the site are the repository's.
  cmp -s "$site/schemas/sync.v1.json" "$root/schemas/sync.v1.json" || { echo "FAIL: published sync schema differs" >&2; status=1; }
  xmllint --noout --schema "$sitemap_xsd" "$site/sitemap.xml" || status=1
done
# The demo copy has an activity without participants: its statistics say
# so apart, and the schema accepts the null of a figure nobody gave.
python3 - "$work/demo-archived/statistics.json" "$work/unknown.json" <<'PY' || status=1
import json, sys
stats = json.load(open(sys.argv[1]))
assert stats["figures_not_given"] == {"participants": 1}, stats["figures_not_given"]
stats["figures"]["participants"] = None
json.dump(stats, open(sys.argv[2], "w"))
PY
check-jsonschema --schemafile "$root/schemas/statistics.v1.json" "$work/unknown.json" || status=1
python3 tests/consumers/feeds_check.py "${sites[@]%/}" || status=1
exit $status
