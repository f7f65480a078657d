// Shared helpers for the browser tests: a static server that mounts each
// built site under its own base path (as a portal would), and a Chromium
// launched from Debian's package with a fresh profile.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.pdf': 'application/pdf', '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4', '.vtt': 'text/vtt', '.txt': 'text/plain; charset=utf-8',
};

/** The built sites: { name, dir, basePath } from $PBGDPL_SITES (every
 *  directory there; the build's own bookkeeping beside an output, such as
 *  `.demo.pbgdpl-keys`, is a hidden file and not a site). */
export function sites() {
  const root = process.env.PBGDPL_SITES;
  if (!root) throw new Error('PBGDPL_SITES is not set: run scripts/test');
  const names = fs.readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name);
  return names.sort().map((name) => {
    const dir = path.join(root, name);
    const home = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const canonical = home.match(/<link[^>]*href="?([^" >]+)"?[^>]*rel="?canonical/)
      || home.match(/rel="?canonical"?[^>]*href="?([^" >]+)/);
    if (!canonical) throw new Error(`${name}: no canonical link on the home page`);
    // base: the section's published address (its home page's canonical URL).
    return { name, dir, base: canonical[1], basePath: new URL(canonical[1]).pathname };
  });
}

/** Serves one site at its base path on its own port, as its web server
 *  would (root-relative links need the site mounted where it will live);
 *  resolves to { origin, close }. `headers` go with every response (a
 *  Content-Security-Policy, say). */
export function serve(site, headers = {}) {
  const server = http.createServer((req, res) => {
    const sub = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!sub.startsWith(site.basePath)) { res.writeHead(404); return res.end(); }
    let file = path.normalize(path.join(site.dir, sub.slice(site.basePath.length)));
    if (!file.startsWith(site.dir)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!fs.existsSync(file)) { status = 404; file = path.join(site.dir, '404.html'); }
    res.writeHead(status, { ...headers, 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    resolve({ origin, url: (rel) => `${origin}${site.basePath}${rel}`, close: () => server.close() });
  }));
}

/** Chromium from Debian's package, headless, no network noise. Playwright
 *  gives every launch a fresh temporary profile. */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser;
}

/** Representative pages of every type: home, 404, each category (and its
 *  second page when there is one), and the first entry of each category. */
export function pageTypes(site) {
  const rels = ['', '404.html'];
  for (const cat of fs.readdirSync(site.dir).sort()) {
    const dir = path.join(site.dir, cat);
    if (!fs.statSync(dir).isDirectory() || !fs.existsSync(path.join(dir, 'index.html'))) continue;
    if (cat === 'assets' || cat === 'embed' || cat === 'schemas') continue;
    rels.push(`${cat}/`);
    if (fs.existsSync(path.join(dir, 'page/2/index.html'))) rels.push(`${cat}/page/2/`);
    const entry = fs.readdirSync(dir).sort()
      .find((d) => d !== 'page' && fs.existsSync(path.join(dir, d, 'index.html')));
    if (entry) rels.push(`${cat}/${entry}/`);
    // Filter pages of document categories (/loai/<type>/, /nam/<year>/).
    for (const seg of ['loai', 'nam']) {
      const fdir = path.join(dir, seg);
      if (!fs.existsSync(fdir)) continue;
      const first = fs.readdirSync(fdir).sort()
        .find((d) => fs.existsSync(path.join(fdir, d, 'index.html')));
      if (first) rels.push(`${cat}/${seg}/${first}/`);
    }
    // A statistics data table: its page sits beside its CSV file.
    const table = fs.readdirSync(dir).sort()
      .find((f) => f.endsWith('.csv') && fs.existsSync(path.join(dir, f.slice(0, -4), 'index.html')));
    if (table) rels.push(`${cat}/${table.slice(0, -4)}/`);
  }
  return rels;
}

let failures = 0;
/** Records a failure (the test exits non-zero at the end). */
export function fail(message) {
  failures += 1;
  console.error(`FAIL ${message}`);
}
/** Exits with the test's result. */
export function finish(what) {
  if (failures) {
    console.error(`${what}: ${failures} failure(s)`);
    process.exit(1);
  }
  console.log(`${what}: ok`);
}

/** Waits until a search page has shown what its query found: its status
 *  says something and its result list is no longer being filled (the
 *  client shows results as their files come and keeps the list
 *  aria-busy until the last). Resolves to false when it did not within
 *  `timeout` ms. */
export function searchDone(page, timeout = 10000) {
  return page.waitForFunction(() => document.getElementById('search-status').textContent !== ''
    && !document.getElementById('search-results').hasAttribute('aria-busy'), null, { timeout })
    .then(() => true, () => false);
}
