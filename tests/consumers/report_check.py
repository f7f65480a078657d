"""The province's report of tests/consumers/report.sh, read by Python's csv
and json modules: every figure equals the totals computed by hand from the
entries the script wrote (two agencies, 2025 and 2026)."""

import csv
import json
import sys
from pathlib import Path

hub = Path(sys.argv[1])
failures = []

# Hand-computed from the entries of report.sh (period = held_on for
# activities and dialogues, issue_date for documents, answered_date for
# questions, date for materials).
EXPECTED = {
    "2025": {
        "UBND xã A": {"Hoạt động": 1, "Lượt người dự hoạt động": 100, "Văn bản được giới thiệu": 1},
        "UBND xã B": {"Câu hỏi được trả lời": 1, "Đối thoại": 1, "Lượt người dự đối thoại": 40,
                      "Tài liệu": 1, "Tài liệu theo loại: Sách nói": 1,
                      "Tài liệu theo ngôn ngữ: Tiếng Thái": 1},
    },
    "2026": {
        "UBND xã A": {"Hoạt động": 1, "Lượt người dự hoạt động": 50, "Câu hỏi được trả lời": 1,
                      "Tài liệu": 1, "Tài liệu theo loại: Tờ gấp": 1,
                      "Tài liệu theo ngôn ngữ: Tiếng Việt": 1},
        "UBND xã B": {"Hoạt động": 2, "Lượt người dự hoạt động": 200,
                      "Hoạt động chưa ghi số người dự": 1},
    },
    "2026-quy-3": {
        "UBND xã A": {},
        "UBND xã B": {"Hoạt động": 2, "Lượt người dự hoạt động": 200,
                      "Hoạt động chưa ghi số người dự": 1},
    },
    "2025-quy-1": {
        "UBND xã A": {"Hoạt động": 1, "Lượt người dự hoạt động": 100},
        "UBND xã B": {},
    },
}
REPORTERS = {
    "2025": [["Nguyễn Văn An", "UBND xã A", "1"], ["Trần Thị Bình", "UBND xã A", "1"]],
    "2026": [["'=HYPERLINK(\"https://evil.example\")", "UBND xã B", "1"],
             ["Nguyễn Văn An", "UBND xã A; UBND xã B", "2"]],
}


def read_csv(path):
    # utf-8-sig: the byte-order mark Excel needs is not part of the header.
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


for slug, agencies in EXPECTED.items():
    rows = read_csv(hub / "bao-cao" / slug / f"bao-cao-{slug}.csv")
    header, body = rows[0], rows[1:]
    if header[0] != "Cơ quan, đơn vị" or header[-1] != "Chuyên mục bắt buộc chưa có bài trong kỳ":
        failures.append(f"{slug}: header {header}")
    numbers = header[1:-1]
    by_name = {r[0]: r for r in body}
    if [r[0] for r in body] != ["UBND xã A", "UBND xã B", "Tổng cộng"]:
        failures.append(f"{slug}: rows {[r[0] for r in body]}")
        continue
    totals = {h: 0 for h in numbers}
    for name, expected in agencies.items():
        row = by_name[name]
        for i, h in enumerate(numbers):
            value = int(row[i + 1])
            totals[h] += value
            if value != expected.get(h, 0):
                failures.append(f"{slug} {name} {h}: {value} != {expected.get(h, 0)}")
    total_row = by_name["Tổng cộng"]
    for i, h in enumerate(numbers):
        if int(total_row[i + 1]) != totals[h]:
            failures.append(f"{slug} total {h}: {total_row[i + 1]} != {totals[h]}")
    # The JSON says the same.
    doc = json.loads((hub / "bao-cao" / slug / f"bao-cao-{slug}.json").read_text("utf-8"))
    j = {a["name"]: a["figures"] for a in doc["agencies"]}
    for name, expected in agencies.items():
        for key, label in [("activities", "Hoạt động"), ("participants", "Lượt người dự hoạt động"),
                           ("documents", "Văn bản được giới thiệu"),
                           ("questions", "Câu hỏi được trả lời"), ("dialogues", "Đối thoại"),
                           ("materials", "Tài liệu")]:
            if j[name][key] != expected.get(label, 0):
                failures.append(f"{slug} JSON {name} {key}: {j[name][key]}")

# Missing required clauses in 2026: A published 2.3, 2.4, 2.6; B only 2.3.
rows = read_csv(hub / "bao-cao" / "2026" / "bao-cao-2026.csv")
if rows[1][-1] != "2.1 2.2 2.5 2.7" or rows[2][-1] != "2.1 2.2 2.4 2.5 2.6 2.7":
    failures.append(f"2026 missing clauses: {rows[1][-1]!r}, {rows[2][-1]!r}")

for slug, expected in REPORTERS.items():
    rows = read_csv(hub / "bao-cao" / slug / f"bao-cao-vien-{slug}.csv")
    if rows[1:] != expected:
        failures.append(f"{slug} reporters: {rows[1:]}")

raw = (hub / "bao-cao" / "2026" / "bao-cao-2026.csv").read_bytes()
if not raw.startswith(b"\xef\xbb\xbf") or b"\r\n" not in raw:
    failures.append("the CSV is not UTF-8 with a byte-order mark and CRLF lines")

if failures:
    print("\n".join("FAIL: " + f for f in failures), file=sys.stderr)
    sys.exit(1)
print(f"ok: report figures of {len(EXPECTED)} periods equal the hand-computed totals")
