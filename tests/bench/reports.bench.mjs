// Benchmark: compiling a monitoring report for a board of 10,000 cards and 100,000 events,
// beside a plain scan of the same rows (same columns, nothing done with them) in the same run.
// Starts its own `wrangler dev` (port 8796, throw-away local D1, DEMO_SEED=1 for the dev-only
// routes in worker/routes/dev-reports-bench.ts), seeds the synthetic board inside SQLite, and
// prints wall time (median of the runs, as a client sees it) and D1 rows read for each.
// Target: compiling takes at most 2× the plain scan. Exits non-zero when it misses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WRANGLER, run, seedDemo, startWrangler, waitForHealth } from '../../scripts/lib.mjs';
import { signIn } from './harness.mjs';

process.chdir(fileURLToPath(new URL('../..', import.meta.url)));

const PORT = Number(process.env.REPORTS_BENCH_PORT ?? 8796);
const CARDS = 10_000;
const EVENTS = 100_000;
const RUNS = 7;
const TARGET_RATIO = 2;
const CASES = [
  { kind: 'staff', periodKey: '2024-03', note: 'month mid-year: 7 of 12 months of events after its start' },
  { kind: 'executive', periodKey: '2024-09-H2', note: 'last half-month: few events inside' },
];

const base = `http://127.0.0.1:${PORT}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** JSON and wall time; an attempt cut short by wrangler's rebuild (others edit the tree) is retried. */
async function timed(path, init) {
  for (let attempt = 1; ; attempt++) {
    const t0 = performance.now();
    try {
      const r = await fetch(`${base}${path}`, init);
      const text = await r.text();
      if (!r.ok) throw Object.assign(new Error(`${path}: ${r.status} ${text.slice(0, 300)}`), { final: true });
      return { json: JSON.parse(text), ms: performance.now() - t0 };
    } catch (e) {
      if (e.final || attempt >= 3) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

const persistTo = mkdtempSync(join(tmpdir(), 'ita-reports-bench-'));
run(WRANGLER, ['d1', 'migrations', 'apply', 'ita-board', '--local', '--persist-to', persistTo], { stdio: 'ignore' });
const server = startWrangler({ port: PORT, persistTo, vars: { DEMO_SEED: '1' }, quiet: true });
let failed = false;
try {
  await waitForHealth(base);
  // Dev routes need an administrator: the demo office's, then the bench office's own.
  await seedDemo(base);
  const demoAdmin = { cookie: `__Host-ita_session=${await signIn(base, 'admin@demo.local')}` };
  const seed = await timed('/api/dev/reports-bench/seed', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...demoAdmin },
    body: JSON.stringify({ cards: CARDS, events: EVENTS }),
  });
  const benchAdmin = { headers: { cookie: `__Host-ita_session=${await signIn(base, seed.json.adminEmail, seed.json.password)}` } };
  console.log(`seeded ${CARDS.toLocaleString('en')} cards and ${EVENTS.toLocaleString('en')} events in ${(seed.ms / 1000).toFixed(1)} s\n`);

  const rows = [];
  for (const c of CASES) {
    const q = (mode) => `/api/dev/reports-bench/run?kind=${c.kind}&periodKey=${c.periodKey}&mode=${mode}`;
    await timed(q('scan'), benchAdmin);
    await timed(q('compile'), benchAdmin); // warm: module load, statement cache
    const scan = [];
    const compile = [];
    let scanInfo;
    let compileInfo;
    for (let i = 0; i < RUNS; i++) {
      const s = await timed(q('scan'), benchAdmin);
      const k = await timed(q('compile'), benchAdmin);
      scan.push(s.ms);
      compile.push(k.ms);
      scanInfo = s.json;
      compileInfo = k.json;
    }
    const ratio = median(compile) / median(scan);
    rows.push({ ...c, scanMs: median(scan), compileMs: median(compile), ratio, scanInfo, compileInfo });
    if (ratio > TARGET_RATIO) failed = true;
  }

  const pad = (s, n) => String(s).padEnd(n);
  const padl = (s, n) => String(s).padStart(n);
  console.log(`${pad('report', 22)}${padl('scan ms', 10)}${padl('rows read', 12)}${padl('compile ms', 12)}${padl('rows read', 12)}${padl('ratio', 8)}  target ≤ ${TARGET_RATIO}×`);
  for (const r of rows) {
    console.log(
      `${pad(`${r.kind} ${r.periodKey}`, 22)}${padl(r.scanMs.toFixed(0), 10)}${padl(r.scanInfo.rowsRead.toLocaleString('en'), 12)}${padl(r.compileMs.toFixed(0), 12)}${padl(r.compileInfo.rowsRead.toLocaleString('en'), 12)}${padl(`${r.ratio.toFixed(2)}×`, 8)}  ${r.ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`,
    );
  }
  console.log('');
  for (const r of rows) {
    console.log(
      `${r.kind} ${r.periodKey} (${r.note}): scanned ${r.scanInfo.cards} cards + ${r.scanInfo.events} events; compiled ${r.compileInfo.cards} cards, ` +
        `${r.compileInfo.moves} moves, ${r.compileInfo.overdue} overdue, ${r.compileInfo.evidence} evidence; snapshot ${(r.compileInfo.contentBytes / 1024).toFixed(0)} KiB`,
    );
  }
  console.log(`\nmedian of ${RUNS} runs each, wall time from this process, wrangler dev with a local D1`);
} catch (e) {
  failed = true;
  console.error(e);
  console.error(server.log().slice(-3000));
} finally {
  server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
