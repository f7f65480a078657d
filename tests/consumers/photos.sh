#!/usr/bin/env bash
# Photos as an independent reader sees them (issue 12), with Python's
# Pillow (tests/consumers/photos_check.py):
#  - a section gets two phone photos made by the test (a 4000×3000 JPEG of
#    about 6 MB and a portrait photo stored on its side), each with the
#    camera, the GPS position, XMP and a colour profile — Pillow must find
#    them in the sources;
#  - after the build, no image of that section, the demo or the examples
#    carries EXIF, GPS, XMP, ICC or the camera's name; the portrait photo is upright; the 960 px
#    variants of the big photo are within the 150 KB budget;
#  - every <img> of every page has width and height, and every srcset
#    candidate was published and is as wide as its descriptor says.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${PBGDPL_SITES:?set PBGDPL_SITES to the directory of built sites (scripts/test does)}"
: "${PBGDPL_BIN:?set PBGDPL_BIN to the pbgdpl binary (scripts/test does)}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/fixtures/minimal "$work/site"
# The fixture's hostile entry shows an <img> of its author's (no size):
# not this test's business.
rm -rf "$work/site/content/tin-tuc/xss"*
entry="$work/site/content/tin-tuc/hoi-nghi-co-anh"
mkdir -p "$entry"
python3 tests/consumers/photos_check.py make "$entry"
python3 tests/consumers/photos_check.py source "$entry/anh-hoi-nghi.jpg" "$entry/anh doc.jpg"
cat > "$entry/index.md" <<'MD'
+++
title = "Hội nghị có ảnh chụp bằng điện thoại"
date = 2026-06-01
image = "anh-hoi-nghi.jpg"
image_alt = "Đại biểu giơ tay biểu quyết tại hội nghị"
+++

Đoạn đầu của bài.

![Hội trường trước giờ khai mạc](<anh doc.jpg>)
MD
"$PBGDPL_BIN" build --root "$work/site" --out "$work/out" --quiet

dir="$work/out/tin-tuc/hoi-nghi-co-anh"
python3 tests/consumers/photos_check.py budget "$dir/anh-hoi-nghi-960.webp" "$dir/anh-hoi-nghi-960.jpg"
python3 - "$dir" <<'PY'
import sys
from PIL import Image
d = sys.argv[1]
with Image.open(f'{d}/anh-doc-1280.jpg') as im:
    if im.size != (1280, 960):
        sys.exit(f'FAIL the portrait photo stored on its side is {im.size}, not upright 1280×960')
PY
python3 tests/consumers/photos_check.py output "$work/out" "$PBGDPL_SITES"/*/
echo "photos: ok"
