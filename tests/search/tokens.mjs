// Prints, for tests/search.rs, what search.js makes of every case of a token table: one JSON
// line per case, {tokens: ["kind:text^"...], hashes: ["16 hex digits"...]}.
//   node tests/search/tokens.mjs SEARCH_JS TABLE_JSON
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [script, table] = process.argv.slice(2);
const search = createRequire(import.meta.url)(path.resolve(script));
for (const c of JSON.parse(readFileSync(table, 'utf8')).cases) {
  const tokens = [];
  const hashes = [];
  search.tokenize(c.text, (t, kind, cross) => {
    tokens.push(`${kind}:${t}${cross ? '^' : ''}`);
    hashes.push(search.hash(t).toString(16).padStart(16, '0'));
  });
  console.log(JSON.stringify({ tokens, hashes }));
}
