// News from upstream ([upstream] in site.toml) in a real browser.
//
// 1. examples/ubnd-xa names the provincial hub's feed and has a committed
//    copy of it in .pbgdpl-cache/upstream/; scripts/test builds it
//    --offline: its home page and both embeds show that copy's newest items.
// 2. A copy of that example whose saved feed turns hostile — scripts and
//    event handlers in titles and names, javascript: and data: addresses,
//    an image from a third party — is built --offline with $PBGDPL_BIN.
//    In Chromium, the upstream block holds no script element, no on…
//    attribute and only http(s) links; no dialog opens, no payload runs
//    (after hovering and focusing every element), and the page asks
//    nothing of any server but its own (its files by the section's full
//    address count as its own: the embeds' thumbnails use it).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sites, serve, launch, fail, finish } from './lib.mjs';

const bin = process.env.PBGDPL_BIN;
if (!bin) throw new Error('PBGDPL_BIN is not set: run scripts/test');
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const COPY = '.pbgdpl-cache/upstream/cb944ef2441db4e3.feed';

const example = sites().find((s) => s.name === 'ubnd-xa');
if (!example) throw new Error('examples/ubnd-xa is not among the built sites');

const FLAG = 'window.__pwned = (window.__pwned || 0) + 1';
const hostile = {
  version: 'https://jsonfeed.org/version/1.1',
  title: `<img src=x onerror="${FLAG}">Trang tỉnh`,
  home_page_url: `javascript:${FLAG}`,
  items: [
    { id: '1', title: `<script>${FLAG}</script>Tin <b onmouseover="${FLAG}">thật</b>`, url: 'https://pbgdpl.example.gov.vn/that/',
      date_published: '2026-11-21T08:00:00+07:00', image: 'https://tracker.example/pixel.gif',
      content_html: `<script>${FLAG}</script><img src="https://tracker.example/a.gif">`,
      authors: [{ name: `<a href="javascript:${FLAG}">Kẻ xấu</a>`, avatar: 'https://tracker.example/b.png' }] },
    { id: '2', title: 'Địa chỉ javascript', url: `javascript:${FLAG}`, date_published: '2026-11-21T08:00:00+07:00' },
    { id: '3', title: 'Địa chỉ data', url: `data:text/html,<script>${FLAG}</script>`, date_published: '2026-11-21T08:00:00+07:00' },
    { id: '4', title: `"><svg onload="${FLAG}">`, url: `https://pbgdpl.example.gov.vn/x/"onfocus="${FLAG}`, date_published: '2026-11-20T08:00:00+07:00' },
  ],
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-upstream-'));
const src = path.join(work, 'src');
fs.cpSync(path.join(repo, 'examples/ubnd-xa'), src, { recursive: true });
fs.writeFileSync(path.join(src, COPY), JSON.stringify(hostile));
const out = path.join(work, 'out');
execFileSync(bin, ['build', '--offline', '--quiet', '--root', src, '--out', out], {
  env: { ...process.env, PBGDPL_TODAY: '2026-11-22' },
});
const hostileSite = { name: 'ubnd-xa-hostile', dir: out, base: example.base, basePath: example.basePath };

const PAGES = ['', 'embed/section.html', 'embed/latest.html'];
const BLOCK = 'section.upstream, .pbgdpl-embed__upstream';

const browser = await launch();
try {
  for (const site of [example, hostileSite]) {
    const server = await serve(site);
    const origin = new URL(server.url('')).origin;
    const context = await browser.newContext();
    await context.addInitScript(() => { window.__pwned = 0; });
    const page = await context.newPage();
    const elsewhere = [];
    // The section's own files count as its own server: the embeds, shown
    // inside other portals, address them by the section's full address
    // (the thumbnails). Anything else — an upstream item's image — is not.
    const own = (url) => new URL(url).origin === origin || url.startsWith(site.base);
    page.on('request', (r) => { if (!own(r.url())) elsewhere.push(r.url()); });
    page.on('dialog', async (d) => { fail(`${site.name}: a dialog opened: ${d.message()}`); await d.dismiss(); });
    for (const rel of PAGES) {
      const res = await page.goto(server.url(rel));
      if (!res || res.status() !== 200) { fail(`${site.name}/${rel}: HTTP ${res && res.status()}`); continue; }
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('*')) {
          for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error']) el.dispatchEvent(new Event(type));
        }
      });
      const found = await page.evaluate((sel) => {
        const blocks = [...document.querySelectorAll(sel)];
        const bad = [];
        for (const b of blocks) {
          for (const el of [b, ...b.querySelectorAll('*')]) {
            if (['script', 'iframe', 'object', 'embed', 'img', 'svg', 'style', 'link'].includes(el.localName)) bad.push(`<${el.localName}>`);
            for (const a of el.getAttributeNames()) if (a.startsWith('on')) bad.push(`${a}= on <${el.localName}>`);
          }
          for (const a of b.querySelectorAll('a')) if (!/^https?:\/\//.test(a.getAttribute('href'))) bad.push(`href=${a.getAttribute('href')}`);
        }
        const items = blocks.flatMap((b) => [...b.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()));
        const headings = blocks.map((b) => b.querySelector('h2').textContent.trim());
        return { bad, items, headings, pwned: window.__pwned, scripts: document.scripts.length };
      }, BLOCK);
      for (const b of found.bad) fail(`${site.name}/${rel}: ${b}`);
      if (found.pwned) fail(`${site.name}/${rel}: a script from the upstream feed ran (${found.pwned} times)`);
      if (found.headings.length !== 1) fail(`${site.name}/${rel}: ${found.headings.length} upstream blocks`);
      if (found.headings[0] !== 'Tin từ Trang PBGDPL tỉnh') fail(`${site.name}/${rel}: heading ${found.headings[0]}`);
      if (site === example) {
        // The committed copy: its 4 newest items, newest first.
        const want = [
          'Hộ kinh doanh nộp thuế thế nào từ năm 2026? 20/11/2026 · Sở Tài chính tỉnh Thử Nghiệm',
          'Giới thiệu Luật Dữ liệu số 60/2024/QH15 18/11/2026 · Sở Tư pháp tỉnh Thử Nghiệm',
          'Tập huấn kỹ năng cho hòa giải viên ở cơ sở xã Phúc Hòa 14/11/2026 · UBND xã Phúc Hòa, tỉnh Thử Nghiệm',
          'Tỉnh Thử Nghiệm hưởng ứng Ngày Pháp luật Việt Nam năm 2026 09/11/2026 · Sở Tư pháp tỉnh Thử Nghiệm',
        ];
        if (JSON.stringify(found.items) !== JSON.stringify(want)) fail(`${site.name}/${rel}: items ${JSON.stringify(found.items)}`);
      } else {
        // Text stays text; the javascript: and data: items are left out.
        const want = [
          `${FLAG}Tin thật 21/11/2026 · Kẻ xấu`,
          '"> 20/11/2026 · Trang tỉnh',
        ];
        if (JSON.stringify(found.items) !== JSON.stringify(want)) fail(`${site.name}/${rel}: items ${JSON.stringify(found.items)}`);
      }
    }
    if (elsewhere.length) fail(`${site.name}: requests to other servers: ${elsewhere.join(', ')}`);
    await context.close();
    server.close();
  }
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
finish('upstream');
