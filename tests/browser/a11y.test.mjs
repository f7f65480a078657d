// WCAG 2.2 AA checks with axe-core in Chromium over every page type of
// every built site, plus keyboard and small-screen checks axe cannot do.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { sites, serve, launch, pageTypes, fail, finish } from './lib.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const list = sites();
const servers = new Map();
for (const site of list) servers.set(site.name, await serve(site));
const browser = await launch();
let checked = 0;
try {
  for (const site of list) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const rel of pageTypes(site)) {
      const res = await page.goto(servers.get(site.name).url(rel));
      if (!res || res.status() !== 200) { fail(`${site.name}/${rel}: HTTP ${res && res.status()}`); continue; }
      const styled = await page.evaluate(() => getComputedStyle(document.body).margin === '0px');
      if (!styled) fail(`${site.name}/${rel}: the stylesheet did not load`);
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async (tags) => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      }, TAGS);
      for (const v of result) fail(`${site.name}/${rel}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.join(', ')}`);
      checked += 1;
    }
    await context.close();
  }

  // Keyboard: the first Tab reaches a visible skip link that moves focus to main.
  const site = list[0];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(servers.get(site.name).url(''));
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return { cls: el.className, top: r.top, visible: r.width > 0 && r.top >= 0, outline: style.outlineStyle };
  });
  if (skip.cls !== 'skip-link' || !skip.visible) fail(`first Tab should show the skip link: ${JSON.stringify(skip)}`);
  if (skip.outline === 'none') fail('the focused skip link has no visible focus outline');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id);
  if (focused !== 'main') fail(`the skip link should move focus to main, got #${focused}`);
  await context.close();

  // Small screens (320 CSS px, WCAG 1.4.10 reflow): no horizontal scrolling.
  const mobile = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const mpage = await mobile.newPage();
  for (const s of list) {
    for (const rel of pageTypes(s)) {
      await mpage.goto(servers.get(s.name).url(rel));
      const overflow = await mpage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) fail(`${s.name}/${rel}: ${overflow}px horizontal scroll at 320px wide`);
    }
  }
  await mobile.close();
} finally {
  await browser.close();
  for (const s of servers.values()) s.close();
}
if (checked < 20) fail(`only ${checked} pages checked`);
console.log(`axe-core checked ${checked} pages of ${list.length} sites`);
finish('accessibility');
