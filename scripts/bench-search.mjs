#!/usr/bin/env node
// The search benchmark of docs/performance.md: cold queries on a built
// section in Chromium (Debian's, fresh profile per query), served on
// 127.0.0.1 under its base path without compression. For each query: the
// bytes downloaded (from Chromium's network log: the search page, then
// the index's files), and the time from the last keystroke to the first
// result shown (typing, so the client's 150 ms pause after a keystroke is
// included) and from pressing Enter. Not a test: times depend on the
// machine and its load.
//
//   node scripts/bench-search.mjs OUT_DIR [BASE_PATH]   (default /pbgdpl/)
// (run `(cd tests && npm ci)` once for playwright-core)
import os from 'node:os';
import { serve, launch } from '../tests/browser/lib.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: bench-search.mjs OUT_DIR [BASE_PATH]');
const site = { name: 'bench', dir, basePath: process.argv[3] || '/pbgdpl/' };
// QUERIES (one a line) replaces these (scripts/bench-search picks the
// corpus's own document numbers).
const QUERIES = process.env.QUERIES ? process.env.QUERIES.split('\n').filter(Boolean) : [
  'dat dai', 'pháp luật', 'thu tuc hanh chinh', 'ngân sách xã', 'xu phat vi pham hanh chinh',
  'QĐ-UBND', '15/2021/QĐ-UBND', 'hoà giải', 'tuyen truyen pho bien giao duc', 'zzqxw',
];
const RUNS = Number(process.env.RUNS || 3);

const server = await serve(site);
const browser = await launch();
const rows = [];
try {
  for (const q of QUERIES) {
    for (const how of ['typing', 'enter']) {
      const times = [];
      let page0 = 0;
      let index0 = 0;
      let files0 = 0;
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        const urls = new Map();
        const log = [];
        cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
        cdp.on('Network.loadingFinished', (e) => log.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength }));
        await page.goto(server.url('tim-kiem/'));
        await page.waitForLoadState('networkidle');
        const pageBytes = log.reduce((n, r) => n + r.bytes, 0);
        log.length = 0;
        await page.evaluate(() => {
          window.__shown = new Promise((resolve) => {
            const status = document.getElementById('search-status');
            new MutationObserver(() => {
              if (status.textContent) resolve(performance.now());
            }).observe(status, { childList: true, characterData: true, subtree: true });
          });
        });
        let ms;
        if (how === 'typing') {
          await page.type('#q', q.slice(0, -1));
          // The last keystroke: the clock starts as it is typed.
          ms = await page.evaluate(async (last) => {
            const input = document.getElementById('q');
            const t0 = performance.now();
            input.value += last;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            return (await window.__shown) - t0;
          }, q.slice(-1));
        } else {
          await page.fill('#q', q);
          ms = await page.evaluate(async () => {
            const t0 = performance.now();
            document.getElementById('search-form').requestSubmit();
            return (await window.__shown) - t0;
          });
        }
        await page.waitForLoadState('networkidle');
        const index = log.filter((r) => r.url && r.url.includes('/tim-kiem/i/'));
        times.push(ms);
        page0 = pageBytes;
        index0 = index.reduce((n, r) => n + r.bytes, 0);
        files0 = index.length;
        await context.close();
      }
      times.sort((a, b) => a - b);
      rows.push({ q, how, page: page0, index: index0, files: files0, ms: times[Math.floor(times.length / 2)], load: os.loadavg()[0] });
    }
  }
} finally {
  await browser.close();
  server.close();
}
const kb = (n) => (n / 1024).toFixed(1);
console.log('query | how | page KB | index KB (files) | total KB | ms to first results (median) | load');
for (const r of rows) {
  console.log(`${r.q} | ${r.how} | ${kb(r.page)} | ${kb(r.index)} (${r.files}) | ${kb(r.page + r.index)} | ${r.ms.toFixed(0)} | ${r.load.toFixed(1)}`);
}
