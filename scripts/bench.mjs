// `npm run bench`: runs every tests/bench/*.bench.mjs in name order. Each one is a standalone
// node script that starts what it needs, prints its own table, and exits non-zero when it fails
// (an error, or a figure that misses its target). This script exits non-zero if any did.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = 'tests/bench';
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmarks found in ${dir}`);
  process.exit(1);
}

const outcomes = [];
for (const file of benches) {
  console.log(`\n▶ ${file}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  outcomes.push({ file, ok: r.status === 0, status: r.status ?? r.signal, seconds });
}

console.log('\nbenchmarks:');
for (const o of outcomes) console.log(`  ${o.ok ? '✓' : '✗'} ${o.file} (${o.seconds} s${o.ok ? '' : `, exit ${o.status}`})`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
