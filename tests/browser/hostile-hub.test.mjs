// The hostile-hub suite in a real browser: a hub is built from copies of
// the sections in $PBGDPL_SITES, which then turn hostile — an entry whose
// title, summary and content carry scripts and event handlers, a
// `javascript:` address in a sync.json record and in a feed item, an entry
// dated 9999-12-31, an agency name with a script in sources.toml — and is
// aggregated again. Every page of the hub (home, status, agencies, each
// agency, each category, search with results) is loaded in Chromium and
// must run no script from agency data: no dialog opens, no payload sets its
// flag (even after hovering and focusing every element), and the DOM holds
// no `javascript:` address, no `on…` attribute, no frame and no script but
// the theme's own search script. The same rules are checked without a
// browser by tests/hostile_hub.rs.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sites, serve, launch, fail, finish, searchDone } from './lib.mjs';

const bin = process.env.PBGDPL_BIN;
if (!bin) throw new Error('PBGDPL_BIN is not set: run scripts/test');

const FLAG = 'window.__pwned = (window.__pwned || 0) + 1';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-hostile-hub-'));
const list = sites().slice(0, 4);
if (list.length < 4) throw new Error('4 built sections needed in $PBGDPL_SITES');

/** RFC 8785 for the values sync.json holds (strings, null, arrays, objects). */
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
function reseal(sync) {
  sync.entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sync.count = sync.entries.length;
  sync.digest = crypto.createHash('sha256').update(canonical(sync.entries)).digest('hex');
}
const read = (dir, f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const write = (dir, f, v) => fs.writeFileSync(path.join(dir, f), JSON.stringify(v));

/** Adds an entry to a copied section: its record (edited by `record`)
 *  and its feed item (edited by `item`). */
function addEntry(dir, record, item) {
  const sync = read(dir, 'sync.json');
  const feed = read(dir, 'feed.json');
  const base = sync.site.base_url;
  const host = new URL(base).host;
  const id = `tag:${host},2019:${new URL(base).pathname}tin-tuc/tin-doc-hai`;
  const rec = { id, url: `${base}tin-tuc/tin-doc-hai/`, category: 'tin-tuc',
    date_modified: '2026-11-21T00:00:00+07:00', sha256: '0'.repeat(64) };
  record(rec);
  sync.entries.push(rec);
  reseal(sync);
  const it = { ...feed.items[0], id, url: rec.url, title: 'Tin mới', date_published: '2026-11-21T00:00:00+07:00',
    date_modified: '2026-11-21T00:00:00+07:00', _pbgdpl: { ...feed.items[0]._pbgdpl, category: 'tin-tuc' } };
  item(it);
  feed.items.unshift(it);
  write(dir, 'sync.json', sync);
  write(dir, 'feed.json', feed);
}

const copies = list.map((s) => {
  const dir = path.join(work, s.name);
  fs.cpSync(s.dir, dir, { recursive: true });
  return { ...s, dir };
});
let sources = `[hub]
title = "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Nghệ An"
base_url = "https://pbgdpl.nghean.gov.vn/tong-hop/"
entries_per_page = 5

[hub.agency]
name = "Sở Tư pháp tỉnh Nghệ An"
url = "https://stp.nghean.gov.vn"
`;
copies.forEach((s, i) => {
  const name = i === 0 ? `Cơ quan <script>${FLAG}</script> ${s.name}` : `Cơ quan ${s.name}`;
  sources += `\n[[source]]\nid = "${s.name}"\nname = ${JSON.stringify(name)}\nsync = "${s.dir}/"\n`;
});
fs.writeFileSync(path.join(work, 'sources.toml'), sources);
const out = path.join(work, 'hub');
const aggregate = (now) => {
  try {
    execFileSync(bin, ['aggregate', '--sources', path.join(work, 'sources.toml'), '--out', out, '--now', now, '--lang', 'en'],
      { stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
    return { status: 0, stderr: '' };
  } catch (e) {
    return { status: e.status, stderr: String(e.stderr) };
  }
};
let run = aggregate('2026-11-22T08:00:00+07:00');
if (run.status !== 0) fail(`the clean hub: exit ${run.status}: ${run.stderr}`);

// They turn hostile.
addEntry(copies[0].dir, () => {}, (it) => {
  it.title = `<img src=x onerror="${FLAG}">Tin có mã độc`;
  it.summary = `<script>${FLAG}</script><svg onload="${FLAG}"></svg>`;
  it.content_html = `<p onmouseover="${FLAG}">x</p><script>${FLAG}</script><a href="javascript:${FLAG}">y</a>`
    + `<iframe srcdoc="<script>${FLAG}</script>"></iframe><img src=x onerror="${FLAG}">`;
  it.external_url = `javascript:${FLAG}`;
  it.authors = [{ name: 'A', url: `javascript:${FLAG}` }];
});
addEntry(copies[1].dir, (rec) => { rec.url = 'javascript:window.__pwned=1'; }, () => {});
addEntry(copies[2].dir, () => {}, (it) => { it.url = 'javascript:window.__pwned=1'; });
addEntry(copies[3].dir, () => {}, (it) => { it.title = 'Tin ghim'; it.date_published = '9999-12-31T00:00:00+07:00'; });
run = aggregate('2026-11-22T09:00:00+07:00');
if (run.status !== 3) fail(`the hostile hub: exit ${run.status} (expected 3): ${run.stderr}`);
if (!/FAILED\s+\S+\s.*url of entry/.test(run.stderr)) fail(`the javascript: record is not refused: ${run.stderr}`);
if (!/FAILED\s+\S+\s.*feed item 1 has an address/.test(run.stderr)) fail(`the javascript: item is not refused: ${run.stderr}`);

const hub = { name: 'hub', dir: out, basePath: '/tong-hop/' };
const rels = ['', 'tinh-trang/', 'co-quan/', 'tin-tuc/', 'van-ban-moi/', 'hoi-dap/', 'tim-kiem/?q=tin',
  ...copies.map((s) => `co-quan/${s.name}/`)];

const server = await serve(hub);
const browser = await launch();
let checked = 0;
try {
  const context = await browser.newContext();
  await context.addInitScript(() => { window.__pwned = 0; });
  const page = await context.newPage();
  page.on('dialog', async (d) => { fail(`a dialog opened: ${d.message()}`); await d.dismiss(); });
  page.on('pageerror', (e) => fail(`a script error: ${e.message}`));
  for (const rel of rels) {
    const res = await page.goto(server.url(rel));
    if (!res || res.status() !== 200) { fail(`hub/${rel}: HTTP ${res && res.status()}`); continue; }
    if (rel.startsWith('tim-kiem/')) {
      // Every result shown (they come one by one) before looking at them.
      if (!await searchDone(page) || !await page.$('#search-results li')) fail('the hub search found nothing for "tin"');
    }
    // Give every handler a chance: hover, focus and load everything.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('*')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error']) el.dispatchEvent(new Event(type));
      }
    });
    const found = await page.evaluate(() => {
      const bad = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.getAttributeNames()) if (a.startsWith('on')) bad.push(`${a}= on <${el.localName}>`);
        for (const a of ['href', 'src', 'action', 'formaction']) {
          const v = el.getAttribute(a);
          if (v !== null && /^\s*(javascript|data|vbscript):/i.test(v)) bad.push(`${a}=${v}`);
        }
        if (['iframe', 'object', 'embed', 'frame'].includes(el.localName)) bad.push(`<${el.localName}>`);
      }
      // The search page's own: its manifest (JSON data) and the client file.
      const own = (s) => location.pathname.includes('/tim-kiem/')
        && ((!s.src && s.type === 'application/json')
          || (s.src && new URL(s.src).origin === location.origin
            && /\/tim-kiem\/i\/search\.[0-9a-f]{8}\.js$/.test(new URL(s.src).pathname)));
      const scripts = [...document.scripts].filter((s) => !own(s));
      for (const s of scripts) bad.push(`<script> ${s.src || s.textContent.slice(0, 40)}`);
      for (const a of document.querySelectorAll('a')) {
        if (a.href && !/^https?:/.test(a.href)) bad.push(`a.href=${a.href}`);
      }
      return { bad, pwned: window.__pwned };
    });
    for (const b of found.bad) fail(`hub/${rel}: ${b}`);
    if (found.pwned) fail(`hub/${rel}: a script from agency data ran (${found.pwned} times)`);
    checked += 1;
  }
  // The escaped title is shown as text; the entry dated 9999 is not listed.
  await page.goto(server.url('tin-tuc/'));
  const titles = await page.$$eval('.entry-list__title a', (as) => as.map((a) => a.textContent));
  if (!titles.some((t) => t.includes('<img src=x onerror='))) fail(`the hostile title is not shown as text: ${JSON.stringify(titles)}`);
  if (titles.includes('Tin ghim')) fail('an entry dated 9999-12-31 is listed');
  // The status page gives plain reasons.
  await page.goto(server.url('tinh-trang/'));
  const reasons = await page.$$eval('.hub-state__reason', (ps) => ps.map((p) => p.textContent));
  if (reasons.length !== 2) fail(`status reasons: ${JSON.stringify(reasons)}`);
  await context.close();
} finally {
  await browser.close();
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`checked ${checked} pages of a hub over hostile sources in Chromium`);
finish('hostile-hub');
