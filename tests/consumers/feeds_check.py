#!/usr/bin/env python3
"""Reads every feed of built sites with Python's feedparser, an independent
consumer, and checks that RSS and Atom parse without error (no `bozo`) and
carry the same entries, in the same order, as the JSON Feed beside them;
that the archive chains reach every entry; and that sync.json lists every
entry of the feeds.

Usage: feeds_check.py SITE_DIR...   (exit status 1 on any problem)
"""

import hashlib
import json
import pathlib
import sys

import feedparser

problems = []


def fail(msg):
    problems.append(msg)
    print(f"FAIL {msg}", file=sys.stderr)


def parse(path):
    d = feedparser.parse(str(path))
    if d.bozo:
        fail(f"{path}: feedparser reports {d.bozo_exception!r}")
    return d


IMAGES_SEEN = []


def check_triple(json_path):
    """feed.json and the rss.xml and atom.xml beside it."""
    feed = json.loads(json_path.read_text(encoding="utf-8"))
    items = feed["items"]
    want_ids = [i["id"] for i in items]
    want_titles = [i["title"] for i in items]
    want_links = [i["url"] for i in items]
    for name in ("rss.xml", "atom.xml"):
        path = json_path.with_name(name)
        if not path.is_file():
            fail(f"{path} is missing")
            continue
        d = parse(path)
        ids = [e.get("id") for e in d.entries]
        if ids != want_ids:
            fail(f"{path}: ids {ids} != feed.json {want_ids}")
        titles = [e.get("title") for e in d.entries]
        if titles != want_titles:
            fail(f"{path}: titles differ from feed.json")
        links = [e.get("link") for e in d.entries]
        if links != want_links:
            fail(f"{path}: links {links} != feed.json {want_links}")
        if d.feed.get("title") != feed["title"]:
            fail(f"{path}: title {d.feed.get('title')!r} != {feed['title']!r}")
        for e, item in zip(d.entries, items):
            if e.get("published_parsed") is None:
                fail(f"{path}: entry {e.get('id')} has no readable date")
            body = (e.get("content") or [{}])[0].get("value", "")
            if item.get("content_html") and not body:
                fail(f"{path}: entry {e.get('id')} has no content")
            check_enclosures(path, name, e, item)
            # The featured photo: JSON Feed `image`, Media RSS in RSS/Atom.
            media = [m.get("url") for m in e.get("media_content", [])]
            if item.get("image"):
                IMAGES_SEEN.append(item["image"])
                if media != [item["image"]]:
                    fail(f"{path}: entry {e.get('id')} media {media} != feed.json image {item['image']}")
                ext = item.get("_pbgdpl", {}).get("image", {})
                if ext.get("url") != item["image"] or not ext.get("alt"):
                    fail(f"{json_path}: {item['id']} _pbgdpl.image {ext} does not describe image")
                check_thumbnail(path, e, ext)
            elif media:
                fail(f"{path}: entry {e.get('id')} has media {media} but feed.json no image")
    return want_ids


THUMBNAILS_SEEN = []


def check_thumbnail(path, entry, image):
    """Media RSS's media:thumbnail is the small copy lists show: the first
    JPEG or PNG of _pbgdpl.image.thumbnails (the photo itself only when
    there is none, as from a section older than 1.4), with its size, and
    smaller than the photo."""
    small = [t for t in image.get("thumbnails", []) if t.get("mime_type") in ("image/jpeg", "image/png")]
    want = small[0] if small else image
    got = [(t.get("url"), t.get("width"), t.get("height")) for t in entry.get("media_thumbnail", [])]
    expected = [(want.get("url"), str(want.get("width")), str(want.get("height")))]
    if got != expected:
        fail(f"{path}: entry {entry.get('id')} media:thumbnail {got} != {expected}")
    if small:
        THUMBNAILS_SEEN.append(want["url"])
        if want["width"] >= image["width"] and image["width"] > 320:
            fail(f"{path}: entry {entry.get('id')} thumbnail {want} is not smaller than the photo")


enclosures_seen = [0]


def main_file(files):
    """The file RSS carries (docs/sync.md): the audio, else the video, else
    the PDF of [media], else the first attachment; for a section of format
    1.0 (no roles), its first file."""
    roles = [(f.get("_pbgdpl") or {}).get("role") for f in files]
    if not any(roles):
        return files[0] if files else None
    for role in ("audio", "video", "pdf", "attachment"):
        if role in roles:
            return files[roles.index(role)]
    return None


def check_enclosures(path, name, entry, item):
    """Every file of a JSON Feed item (url, type, size; sha256 and role in
    _pbgdpl) is an Atom enclosure; RSS carries its main file."""
    files = item.get("attachments") or []
    for f in files:
        ext = f.get("_pbgdpl") or {}
        sha = ext.get("sha256", "")
        if ext and not (len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)):
            fail(f"{item['id']}: attachment {f['url']} has a bad sha256 {sha!r}")
    got = [(x.get("href"), x.get("type"), str(x.get("length"))) for x in entry.get("enclosures", [])]
    if name == "atom.xml":
        want = [(f["url"], f["mime_type"], str(f["size_in_bytes"])) for f in files]
    else:
        main = main_file(files)
        want = [(main["url"], main["mime_type"], str(main["size_in_bytes"]))] if main else []
    if got != want:
        fail(f"{path}: entry {entry.get('id')} enclosures {got} != feed.json {want}")
    enclosures_seen[0] += len(got)


def rel_links(path, rel):
    d = feedparser.parse(str(path))
    return [l["href"] for l in d.feed.get("links", []) if l.get("rel") == rel]


def check_chain(site, base, scope_dir):
    """Follow prev-archive from the subscription Atom feed of a scope and
    next_url from its JSON Feed: together they must reach every item."""
    def local(url):
        if not url.startswith(base):
            fail(f"{url} is not under {base}")
            return None
        return site / url[len(base):]

    start = site / scope_dir / "feed.json"
    all_ids = set()
    for p in [start, *sorted((site / scope_dir / "archive").glob("*/feed.json"))]:
        all_ids.update(i["id"] for i in json.loads(p.read_text(encoding="utf-8"))["items"])

    seen, path, hops = set(), site / scope_dir / "atom.xml", 0
    while path is not None:
        d = parse(path)
        seen.update(e.get("id") for e in d.entries)
        prev = rel_links(path, "prev-archive")
        path = local(prev[0]) if prev else None
        hops += 1
        if hops > 10000:
            fail(f"{scope_dir}: prev-archive loops")
            break
    if seen != all_ids:
        fail(f"{site}/{scope_dir}atom.xml: archives reach {len(seen)} of {len(all_ids)} entries")

    seen, path, hops = set(), start, 0
    while path is not None:
        feed = json.loads(path.read_text(encoding="utf-8"))
        seen.update(i["id"] for i in feed["items"])
        nxt = feed.get("next_url")
        path = local(nxt) if nxt else None
        hops += 1
        if hops > 10000:
            fail(f"{scope_dir}: next_url loops")
            break
    if seen != all_ids:
        fail(f"{site}/{scope_dir}feed.json: next_url reaches {len(seen)} of {len(all_ids)} entries")
    return all_ids


def check_site(site):
    sync = json.loads((site / "sync.json").read_text(encoding="utf-8"))
    base = sync["site"]["base_url"]
    triples = sorted(site.glob("**/feed.json"))
    if len(triples) < 14:
        fail(f"{site}: only {len(triples)} JSON feeds (site + 13 categories expected)")
    count = 0
    for t in triples:
        count += len(check_triple(t))
    site_ids = check_chain(site, base, "")
    cat_ids = set()
    for cat in sorted(p.parent.name for p in site.glob("*/feed.json")):
        cat_ids |= check_chain(site, base, cat + "/")
    if site_ids != cat_ids:
        fail(f"{site}: the category feeds carry {len(cat_ids)} entries, the site feed {len(site_ids)}")
    # The digest, recomputed as docs/sync.md tells a consumer to: SHA-256 of
    # the RFC 8785 canonical JSON of the entries (sorted keys, no spaces).
    canonical = json.dumps(sync["entries"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if hashlib.sha256(canonical.encode("utf-8")).hexdigest() != sync["digest"]:
        fail(f"{site}/sync.json: digest does not match the entries")
    if sync["count"] != len(sync["entries"]):
        fail(f"{site}/sync.json: count {sync['count']} != {len(sync['entries'])} entries")
    recorded = {r["id"] for r in sync["entries"]}
    missing = site_ids - recorded
    if missing:
        fail(f"{site}: feed entries missing from sync.json: {sorted(missing)}")
    print(f"ok {site.name}: {len(triples)} feed documents, {len(site_ids)} entries in feeds, "
          f"{len(recorded)} in sync.json")


def main(args):
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    for a in args:
        check_site(pathlib.Path(a))
    if enclosures_seen[0] == 0:
        fail("no feed carries an enclosure: the media of the sites are not in their feeds")
    print(f"ok: {enclosures_seen[0]} enclosures read by feedparser match feed.json")
    # The demo and examples have featured photos: feeds must show them.
    if not IMAGES_SEEN:
        fail("no feed item has an image: the demo's photos are missing from the feeds")
    if not THUMBNAILS_SEEN:
        fail("no media:thumbnail names a thumbnail copy: the demo's photos have none in the feeds")
    print(f"ok: {len(IMAGES_SEEN)} featured photos, {len(THUMBNAILS_SEEN)} media:thumbnail read by feedparser")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
