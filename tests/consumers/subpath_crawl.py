#!/usr/bin/env python3
"""Crawls a section served under a sub-path and checks that every link and
asset of every page resolves (HTTP 200, fragments pointing at an element
that exists) and that nothing on the site's own host leads outside the
sub-path. Follows links found in HTML (a, link, img, script, source, track,
video/audio, iframe, srcset, meta refresh), in sitemap.xml, in the feeds
and in sync.json.

Usage: subpath_crawl.py BASE_URL [EXTRA_PATH...]    (exit status 1 on problems)
"""

import collections
import html.parser
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

MAX_URLS = 5000
TIMEOUT = 10


class Links(html.parser.HTMLParser):
    """Collects link targets and element ids of an HTML page."""

    ATTRS = {"href", "src", "poster", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()
        self.base = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "base" and a.get("href"):
            self.base = a["href"]
        for k, v in attrs:
            if v is None:
                continue
            if k in self.ATTRS and not (tag == "base"):
                self.links.append(v)
            elif k in ("srcset", "imagesrcset"):
                self.links.extend(part.strip().split(" ")[0] for part in v.split(",") if part.strip())
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            m = re.search(r"url=(.+)$", a.get("content") or "", re.I)
            if m:
                self.links.append(m.group(1).strip("'\" "))

    handle_startendtag = handle_starttag


def fetch(url):
    req = urllib.request.Request(url, headers={"User-Agent": "pbgdpl-crawl-test"})
    with urllib.request.urlopen(req, timeout=TIMEOUT) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read(), r.geturl()


def main(args):
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    base = args[0]
    origin = urllib.parse.urlsplit(base)
    start = [base] + [urllib.parse.urljoin(base, p) for p in args[1:]]
    queue = collections.deque((u, "(start)") for u in start)
    seen = set(start)
    ids_of = {}
    fragments = []  # (page, fragment, found on)
    problems = []
    counts = collections.Counter()

    def add(target, page):
        target = target.strip()
        if not target or target.startswith(("mailto:", "tel:", "javascript:", "data:")):
            return
        absolute = urllib.parse.urljoin(page, target)
        parts = urllib.parse.urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            return
        if parts.netloc != origin.netloc:
            counts["external links (not fetched)"] += 1
            return
        if not parts.path.startswith(origin.path):
            problems.append(f"{page} links outside the sub-path: {absolute}")
            return
        clean = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
        if parts.fragment:
            fragments.append((clean, urllib.parse.unquote(parts.fragment), page))
        if clean not in seen:
            if len(seen) >= MAX_URLS:
                problems.append(f"more than {MAX_URLS} URLs; stopping")
                return
            seen.add(clean)
            queue.append((clean, page))

    while queue:
        url, referrer = queue.popleft()
        try:
            status, ctype, body, final = fetch(url)
        except urllib.error.HTTPError as e:
            problems.append(f"{url} (linked from {referrer}): HTTP {e.code}")
            continue
        except Exception as e:  # noqa: BLE001 - any failure is a broken link
            problems.append(f"{url} (linked from {referrer}): {e}")
            continue
        counts["fetched"] += 1
        if status != 200:
            problems.append(f"{url}: HTTP {status}")
            continue
        path = urllib.parse.urlsplit(final).path
        if "html" in ctype or path.endswith("/"):
            counts["HTML pages"] += 1
            p = Links()
            p.feed(body.decode("utf-8", "replace"))
            ids_of[url] = p.ids
            page_base = urllib.parse.urljoin(final, p.base) if p.base else final
            for link in p.links:
                add(link, page_base)
        elif path.endswith(".xml"):
            counts["XML documents"] += 1
            try:
                root = ET.fromstring(body)
            except ET.ParseError as e:
                problems.append(f"{url}: not well-formed XML: {e}")
                continue
            for el in root.iter():
                tag = el.tag.split("}")[-1]
                if tag in ("loc", "link") and el.text and el.text.strip().startswith("http"):
                    add(el.text.strip(), final)
                for k in ("href", "url"):
                    if el.get(k):
                        add(el.get(k), final)
        elif path.endswith(".json"):
            counts["JSON documents"] += 1
            try:
                doc = json.loads(body)
            except ValueError as e:
                problems.append(f"{url}: not JSON: {e}")
                continue
            stack = [doc]
            while stack:
                v = stack.pop()
                if isinstance(v, dict):
                    for k, x in v.items():
                        if isinstance(x, str) and (k == "url" or k.endswith("_url")) and x.startswith("http"):
                            add(x, final)
                        elif k in ("json", "atom", "rss") and isinstance(x, str):
                            add(x, final)
                        else:
                            stack.append(x)
                elif isinstance(v, list):
                    stack.extend(v)
        else:
            counts["other files"] += 1

    for page, frag, where in fragments:
        ids = ids_of.get(page)
        if ids is not None and frag not in ids:
            problems.append(f"{where} links to {page}#{frag}: no element has that id")

    for k, v in sorted(counts.items()):
        print(f"  {k}: {v}")
    for p in problems:
        print(f"FAIL {p}", file=sys.stderr)
    if counts["HTML pages"] < 20:
        print(f"FAIL only {counts['HTML pages']} HTML pages reached", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
