#!/usr/bin/env bash
# Checks the embeds of every built site in $PBGDPL_SITES the way a portal
# uses them:
#  - embed/section.html and embed/banner.html, included into a host page,
#    and embed/latest.html are valid HTML for the Nu HTML Checker (its
#    rules for <style> in <body> only accept CSS scoped to the fragment);
#  - the banner (HTML, SVG, PNG) is byte-identical across the sites of the
#    same province (as their feeds name it), and at least two sites share
#    one;
#  - xmllint reads banner.svg as well-formed XML.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${PBGDPL_SITES:?set PBGDPL_SITES to the directory of built sites (scripts/test does)}"
vnu="tests/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$vnu" ] || { echo "missing $vnu: run scripts/install-test-tools" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
files=()
declare -A first_of
compared=0
for site in "$PBGDPL_SITES"/*/; do
  site=${site%/}
  name=$(basename "$site")
  {
    printf '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title></head>\n<body><main><h1>Cổng thông tin của cơ quan</h1>\n'
    cat "$site/embed/banner.html"
    printf '\n<p>Nội dung của cổng.</p>\n'
    cat "$site/embed/section.html"
    printf '\n</main></body></html>\n'
  } > "$work/host-$name.html"
  cp "$site/embed/latest.html" "$work/latest-$name.html"
  files+=("$work/host-$name.html" "$work/latest-$name.html")
  xmllint --noout "$site/embed/banner.svg" || status=1
  province=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["_pbgdpl"]["province"]["url"])' "$site/feed.json")
  first=${first_of[$province]:-}
  if [ -z "$first" ]; then
    first_of[$province]=$site
  else
    compared=$((compared + 1))
    for f in banner.html banner.svg banner.png; do
      cmp -s "$first/embed/$f" "$site/embed/$f" || {
        echo "FAIL: embed/$f differs between $(basename "$first") and $name (same province, $province)" >&2
        status=1
      }
    done
  fi
done
[ "$compared" -gt 0 ] || { echo "FAIL: no two sites of the same province to compare banners" >&2; status=1; }
java -jar "$vnu" --errors-only "${files[@]}" || status=1
[ $status -eq 0 ] && echo "ok: embeds of ${#files[@]} documents valid, banners identical within each province ($compared compared)"
exit $status
