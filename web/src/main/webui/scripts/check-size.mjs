// Fails the build when the first screen's JavaScript and CSS are over budget (250 kB gzipped, the target).
// The app is one bundle, so every file in assets/ is on the first screen; should screens be split into lazy chunks,
// this still sums them all, which errs on the safe side.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 250_000;
const dir = new URL('../../../../target/webui/assets/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
let total = 0;
for (const f of files) {
  const gz = gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
  total += gz;
  console.log(`check-size: ${f} ${(gz / 1000).toFixed(1)} kB gzipped`);
}
console.log(`check-size: ${(total / 1000).toFixed(1)} kB gzipped in all (budget ${BUDGET / 1000} kB)`);
if (total > BUDGET) {
  console.error(`check-size: over budget by ${((total - BUDGET) / 1000).toFixed(1)} kB`);
  process.exit(1);
}
