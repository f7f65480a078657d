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

// Posting lists in each form read back (src/search/postings.rs).
check('sparse list', core.decode(Uint8Array.from([0, 2, 3, 40, 0, 0x81, 0x05, 200, 4])),
  { docs: [3, 3 + 0x281], w: [40, 200], ch: [0, 4] });
check('dense list', core.decode(Uint8Array.from([1, 1, 0b101, 0x21])), { docs: [0, 2], w: [16, 32], ch: [0, 0] });
check('ids', core.decode(Uint8Array.from([2, 2, 5, 85])), { docs: [5, 90], w: [0, 0], ch: [0, 0] });
check('bits', core.decode(Uint8Array.from([3, 2, 0, 0x80])), { docs: [15], w: [0], ch: [0] });

if (failures) {
  console.error(`search-terms: ${failures} failure(s)`);
  process.exit(1);
}
console.log(`search-terms: ok (${cases.length} cases)`);
