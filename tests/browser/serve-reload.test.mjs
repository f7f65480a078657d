// `pbgdpl serve` in a real browser, three tabs open on a copy of the serve
// fixture: after an edit that moves a news item to the top of its list,
// the tab on the news list reloads with the new order (rendered first),
// the tab on the search page reloads once the rest of the site has
// followed (the search index it loaded changed), and the tab on an
// unrelated page is left alone.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { launch, fail, finish } from './lib.mjs';

const bin = process.env.PBGDPL_BIN;
if (!bin) throw new Error('PBGDPL_BIN is not set: run scripts/test');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-serve-'));
const root = path.join(work, 'site');
fs.cpSync(path.join(repo, 'tests/fixtures/serve-site'), root, { recursive: true });

const child = spawn(bin, ['serve', '--port', '0', '--today', '2026-11-22', '--color', 'never', '--root', root],
  { stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => { stderr += d; });
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stderr}`)), 60000);
  readline.createInterface({ input: child.stdout }).once('line', (line) => {
    clearTimeout(timer);
    resolve(line.trim());
  });
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Marks a tab; a reload forgets the mark. */
const mark = (page) => page.evaluate(() => { window.__pbgdplKept = true; });
/** Whether the tab reloaded within `ms` (its mark is gone). */
async function reloaded(page, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if (await page.evaluate(() => window.__pbgdplKept !== true)) {
        await page.waitForLoadState('load');
        return true;
      }
    } catch { /* navigating */ }
    await sleep(100);
  }
  return false;
}

const browser = await launch();
try {
  const list = await browser.newPage();
  await list.goto(`${url}tin-tuc/`);
  const search = await browser.newPage();
  await search.goto(`${url}tim-kiem/?q=ra%20quan%20tuyen%20truyen`);
  await search.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 10000 })
    .catch(() => fail('the search page found nothing before the edit'));
  const other = await browser.newPage();
  await other.goto(`${url}hoi-dap/quyen-thua-ke-dat-dai/`);
  for (const page of [list, search, other]) await mark(page);
  if ((await list.textContent('main')).includes('Ra quân tuyên truyền')) fail('the oldest item should be on page 2 before the edit');
  // Let the three event streams register.
  await sleep(1000);

  const file = path.join(root, 'content/tin-tuc/ra-quan-tuyen-truyen.md');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace('date = 2026-09-01', 'date = 2026-11-20')
    .replace('Ra quân tuyên truyền pháp luật về an toàn giao thông', 'Ra quân tuyên truyền Luật Trật tự, an toàn giao thông đường bộ'));

  if (!(await reloaded(list, 20000))) {
    fail(`the news list did not reload:\n${stderr}`);
  } else {
    const main = await list.textContent('main');
    const moved = main.indexOf('Ra quân tuyên truyền Luật Trật tự');
    const newest = main.indexOf('Hưởng ứng Ngày Pháp luật');
    if (moved < 0 || newest < 0 || moved > newest) fail('the news list should show the re-dated item first');
  }
  if (!(await reloaded(search, 20000))) fail('the search page did not reload after its index changed');
  else {
    await search.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 10000 })
      .catch(() => fail('the reloaded search page found nothing'));
    const results = await search.textContent('#search-results');
    if (!results.includes('Luật Trật tự')) fail('the reloaded search page should find the new title');
  }
  await sleep(1500);
  if (await reloaded(other, 100)) fail('a page the edit did not change was reloaded');
} finally {
  await browser.close();
  child.kill();
  fs.rmSync(work, { recursive: true, force: true });
}
finish('serve: pages reload when what they show changed');
