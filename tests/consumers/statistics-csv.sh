#!/usr/bin/env bash
# Python's csv module (an independent RFC 4180 reader) opens every CSV file
# the statistics publish, as Excel users would get them: UTF-8 with a BOM,
# CRLF records, one header row, the same number of cells in every row, and
# for the computed tables (thong-ke/tong-hop/) a "total" row that is the sum
# of the rows above it.
set -euo pipefail
python3 - "$PBGDPL_SITES" <<'PY'
import csv, io, pathlib, sys

root = pathlib.Path(sys.argv[1])
files = sorted(p for p in root.glob("*/thong-ke/**/*.csv")
               if p.parent.name == "thong-ke" or p.parent.name == "tong-hop")
failures = 0
def fail(msg):
    global failures
    failures += 1
    print(f"FAIL {msg}")

for path in files:
    raw = path.read_bytes()
    rel = path.relative_to(root)
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{rel}: no UTF-8 byte-order mark")
    if b"\n" in raw.replace(b"\r\n", b""):
        fail(f"{rel}: a line break that is not CRLF")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    if len(rows) < 2:
        fail(f"{rel}: no data rows")
        continue
    width = len(rows[0])
    for i, r in enumerate(rows):
        if len(r) != width:
            fail(f"{rel}: row {i + 1} has {len(r)} cells, the header {width}")
    if path.parent.name == "tong-hop":
        body, total = rows[1:-1], rows[-1]
        for c in range(1, width):
            s = sum(int(r[c]) for r in body)
            if s != int(total[c]):
                fail(f"{rel}: column {rows[0][c]!r} adds up to {s}, the total row says {total[c]}")
if not files:
    fail("no statistics CSV found")
if failures:
    sys.exit(f"statistics CSV: {failures} failure(s)")
print(f"statistics CSV: {len(files)} files read by Python's csv module")
PY
