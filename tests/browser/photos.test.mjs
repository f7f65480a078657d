// Photos in Chromium (issue 12): on every page of every built site that
// shows a picture, each <img> loads (no broken image), the candidate the
// browser picks from srcset is one of the published files, and every <img>
// has width and height whose ratio is the picture's own, so the page does
// not move while pictures arrive. At a phone's width (390 px) the browser
// picks a small variant, not the largest.
import fs from 'node:fs';
import path from 'node:path';
import { sites, serve, launch, fail, finish } from './lib.mjs';

/** Site-relative addresses of the pages that show a picture. */
function pagesWithPictures(site) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'index.html' && fs.readFileSync(p, 'utf8').includes('<img')) {
        out.push(path.relative(site.dir, path.dirname(p)).split(path.sep).join('/'));
      }
    }
  };
  walk(site.dir);
  return out.sort().map((rel) => (rel ? `${rel}/` : ''));
}

const list = sites();
const browser = await launch();
let checked = 0;
let pictures = 0;
try {
  for (const site of list) {
    const server = await serve(site);
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const rel of pagesWithPictures(site)) {
        const res = await page.goto(server.url(rel), { waitUntil: 'load' });
        if (!res || res.status() !== 200) { fail(`${site.name}/${rel}: HTTP ${res && res.status()}`); continue; }
        // Lazy pictures load when scrolled to: bring each into view.
        const imgs = await page.$$('img');
        for (const img of imgs) await img.scrollIntoViewIfNeeded();
        await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 20000 })
          .catch(() => fail(`${site.name}/${rel}: pictures still loading after 20 s`));
        const found = await page.evaluate(() => [...document.images].map((i) => ({
          src: i.getAttribute('src'),
          current: i.currentSrc,
          natural: [i.naturalWidth, i.naturalHeight],
          attrs: [Number(i.getAttribute('width')), Number(i.getAttribute('height'))],
          box: [i.getBoundingClientRect().width, i.getBoundingClientRect().height],
          cropped: getComputedStyle(i).objectFit === 'cover',
        })));
        for (const i of found) {
          pictures += 1;
          const where = `${site.name}/${rel} (${viewport.width} px) <img src=${i.src}>`;
          if (!i.attrs[0] || !i.attrs[1]) { fail(`${where}: no width/height`); continue; }
          if (i.natural[0] === 0) { fail(`${where}: broken image (${i.current})`); continue; }
          const declared = i.attrs[0] / i.attrs[1];
          const actual = i.natural[0] / i.natural[1];
          if (Math.abs(declared - actual) > 0.02) fail(`${where}: width/height ratio ${declared.toFixed(3)}, the picture's ${actual.toFixed(3)}`);
          if (i.box[0] > 0 && !i.cropped && Math.abs(i.box[0] / i.box[1] - actual) > 0.05) fail(`${where}: shown at ${i.box.join('×')}, out of proportion`);
          if (viewport.width === 390 && i.natural[0] > 1000 && i.box[0] < 400) fail(`${where}: a phone got the ${i.natural[0]} px picture for a ${Math.round(i.box[0])} px box`);
        }
        checked += 1;
      }
      await context.close();
    }
    server.close();
  }
} finally {
  await browser.close();
}
if (pictures < 10) fail(`only ${pictures} pictures seen: the demo and examples have photos`);
console.log(`${pictures} pictures on ${checked} pages checked`);
finish('photos');
