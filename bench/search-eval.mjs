// Runs the theme's real search.js in node against a built site's index files on disk, as the
// browser would (same code, same files), and reports relevance and bytes.
//
//   node bench/search-eval.mjs SITE_DIR QUERIES.json [--json OUT.json] [--list] [--no-range]
//
// QUERIES.json: [{id, kind, query, relevant?: [slug], acceptable?: [slug], primary?: [slug],
// filters?: {region, sector, year}}] (bench/search.sh makes it from ../shared/search/queries.yaml).
// With judgements, per query: recall@10 = |relevant ∩ top10| / min(|relevant|, 10),
// precision@10 = |(relevant ∪ acceptable) ∩ top10| / |top10|, primary first; no results is zero
// recall. Bytes: a cold query downloads search.js, meta.json, the directories of its token
// chunks and its tokens' entries, and the records of its first 10 results (HTTP Range
// requests, answered as GitHub Pages or Cloudflare Pages do); the next query (the following
// one in the list, same page) only what it does not have yet. With --no-range the server
// ignores Range and sends whole files (python's http.server, `annals serve`). search.js and
// meta.json are counted raw and gzip -6 (what a host that compresses sends); .bin files raw.

import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const site = args[0];
const queries = JSON.parse(readFileSync(args[1], 'utf8'));
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const list = args.includes('--list');
const ranges = !args.includes('--no-range');
const search = require(path.resolve(site, 'search.js'));

const gz = new Map();
function sizes(file) {
  if (!gz.has(file)) {
    const bytes = readFileSync(file);
    const packed = file.endsWith('.bin') ? bytes.length : zlib.gzipSync(bytes, { level: 6 }).length;
    gz.set(file, { raw: bytes.length, gz: packed });
  }
  return gz.get(file);
}

// A fetch over the site folder that counts what it serves.
function counter() {
  const c = { raw: 0, gz: 0, files: 0 };
  c.fetch = async (url, options) => {
    const rel = decodeURIComponent(url.split('?')[0]).replace(/^\/+/, '');
    const file = path.join(site, rel);
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      return { ok: false, status: 404 };
    }
    c.files += 1;
    const range = ranges && /^bytes=(\d+)-(\d+)$/.exec(options?.headers?.Range || '');
    if (range) {
      const from = Number(range[1]);
      if (from >= bytes.length) return { ok: false, status: 416 };
      const part = bytes.subarray(from, Math.min(bytes.length, Number(range[2]) + 1));
      c.raw += part.length;
      c.gz += part.length;
      const buf = part.buffer.slice(part.byteOffset, part.byteOffset + part.length);
      return { ok: true, status: 206, arrayBuffer: async () => buf };
    }
    const s = sizes(file);
    c.raw += s.raw;
    c.gz += s.gz;
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    return { ok: true, status: 200, json: async () => JSON.parse(bytes.toString('utf8')), arrayBuffer: async () => buf };
  };
  return c;
}

async function run(engine, q) {
  const r = await engine.search(q.query, q.filters || {});
  const top = r.docs.slice(0, 10);
  const recs = await engine.records(top);
  return { tier: r.tier, total: r.docs.length, top: recs.map((rec) => rec[0].replace(/^briefs\//, '').replace(/\/$/, '')) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

const js = sizes(path.join(site, 'search.js'));
const rows = [];
for (let i = 0; i < queries.length; i++) {
  const q = queries[i];
  const c = counter();
  const engine = new search.Engine('/search/index/', c.fetch);
  const t0 = performance.now();
  const res = await run(engine, q);
  const ms = performance.now() - t0;
  const cold = { raw: c.raw + js.raw, gz: c.gz + js.gz, files: c.files + 1 };
  const next = queries[(i + 1) % queries.length];
  const before = { raw: c.raw, gz: c.gz };
  await run(engine, next);
  const warm = { raw: c.raw - before.raw, gz: c.gz - before.gz };
  const row = { id: q.id, kind: q.kind, query: q.query, ...res, ms, cold, next: warm };
  if (q.relevant) {
    const rel = new Set(q.relevant);
    const ok = new Set([...q.relevant, ...(q.acceptable || [])]);
    const hits = res.top.filter((s) => rel.has(s)).length;
    row.recall = res.total ? hits / Math.min(rel.size, 10) : 0;
    row.precision = res.top.length ? res.top.filter((s) => ok.has(s)).length / res.top.length : 0;
    if (q.primary) row.primaryFirst = q.primary.includes(res.top[0]);
    row.missed = [...rel].filter((s) => !res.top.includes(s));
    row.wrong = res.top.filter((s) => !ok.has(s));
  }
  rows.push(row);
}

const f2 = (x) => x.toFixed(2);
const kb = (x) => (x / 1024).toFixed(1);
const judged = rows.filter((r) => r.recall !== undefined);
if (list || judged.length) {
  for (const r of rows) {
    let line = `${r.id.padEnd(6)} ${r.kind.padEnd(10)} ${r.query.padEnd(12)} ${String(r.total).padStart(5)} hits  ${r.tier.padEnd(6)}`;
    if (r.recall !== undefined) {
      line += ` R@10 ${f2(r.recall)} P@10 ${f2(r.precision)}${r.primaryFirst === undefined ? '' : r.primaryFirst ? ' primary 1st' : ' primary NOT 1st'}`;
      if (r.missed.length) line += `  missed: ${r.missed.join(' ')}`;
      if (r.wrong.length) line += `  wrong: ${r.wrong.join(' ')}`;
    }
    line += `  cold ${kb(r.cold.gz)} KB (raw ${kb(r.cold.raw)})  next ${kb(r.next.gz)} KB  ${r.ms.toFixed(0)} ms`;
    console.log(line);
  }
}
const summary = { queries: rows.length, js_bytes: js };
if (judged.length) {
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  summary.recall = mean(judged.map((r) => r.recall));
  summary.precision = mean(judged.map((r) => r.precision));
  summary.no_results = rows.filter((r) => r.total === 0).length;
  const prim = judged.filter((r) => r.primaryFirst !== undefined);
  summary.primary_first = prim.length ? prim.filter((r) => r.primaryFirst).length / prim.length : null;
  summary.recall_by_kind = {};
  for (const k of [...new Set(judged.map((r) => r.kind))]) {
    summary.recall_by_kind[k] = mean(judged.filter((r) => r.kind === k).map((r) => r.recall));
  }
  console.log(`recall@10 ${f2(summary.recall)}  precision@10 ${f2(summary.precision)}  primary first ${summary.primary_first === null ? '-' : f2(summary.primary_first)}  no results ${summary.no_results}`);
  console.log(`recall by kind: ${Object.entries(summary.recall_by_kind).map(([k, v]) => `${k} ${f2(v)}`).join(', ')}`);
}
summary.cold_median = { gz: median(rows.map((r) => r.cold.gz)), raw: median(rows.map((r) => r.cold.raw)) };
summary.next_median = { gz: median(rows.map((r) => r.next.gz)), raw: median(rows.map((r) => r.next.raw)) };
summary.ms_median = median(rows.map((r) => r.ms));
console.log(`bytes per query (median): cold ${kb(summary.cold_median.gz)} KB compressed / ${kb(summary.cold_median.raw)} KB raw (search.js ${kb(js.gz)} KB compressed, ${kb(js.raw)} KB raw); next ${kb(summary.next_median.gz)} KB / ${kb(summary.next_median.raw)} KB raw; ${summary.ms_median.toFixed(0)} ms per query in node`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ summary, rows }, null, 1));
void statSync;
