#!/usr/bin/env bash
# A section published under a sub-path of an existing portal works entirely
# under that sub-path: builds examples/hoi-phu-nu-subpath for
# http://127.0.0.1:PORT/pbgdpl/, serves it with python3 -m http.server from
# a parent directory (only on the loopback address), and crawls every link
# and asset of every page, feed, sitemap and embed (subpath_crawl.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${PBGDPL_BIN:?set PBGDPL_BIN to the pbgdpl binary (scripts/test does)}"

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port/pbgdpl/"
mkdir -p "$work/www"
"$PBGDPL_BIN" build --root examples/hoi-phu-nu-subpath --out "$work/www/pbgdpl" --base-url "$base" --quiet
# Something the section must never link to: the portal's own root.
echo "portal root" > "$work/www/index.html"

python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('$base', timeout=1)" 2>/dev/null && break
  sleep 0.2
done

python3 tests/consumers/subpath_crawl.py "$base" sitemap.xml robots.txt 404.html \
  embed/section.html embed/latest.html embed/banner.html embed/banner.svg embed/banner.png sync.json
