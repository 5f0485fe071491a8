// The roll-up benchmark (issue 19's targets). Starts `wrangler dev` (own port, throw-away D1,
// DEMO_SEED=1), generates a parent body of 300 offices × 25 template steps (7 measures; 7,500 cards,
// 300,000 events: worker/seed/parent-body.ts, rows made inside SQLite) and one of 10 offices, and
// measures, in the same run:
// 1. GET /api/rollup/:beYear against a raw D1 read of the rows it reads (the same three statements,
//    plain D1, rows as JSON: GET /api/dev/rollup-bench/raw/:beYear), both over HTTP from here, end
//    to end, median of 30 each, alternating. Target ≤ 2×.
// 2. D1 rows read by the roll-up request (the dev-only meter, session lookup included). Target
//    ≤ 1.2 × offices × measures.
// 3. A card move with its aggregate update: D1 rows read and written of its statements (the D1
//    path, metered: the card's read, its placement, the update, the event, the two aggregate
//    updates). Target: reads ≤ 60.
// 4. Load: four offices' administrators moving and editing cards through the API at once (through
//    each board's room, grouped batches included), then every office's aggregates against a
//    rebuild from its log. Target: equal.
// 5. The roll-up's first screen in Chromium: from navigation until the table's first rows are
//    drawn, 300 offices against 10, median of 5. Target ≤ 1.5×.
// 6. The monthly office reports for all 300 offices, spread over invocations (cron/spread.ts):
//    every office's report exactly once, each invocation's D1 queries under the limit.
// Exits non-zero when something fails or a figure misses its target.
import { buildWeb, chromiumSignedIn, fmt, getJson, haveChromium, machineLoad, median, printTable, signIn, startApp, targets, timedJson } from './harness.mjs';

const PORT = Number(process.env.ROLLUP_BENCH_PORT ?? 8807);
const BE_YEAR = 2570;
const BIG = { offices: 300, measures: 7, steps: 25, eventsPerCard: 40, beYear: BE_YEAR, officeAdmins: 4 };
const SMALL = { offices: 10, measures: 7, steps: 25, eventsPerCard: 4, beYear: BE_YEAR };
const SAMPLES = 30;
const TARGET = { overRaw: 2, rowsPerCell: 1.2, moveReads: 60, screenRatio: 1.5, queriesPerInvocation: 1000 };

const t = targets();
const rows = [];
const loadAtStart = machineLoad();
buildWeb();
const app = await startApp(PORT);
const { base } = app;
try {
  const demoAdmin = await signIn(base, 'admin@demo.local');
  const post = (cookie, path, body, extra = {}) =>
    timedJson(`${base}${path}`, { method: 'POST', headers: { cookie: `__Host-ita_session=${cookie}`, 'content-type': 'application/json', origin: base, 'sec-fetch-site': 'same-origin', ...extra }, body: JSON.stringify(body) });
  const seeded = await post(demoAdmin, '/api/dev/rollup-bench/seed', BIG);
  const big = seeded.json;
  console.log(`generated ${big.officeIds.length} offices, ${big.cards.toLocaleString('en')} cards, ${big.events.toLocaleString('en')} events in ${(seeded.ms / 1000).toFixed(1)} s`);
  const small = (await post(demoAdmin, '/api/dev/rollup-bench/seed', SMALL)).json;
  const parent = await signIn(base, big.admin.email, big.password);
  const smallParent = await signIn(base, small.admin.email, small.password);
  const get = (cookie, path, extra = {}) => timedJson(`${base}${path}`, { headers: { cookie: `__Host-ita_session=${cookie}`, ...extra } });

  // 1. The roll-up against the raw read of its rows.
  await get(parent, `/api/rollup/${BE_YEAR}`);
  await get(parent, `/api/dev/rollup-bench/raw/${BE_YEAR}`);
  const real = [];
  const raw = [];
  for (let i = 0; i < SAMPLES; i++) {
    real.push((await get(parent, `/api/rollup/${BE_YEAR}`)).ms);
    raw.push((await get(parent, `/api/dev/rollup-bench/raw/${BE_YEAR}`)).ms);
  }
  const ratio = median(real) / median(raw);
  rows.push(['roll-up request vs a raw D1 read of its rows (median of 30)', `${fmt(median(real))} vs ${fmt(median(raw))} ms (${fmt(ratio, 2)}×)`, `≤ ${TARGET.overRaw}× ${t.check('roll-up vs raw', ratio <= TARGET.overRaw)}`]);

  // 2. Rows read by the roll-up request.
  const metered = await fetch(`${base}/api/rollup/${BE_YEAR}`, { headers: { cookie: `__Host-ita_session=${parent}`, 'x-ita-meter': '1' } });
  const view = await metered.json();
  const meter = JSON.parse(metered.headers.get('x-ita-d1'));
  const cellsCount = view.offices.length * view.measures.length;
  rows.push([
    `D1 rows read by the roll-up request (${view.offices.length} offices × ${view.measures.length} measures = ${cellsCount})`,
    `${meter.rowsRead.toLocaleString('en')} (${fmt(meter.rowsRead / cellsCount, 2)}×), ${meter.queries} round trips`,
    `≤ ${TARGET.rowsPerCell}× ${t.check('rows read', meter.rowsRead <= TARGET.rowsPerCell * cellsCount)}`,
  ]);
  const bytes = JSON.stringify(view).length;

  // 3. One move with its aggregate update, metered.
  const officeAdmin = await signIn(base, big.officeAdmins[0].email, big.password);
  const move = (await post(officeAdmin, `/api/dev/rollup-bench/move/${BE_YEAR}`, {})).json;
  rows.push(['a card move with its aggregate update: D1 rows read / written (its statements, metered)', `${move.rowsRead} / ${move.rowsWritten} (${move.queries} round trips)`, `reads ≤ ${TARGET.moveReads} ${t.check('move reads', move.rowsRead <= TARGET.moveReads)}`]);

  // 4. Load through the rooms, then the aggregates against the log.
  const admins = await Promise.all(big.officeAdmins.map((a) => signIn(base, a.email, big.password)));
  let changes = 0;
  await Promise.all(
    admins.map(async (cookie) => {
      const headers = { cookie: `__Host-ita_session=${cookie}`, 'content-type': 'application/json', origin: base, 'sec-fetch-site': 'same-origin' };
      for (let round = 0; round < 5; round++) {
        const board = await getJson(`${base}/api/boards/${BE_YEAR}`, { headers });
        const ids = board.cards.id;
        const sends = [];
        for (let i = 0; i < 10; i++) {
          const at = Math.floor(Math.random() * ids.length);
          const card = { id: ids[at], version: board.cards.version[at] };
          if (i % 2 === 0) {
            const to = board.columns[Math.floor(Math.random() * board.columns.length)];
            sends.push(fetch(`${base}/api/cards/${card.id}/move`, { method: 'POST', headers, body: JSON.stringify({ toColumnId: to.id, afterCardId: null, beforeCardId: null, version: card.version }) }));
          } else {
            const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
            sends.push(fetch(`${base}/api/cards/${card.id}`, { method: 'PATCH', headers, body: JSON.stringify({ version: card.version, dueOn: `2026-12-${day}` }) }));
          }
        }
        for (const r of await Promise.all(sends)) {
          if (r.status >= 500) throw new Error(`change answered ${r.status}: ${await r.text()}`);
          if (r.ok) changes++;
        }
      }
    }),
  );
  const check = (await get(parent, `/api/dev/rollup-bench/check/${BE_YEAR}`)).json;
  rows.push([`aggregates after ${changes} changes by ${admins.length} offices at once vs rebuilt from the log (${check.checked} offices)`, check.differing === 0 ? 'equal' : `${check.differing} differ: ${check.differences[0]}`, `equal ${t.check('aggregates equal', check.differing === 0 && check.checked === big.officeIds.length)}`]);

  // 5. The first screen in Chromium.
  if (haveChromium()) {
    const firstScreen = async (cookie) => {
      const { browser, context } = await chromiumSignedIn(base, cookie);
      try {
        const times = [];
        for (let i = 0; i < 6; i++) {
          const page = await context.newPage();
          const t0 = Date.now();
          await page.goto(`${base}/rollup/${BE_YEAR}`);
          await page.locator('[data-testid="rollup-row"]').first().waitFor();
          if (i > 0) times.push(Date.now() - t0);
          await page.close();
        }
        return median(times);
      } finally {
        await browser.close();
      }
    };
    const bigMs = await firstScreen(parent);
    const smallMs = await firstScreen(smallParent);
    const r = bigMs / smallMs;
    rows.push(['roll-up first screen in Chromium, 300 vs 10 offices (median of 5)', `${fmt(bigMs, 0)} / ${fmt(smallMs, 0)} ms (${fmt(r, 2)}×)`, `≤ ${TARGET.screenRatio}× ${t.check('first screen', r <= TARGET.screenRatio)}`]);
  } else {
    rows.push(['roll-up first screen in Chromium', 'no /usr/bin/chromium', `✗ ${t.check('chromium', false)}`]);
  }

  // 6. The monthly reports of all 300 offices, spread over invocations.
  const run = (await post(parent, `/api/dev/rollup-bench/report-run`, {})).json;
  const once = run.reports === big.officeIds.length && run.duplicates === 0;
  rows.push([
    `monthly office reports for ${big.officeIds.length} offices: ${run.invocations} invocations`,
    `${run.reports} reports, ${run.duplicates} twice; at most ${run.maxQueries} D1 queries and ${run.maxOffices} offices per invocation`,
    `once each, ≤ ${TARGET.queriesPerInvocation} queries ${t.check('report run', once && run.maxQueries <= TARGET.queriesPerInvocation)}`,
  ]);
  rows.push(['roll-up answer (300 offices), JSON bytes', bytes.toLocaleString('en'), '—']);
  printTable(`Roll-up (${loadAtStart} at the start, ${machineLoad()} at the end)`, ['figure', 'measured', 'target'], rows);
} catch (e) {
  console.error(e);
  console.error(app.log().slice(-3000));
  t.check('run', false);
} finally {
  app.stop();
}
const missed = t.misses();
if (missed.length > 0) console.error(`\nmissed: ${missed.join(', ')}`);
process.exit(missed.length > 0 ? 1 : 0);
