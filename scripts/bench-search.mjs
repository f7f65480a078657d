#!/usr/bin/env node
// The search benchmark of docs/performance.md: cold queries on a built
// section in Chromium (Debian's, fresh profile per query), served on
// 127.0.0.1 under its base path without compression. For each query: the
// bytes downloaded (from Chromium's network log: the search page, then
// the index's files — also those the client fetched while the query was
// being typed), and the time from the last keystroke to the first result
// shown (typing, so the client's pause after a keystroke is included) and
// from pressing Enter. The clock stops when the first result item is in
// the list (or the page says nothing was found), and where the client
// marks its steps (performance.mark pbgdpl-search-run / -ranked) the
// table gives when the query started and when it was ranked. Not a test:
// times depend on the machine and its load.
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
/** The median of the numbers in `xs` (undefined when there are none). */
function median(xs) {
  const v = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : undefined;
}

const server = await serve(site);
const browser = await launch();
const rows = [];
try {
  for (const q of QUERIES) {
    for (const how of ['typing', 'enter']) {
      const times = [];
      const runAt = [];
      const rankedAt = [];
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
        const pending = new Set();
        cdp.on('Network.requestWillBeSent', (e) => pending.add(e.requestId));
        cdp.on('Network.loadingFailed', (e) => pending.delete(e.requestId));
        cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
        cdp.on('Network.loadingFinished', (e) => {
          pending.delete(e.requestId);
          log.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength });
        });
        await page.goto(server.url('tim-kiem/'));
        await page.waitForLoadState('networkidle');
        const pageBytes = log.reduce((n, r) => n + r.bytes, 0);
        log.length = 0;
        await page.evaluate(() => {
          // The client's marks after the clock started (the last of each).
          window.__steps = () => {
            const last = (name) => performance.getEntriesByName(`pbgdpl-search-${name}`)
              .map((m) => m.startTime - window.__t0).filter((t) => t >= 0).pop();
            return { run: last('run'), ranked: last('ranked') };
          };
          // Shown: a result item in the list, or (nothing found) the
          // status's text.
          window.__shown = new Promise((resolve) => {
            const status = document.getElementById('search-status');
            const list = document.getElementById('search-results');
            const seen = () => {
              if (list.querySelector('li') || status.textContent) resolve(performance.now());
            };
            new MutationObserver(seen).observe(status, { childList: true, characterData: true, subtree: true });
            new MutationObserver(seen).observe(list, { childList: true, subtree: true });
          });
        });
        let ms;
        let steps;
        if (how === 'typing') {
          await page.type('#q', q.slice(0, -1));
          // The last keystroke: the clock starts as it is typed.
          ms = await page.evaluate(async (last) => {
            const input = document.getElementById('q');
            const t0 = window.__t0 = performance.now();
            input.value += last;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            return (await window.__shown) - t0;
          }, q.slice(-1));
          steps = await page.evaluate(() => window.__steps());
        } else {
          await page.fill('#q', q);
          ms = await page.evaluate(async () => {
            const t0 = window.__t0 = performance.now();
            document.getElementById('search-form').requestSubmit();
            return (await window.__shown) - t0;
          });
          steps = await page.evaluate(() => window.__steps());
        }
        // Every result of the page shown (the client shows them as they
        // come: the list is busy until the last), every request ended.
        await page.waitForFunction(() => !document.getElementById('search-results').hasAttribute('aria-busy'));
        for (let k = 0; k < 250 && pending.size; k++) await page.waitForTimeout(20);
        const index = log.filter((r) => r.url && r.url.includes('/tim-kiem/i/'));
        times.push(ms);
        runAt.push(steps.run);
        rankedAt.push(steps.ranked);
        page0 = pageBytes;
        index0 = index.reduce((n, r) => n + r.bytes, 0);
        files0 = index.length;
        await context.close();
      }
      rows.push({ q, how, page: page0, index: index0, files: files0, ms: median(times), run: median(runAt), ranked: median(rankedAt), load: os.loadavg()[0] });
    }
  }
} finally {
  await browser.close();
  server.close();
}
const kb = (n) => (n / 1024).toFixed(1);
const ms = (t) => (t === undefined ? '-' : t.toFixed(0));
console.log('query | how | page KB | index KB (files) | total KB | ms to first results (median) | query started | ranked | load');
for (const r of rows) {
  console.log(`${r.q} | ${r.how} | ${kb(r.page)} | ${kb(r.index)} (${r.files}) | ${kb(r.page + r.index)} | ${ms(r.ms)} | ${ms(r.run)} | ${ms(r.ranked)} | ${r.load.toFixed(1)}`);
}
