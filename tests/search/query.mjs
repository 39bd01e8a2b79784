// Runs queries through search.js against a built site's index on disk, for tests/search.rs:
//   node tests/search/query.mjs SITE_DIR QUERIES_JSON
// QUERIES_JSON is [{query, filters?}]; prints one JSON line per query:
// {tier, total, slugs: [first 10, in rank order], marks: [[start, end]] of the query in the first title}.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [site, queries] = process.argv.slice(2);
const search = createRequire(import.meta.url)(path.resolve(site, 'search.js'));
const fetcher = async (url) => {
  try {
    const bytes = readFileSync(path.join(site, decodeURIComponent(url.split('?')[0])));
    return {
      ok: true,
      json: async () => JSON.parse(bytes.toString('utf8')),
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    };
  } catch {
    return { ok: false, status: 404 };
  }
};
for (const q of JSON.parse(queries)) {
  const engine = new search.Engine('/search/index/', fetcher);
  const r = await engine.search(q.query, q.filters || {});
  const recs = await engine.records(r.docs.slice(0, 10));
  const slugs = recs.map((rec) => rec[0].replace(/^briefs\//, '').replace(/\/$/, ''));
  const marks = recs.length ? search.marks(recs[0][1], r.terms) : [];
  console.log(JSON.stringify({ tier: r.tier, total: r.docs.length, slugs, marks }));
}
