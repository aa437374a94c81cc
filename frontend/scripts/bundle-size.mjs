// The JavaScript a first visit downloads before anything shows: the entry script of dist/index.html and every
// module it preloads, gzipped as a server would send them. Printed on every build; over the budget fails it.
// Screens are lazy chunks and are not counted (they load when visited).
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = new URL('../dist/', import.meta.url);
const html = await readFile(new URL('index.html', dist), 'utf8');

const paths = new Set();
for (const match of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) paths.add(match[1]);
for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) paths.add(match[1]);
if (paths.size === 0) {
  console.error('bundle-size: no entry script found in dist/index.html');
  process.exit(1);
}

let total = 0;
const rows = [];
for (const path of paths) {
  const data = await readFile(new URL(path.replace(/^\//, ''), dist));
  const gz = gzipSync(data, { level: 9 }).length;
  total += gz;
  rows.push(`  ${path}  ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`initial JS: ${(total / 1024).toFixed(1)} KB gzip in ${paths.size} file(s) (budget ${BUDGET_KB} KB)`);
console.log(rows.join('\n'));
if (total / 1024 > BUDGET_KB) {
  console.error(`initial JS is over its ${BUDGET_KB} KB budget`);
  process.exit(1);
}
