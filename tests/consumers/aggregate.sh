#!/usr/bin/env bash
# The provincial hub (pbgdpl aggregate), read by independent consumers. A
# hub is built from the sections in $PBGDPL_SITES (the demo and the
# examples), given by local paths, then:
#  - check-jsonschema validates its combined sync.json against
#    schemas/sync.v1.json, and every feed.json against the JSON Feed 1.1
#    schema (npm jsonfeed-schema) and our _pbgdpl extension schema;
#  - Python feedparser reads every atom.xml and rss.xml with no bozo error
#    and the same entries as feed.json, archive chains included
#    (feeds_check.py), and aggregate_check.py checks that the combined
#    snapshot holds exactly every agency's entries, with a valid digest;
#  - xmllint validates sitemap.xml against the sitemaps.org XSD, and the
#    Nu HTML Checker every HTML page;
#  - a second run with nothing changed rebuilds nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/consumers/hub-sources.bash
source tests/consumers/hub-sources.bash
root=$(pwd)
: "${PBGDPL_SITES:?set PBGDPL_SITES to the directory of built sites (scripts/test does)}"
: "${PBGDPL_BIN:?set PBGDPL_BIN to the pbgdpl binary (scripts/test does)}"

jsonfeed_schema="$root/tests/node_modules/jsonfeed-schema/schema-v1.1.json"
sitemap_xsd="$root/tests/node_modules/sitemap/schema/sitemap.xsd"
vnu="$root/tests/node_modules/vnu-jar/build/dist/vnu.jar"
for f in "$jsonfeed_schema" "$sitemap_xsd" "$vnu"; do
  [ -f "$f" ] || { echo "missing $f: run scripts/install-test-tools" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
hub_sources > "$work/sources.toml"

now=2026-11-22T08:00:00+07:00
"$PBGDPL_BIN" aggregate --sources "$work/sources.toml" --out "$work/hub" --now "$now"
hub="$work/hub"
status=0
mapfile -t json_feeds < <(find "$hub" -name feed.json | sort)
[ "${#json_feeds[@]}" -gt 14 ] || { echo "FAIL: expected archives with feed_limit = 10" >&2; status=1; }
check-jsonschema --schemafile "$root/schemas/sync.v1.json" "$hub/sync.json" || status=1
check-jsonschema --schemafile "$jsonfeed_schema" "${json_feeds[@]}" || status=1
check-jsonschema --schemafile "$root/schemas/jsonfeed-pbgdpl.v1.json" "${json_feeds[@]}" || status=1
python3 tests/consumers/feeds_check.py "$hub" || status=1
python3 tests/consumers/aggregate_check.py "$hub" "$PBGDPL_SITES"/*/ || status=1
xmllint --noout --schema "$sitemap_xsd" "$hub/sitemap.xml" || status=1
out=$(java -jar "$vnu" --skip-non-html --format gnu "$hub" 2>&1 || true)
if [ -n "$out" ]; then
  printf '%s\n' "$out" | head -30
  echo "FAIL: Nu HTML Checker: $(printf '%s\n' "$out" | wc -l) message(s) on the hub" >&2
  status=1
fi

# In Vietnamese, as an officer of the department runs it (no locale set).
again=$(env -u LANG -u LC_ALL -u LC_MESSAGES -u PBGDPL_LANG \
  "$PBGDPL_BIN" aggregate --sources "$work/sources.toml" --out "$work/hub" --now "$now" 2>&1)
case "$again" in
  *"không có gì thay đổi"*) ;;
  *) echo "FAIL: a second run with unchanged sources rebuilt the hub:" >&2; echo "$again" >&2; status=1 ;;
esac
[ $status -eq 0 ] && echo "ok: the hub of $(ls -d "$PBGDPL_SITES"/*/ | wc -l) sections passes every consumer"
exit $status
