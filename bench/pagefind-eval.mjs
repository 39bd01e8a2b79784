// Runs Pagefind's own search (its pagefind.js and wasm, as the browser would) in node against a
// site it indexed, over the same queries as bench/search-eval.mjs, and reports the same
// relevance figures and bytes per query (every file it fetches; a cold query includes
// pagefind.js). Only pages under /briefs/ count as briefs; any other page in the top 10 is a
// wrong hit, as queries.yaml says.
//   node bench/pagefind-eval.mjs SITE_DIR QUERIES.json
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [site, qfile] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(qfile, 'utf8'));
let bytes = { raw: 0, gz: 0 };
const packed = new Map();
globalThis.fetch = async (url) => {
  const rel = decodeURIComponent(String(url).replace(/^file:\/\//, '').split('?')[0]);
  const file = rel.startsWith(site) ? rel : path.join(site, rel);
  try {
    const b = readFileSync(file);
    if (!packed.has(file)) packed.set(file, /\.(js|json|css)$/.test(file) ? zlib.gzipSync(b, { level: 6 }).length : b.length);
    bytes.raw += b.length;
    bytes.gz += packed.get(file);
    const type = file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(b, { status: 200, headers: { 'content-type': type } });
  } catch {
    return new Response('', { status: 404 });
  }
};
const jsFile = path.join(site, 'pagefind', 'pagefind.js');
const js = readFileSync(jsFile);
const jsGz = zlib.gzipSync(js, { level: 6 }).length;
const rows = [];
for (const q of queries) {
  bytes = { raw: 0, gz: 0 };
  const pf = await import(`${jsFile}?${q.id}`);
  await pf.options({ basePath: '/pagefind/' });
  await pf.init();
  const r = await pf.search(q.query);
  const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  const top = data.map((d) => d.url.replace(/index\.html$/, ''));
  const slugs = top.map((u) => (u.match(/\/briefs\/([^/]+)\/$/) || [])[1] || `(not a brief: ${u})`);
  const row = { id: q.id, kind: q.kind, query: q.query, total: r.results.length, top: slugs, cold: { raw: bytes.raw + js.length, gz: bytes.gz + jsGz } };
  if (q.relevant) {
    const rel = new Set(q.relevant);
    const ok = new Set([...q.relevant, ...(q.acceptable || [])]);
    row.recall = row.total ? slugs.filter((s) => rel.has(s)).length / Math.min(rel.size, 10) : 0;
    row.precision = slugs.length ? slugs.filter((s) => ok.has(s)).length / slugs.length : 0;
    if (q.primary) row.primaryFirst = q.primary.includes(slugs[0]);
  }
  rows.push(row);
  await pf.destroy?.();
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (const r of rows) {
  console.log(`${r.id.padEnd(6)} ${r.kind.padEnd(10)} ${r.query.padEnd(12)} ${String(r.total).padStart(5)} hits${r.recall === undefined ? '' : `  R@10 ${r.recall.toFixed(2)} P@10 ${r.precision.toFixed(2)}`}  cold ${(r.cold.gz / 1024).toFixed(1)} KB`);
}
const judged = rows.filter((r) => r.recall !== undefined);
if (judged.length) {
  const prim = judged.filter((r) => r.primaryFirst !== undefined);
  console.log(`pagefind: recall@10 ${mean(judged.map((r) => r.recall)).toFixed(2)}  precision@10 ${mean(judged.map((r) => r.precision)).toFixed(2)}  primary first ${(prim.filter((r) => r.primaryFirst).length / (prim.length || 1)).toFixed(2)}  no results ${rows.filter((r) => !r.total).length}`);
}
console.log(`pagefind: bytes per cold query (median) ${(median(rows.map((r) => r.cold.gz)) / 1024).toFixed(1)} KB compressed / ${(median(rows.map((r) => r.cold.raw)) / 1024).toFixed(1)} KB raw`);
