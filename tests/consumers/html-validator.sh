#!/usr/bin/env bash
# The Nu HTML Checker (vnu.jar, from npm) validates every HTML page of every
# built site; any error or warning fails.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"
out=$(java -jar "$jar" --skip-non-html --format gnu "$PBGDPL_SITES" 2>&1 || true)
if [ -n "$out" ]; then
  printf '%s\n' "$out" | head -50
  echo "Nu HTML Checker: $(printf '%s\n' "$out" | wc -l) message(s)"
  exit 1
fi
count=$(find "$PBGDPL_SITES" -name '*.html' | wc -l)
echo "Nu HTML Checker: $count pages valid"
