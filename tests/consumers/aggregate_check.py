#!/usr/bin/env python3
"""Checks a provincial hub against the sections it was built from, as an
independent consumer: its sync.json lists exactly the union of their
entries (same ids, urls, hashes), its digest is the SHA-256 of its canonical
entries, every section has its page, and the combined feeds carry only
entries of the snapshot, each with the agency's own item.

Usage: aggregate_check.py HUB_DIR SITE_DIR...   (exit status 1 on any problem)
"""

import hashlib
import json
import pathlib
import sys

problems = []


def fail(msg):
    problems.append(msg)
    print(f"FAIL {msg}", file=sys.stderr)


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


hub = pathlib.Path(sys.argv[1])
sites = [pathlib.Path(p) for p in sys.argv[2:]]
sync = load(hub / "sync.json")
canonical = json.dumps(sync["entries"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
if hashlib.sha256(canonical.encode()).hexdigest() != sync["digest"]:
    fail("hub sync.json: digest is not the SHA-256 of its entries")
if sync["count"] != len(sync["entries"]):
    fail("hub sync.json: count differs from the entries")

want = {}
items = {}
for site in sites:
    s = load(site / "sync.json")
    for r in s["entries"]:
        want[r["id"]] = r
    feed = load(site / "feed.json")
    while True:
        for i in feed["items"]:
            items[i["id"]] = i
        nxt = feed.get("next_url")
        if not nxt:
            break
        rel = nxt[len(s["site"]["base_url"]):]
        feed = load(site / rel)
    if not (hub / "co-quan" / site.name / "index.html").is_file():
        fail(f"no hub page for {site.name}")

got = {r["id"]: r for r in sync["entries"]}
if got != want:
    missing = sorted(set(want) - set(got))[:5]
    extra = sorted(set(got) - set(want))[:5]
    changed = sorted(i for i in set(got) & set(want) if got[i] != want[i])[:5]
    fail(f"hub sync.json differs from the sections: missing {missing}, extra {extra}, changed {changed}")

seen = 0
for path in sorted(hub.rglob("feed.json")):
    for i in load(path)["items"]:
        seen += 1
        if i["id"] not in got:
            fail(f"{path}: item {i['id']} is not in the hub's sync.json")
        elif i != items.get(i["id"]):
            fail(f"{path}: item {i['id']} differs from the agency's own item")

if problems:
    sys.exit(1)
print(f"ok {hub}: {len(got)} entries from {len(sites)} sections, {seen} feed items checked")
