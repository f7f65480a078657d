// The search client's folding and query terms, on the case list the
// indexer is tested on (tests/search/cases.json, tests/search_terms.rs):
// the client looks up exactly the terms the indexer wrote.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = fs.readFileSync(path.join(root, 'src/search/client.js'), 'utf8');
const table = JSON.parse(fs.readFileSync(path.join(root, 'src/search/fold.json'), 'utf8'));
const cases = JSON.parse(fs.readFileSync(path.join(root, 'tests/search/cases.json'), 'utf8'));

// The client as the page runs it, without a page: it exports its core.
const sandbox = { module: { exports: null }, TextDecoder };
vm.runInNewContext(source, sandbox);
const core = sandbox.module.exports(table);

// The page gets the table as code points (src/search/mod.rs, code_points).
const points = Object.fromEntries(Object.entries(table).map(([k, v]) => [k, Array.from(v).map((c) => c.codePointAt(0))]));
const pageCore = sandbox.module.exports(points);

let failures = 0;
function check(what, got, want) {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    failures += 1;
    console.error(`FAIL ${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
}

if (cases.length < 20) check('number of cases', cases.length, '≥ 20');
for (const c of cases) {
  const label = `${JSON.stringify(c.text)} (${c.note})`;
  check(`${label} fold`, core.fold(c.text), c.fold);
  check(`${label} fold (the page's table)`, pageCore.fold(c.text), c.fold);
  const q = core.query(c.text);
  check(`${label} query`, { all: q.all, pairs: q.pairs }, c.query);
  // Every term the query looks up is one the indexer filed the text under.
  for (const t of q.all.concat(q.pairs)) {
    if (!c.terms.includes(t)) check(`${label}: ${t} is indexed`, false, true);
  }
  // Atoms point into the text: the highlighted span folds to the atom.
  for (const a of core.atoms(c.text)) check(`${label} atom ${a.t}`, core.fold(c.text.slice(a.start, a.end)), a.t);
}

// The shard of a term is FNV-1a's low bits, as src/search/mod.rs computes it.
check('FNV-1a of "a"', core.shardOf('a', 1 << 16), 0x292c);

// Posting lists in each form, as the indexer writes them
// (tests/search/lists.json, written and read by tests/search_terms.rs):
// the client reads the same documents, weights and chunks (in typed arrays,
// compared as lists).
const lists = JSON.parse(fs.readFileSync(path.join(root, 'tests/search/lists.json'), 'utf8'));
const shape = (r) => ({ docs: Array.from(r.docs), w: Array.from(r.w), ch: Array.from(r.ch) });
for (const l of lists) check(`list: ${l.note}`, shape(core.decode(Uint8Array.from(l.bytes))), shape(l.read));
check('every form of list', new Set(lists.map((l) => l.bytes[0])).size, 4);

if (failures) {
  console.error(`search-terms: ${failures} failure(s)`);
  process.exit(1);
}
console.log(`search-terms: ok (${cases.length} cases)`);
