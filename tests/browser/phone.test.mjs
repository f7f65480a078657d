// The phone first (issue 12, item 4), in Chromium at 390×844 — a common
// phone screen — with JavaScript OFF (what works without it works with
// it):
//  - the category menu is folded behind one button (<details>) that opens
//    and shows every category;
//  - the search box is on the first screen of every page but the search
//    page;
//  - on every entry page, the title and the start of the text are on the
//    first screen (positions of the elements, not pixels).
// At 1280 px the full list of categories stands beside the content.
import { sites, serve, launch, pageTypes, fail, finish } from './lib.mjs';

const WIDTH = 390;
const HEIGHT = 844;
const list = sites();
const browser = await launch();
let entries = 0;
let pages = 0;
try {
  for (const site of list) {
    const server = await serve(site);
    const phone = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, javaScriptEnabled: false });
    const page = await phone.newPage();
    for (const rel of pageTypes(site)) {
      const res = await page.goto(server.url(rel));
      if (!res || res.status() !== (rel === '404.html' ? 404 : 200) && res.status() !== 200) continue;
      const where = `${site.name}/${rel}`;
      const state = await page.evaluate(() => {
        const box = (el) => (el ? el.getBoundingClientRect().toJSON() : null);
        const menu = document.querySelector('details.site-nav__compact');
        const full = document.querySelector('.site-nav__full');
        const title = document.querySelector('h1');
        // The start of the text: the summary, the first paragraph of the
        // body, the question — whichever comes first after the title.
        const text = document.querySelector('.entry .entry__summary, .entry .qa__question, .entry .prose > *');
        return {
          menu: menu && { open: menu.open, box: box(menu.querySelector('summary')) },
          fullShown: full ? getComputedStyle(full).display !== 'none' : false,
          search: box(document.querySelector('#site-q')),
          isEntry: !!document.querySelector('article.entry'),
          title: box(title),
          text: box(text),
        };
      });
      pages += 1;
      if (!state.menu) { fail(`${where}: no folded category menu`); continue; }
      if (state.menu.open) fail(`${where}: the category menu is open on a phone`);
      if (state.fullShown) fail(`${where}: the full category list is shown on a phone`);
      if (state.menu.box.bottom > HEIGHT) fail(`${where}: the menu button is below the first screen`);
      if (!rel.startsWith('tim-kiem') && (!state.search || state.search.bottom > HEIGHT)) {
        fail(`${where}: the search box is not on the first screen (${JSON.stringify(state.search)})`);
      }
      if (state.isEntry) {
        entries += 1;
        if (!state.title || state.title.bottom > HEIGHT) fail(`${where}: the title ends at ${state.title && Math.round(state.title.bottom)} px, below the first screen`);
        if (!state.text || state.text.top + 20 > HEIGHT) fail(`${where}: the text starts at ${state.text && Math.round(state.text.top)} px, below the first screen`);
      }
    }
    // The button opens the menu without JavaScript.
    await page.goto(server.url(''));
    await page.click('details.site-nav__compact > summary');
    const opened = await page.evaluate(() => {
      const menu = document.querySelector('details.site-nav__compact');
      const links = [...menu.querySelectorAll('a')].filter((a) => a.getBoundingClientRect().height > 0);
      return { open: menu.open, shown: links.length, all: menu.querySelectorAll('a').length };
    });
    if (!opened.open || opened.shown === 0 || opened.shown !== opened.all) fail(`${site.name}: the menu button did not show the categories: ${JSON.stringify(opened)}`);
    await phone.close();

    const wide = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const wpage = await wide.newPage();
    await wpage.goto(server.url(''));
    const desk = await wpage.evaluate(() => ({
      full: getComputedStyle(document.querySelector('.site-nav__full')).display,
      compact: getComputedStyle(document.querySelector('.site-nav__compact')).display,
    }));
    if (desk.full === 'none' || desk.compact !== 'none') fail(`${site.name}: at 1280 px the full category list should show: ${JSON.stringify(desk)}`);
    await wide.close();
    server.close();
  }
} finally {
  await browser.close();
}
if (entries < 10) fail(`only ${entries} entry pages checked`);
console.log(`${pages} pages, ${entries} entries checked at ${WIDTH}×${HEIGHT}`);
finish('phone');
