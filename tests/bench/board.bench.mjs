// The board benchmark. Starts `wrangler dev` (own port, throw-away D1, DEMO_SEED=1), creates
// boards of 2,000 and 10,000 cards through a dev-only route, and measures:
// 1. the board request against a raw D1 read of the same rows, in the same run: server time
//    (median, p99) and D1 rows read. Both sides run inside the worker and time themselves; see
//    worker/routes/dev-bench.ts for what each includes. The real HTTP GET /api/boards/:beYear is
//    timed from here too, for what a client waits.
// 2. the first screenful, interactive, in Chromium: from navigation start until cards are drawn
//    and a card's "Move to…" menu opens when clicked, on a 10,000-card board against a 200-card
//    one (lanes off screen are drawn as they come into view: web/src/components/board/lazy-lanes.ts);
//    then, on the 10,000-card board, from scrolling to its end until the last lane's cards are drawn.
// 3. JavaScript shipped: web/dist/assets/*.js, each gzipped with node:zlib, summed.
// 5. Live updates: another user's move, from the moment it is sent until another open board (an
//    executive's, in Chromium, on the 2,000-card board) shows the card in its new column.
// 4. What each everyday request costs in D1 (rows read, rows written, round trips: what
//    Cloudflare bills), on both boards, through the real routes with the dev-only meter
//    (middleware/session.ts): a move must read a few rows whatever the size of its column.
// Exits non-zero when something fails or a figure misses its target.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb, chromiumSignedIn, fmt, getJson, timedJson, haveChromium, median, percentile, printTable, signIn, startApp, targets } from './harness.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 8795);
const SIZES = [
  { beYear: 2590, cards: 2000, samples: 40 },
  { beYear: 2591, cards: 10000, samples: 20 },
];
/** The live-update figure watches the 2,000-card board. */
const RENDER_YEAR = 2590;
/** The first screenful: a small board (made for it) against the 10,000-card one. */
const SMALL = { beYear: 2589, cards: 200 };
const BIG = SIZES[1];
const RENDER_LOADS = 5;
const TARGET = { boardOverRaw: 2, rowsReadOverReturned: 1.1, screenfulRatio: 1.2, screenfulMs: 300, lastLaneMs: 100, jsGzKb: 50, moveRowsRead: 50, liveMs: 1000 };
const LIVE_MOVES = 20;

const goal = targets();

async function measureBoard(base, cookie, { beYear, cards, samples }) {
  const headers = { cookie: `__Host-ita_session=${cookie}` };
  const board = [];
  const raw = [];
  const http = [];
  const get = (path) => getJson(`${base}${path}`, { headers });
  // Warm-up: the first reads fill SQLite's page cache and compile the statements.
  for (let i = 0; i < 3; i++) await Promise.all([get(`/api/dev/bench/board/${beYear}`), get(`/api/dev/bench/raw/${beYear}`)]);
  for (let i = 0; i < samples; i++) {
    // Alternate the order so neither side always runs on a cache the other warmed.
    const pair = i % 2 ? ['raw', 'board'] : ['board', 'raw'];
    for (const side of pair) (side === 'board' ? board : raw).push(await get(`/api/dev/bench/${side}/${beYear}`));
    const { json: view, ms } = await timedJson(`${base}/api/boards/${beYear}`, { headers });
    http.push(ms);
    if (view.cards.length !== cards) throw new Error(`board ${beYear} has ${view.cards.length} cards, expected ${cards}`);
  }
  if (board[0].cards !== cards || raw[0].cards !== cards) throw new Error('the bench routes did not read every card');
  const ms = (xs) => xs.map((x) => x.serverMs);
  return {
    cards,
    board: { median: median(ms(board)), p99: percentile(ms(board), 99), rowsRead: board[0].rowsRead, rowsReturned: board[0].rowsReturned, bytes: board[0].bytes },
    raw: { median: median(ms(raw)), p99: percentile(ms(raw), 99), rowsRead: raw[0].rowsRead, rowsReturned: raw[0].rowsReturned },
    http: { median: median(http), p99: percentile(http, 99) },
    samples,
  };
}

/** D1's own figures for one request, from the dev-only meter (x-ita-meter → x-ita-d1). */
async function metered(base, cookie, method, path, body) {
  const headers = { cookie: `__Host-ita_session=${cookie}`, 'x-ita-meter': '1' };
  if (method !== 'GET') Object.assign(headers, { 'content-type': 'application/json', origin: base, 'sec-fetch-site': 'same-origin' });
  const r = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`);
  const meter = r.headers.get('x-ita-d1');
  if (!meter) throw new Error(`${method} ${path}: no x-ita-d1 header (is DEMO_SEED=1?)`);
  return { json: text ? JSON.parse(text) : null, ...JSON.parse(meter) };
}

/**
 * The everyday requests on one board, each metered: reading it, three moves into its busiest
 * column (to the top, between two cards in the middle, to the end), an edit, a card's details,
 * a comment, and the dashboard.
 */
async function measureRequestCosts(base, cookie, beYear) {
  const get = (path) => metered(base, cookie, 'GET', path);
  const send = (method, path, body) => metered(base, cookie, method, path, body);
  const board = (await get(`/api/boards/${beYear}`)).json;
  const [from, to] = [board.columns[0], board.columns[1]];
  const inColumn = (b, id) => b.cards.filter((c) => c.columnId === id);
  const moving = inColumn(board, from.id).slice(0, 3);
  const target = inColumn(board, to.id);
  const middle = Math.floor(target.length / 2);
  const rows = [];
  const add = (label, m) => rows.push({ label, rowsRead: m.rowsRead, rowsWritten: m.rowsWritten, queries: m.queries, returned: m.rowsReturned });
  add('GET /api/me', await get('/api/me'));
  add('GET /api/boards/:year', await get(`/api/boards/${beYear}`));
  const places = [
    ['move: to the top of a column', { afterCardId: null, beforeCardId: target[0].id }],
    ['move: between two cards mid-column', { afterCardId: target[middle - 1].id, beforeCardId: target[middle].id }],
    ['move: to the end of a column', { afterCardId: target.at(-1).id, beforeCardId: null }],
  ];
  for (const [i, [label, place]] of places.entries()) {
    const card = moving[i];
    add(label, await send('POST', `/api/cards/${card.id}/move`, { toColumnId: to.id, ...place, version: card.version }));
  }
  const card = inColumn(board, from.id)[5];
  add('PATCH a card (title)', await send('PATCH', `/api/cards/${card.id}`, { version: card.version, title: `${card.title} (แก้ไข)` }));
  add("GET a card's details", await get(`/api/cards/${card.id}`));
  add('POST a comment', await send('POST', `/api/cards/${card.id}/comments`, { body: 'ความคืบหน้า: เผยแพร่แล้ว' }));
  add('GET /api/dashboard/:year', await get(`/api/dashboard/${beYear}`));
  return { rows, column: target.length };
}

/**
 * The first screenful, interactive: from navigation start until cards are drawn and a card's
 * "Move to…" menu, clicked, is open (the frame after it opened). A script in the page, before the
 * page's own, checks every frame: the first frame with a menu button clicks it. The same board is
 * then scrolled to its end: from the scroll until the last lane's cards are drawn (the frame after).
 */
async function measureFirstScreenful(base, cookie, beYear, { scroll }) {
  const { browser, context } = await chromiumSignedIn(base, cookie);
  try {
    await context.addInitScript(() => {
      const tick = () => {
        const button = document.querySelector('[data-testid="card"] [data-testid="move-button"]');
        if (button && window.__benchClicked === undefined) {
          window.__benchClicked = performance.now();
          window.__benchCards = document.querySelectorAll('[data-testid="card"]').length;
          button.click();
        }
        if (window.__benchClicked !== undefined && document.querySelector('#move-menu:popover-open [role="menuitem"]')) {
          requestAnimationFrame(() => (window.__benchInteractive = performance.now()));
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const times = [];
    const dataAt = [];
    const scrolls = [];
    const afterData = [];
    let cardsDrawn = 0;
    for (let i = 0; i < RENDER_LOADS; i++) {
      await page.goto(`${base}/board/${beYear}`, { waitUntil: 'commit' });
      try {
        await page.waitForFunction(() => typeof window.__benchInteractive === 'number', null, { timeout: 15_000 });
      } catch {
        const crash = errors.length ? `; page error: ${errors[0]}` : '';
        throw new Error(`board ${beYear}: no card's menu opened within 15 s${crash}`);
      }
      times.push(await page.evaluate(() => window.__benchInteractive));
      cardsDrawn = await page.evaluate(() => window.__benchCards);
      // When the board's data had fully arrived: separates server + transfer from rendering.
      const path = `/api/boards/${beYear}`;
      dataAt.push(await page.evaluate((p) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === p)?.responseEnd ?? NaN, path));
      afterData.push(times.at(-1) - dataAt.at(-1));
      if (scroll) scrolls.push(await scrollToLastLane(page, scroll.lane));
    }
    return { median: median(times), max: Math.max(...times), loads: times.length, dataAt: median(dataAt), afterData: median(afterData), cardsDrawn, scroll: scroll ? { median: median(scrolls), max: Math.max(...scrolls) } : null };
  } finally {
    await browser.close();
  }
}

/** Scrolls an open board to its end; ms until the last lane's (a measure id) cards are drawn (the frame after). */
function scrollToLastLane(page, lane) {
  return page.evaluate(
    (lane) =>
      new Promise((resolve, reject) => {
        document.querySelector('#move-menu:popover-open')?.hidePopover();
        const drawn = () => document.querySelector(`[data-testid="cell"][data-lane-key="${CSS.escape(lane)}"] [data-testid="card"]`);
        if (drawn()) return reject(new Error('the last lane was drawn before scrolling to it'));
        const start = performance.now();
        scrollTo(0, document.documentElement.scrollHeight);
        const tick = () => {
          if (drawn()) {
            requestAnimationFrame(() => {
              resolve(performance.now() - start);
              // The next load of the same address would open where this one was scrolled to.
              scrollTo(0, 0);
            });
          }
          else if (performance.now() - start > 5000) reject(new Error('the last lane was not drawn within 5 s of scrolling to it'));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    lane,
  );
}

/**
 * A director-like mover (the API, as the admin) moves cards of the 2,000-card board; an
 * executive's open board in Chromium is watched for each card to appear in its new column. The
 * time runs from just before the move is sent to the moment the watcher's page sees it (both
 * clocks are this machine's).
 */
async function measureLiveLatency(base, moverCookie, watcherCookie) {
  const { browser, context } = await chromiumSignedIn(base, watcherCookie);
  try {
    const page = await context.newPage();
    await page.goto(`${base}/board/${RENDER_YEAR}`);
    await page.locator('[data-testid=card]').first().waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=live-status][data-state=open]').waitFor({ timeout: 10_000 });
    const headers = { cookie: `__Host-ita_session=${moverCookie}`, 'content-type': 'application/json', origin: base, 'sec-fetch-site': 'same-origin' };
    const board = await getJson(`${base}/api/boards/${RENDER_YEAR}`, { headers });
    // Cards of the lanes drawn on the watcher's screen (lanes off screen are not drawn).
    const onScreen = await page.evaluate(() => [...document.querySelectorAll('[data-testid="card"]')].map((n) => n.getAttribute('data-card-id')));
    if (onScreen.length < LIVE_MOVES) throw new Error(`the watcher drew ${onScreen.length} cards, fewer than ${LIVE_MOVES}`);
    const latencies = [];
    for (let i = 0; i < LIVE_MOVES; i++) {
      const card = board.cards.find((c) => c.id === onScreen[i]);
      const target = board.columns.find((c) => c.id !== card.columnId);
      // Watch for the card in its new column before the move is sent.
      await page.evaluate(({ id, column }) => {
        window.__liveSeen = new Promise((resolve) => {
          const there = () => document.querySelector(`[data-column-id="${column}"] [data-card-id="${id}"]`);
          const observer = new MutationObserver(() => {
            if (!there()) return;
            observer.disconnect();
            resolve(Date.now());
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        });
      }, { id: card.id, column: target.id });
      const sentAt = Date.now();
      const r = await fetch(`${base}/api/cards/${card.id}/move`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ toColumnId: target.id, afterCardId: null, beforeCardId: null, version: card.version }),
      });
      if (!r.ok) throw new Error(`move: ${r.status} ${await r.text()}`);
      const seenAt = await page.evaluate(() => Promise.race([window.__liveSeen, new Promise((r) => setTimeout(() => r(null), 5000))]));
      if (seenAt === null) throw new Error(`the watcher did not show move ${i + 1} within 5 s`);
      latencies.push(seenAt - sentAt);
    }
    return { median: median(latencies), p99: percentile(latencies, 99), n: latencies.length };
  } finally {
    await browser.close();
  }
}

/**
 * JavaScript a visitor downloads to open the board: the scripts index.html loads or preloads
 * (the other pages are split out and load when first opened), beside all chunks together.
 */
function javascriptShipped() {
  const dir = 'web/dist/assets';
  const size = (files) => {
    const bytes = files.map((f) => readFileSync(join(dir, f)));
    return { files: files.length, raw: bytes.reduce((n, b) => n + b.length, 0), gz: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) };
  };
  const html = readFileSync('web/dist/index.html', 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  return { ...size(initial), all: size(readdirSync(dir).filter((f) => f.endsWith('.js'))) };
}

async function main() {
  const started = Date.now();
  // The render and size figures are of the current source: build it (BENCH_NO_BUILD=1 measures web/dist as it is).
  if (process.env.BENCH_NO_BUILD !== '1') buildWeb();
  const app = await startApp(PORT);
  try {
    const admin = await signIn(app.base, 'admin@demo.local');
    const headers = { cookie: `__Host-ita_session=${admin}`, 'content-type': 'application/json' };
    const created = [];
    for (const size of [SMALL, ...SIZES]) {
      const t0 = Date.now();
      await getJson(`${app.base}/api/dev/bench/boards`, { method: 'POST', headers, body: JSON.stringify({ beYear: size.beYear, cards: size.cards }) });
      created.push(`${size.cards} cards in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log(`boards created: ${created.join(', ')}`);

    const results = [];
    for (const size of SIZES) results.push(await measureBoard(app.base, admin, size));
    // After the timings: these requests change the boards.
    const costs = [];
    for (const size of SIZES) costs.push(await measureRequestCosts(app.base, admin, size.beYear));
    let render;
    try {
      if (!haveChromium()) throw new Error('no /usr/bin/chromium');
      const small = await measureFirstScreenful(app.base, admin, SMALL.beYear, { scroll: false });
      // The last lane: the measure with the highest number (the bench boards' measures share one section).
      const { measures } = await getJson(`${app.base}/api/boards/${BIG.beYear}`, { headers });
      const lane = measures.reduce((a, b) => (b.number > a.number ? b : a)).id;
      const big = await measureFirstScreenful(app.base, admin, BIG.beYear, { scroll: { lane } });
      render = { small, big };
    } catch (e) {
      render = { error: e.message };
    }
    let live;
    try {
      live = haveChromium() ? await measureLiveLatency(app.base, admin, await signIn(app.base, 'executive@demo.local')) : { error: 'no /usr/bin/chromium' };
    } catch (e) {
      live = { error: e.message };
    }
    const js = javascriptShipped();

    const rows = [];
    for (const r of results) {
      const ratio = r.board.median / r.raw.median;
      const p99Ratio = r.board.p99 / r.raw.p99;
      const readRatio = r.board.rowsRead / r.board.rowsReturned;
      rows.push([`${r.cards} cards: server ms, median`, fmt(r.board.median), fmt(r.raw.median), `${fmt(ratio, 2)}×`, `≤ ${TARGET.boardOverRaw}×`, goal.check(`board median ${r.cards}`, ratio <= TARGET.boardOverRaw)]);
      rows.push([`${r.cards} cards: server ms, p99 (n=${r.samples})`, fmt(r.board.p99), fmt(r.raw.p99), `${fmt(p99Ratio, 2)}×`, `≤ ${TARGET.boardOverRaw}×`, goal.check(`board p99 ${r.cards}`, p99Ratio <= TARGET.boardOverRaw)]);
      rows.push([`${r.cards} cards: D1 rows read`, r.board.rowsRead, r.raw.rowsRead, `${fmt(r.board.rowsRead / r.raw.rowsRead, 2)}×`, '', '']);
      rows.push([`${r.cards} cards: rows read / rows returned`, `${r.board.rowsRead} / ${r.board.rowsReturned}`, `${r.raw.rowsRead} / ${r.raw.rowsReturned}`, `${fmt(readRatio, 3)}×`, `≤ ${TARGET.rowsReadOverReturned}×`, goal.check(`rows read ${r.cards}`, readRatio <= TARGET.rowsReadOverReturned)]);
      rows.push([`${r.cards} cards: HTTP GET /api/boards (client ms, median / p99)`, `${fmt(r.http.median)} / ${fmt(r.http.p99)}`, '', '', `${(r.board.bytes / 1024).toFixed(0)} KB JSON`, '']);
    }
    if (render.error) {
      rows.push(['first screenful interactive', `failed: ${render.error}`, '', '', `≤ ${TARGET.screenfulRatio}×`, goal.check('first screenful', false)]);
    } else {
      const { small, big } = render;
      const ratio = big.median / small.median;
      const label = (r, cards) => `${cards} cards (${r.cardsDrawn} drawn; board data arrived at ${fmt(r.dataAt, 0)} ms)`;
      rows.push([`first screenful interactive, ${BIG.cards} / ${SMALL.cards} cards: cards drawn, a card's menu opens (ms from navigation, median of ${RENDER_LOADS}; max ${fmt(big.max, 0)} / ${fmt(small.max, 0)})`, `${fmt(big.median, 0)} / ${fmt(small.median, 0)}`, '', `${fmt(ratio, 2)}×`, `≤ ${TARGET.screenfulRatio}×`, goal.check('first screenful ratio', ratio <= TARGET.screenfulRatio)]);
      rows.push([`  ${label(big, BIG.cards)} vs ${label(small, SMALL.cards)}`, '', '', '', `≤ ${TARGET.screenfulMs} ms`, goal.check('first screenful ms', big.median <= TARGET.screenfulMs)]);
      rows.push(['  of which after the board data arrived (parse, state, drawing; ms, median)', `${fmt(big.afterData, 0)} / ${fmt(small.afterData, 0)}`, '', `${fmt(big.afterData / small.afterData, 2)}×`, '', '']);
      rows.push([`scroll to the last lane of ${BIG.cards} cards: its cards drawn (ms, median of ${RENDER_LOADS}; max ${fmt(big.scroll.max, 0)})`, fmt(big.scroll.median, 0), '', '', `≤ ${TARGET.lastLaneMs} ms`, goal.check('last lane drawn', big.scroll.median <= TARGET.lastLaneMs)]);
    }
    if (live.error) {
      rows.push(['live update: a move seen on another open board', `failed: ${live.error}`, '', '', `< ${TARGET.liveMs} ms`, goal.check('live update', false)]);
    } else {
      rows.push([`live update: a move seen on another open board (ms, median / p99 of ${live.n})`, `${fmt(live.median, 0)} / ${fmt(live.p99, 0)}`, '', '', `< ${TARGET.liveMs} ms`, goal.check('live update', live.p99 < TARGET.liveMs)]);
    }
    const kb = js.gz / 1024;
    rows.push([`JavaScript shipped to open the board, gzipped (${js.files} files, ${(js.raw / 1024).toFixed(1)} KB raw)`, `${fmt(kb)} KB`, '', '', `< ${TARGET.jsGzKb} KB`, goal.check('JavaScript size', kb < TARGET.jsGzKb)]);
    rows.push([`  all pages together (${js.all.files} files, loaded as opened)`, `${fmt(js.all.gz / 1024)} KB`, '', '', '', '']);
    printTable('Board benchmark (wrangler dev, local D1)', ['measure', 'board', 'raw D1', 'ratio', 'target', ''], rows);

    const costRows = costs[0].rows.map((small, i) => {
      const big = costs[1].rows[i];
      const isMove = small.label.startsWith('move');
      const ok = isMove ? goal.check(`rows read by a ${small.label}`, small.rowsRead <= TARGET.moveRowsRead && big.rowsRead <= TARGET.moveRowsRead) : '';
      return [small.label, `${small.rowsRead} / ${small.rowsWritten} / ${small.queries}`, `${big.rowsRead} / ${big.rowsWritten} / ${big.queries}`, isMove ? `≤ ${TARGET.moveRowsRead} read` : '', ok];
    });
    printTable(
      'D1 per request: rows read / rows written / round trips (the session lookup included)',
      ['request', ...SIZES.map((size, i) => `${size.cards} cards (column: ${costs[i].column})`), 'target', ''],
      costRows,
    );
    console.log(`\nwhole run: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    app.stop();
  }
  const missed = goal.misses();
  if (missed.length > 0) {
    console.error(`\nmissed targets: ${missed.join(', ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
