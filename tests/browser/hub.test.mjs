// The provincial hub (pbgdpl aggregate) in a real browser: a hub built from
// the sections in $PBGDPL_SITES (under a sub-path, with one source that
// does not exist) passes axe-core (WCAG 2.2 AA) on every page type,
// reflows at 320 px, marks the failing source on its status page, and its
// search finds entries across agencies, each agency's by its title and its
// filter; without JavaScript its search page leads to its lists.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { sites, serve, launch, fail, finish, searchDone } from './lib.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const bin = process.env.PBGDPL_BIN;
if (!bin) throw new Error('PBGDPL_BIN is not set: run scripts/test');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-hub-'));
const list = sites();
let sources = `[hub]
title = "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Nghệ An"
base_url = "https://pbgdpl.nghean.gov.vn/tong-hop/"
entries_per_page = 5

[hub.agency]
name = "Sở Tư pháp tỉnh Nghệ An"
url = "https://stp.nghean.gov.vn"
address = "Số 1 đường Trường Thi, tỉnh Nghệ An"
`;
for (const s of list) sources += `\n[[source]]\nid = "${s.name}"\nname = "Cơ quan ${s.name}"\nsync = "${s.dir}/"\n`;
sources += '\n[[source]]\nid = "chua-co"\nname = "UBND xã Chưa Có"\nsync = "khong-co/sync.json"\n';
fs.writeFileSync(path.join(work, 'sources.toml'), sources);
const out = path.join(work, 'hub');
try {
  execFileSync(bin, ['aggregate', '--sources', path.join(work, 'sources.toml'), '--out', out,
    '--now', '2026-11-22T08:00:00+07:00'], { stdio: 'pipe' });
  fail('a missing source should give exit status 3');
} catch (e) {
  if (e.status !== 3) fail(`aggregate exited with ${e.status}: ${e.stderr}`);
}
const hub = { name: 'hub', dir: out, basePath: '/tong-hop/' };
const first = list[0].name;
const rels = ['', '404.html', 'tinh-trang/', 'co-quan/', `co-quan/${first}/`, 'co-quan/chua-co/',
  'van-ban-moi/', 'van-ban-moi/page/2/', 'gioi-thieu/', 'hoi-dap/', 'tim-kiem/',
  // The province's report: the index of periods, a year, a quarter.
  'bao-cao/', 'bao-cao/2026/', 'bao-cao/2026-quy-4/'];

const server = await serve(hub);
const browser = await launch();
let checked = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const rel of rels) {
    const res = await page.goto(server.url(rel));
    if (!res || res.status() !== 200) { fail(`hub/${rel}: HTTP ${res && res.status()}`); continue; }
    const styled = await page.evaluate(() => getComputedStyle(document.body).margin === '0px');
    if (!styled) fail(`hub/${rel}: the stylesheet did not load`);
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    }, TAGS);
    for (const v of result) fail(`hub/${rel}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.join(', ')}`);
    checked += 1;
  }

  // The status page: the failing source is marked, every section has a row.
  await page.goto(server.url('tinh-trang/'));
  const failed = await page.$$eval('tr.status-table__failed th', (ths) => ths.map((t) => t.textContent.trim()));
  if (JSON.stringify(failed) !== JSON.stringify(['UBND xã Chưa Có'])) fail(`failed rows: ${JSON.stringify(failed)}`);
  const rows = await page.$$eval('.status-table tbody tr', (trs) => trs.length);
  if (rows !== list.length + 1) fail(`status rows: ${rows}, expected ${list.length + 1}`);

  // Search across agencies, without diacritics.
  await page.goto(server.url(''));
  await page.fill('#site-q', 'phap luat');
  await Promise.all([page.waitForURL(/tim-kiem\/\?q=/), page.press('#site-q', 'Enter')]);
  if (!await searchDone(page) || !await page.$('#search-results li')) fail('the hub search found nothing for "phap luat"');
  const metas = await page.$$eval('#search-results .entry-list__meta', (ps) => ps.map((p) => p.textContent));
  const agencies = new Set(metas.map((m) => m.split(' · ')[0]));
  if (agencies.size < 2) fail(`search results should come from several agencies: ${JSON.stringify([...agencies])}`);
  const links = await page.$$eval('#search-results a', (as) => as.map((a) => a.href));
  if (links.some((l) => l.includes('127.0.0.1'))) fail('search results should link to the agencies\' own pages');

  // Every agency's entries are in the one index: its newest entry found by
  // its title typed without diacritics, and the agency filter keeps only
  // that agency's results.
  const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  for (const s of list) {
    const feed = JSON.parse(fs.readFileSync(path.join(s.dir, 'feed.json'), 'utf8'));
    const newest = feed.items[0];
    if (!newest) continue;
    const agency = `Cơ quan ${s.name}`;
    const q = fold(newest.title).replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean).slice(0, 8).join(' ');
    await page.goto(server.url(`tim-kiem/?q=${encodeURIComponent(q)}&co-quan=${encodeURIComponent(s.name)}`));
    if (!await searchDone(page)) fail(`hub search for ${s.name}'s "${q}" said nothing`);
    const found = await page.$$eval('#search-results li', (lis) => lis.map((li) => ({
      title: li.querySelector('h2').textContent,
      meta: li.querySelector('.entry-list__meta').textContent,
    })));
    if (!found.some((f) => f.title === newest.title)) fail(`hub search "${q}" (${s.name}) should find "${newest.title}": ${JSON.stringify(found.map((f) => f.title))}`);
    const others = found.filter((f) => !f.meta.startsWith(`${agency} · `));
    if (others.length) fail(`the agency filter ${s.name} let through ${JSON.stringify(others)}`);
    if (await page.inputValue('#loc-co-quan') !== s.name) fail(`the agency filter should show ${s.name}`);
  }

  // An entry with a photo shows the agency's thumbnail beside its title:
  // the agency's own files (served here from its build, as its site would),
  // WebP first, decorative, sized, loaded lazily.
  let photos = 0;
  for (const s of list) {
    const feed = JSON.parse(fs.readFileSync(path.join(s.dir, 'feed.json'), 'utf8'));
    const item = feed.items.find((i) => i._pbgdpl && i._pbgdpl.image && i._pbgdpl.image.thumbnails);
    if (!item) continue;
    photos++;
    const [webp, fallback] = item._pbgdpl.image.thumbnails.map((t) => t.url);
    const base = feed.home_page_url;
    await context.route((u) => u.href.startsWith(base), (route) => {
      const file = path.join(s.dir, decodeURIComponent(new URL(route.request().url()).pathname.slice(new URL(base).pathname.length)));
      route.fulfill({ path: file });
    });
    const q = fold(item.title).replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean).slice(0, 8).join(' ');
    await page.goto(server.url(`tim-kiem/?q=${encodeURIComponent(q)}&co-quan=${encodeURIComponent(s.name)}`));
    if (!await searchDone(page)) fail(`hub search for ${s.name}'s "${q}" said nothing`);
    const li = page.locator('#search-results li', { has: page.locator('h2', { hasText: item.title }) }).first();
    const shown = await li.evaluate((el) => {
      const img = el.querySelector('.entry-list__thumb img');
      const source = el.querySelector('.entry-list__thumb source[type="image/webp"]');
      return img && {
        src: img.getAttribute('src'), srcset: source && source.getAttribute('srcset'), alt: img.getAttribute('alt'),
        loading: img.getAttribute('loading'), width: img.getAttribute('width'), height: img.getAttribute('height'),
      };
    }).catch(() => null);
    if (!shown) { fail(`hub search: "${item.title}" (${s.name}) shows no thumbnail`); continue; }
    if (shown.src !== fallback || shown.srcset !== webp) fail(`hub thumbnail of "${item.title}": ${JSON.stringify(shown)}, expected ${fallback} / ${webp}`);
    if (shown.alt !== '' || shown.loading !== 'lazy' || !shown.width || !shown.height) fail(`hub thumbnail attributes: ${JSON.stringify(shown)}`);
    await li.locator('img').waitFor();
    const loaded = await li.locator('img').evaluate((img) => img.decode().then(() => [img.naturalWidth, img.currentSrc], () => [0, img.currentSrc]));
    if (loaded[0] === 0) fail(`hub thumbnail ${JSON.stringify(shown)} did not load`);
    else if (!loaded[1].endsWith('.webp')) fail(`the browser should take the WebP thumbnail, took ${loaded[1]}`);
    await context.unrouteAll();
  }
  if (!photos) fail('no built section has an entry with a photo (the demo has)');
  await context.close();

  // Without JavaScript the hub's search page says so and leads to its
  // lists: every category with entries, every agency's page.
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await nojs.newPage();
  await plain.goto(server.url('tim-kiem/?q=phap+luat'));
  if (!(await plain.textContent('main')).includes('cần JavaScript')) fail('hub: without JavaScript the search page should say it needs it');
  const browse = await plain.$$eval('.search-noscript a', (as) => as.map((a) => a.getAttribute('href')));
  for (const want of ['/tong-hop/van-ban-moi/', '/tong-hop/co-quan/', ...list.map((s) => `/tong-hop/co-quan/${s.name}/`)]) {
    if (!browse.includes(want)) fail(`hub without JavaScript: no link to ${want} (${JSON.stringify(browse)})`);
  }
  for (const l of browse) {
    const res = await plain.request.get(`${server.origin}${l}`);
    if (res.status() !== 200) fail(`hub without JavaScript: ${l} is ${res.status()}`);
  }
  await nojs.close();

  // Small screens: no horizontal scrolling (the status table scrolls in its own region).
  const mobile = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const mpage = await mobile.newPage();
  for (const rel of rels) {
    await mpage.goto(server.url(rel));
    const overflow = await mpage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) fail(`hub/${rel}: ${overflow}px horizontal scroll at 320px wide`);
  }
  await mobile.close();
} finally {
  await browser.close();
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`axe-core checked ${checked} pages of the hub`);
finish('hub');
