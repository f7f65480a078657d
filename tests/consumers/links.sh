#!/usr/bin/env bash
# Every link of every page resolves, checked by an independent link checker
# (lychee, installed by scripts/install-test-tools): each built section in
# $PBGDPL_SITES (the demo and the examples) and a provincial hub built over
# them. Links are root-relative to the section's sub-path (/pbgdpl/…), so
# each output is placed under its base URL's path in a scratch web root and
# lychee checks it offline against that root: pages, assets, images,
# directory links (index.html) and #fragments. Links to other sites are not
# fetched (no network here); tests/consumers/subpath.sh crawls feeds and
# sitemaps over HTTP.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/consumers/hub-sources.bash
source tests/consumers/hub-sources.bash
: "${PBGDPL_SITES:?set PBGDPL_SITES to the directory of built sites (scripts/test does)}"
: "${PBGDPL_BIN:?set PBGDPL_BIN to the pbgdpl binary (scripts/test does)}"
command -v lychee >/dev/null || { echo "lychee missing: run scripts/install-test-tools" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# check NAME OUTPUT: lychee over OUTPUT placed at its base URL's path.
status=0
checked=0
check() {
  local name=$1 output=$2 path
  path=$(python3 -c 'import json, sys, urllib.parse
print(urllib.parse.urlsplit(json.load(open(sys.argv[1]))["site"]["base_url"]).path)' "$output/sync.json")
  local www="$work/www-$name"
  mkdir -p "$www$path"
  rmdir "$www$path"
  ln -s "$output" "$www${path%/}"
  echo "-- $name ($path)"
  if ! lychee --offline --no-progress --include-fragments --index-files index.html \
    --root-dir "$www" "$www${path%/}/"; then
    status=1
  fi
  checked=$((checked + 1))
}

for site in "$PBGDPL_SITES"/*/; do
  site=${site%/}
  [ -f "$site/sync.json" ] || continue
  check "$(basename "$site")" "$site"
done

# A hub over the same sections.
hub_sources > "$work/sources.toml"
"$PBGDPL_BIN" aggregate --sources "$work/sources.toml" --out "$work/hub" \
  --now 2026-11-22T08:00:00+07:00 --quiet
hub_path=$(python3 -c 'import json, sys, urllib.parse
print(urllib.parse.urlsplit(json.load(open(sys.argv[1]))["site"]["base_url"]).path)' "$work/hub/sync.json" 2>/dev/null || echo /)
if [ "$hub_path" = / ]; then
  echo "-- hub (/)"
  lychee --offline --no-progress --include-fragments --index-files index.html \
    --root-dir "$work/hub" "$work/hub" || status=1
  checked=$((checked + 1))
else
  check hub "$work/hub"
fi

# Fewer than the demo, three examples and the hub means something was skipped.
if [ "$checked" -lt 5 ]; then
  echo "FAIL: only $checked outputs checked" >&2
  status=1
fi
exit $status
