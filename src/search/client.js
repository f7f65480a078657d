/* pbgdpl search: reads the sharded index described in src/search/mod.rs.
   No framework, no request but to the index's own files. The generator
   writes the folding table in (src/search/fold.json, the table the
   indexer folds with) where the page's code calls makeCore. */
(function () {
  'use strict';

  // ---- Folding and terms (the same rules as src/search/tokens.rs) ----
  function makeCore(table) {
    var map = {};
    Object.keys(table).forEach(function (target) {
      // A string of characters (fold.json), or their code points (the page).
      var chars = table[target];
      if (typeof chars === 'string') chars = Array.from(chars);
      else chars = chars.map(function (n) { return String.fromCodePoint(n); });
      for (var i = 0; i < chars.length; i++) map[chars[i]] = target;
    });
    var MAX_ATOM = 40;
    var MAX_RUN = 6;
    var LETTER = /[\p{Alphabetic}\p{N}]/u;
    var ASCII = /[a-z0-9]/;

    // What one character folds to: [kind, text]; kinds: 'l' letters,
    // 'c' connector, 's' space, 'n' nothing, 'b' break.
    function foldChar(c) {
      var t = map[c];
      if (t !== undefined) {
        if (t === '') return ['n', ''];
        if (t === ' ') return ['s', ''];
        if (t === '-' || t === '/') return ['c', t];
        return ['l', t];
      }
      if (c.length === 1 && c.charCodeAt(0) < 128) {
        if (ASCII.test(c)) return ['l', c];
        if (c === '-' || c === '/') return ['c', c];
        if (c === ' ' || c === '\t') return ['s', ''];
        return ['b', ''];
      }
      return LETTER.test(c) ? ['l', c] : ['b', ''];
    }

    // Every atom: { t: folded text, link: 'b' | 's' | '-' | '/', start, end }
    // (offsets in the string, for highlighting).
    function atoms(text) {
      var out = [];
      var buf = '';
      var start = 0;
      var end = 0;
      var gap = { spaces: false, connectors: 0, connector: '', broken: true };
      function link() {
        if (gap.broken) return 'b';
        if (gap.connectors === 1 && !gap.spaces) return gap.connector;
        if (gap.connectors === 0 && gap.spaces) return 's';
        return 'b';
      }
      function finish() {
        if (buf === '') return;
        if (utf8Length(buf) <= MAX_ATOM) {
          out.push({ t: buf, link: link(), start: start, end: end });
          gap = { spaces: false, connectors: 0, connector: '', broken: false };
        } else {
          gap = { spaces: false, connectors: 0, connector: '', broken: true };
        }
        buf = '';
      }
      var i = 0;
      while (i < text.length) {
        var cp = text.codePointAt(i);
        var c = String.fromCodePoint(cp);
        var f = foldChar(c);
        if (f[0] === 'l') {
          if (buf === '') start = i;
          buf += f[1];
          end = i + c.length;
        } else if (f[0] === 'n') {
          if (buf !== '') end = i + c.length;
        } else {
          finish();
          if (f[0] === 'c') { gap.connectors += 1; gap.connector = f[1]; }
          else if (f[0] === 's') gap.spaces = true;
          else gap.broken = true;
        }
        i += c.length;
      }
      finish();
      return out;
    }

    function utf8Length(s) {
      var n = 0;
      for (var i = 0; i < s.length; i++) {
        var c = s.charCodeAt(i);
        if (c < 0x80) n += 1;
        else if (c < 0x800) n += 2;
        else if (c >= 0xd800 && c < 0xdc00) { n += 4; i++; }
        else n += 3;
      }
      return n;
    }

    function fold(text) {
      var out = '';
      var space = false;
      for (var i = 0; i < text.length;) {
        var c = String.fromCodePoint(text.codePointAt(i));
        i += c.length;
        var f = foldChar(c);
        if (f[0] === 's' || f[0] === 'b') { space = true; continue; }
        if (f[0] === 'n') continue;
        if (space && out !== '') out += ' ';
        space = false;
        out += f[1];
      }
      return out;
    }

    // The terms of a query: { all: required, pairs: ranking only,
    // parts: { word: its atoms } for words looked up whole }.
    function query(text) {
      var q = { all: [], pairs: [], parts: {} };
      var words = [];
      var previous = null;
      atoms(text).forEach(function (a) {
        var joined = a.link === '-' || a.link === '/';
        if (joined && words.length) words[words.length - 1].push(a);
        else words.push([a]);
        if (previous !== null && a.link === 's') once(q.pairs, previous + ' ' + a.t);
        previous = a.t;
      });
      words.forEach(function (w) {
        if (w.length === 1 || w.length > MAX_RUN) {
          w.forEach(function (a) { once(q.all, a.t); });
        } else {
          var whole = w.map(function (a, i) { return (i ? a.link : '') + a.t; }).join('');
          once(q.all, whole);
          q.parts[whole] = w.map(function (a) { return a.t; });
        }
      });
      return q;
    }

    function once(list, term) {
      if (list.indexOf(term) < 0) list.push(term);
    }

    // The UTF-8 bytes of a string.
    function utf8(s) {
      var out = [];
      for (var i = 0; i < s.length; i++) {
        var c = s.codePointAt(i);
        if (c > 0xffff) i++;
        if (c < 0x80) out.push(c);
        else if (c < 0x800) out.push(0xc0 | c >> 6, 0x80 | c & 63);
        else if (c < 0x10000) out.push(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
        else out.push(0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
      }
      return out;
    }

    function shardOf(term, count) {
      var h = 0x811c9dc5;
      utf8(term).forEach(function (b) {
        h ^= b;
        h = Math.imul(h, 0x01000193) >>> 0;
      });
      return h & (count - 1);
    }

    // ---- Posting lists (src/search/postings.rs) ----
    function varint(b, at) {
      var n = 0;
      var mul = 1;
      for (;;) {
        if (at.i >= b.length) throw new Error('short list');
        var byte = b[at.i++];
        n += (byte & 0x7f) * mul;
        if (byte < 0x80) return n;
        mul *= 128;
      }
    }

    // { docs: [ids, increasing], w: [weight bytes], ch: [chunk + 1, or 0] },
    // in typed arrays (a common word's list holds nearly every document).
    function decode(b) {
      var form = b[0];
      var at = { i: 1 };
      var docs;
      var w;
      var ch;
      var count;
      var i;
      if (form === 0 || form === 2) {
        count = varint(b, at);
        docs = new Int32Array(count);
        w = new Uint8Array(count);
        ch = new Uint32Array(count);
        var doc = 0;
        for (i = 0; i < count; i++) {
          var gap = varint(b, at);
          doc = i === 0 ? gap : doc + gap;
          docs[i] = doc;
          if (form === 0) {
            w[i] = b[at.i++];
            ch[i] = varint(b, at);
          }
        }
      } else if (form === 1 || form === 3) {
        var len = varint(b, at);
        if (at.i + len > b.length) throw new Error('short list');
        count = 0;
        for (i = 0; i < len; i++) count += BITS[b[at.i + i]];
        docs = new Int32Array(count);
        var n = 0;
        for (i = 0; i < len; i++) {
          var bits = b[at.i + i];
          for (var bit = 0; bits; bit++, bits >>= 1) {
            if (bits & 1) docs[n++] = i * 8 + bit;
          }
        }
        at.i += len;
        w = new Uint8Array(count);
        ch = new Uint32Array(count);
        // Dense: the list's four weight levels, then two bits a document.
        if (form === 1) {
          var levels = [b[at.i], b[at.i + 1], b[at.i + 2], b[at.i + 3]];
          at.i += 4;
          for (i = 0; i < count; i++) w[i] = levels[b[at.i + (i >> 2)] >> (2 * (i & 3)) & 3];
        }
      } else {
        throw new Error('unknown list form ' + form);
      }
      return { docs: docs, w: w, ch: ch };
    }

    // The number of bits set in each byte.
    var BITS = new Uint8Array(256);
    for (var byte = 1; byte < 256; byte++) BITS[byte] = (byte & 1) + BITS[byte >> 1];

    // A weight byte's value: 2^(q/32) - 1, from a table.
    var WEIGHTS = new Float64Array(256);
    for (var q8 = 0; q8 < 256; q8++) WEIGHTS[q8] = Math.pow(2, q8 / 32) - 1;
    function weightOf(q) {
      return WEIGHTS[q];
    }

    // term → { list: bytes } or { file: hex name of its own file }
    function parseShard(b) {
      var out = {};
      var at = { i: 0 };
      var text = new TextDecoder();
      while (at.i < b.length) {
        var len = b[at.i++];
        var term = text.decode(b.subarray(at.i, at.i + len));
        at.i += len;
        var size = varint(b, at);
        var payload = b.subarray(at.i, at.i + size);
        at.i += size;
        if (payload[0] === 4) {
          var hex = '';
          for (var k = 8; k >= 1; k--) hex += (payload[k] < 16 ? '0' : '') + payload[k].toString(16);
          out[term] = { file: hex };
        } else {
          out[term] = { list: payload };
        }
      }
      return out;
    }

    return {
      fold: fold, atoms: atoms, query: query, shardOf: shardOf,
      decode: decode, weightOf: weightOf, parseShard: parseShard
    };
  }

  if (typeof document === 'undefined') {
    // Node (tests/js): the same code, without a page.
    if (typeof module === 'object') module.exports = makeCore;
    return;
  }

  // ---- The search page ----
  var form = document.getElementById('search-form');
  var data = document.getElementById('search-index');
  if (!form || !data) return;
  var core = makeCore(FOLD_TABLE);
  var index = JSON.parse(data.textContent);
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var pager = document.getElementById('search-pages');
  var say = form.dataset;
  var PER_PAGE = 10;
  var FILTERS = { muc: 'c', loai: 't', nam: 'y', 'linh-vuc': 'l', 'co-quan': 'a' };
  var N = index.n;
  // Every file asked for: path → { p: promise of its parsed content,
  // jobs: the queries waiting for it, ctl: its AbortController }. A query
  // is a job ({ paths }); when a newer query replaces it, the files only
  // it was waiting for are cancelled (a reader typing on a slow line
  // does not wait behind the results of what they typed before).
  var cache = {};
  // What the reader has finished typing is fetched before the pause
  // after a keystroke ends (see `ahead`); that job is never cancelled.
  var AHEAD = { paths: [] };

  function hashes(b64) {
    var bin = atob(b64);
    var out = [];
    for (var i = 0; i + 3 < bin.length; i += 4) {
      var h = (bin.charCodeAt(i) | bin.charCodeAt(i + 1) << 8 | bin.charCodeAt(i + 2) << 16 | bin.charCodeAt(i + 3) << 24) >>> 0;
      out.push(('0000000' + h.toString(16)).slice(-8));
    }
    return out;
  }
  var shards = hashes(index.s);
  var groups = hashes(index.g);

  function bytes(b) { return b; }
  function json(b) { return JSON.parse(new TextDecoder().decode(b)); }

  // The index file at `path`, read by `parse`, for `job`. `first`: true
  // (before the others waiting for a connection: the first results'
  // files), false (after them), or absent (the index's lists).
  function get(path, job, parse, first) {
    var e = cache[path];
    if (!e) {
      var ctl = typeof AbortController === 'function' ? new AbortController() : null;
      e = cache[path] = { jobs: [], ctl: ctl, done: false };
      e.p = fetch(index.r + path, { signal: ctl ? ctl.signal : undefined, priority: first === undefined ? 'auto' : first ? 'high' : 'low' })
        .then(function (r) {
          if (!r.ok) throw new Error(path + ': ' + r.status);
          return r.arrayBuffer();
        }).then(function (b) {
          e.done = true;
          return parse(new Uint8Array(b));
        });
      e.p.catch(function () { if (cache[path] === e) delete cache[path]; });
    }
    if (!e.done && e.jobs.indexOf(job) < 0) {
      e.jobs.push(job);
      job.paths.push(path);
    }
    return e.p;
  }

  // `job` waits for nothing any more: cancels what no other job waits for.
  function release(job) {
    job.paths.forEach(function (path) {
      var e = cache[path];
      if (!e || e.done) return;
      e.jobs = e.jobs.filter(function (j) { return j !== job; });
      if (!e.jobs.length && e.ctl) {
        delete cache[path];
        e.ctl.abort();
      }
    });
    job.paths = [];
  }

  // A term's posting list, decoded, or null when no document has it.
  function lookup(term, job) {
    var i = core.shardOf(term, shards.length);
    return get('s/' + i + '.' + shards[i] + '.bin', job, core.parseShard).then(function (terms) {
      var found = terms[term];
      if (!found) return null;
      if (found.list) return core.decode(found.list);
      return get('p/' + found.file + '.bin', job, core.decode);
    });
  }

  function idf(df) {
    return Math.log(1 + (N - df + 0.5) / (df + 0.5));
  }

  // The documents holding every term of `all` and every filter, ranked:
  // { hits: document ids, best first, chunk(doc): the chunk to show, q }.
  function rank(q, filters, job) {
    var lookups = q.all.concat(q.pairs, filters).map(function (t) { return lookup(t, job); });
    return Promise.all(lookups).then(function (lists) {
      var all = lists.slice(0, q.all.length);
      var pairs = lists.slice(q.all.length, q.all.length + q.pairs.length);
      var facets = lists.slice(q.all.length + q.pairs.length);
      var none = { hits: [], q: q };
      // A number not in the index as a whole: look for its parts.
      var missing = [];
      q.all.forEach(function (term, i) {
        if (!all[i] && q.parts[term]) missing.push(term);
      });
      if (missing.length) {
        var again = { all: [], pairs: q.pairs.slice(), parts: {} };
        q.all.forEach(function (term) {
          if (missing.indexOf(term) < 0) again.all.push(term);
          else q.parts[term].forEach(function (p, k, parts) {
            if (again.all.indexOf(p) < 0) again.all.push(p);
            if (k) again.pairs.push(parts[k - 1] + ' ' + p);
          });
        });
        return rank(again, filters, job);
      }
      if (all.some(function (l) { return !l; }) || facets.some(function (l) { return !l; })) return none;
      var required = all.concat(facets);
      if (!required.length) return none;
      // A document is a hit when every required list holds it.
      var need = required.length;
      var seen = new Uint16Array(N);
      var shortest = required[0];
      required.forEach(function (l) {
        if (l.docs.length < shortest.docs.length) shortest = l;
        for (var k = 0; k < l.docs.length; k++) seen[l.docs[k]]++;
      });
      var scores = new Float64Array(N);
      var bestScore = new Float64Array(N);
      var bestChunk = new Uint32Array(N);
      function add(l, factor) {
        if (!l) return;
        var weight = idf(l.docs.length) * factor;
        for (var k = 0; k < l.docs.length; k++) {
          var d = l.docs[k];
          if (seen[d] !== need) continue;
          var s = weight * (l.w[k] ? core.weightOf(l.w[k]) : 1);
          scores[d] += s;
          // The chunk of the best-weighing term with a place in the body.
          if (l.ch[k] && (!bestChunk[d] || bestScore[d] < s)) {
            bestScore[d] = s;
            bestChunk[d] = l.ch[k];
          }
        }
      }
      all.forEach(function (l) { add(l, 1); });
      pairs.forEach(function (l) { add(l, 1.5); });
      var hits = [];
      for (var k = 0; k < shortest.docs.length; k++) {
        if (seen[shortest.docs[k]] === need) hits.push(shortest.docs[k]);
      }
      hits.sort(function (a, b) { return scores[b] - scores[a] || b - a; });
      return { hits: hits, q: q, chunk: function (d) { return bestChunk[d] ? bestChunk[d] - 1 : 0; } };
    });
  }

  // What the result of document `doc` shows (its fragment), with chunk
  // `chunk` of its text.
  function fragment(doc, chunk, job, first) {
    var g = Math.floor(doc / index.gs);
    return get('g/' + g + '.' + groups[g] + '.bin', job, bytes, first).then(function (b) {
      var o = (doc % index.gs) * 4;
      var h = (b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24) >>> 0;
      var name = ('0000000' + h.toString(16)).slice(-8);
      return get('f/' + doc + '.' + name + '.' + chunk + '.json', job, json, first);
    });
  }

  // ---- Showing results ----
  function matcher(q) {
    var wanted = {};
    q.all.concat(q.pairs).forEach(function (t) {
      t.split(/[ \/-]/).forEach(function (a) { if (a) wanted[a] = true; });
    });
    return wanted;
  }

  // Appends `text` to `el`, the atoms `wanted` marked.
  function marked(el, text, wanted) {
    var at = 0;
    var open = null;
    core.atoms(text).forEach(function (a) {
      if (!wanted[a.t]) return;
      if (open && open.end === a.start - 1 && a.link === 's') { open.end = a.end; return; }
      if (open) flush();
      open = { start: a.start, end: a.end };
    });
    if (open) flush();
    if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
    function flush() {
      if (open.start > at) el.appendChild(document.createTextNode(text.slice(at, open.start)));
      var m = document.createElement('mark');
      m.textContent = text.slice(open.start, open.end);
      el.appendChild(m);
      at = open.end;
      open = null;
    }
  }

  // About 30 words of `text` around its best match: [text, found].
  function snippet(text, wanted, pairs) {
    var as = core.atoms(text);
    var WINDOW = 30;
    var best = -1;
    var bestAt = 0;
    for (var i = 0; i < as.length; i++) {
      if (!wanted[as[i].t]) continue;
      var score = 0;
      var seen = {};
      for (var k = i; k < Math.min(as.length, i + WINDOW); k++) {
        if (!wanted[as[k].t]) continue;
        score += seen[as[k].t] ? 0.25 : 1;
        seen[as[k].t] = true;
        if (k > i && as[k].link === 's' && pairs.indexOf(as[k - 1].t + ' ' + as[k].t) >= 0) score += 2;
      }
      if (score > best) { best = score; bestAt = i; }
    }
    if (best < 0) return [text.length > 240 ? text.slice(0, 240).replace(/\s+\S*$/, '') + '\u2026' : text, false];
    var first = Math.max(0, bestAt - 8);
    var last = Math.min(as.length - 1, first + WINDOW);
    var start = first === 0 ? 0 : as[first].start;
    var end = last === as.length - 1 ? text.length : as[last].end;
    return [(start > 0 ? '\u2026' : '') + text.slice(start, end).trim() + (end < text.length ? '\u2026' : ''), true];
  }

  function safeUrl(u) {
    return /^(https?:\/\/|\/(?!\/))/i.test(u) ? u : '#';
  }

  // A thumbnail's address: a web or site address with no white space
  // (it goes into a srcset, where a space would start another candidate).
  function imageUrl(u) {
    return typeof u === 'string' && !/\s/.test(u) && safeUrl(u) === u ? u : '';
  }

  // A srcset of a copy and, when there is one, the copy twice as wide
  // for sharp screens.
  function density(one, two) {
    return two ? one + ' 1x, ' + two + ' 2x' : one;
  }

  // The entry's photo beside its title, as the section's lists show it:
  // WebP first, JPEG/PNG for browsers without it, the small copy on
  // ordinary screens and the one twice as wide on sharp screens, a 4:3
  // box (the CSS crops to it) so the list does not jump while it loads,
  // decorative (alt="") since the linked title says what the entry is.
  function thumbnail(frag) {
    var src = imageUrl(frag.i);
    if (!src) return null;
    var box = document.createElement('div');
    box.className = 'entry-list__thumb';
    var picture = document.createElement('picture');
    var webp = imageUrl(frag.w);
    if (webp) {
      var source = document.createElement('source');
      source.type = 'image/webp';
      source.srcset = density(webp, imageUrl(frag.w2));
      picture.appendChild(source);
    }
    var img = document.createElement('img');
    img.src = src;
    var src2 = imageUrl(frag.i2);
    if (src2) img.srcset = density(src, src2);
    img.width = 160;
    img.height = 120;
    img.alt = '';
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
    picture.appendChild(img);
    box.appendChild(picture);
    return box;
  }

  function show(frag, q, wanted) {
    var li = document.createElement('li');
    li.className = 'entry-list__item';
    var thumb = thumbnail(frag);
    var text = li;
    if (thumb) {
      li.className += ' entry-list__item--photo';
      li.appendChild(thumb);
      text = document.createElement('div');
      text.className = 'entry-list__text';
      li.appendChild(text);
    }
    var h = document.createElement('h2');
    h.className = 'entry-list__title';
    var a = document.createElement('a');
    a.href = safeUrl(frag.u);
    marked(a, frag.t, wanted);
    h.appendChild(a);
    text.appendChild(h);
    var meta = document.createElement('p');
    meta.className = 'entry-list__meta';
    meta.textContent = [frag.c, frag.d, frag.n].filter(Boolean).join(' \u00b7 ');
    text.appendChild(meta);
    var snip = snippet(frag.x || '', wanted, q.pairs);
    if (!snip[1] && frag.s) snip = [frag.s, true];
    if (snip[0]) {
      var p = document.createElement('p');
      p.className = 'entry-list__summary search-results__snippet';
      marked(p, snip[0], wanted);
      text.appendChild(p);
    }
    return li;
  }

  function state() {
    var params = new URLSearchParams(window.location.search);
    var s = { q: params.get('q') || '', page: Math.max(1, parseInt(params.get('trang'), 10) || 1), filters: {} };
    Object.keys(FILTERS).forEach(function (name) {
      var v = params.get(name);
      if (v) s.filters[name] = v;
    });
    return s;
  }

  function address(s) {
    var params = new URLSearchParams();
    if (s.q) params.set('q', s.q);
    Object.keys(FILTERS).forEach(function (name) {
      if (s.filters[name]) params.set(name, s.filters[name]);
    });
    if (s.page > 1) params.set('trang', String(s.page));
    var text = params.toString();
    return window.location.pathname + (text ? '?' + text : '');
  }

  function fromForm() {
    var s = { q: input.value, page: 1, filters: {} };
    Object.keys(FILTERS).forEach(function (name) {
      var el = form.elements[name];
      if (el && el.value) s.filters[name] = el.value;
    });
    return s;
  }

  function toForm(s) {
    input.value = s.q;
    Object.keys(FILTERS).forEach(function (name) {
      var el = form.elements[name];
      if (el) el.value = s.filters[name] || '';
    });
  }

  // Marks in the page's performance timeline (scripts/bench-search.mjs
  // reads them): pbgdpl-search-run, -ranked, -first (the first result or
  // the "nothing found" shown), -done.
  function mark(name) {
    if (window.performance && performance.mark) performance.mark('pbgdpl-search-' + name);
  }

  var current = 0;
  var job = { paths: [] };
  function run(s) {
    var id = ++current;
    var previous = job;
    var mine = job = { paths: [] };
    mark('run');
    var q = core.query(s.q);
    var filters = Object.keys(s.filters).map(function (name) { return FILTERS[name] + ':' + s.filters[name]; });
    if (!q.all.length && !filters.length) {
      release(previous);
      list.textContent = '';
      list.removeAttribute('aria-busy');
      pager.textContent = '';
      status.textContent = '';
      return Promise.resolve();
    }
    list.setAttribute('aria-busy', 'true');
    var ranked = rank(q, filters, mine);
    // What only the previous query still waits for is cancelled once
    // this one has asked for every file it needs.
    ranked.then(function () { release(previous); }, function () { release(previous); });
    return ranked.then(function (result) {
      if (id !== current) return null;
      mark('ranked');
      var hits = result.hits;
      var pages = Math.max(1, Math.ceil(hits.length / PER_PAGE));
      var page = Math.min(s.page, pages);
      var shown = hits.slice((page - 1) * PER_PAGE, page * PER_PAGE);
      var wanted = matcher(result.q);
      function tell() {
        status.textContent = hits.length
          ? hits.length + ' ' + say.results + (s.q ? ': \u201c' + s.q + '\u201d' : '')
            + (pages > 1 ? ' \u00b7 ' + say.page + ' ' + page + '/' + pages : '')
          : say.none;
        paginate(s, page, pages);
        mark('first');
      }
      if (!shown.length) {
        list.textContent = '';
        list.removeAttribute('aria-busy');
        tell();
        return null;
      }
      // Each result is shown as soon as its fragment and those of the
      // results above it have come: the first as early as it can be,
      // the order never changing under the reader's eyes. The count
      // comes with the first result; the list is busy until the last.
      // The first results' files go first; the others' are asked for
      // once the first result is shown (a browser opens only a few
      // connections to a server: they would wait in between).
      var frags = [];
      var next = 0;
      var FIRST = 3;
      return new Promise(function (resolve, reject) {
        function fetchOne(i) {
          var doc = shown[i];
          fragment(doc, result.chunk(doc), mine, i < FIRST).then(function (f) {
            if (id !== current) return resolve();
            frags[i] = f;
            while (next < shown.length && frags[next]) {
              var li = show(frags[next], result.q, wanted);
              if (next === 0) list.textContent = '';
              list.appendChild(li);
              next += 1;
              if (next === 1) {
                tell();
                for (var k = FIRST; k < shown.length; k++) fetchOne(k);
              }
            }
            if (next === shown.length) {
              list.removeAttribute('aria-busy');
              mark('done');
              resolve();
            }
            return null;
          }).catch(reject);
        }
        for (var k = 0; k < Math.min(FIRST, shown.length); k++) fetchOne(k);
      });
    }).catch(function () {
      if (id !== current) return;
      list.removeAttribute('aria-busy');
      status.textContent = say.failed;
    });
  }

  function paginate(s, page, pages) {
    pager.textContent = '';
    if (pages < 2) return;
    var ul = document.createElement('ul');
    ul.className = 'pagination__list';
    function item(n, label, rel) {
      var li = document.createElement('li');
      var target = { q: s.q, filters: s.filters, page: n };
      if (n === page) {
        var cur = document.createElement('span');
        cur.setAttribute('aria-current', 'page');
        cur.textContent = label;
        li.appendChild(cur);
      } else {
        var a = document.createElement('a');
        a.href = address(target);
        a.textContent = label;
        if (rel) a.rel = rel;
        a.addEventListener('click', function (e) {
          e.preventDefault();
          history.pushState(null, '', address(target));
          run(target).then(function () { status.focus(); });
        });
        li.appendChild(a);
      }
      ul.appendChild(li);
    }
    if (page > 1) item(page - 1, say.prev, 'prev');
    for (var n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) item(n, String(n));
    if (page < pages) item(page + 1, say.next, 'next');
    pager.appendChild(ul);
  }

  // The terms of the words the reader has finished (those followed by a
  // space) are looked up while they type the next one: after the pause
  // only the last word's files remain to come. Each file is fetched once
  // and counts toward the query (it is one of the query's terms).
  function ahead() {
    var q = core.query(input.value.replace(/\S+$/, ''));
    q.all.concat(q.pairs).forEach(function (t) {
      lookup(t, AHEAD).catch(function () {});
    });
  }

  // The pause after a keystroke before a query runs: typing on does
  // not start a query per letter.
  var PAUSE = 100;
  var timer = null;
  function changed(now) {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var s = fromForm();
      history.replaceState(null, '', address(s));
      run(s);
    }, now ? 0 : PAUSE);
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); changed(true); });
  input.addEventListener('input', function () {
    ahead();
    changed(false);
  });
  Object.keys(FILTERS).forEach(function (name) {
    var el = form.elements[name];
    if (el) el.addEventListener('change', function () { changed(true); });
  });
  window.addEventListener('popstate', function () {
    var s = state();
    toForm(s);
    run(s);
  });
  var initial = state();
  toForm(initial);
  run(initial);
  window.pbgdplSearch = core;
})();
