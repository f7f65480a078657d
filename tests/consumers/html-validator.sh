#!/usr/bin/env bash
# The Nu HTML Checker (vnu.jar, from npm) validates every HTML document of
# every built site; any error or warning fails. The embed fragments
# (embed/section.html, embed/banner.html) are not documents: embed.sh
# validates them inside a host page.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"
mapfile -t pages < <(find "$PBGDPL_SITES" -name '*.html' \
  ! -path '*/embed/section.html' ! -path '*/embed/banner.html' | sort)
out=$(java -jar "$jar" --format gnu "${pages[@]}" 2>&1 || true)
if [ -n "$out" ]; then
  printf '%s\n' "$out" | head -50
  echo "Nu HTML Checker: $(printf '%s\n' "$out" | wc -l) message(s)"
  exit 1
fi
echo "Nu HTML Checker: ${#pages[@]} pages valid"
