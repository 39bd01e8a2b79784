/* annals search: reads the index `annals build` writes under search/index/ (format described in
   src/search/mod.rs) and shows ranked results in the search page's <ol class="search-results">.
   No dependencies. The tokenizer below is the one in src/search/tokenize.rs, rule for rule;
   tests/search.rs runs both on one table of cases. */
(function () {
  'use strict';

  // ---- tokenizer (same rules as src/search/tokenize.rs) ----
  var UNITS = '만억조경';
  function isHangul(c) { return c >= 0xac00 && c <= 0xd7a3; }
  function isSpace(c) { return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000; }
  function isDigit(c) { return c >= 48 && c <= 57; }
  function isLower(c) { return c >= 97 && c <= 122; }
  function fold(c) {
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    return c >= 65 && c <= 90 ? c + 32 : c;
  }

  // The number `num` times 10^zeros as plain digits; with more decimals than that, num + unit.
  function scale(num, zeros, unit) {
    var dot = num.indexOf('.'), int = dot < 0 ? num : num.slice(0, dot), frac = dot < 0 ? '' : num.slice(dot + 1);
    if (frac.length > zeros) return num + unit;
    var digits = (int + frac + '0'.repeat(zeros - frac.length)).replace(/^0+/, '');
    return digits || '0';
  }

  // emit(text, kind, cross, start, end): kind is b(igram), s(yllable), w(ord) or n(umber);
  // start/end index the NFC form of text (the same string for NFC input, as content is).
  function tokenize(text, emit) {
    var s = text.normalize('NFC');
    var n = s.length, cs = new Array(n), i;
    for (i = 0; i < n; i++) cs[i] = fold(s.charCodeAt(i));
    var prev = -1, prevAt = 0, len = 0, spaced = false, word = null, wordAt = 0;
    var at = function (j) { return j < n ? cs[j] : -1; };
    function endPhrase() {
      if (prev >= 0 && len === 1) emit(String.fromCharCode(prev), 's', false, prevAt, prevAt + 1);
      prev = -1; len = 0; spaced = false;
    }
    i = 0;
    while (i < n) {
      var c = cs[i];
      if (isHangul(c)) {
        if (prev < 0 && word !== null) emit(word + '|' + String.fromCharCode(c), 'j', true, wordAt, i + 1);
        word = null;
        if (prev >= 0) emit(String.fromCharCode(prev, c), 'b', spaced, prevAt, i + 1);
        prev = c; prevAt = i; len++; spaced = false; i++;
        continue;
      }
      if (isSpace(c)) { spaced = prev >= 0; i++; continue; }
      var before = prev, beforeAt = prevAt;
      endPhrase();
      word = null;
      if (isDigit(c) || isLower(c)) {
        var start = i, buf = '', dot = false;
        while (i < n) {
          c = cs[i];
          if (isDigit(c) || isLower(c)) buf += String.fromCharCode(c);
          else if (c === 44 && i > 0 && isDigit(at(i - 1)) && isDigit(at(i + 1)) && isDigit(at(i + 2)) && isDigit(at(i + 3)) && !isDigit(at(i + 4))) { /* thousands comma */ }
          else if (c === 46 && !dot && i > 0 && isDigit(at(i - 1)) && isDigit(at(i + 1))) { dot = true; buf += '.'; }
          else if (c === 38 && i > 0 && isLower(at(i - 1)) && isLower(at(i + 1))) buf += '&';
          else break;
          i++;
        }
        if (/^[0-9][0-9.]*$/.test(buf)) {
          var u = i < n ? UNITS.indexOf(String.fromCharCode(cs[i])) : -1;
          if (u >= 0) { buf = scale(buf, 4 * (u + 1), UNITS[u]); i++; }
          if (i < n && cs[i] === 0xc6d0 /* 원 */) i++;
          emit(buf, 'n', false, start, i);
        } else {
          emit(buf, 'w', false, start, i);
          if (before >= 0) emit(String.fromCharCode(before) + '|' + buf, 'j', true, beforeAt, i);
          word = buf; wordAt = start;
        }
      } else {
        i++;
      }
    }
    endPhrase();
  }

  // FNV-1a, 64 bits, over UTF-8 (src/search/tokenize.rs `hash`).
  var enc = typeof TextEncoder === 'function' ? new TextEncoder() : null;
  var P = BigInt('0x100000001b3'), M = (BigInt(1) << BigInt(64)) - BigInt(1);
  function hash(token) {
    var h = BigInt('0xcbf29ce484222325'), bytes = enc.encode(token);
    for (var i = 0; i < bytes.length; i++) h = ((h ^ BigInt(bytes[i])) * P) & M;
    return h;
  }

  // ---- query plan ----
  // Particles (조사) a query word may end with: their bigrams are left out of the query (and not
  // even fetched), so 지역에서 finds, ranks and costs what 지역 does. Longest first.
  var PARTICLES = ('으로부터 에서부터 에게서 이라고 에서는 에서도 에서의 으로는 으로도 으로서 으로써 ' +
    '에서 에게 께서 으로 부터 까지 마다 조차 처럼 보다 라고 이나 이며 에는 에도 와는 과는 와의 과의 ' +
    '이란 로서 로써 에의 의 을 를 이 가 은 는 에 와 과 도 로 만 께 나 랑').split(' ');

  function stemOf(word) {
    for (var k = 0; k < PARTICLES.length; k++) {
      var p = PARTICLES[k];
      if (word.length > p.length && word.slice(-p.length) === p) {
        var stem = word.slice(0, -p.length), a = stem.charCodeAt(stem.length - 1), b = stem.charCodeAt(stem.length - 2);
        if (isHangul(a) ? isHangul(b) : (isDigit(fold(a)) || isLower(fold(a)))) return stem;
      }
    }
    return null;
  }

  function plan(query) {
    var need = [], optional = [], cross = [], seen = {}, joins = {};
    function add(list, t) { if (!seen[t]) { seen[t] = 1; list.push(t); } }
    var words = query.normalize('NFC').split(/[\s\u3000]+/).filter(Boolean);
    var stripped = [];
    words.forEach(function (w, wi) {
      var all = [], core = [], stem = stemOf(w);
      tokenize(w, function (t, k) { all.push(t); if (k === 'j') joins[t] = 1; });
      if (stem) tokenize(stem, function (t) { core.push(t); });
      else core = all;
      stripped[wi] = !!stem;
      core.forEach(function (t) { add(joins[t] ? cross : need, t); });
      all.slice(core.length).forEach(function (t) { add(optional, t); });
    });
    // Bigrams across the spaces of the query: the phrase as typed ranks first; when nothing
    // has it, the words may stand apart.
    for (var i = 0; i + 1 < words.length; i++) {
      tokenize(words[i] + ' ' + words[i + 1], function (t, k, x) {
        if (x) add(stripped[i] ? optional : cross, t);
      });
    }
    return { need: need, optional: optional, cross: cross };
  }

  // ---- index ----
  function Engine(indexUrl, fetcher) {
    this.url = indexUrl;
    this.fetch = fetcher || function (u, o) { return fetch(u, o); };
    this.chunks = {};
    this.docs = {};
    this.meta = null;
  }

  Engine.prototype.load = function () {
    var self = this;
    if (!this.meta) {
      this.meta = this.fetch(this.url + 'meta.json', { cache: 'no-cache' }).then(function (r) {
        if (!r.ok) throw new Error('search index missing (' + r.status + ')');
        return r.json();
      });
    }
    return this.meta.then(function (m) { self.n = m.briefs; self.k = BigInt(m.chunks); self.v = m.version; return m; });
  };

  // ---- files: a directory first, then what it points to, read with Range requests ----
  function u32(b, p) { return (b[p] | b[p + 1] << 8 | b[p + 2] << 16 | b[p + 3] << 24) >>> 0; }

  // Bytes [from, to] of a file: {bytes, whole}, whole when the server ignored the range and sent
  // the whole file (bytes is then the file).
  Engine.prototype.range = function (name, from, to) {
    var url = this.url + name + '?v=' + this.v;
    return this.fetch(url, { headers: { Range: 'bytes=' + from + '-' + to } }).then(function (r) {
      if (!r.ok) throw new Error('search file ' + name + ' missing (' + r.status + ')');
      return r.arrayBuffer().then(function (b) { return { bytes: new Uint8Array(b), whole: r.status !== 206 }; });
    });
  };

  // A file's first `size` bytes (or all of it), extended to `need` bytes when they are not there.
  Engine.prototype.head = function (name, size, need) {
    var self = this;
    return this.range(name, 0, size - 1).then(function (f) {
      var more = need ? need(f.bytes) : 0;
      if (f.whole || f.bytes.length >= more) return f;
      return self.range(name, f.bytes.length, more - 1).then(function (g) {
        if (g.whole) return g;
        var all = new Uint8Array(f.bytes.length + g.bytes.length);
        all.set(f.bytes);
        all.set(g.bytes, f.bytes.length);
        return { bytes: all, whole: false };
      });
    });
  };

  // `len` bytes at `from` of a file whose head is `f`.
  Engine.prototype.slice = function (name, f, from, len) {
    if (f.whole || from + len <= f.bytes.length) return Promise.resolve(f.bytes.subarray(from, from + len));
    if (!len) return Promise.resolve(new Uint8Array(0));
    return this.range(name, from, from + len - 1).then(function (g) {
      if (g.whole) { f.bytes = g.bytes; f.whole = true; return g.bytes.subarray(from, from + len); }
      return g.bytes;
    });
  };

  // Token chunk k: its head with the directory parsed (key -> [offset, length]).
  Engine.prototype.chunk = function (k) {
    if (!this.chunks[k]) {
      var name = 't' + k + '.bin';
      this.chunks[k] = this.head(name, 1024, function (b) { return 4 + u32(b, 0); }).then(function (f) {
        var end = 4 + u32(f.bytes, 0), pos = 4, at = end, b = f.bytes, dir = {};
        while (pos < end) {
          var key = u32(b, pos), len = 0, mul = 1, x;
          pos += 4;
          do { x = b[pos++]; len += (x & 127) * mul; mul *= 128; } while (x >= 128);
          dir[key] = [at, len];
          at += len;
        }
        f.dir = dir;
        f.name = name;
        return f;
      });
    }
    return this.chunks[k];
  };

  // One token's briefs as flags per brief: 1 any, 2 title, 4 summary, 8 terms, 16 body often.
  Engine.prototype.token = function (t) {
    var self = this, h = hash(t), k = Number(h % this.k), key = Number(h >> BigInt(32));
    return this.chunk(k).then(function (f) {
      var e = f.dir[key];
      if (!e) return { flags: null, count: 0 };
      return self.slice(f.name, f, e[0], e[1]).then(function (b) { return self.decode(b); });
    });
  };

  Engine.prototype.decode = function (b) {
    var pos = 0, n = this.n;
    function varint() {
      var v = 0, mul = 1, x;
      do { x = b[pos++]; v += (x & 127) * mul; mul *= 128; } while (x >= 128);
      return v;
    }
    var flags = new Uint8Array(n), count = 0;
    for (var s = 0; s < 5; s++) {
      var h = varint(), form = h % 4, size = (h - form) / 4, bit = 1 << s, d, j;
      if (form === 1) {
        for (j = 0; j < size; j++) {
          var byte = b[pos + j];
          if (byte) for (d = 0; d < 8; d++) if (byte & (1 << d)) flags[j * 8 + d] |= bit;
        }
        pos += size;
      } else {
        // Rice-coded gaps of the members (form 0) or of the others (form 2).
        var mark = form ? new Uint8Array(n) : flags, on = form ? 1 : bit;
        if (size) {
          var k = b[pos++], at = pos * 8;
          for (j = 0, d = -1; j < size; j++) {
            var q = 0, r = 0, t;
            while (b[at >> 3] >> (at & 7) & 1) { q++; at++; }
            at++;
            for (t = 0; t < k; t++, at++) r += (b[at >> 3] >> (at & 7) & 1) * Math.pow(2, t);
            d += q * Math.pow(2, k) + r + 1;
            mark[d] |= on;
          }
          pos = (at + 7) >> 3;
        }
        if (form) for (d = 0; d < n; d++) if (!mark[d]) flags[d] |= bit;
      }
      if (s === 0) for (j = 0; j < n; j++) count += flags[j] & 1;
    }
    return { flags: flags, count: count };
  };

  // ---- search ----
  var WEIGHTS = [0, 8, 3, 4]; // title, summary, terms; the body counts 1, often 0.5 more

  Engine.prototype.search = function (query, filters) {
    var self = this, p = plan(query), names = [];
    var filterTokens = [];
    ['region', 'sector', 'year'].forEach(function (f) {
      if (filters && filters[f]) filterTokens.push('=' + f + ':' + filters[f]);
    });
    var all = p.need.concat(p.cross, filterTokens);
    return this.load().then(function () {
      return Promise.all(all.map(function (t) { return self.token(t); }));
    }).then(function (got) {
      var by = {};
      all.forEach(function (t, i) { by[t] = got[i]; names.push(t); });
      return self.rank(p, by, filterTokens);
    });
  };

  Engine.prototype.rank = function (p, by, filterTokens) {
    var n = this.n, need = p.need;
    var allowed = new Uint8Array(n).fill(1);
    filterTokens.forEach(function (t) {
      var f = by[t].flags;
      for (var d = 0; d < n; d++) if (!f || !(f[d] & 1)) allowed[d] = 0;
    });
    // Briefs with every token of `list` but at most `missing` (when two may be missing, they
    // must be neighbours: the two pairs one wrong syllable inside a word breaks).
    function matching(list, missing) {
      var out = [];
      for (var d = 0; d < n; d++) {
        if (!allowed[d]) continue;
        var miss = 0, last = -2, apart = false;
        for (var j = 0; j < list.length && miss <= missing; j++) {
          var f = by[list[j]].flags;
          if (!f || !(f[d] & 1)) { miss++; if (last >= 0 && j !== last + 1) apart = true; last = j; }
        }
        if (miss <= missing && !apart) out.push(d);
      }
      return out;
    }
    var tier = 'phrase', docs;
    if (!need.length) {
      docs = filterTokens.length ? matching([], 0) : [];
      return { docs: docs, tier: 'filter', terms: [] };
    }
    docs = matching(need.concat(p.cross), 0);
    if (!docs.length && p.cross.length) { tier = 'words'; docs = matching(need, 0); }
    if (!docs.length && need.length > 1) { tier = 'typo'; docs = matching(need, 1); }
    if (!docs.length && need.length > 2) docs = matching(need, 2);
    var terms = need.concat(p.cross);
    var weight = terms.map(function (t) { var c = by[t].count; return c ? Math.log(1 + n / c) : 0; });
    var total = weight.reduce(function (a, b) { return a + b; }, 0) || 1;
    var score = new Float64Array(n);
    docs.forEach(function (d) {
      var s = 0;
      for (var bit = 1; bit <= 3; bit++) {
        var part = 0;
        terms.forEach(function (t, j) { var f = by[t].flags; if (f && f[d] & (1 << bit)) part += weight[j]; });
        part /= total;
        s += WEIGHTS[bit] * part * part;
      }
      var any = 0, often = 0;
      terms.forEach(function (t, j) { var f = by[t].flags; if (f && f[d] & 1) any += weight[j]; if (f && f[d] & 16) often += weight[j]; });
      score[d] = s + any / total + 0.5 * often / total;
    });
    docs.sort(function (a, b) { return score[b] - score[a] || a - b; });
    return { docs: docs, tier: tier, terms: terms };
  };

  // Result data for brief ids: [path, title, date, regions, sectors, summary].
  var utf8 = typeof TextDecoder === 'function' ? new TextDecoder() : null;
  Engine.prototype.records = function (ids) {
    var self = this;
    return this.load().then(function (m) {
      var per = m.docs_per_chunk;
      return Promise.all(ids.map(function (d) {
        var k = Math.floor(d / per), j = d % per, name = 'd' + k + '.bin';
        if (!self.docs[k]) self.docs[k] = self.head(name, 4 * (per + 2));
        return self.docs[k].then(function (f) {
          var data = 4 + 4 * (u32(f.bytes, 0) + 1), from = u32(f.bytes, 4 + 4 * j);
          return self.slice(name, f, data + from, u32(f.bytes, 8 + 4 * j) - from);
        }).then(function (b) { return JSON.parse(utf8.decode(b)); });
      }));
    });
  };

  // Ranges of `text` (UTF-16 offsets) covered by any of `terms`, merged.
  function marks(text, terms) {
    var want = {}, out = [];
    terms.forEach(function (t) { want[t] = 1; });
    tokenize(text, function (t, k, x, a, b) {
      if (!want[t]) return;
      var last = out[out.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else out.push([a, b]);
    });
    return out;
  }

  var api = { tokenize: tokenize, hash: hash, plan: plan, marks: marks, Engine: Engine };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- page ----
  var root = document.querySelector('[data-search-index]');
  if (!root) return;
  var form = root.querySelector('#search-form'), status = root.querySelector('#search-status');
  var list = root.querySelector('ol.search-results'), input = form.elements.q;
  var engine = new Engine(new URL(root.getAttribute('data-search-index'), location.href).href);
  var siteRoot = new URL(root.getAttribute('data-site-root'), location.href).href;
  var PAGE = 10, shown = 0, current = null, timer = 0, run = 0;
  var FILTERS = ['region', 'sector', 'year'];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function highlighted(parent, text, terms) {
    var at = 0;
    marks(text, terms).forEach(function (r) {
      parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      parent.appendChild(el('mark', null, text.slice(r[0], r[1])));
      at = r[1];
    });
    parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }
  function card(rec, terms) {
    var li = el('li', 'search-result');
    var h = el('h2', 'search-result-title');
    var a = highlighted(el('a'), rec[1], terms);
    a.href = new URL(rec[0], siteRoot).href;
    h.appendChild(a);
    li.appendChild(h);
    var meta = el('p', 'search-result-meta');
    var time = el('time', null, rec[2]);
    time.setAttribute('datetime', rec[2]);
    meta.appendChild(time);
    [rec[3], rec[4]].forEach(function (names) {
      if (names.length) meta.appendChild(document.createTextNode(' · ' + names.join(', ')));
    });
    li.appendChild(meta);
    li.appendChild(highlighted(el('p', 'search-result-excerpt'), rec[5], terms));
    return li;
  }
  function more() {
    var ids = current.docs.slice(shown, shown + PAGE), mine = run;
    return engine.records(ids).then(function (recs) {
      if (mine !== run) return;
      recs.forEach(function (r) { list.appendChild(card(r, current.terms)); });
      shown += ids.length;
      var button = root.querySelector('.search-more');
      if (button) button.remove();
      if (shown < current.docs.length) {
        button = el('button', 'search-more', '결과 더 보기');
        button.type = 'button';
        button.addEventListener('click', more);
        list.after(button);
      }
    });
  }
  function values() {
    var v = { q: input.value.trim() };
    FILTERS.forEach(function (f) { if (form.elements[f]) v[f] = form.elements[f].value; });
    return v;
  }
  function go(push) {
    var v = values(), mine = ++run, params = new URLSearchParams();
    Object.keys(v).forEach(function (k) { if (v[k]) params.set(k, v[k]); });
    var qs = params.toString(), url = location.pathname + (qs ? '?' + qs : '');
    if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
    list.textContent = '';
    var old = root.querySelector('.search-more');
    if (old) old.remove();
    if (!v.q && !v.region && !v.sector && !v.year) { status.textContent = '검색어를 입력하세요.'; return; }
    status.textContent = '찾는 중…';
    engine.search(v.q, v).then(function (r) {
      if (mine !== run) return;
      current = r; shown = 0;
      var what = v.q ? '‘' + v.q + '’ ' : '';
      status.textContent = r.docs.length
        ? what + '검색 결과 ' + r.docs.length + '건' + (r.tier === 'typo' ? ' (비슷한 말로 찾음)' : '')
        : what + '검색 결과가 없습니다.';
      return more();
    }).catch(function (e) {
      if (mine === run) status.textContent = '검색하지 못했습니다: ' + e.message;
    });
  }
  function fill() {
    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    FILTERS.forEach(function (f) { if (form.elements[f]) form.elements[f].value = params.get(f) || ''; });
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); go(true); });
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { go(false); }, 250); });
  FILTERS.forEach(function (f) { if (form.elements[f]) form.elements[f].addEventListener('change', function () { go(false); }); });
  window.addEventListener('popstate', function () { fill(); go(false); });
  fill();
  go(false);
})();
