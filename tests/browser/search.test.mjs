// Diacritic-insensitive search in a real browser: typing without tones
// finds entries written with them, and the header form leads there.
import { sites, serve, launch, fail, finish } from './lib.mjs';

const site = sites().find((s) => s.name === 'demo');
if (!site) throw new Error('the demo site is not built');
const server = await serve(site);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url(''));
  await page.fill('#site-q', 'ngan sach xa');
  await Promise.all([page.waitForURL(/tim-kiem\/\?q=/), page.press('#site-q', 'Enter')]);
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 5000 })
    .catch(() => fail('no results for "ngan sach xa"'));
  const titles = await page.$$eval('#search-results li h2', (hs) => hs.map((h) => h.textContent));
  if (!titles.some((t) => t.includes('Ngân sách xã') || t.includes('ngân sách xã'))) {
    fail(`"ngan sach xa" should find the entry on ngân sách xã, got ${JSON.stringify(titles.slice(0, 5))}`);
  }
  const status = await page.textContent('#search-status');
  if (!/\d+ kết quả/.test(status)) fail(`status should count results: ${status}`);

  // The same query with diacritics and in capitals gives the same results.
  await page.fill('#q', 'NGÂN SÁCH XÃ');
  await page.press('#q', 'Enter');
  const again = await page.$$eval('#search-results li h2', (hs) => hs.map((h) => h.textContent));
  if (JSON.stringify(again) !== JSON.stringify(titles)) fail('diacritics or case changed the results');

  // A document number is searchable; nonsense finds nothing and says so.
  await page.fill('#q', '89/2025/QH15');
  await page.press('#q', 'Enter');
  const byNumber = await page.$$eval('#search-results li h2', (hs) => hs.map((h) => h.textContent));
  if (!byNumber.length) fail('searching a document number found nothing');
  await page.fill('#q', 'zzqxw');
  await page.press('#q', 'Enter');
  if ((await page.$$('#search-results li')).length !== 0) fail('nonsense query returned results');
  if (!(await page.textContent('#search-status')).includes('Không tìm thấy')) fail('no "not found" message');
} finally {
  await browser.close();
  server.close();
}
finish('search');
