// The board benchmark (issue 16's targets). Starts `wrangler dev` (own port, throw-away D1,
// DEMO_SEED=1), creates boards of 2,000 and 10,000 cards through a dev-only route, and measures:
// 1. the board request against a raw D1 read of the same rows, in the same run, both over HTTP
//    from here, end to end (request sent until the body is read; the same middleware, session
//    lookup included, on both): GET /api/boards/:beYear vs GET /api/dev/bench/raw-rows/:beYear
//    (worker/routes/dev-bench.ts), median and p99 of 100 each. Also D1 rows read by the board's
//    loader against rows returned (inside the worker, the dev route /bench/board).
// 1b. the board answer's size, gzipped (node:zlib, level 6), on the 2,000-card bench board, and
//    bytes per card on a 2,000-card board whose titles all differ.
// 1c. reopening an unchanged board: GET with If-None-Match (the ETag of the last answer) → 304,
//    and GET /changes?since=<seq>, each over a raw socket: every byte received counts (status
//    line, headers, body). Right after an answer, and again a minute or so later with the ETag and
//    seq kept (the board's room may have been evicted and reloaded meanwhile, as overnight).
// 2. the first screenful, interactive, in Chromium: from navigation start until cards are drawn
//    and a card's "Move to…" menu opens when clicked, on a 10,000-card board against a 200-card
//    one (lanes off screen are drawn as they come into view: web/src/components/board/lazy-lanes.ts);
//    then, on the 10,000-card board, from scrolling to its end until the last lane's cards are drawn.
// 3. JavaScript shipped: web/dist/assets/*.js, each gzipped with node:zlib, summed.
// 4. What each everyday request costs in D1 (rows read, rows written, round trips: what
//    Cloudflare bills), on both boards, through the real routes with the dev-only meter
//    (middleware/session.ts): a move must read a few rows whatever the size of its column. The
//    same meter counts the Durable Object calls made while serving the request (db/metered.ts):
//    a move, an edit and a comment must make exactly one.
// 5. Live updates: another user's move, from the moment it is sent until another open board (an
//    executive's, in Chromium, on the 2,000-card board) shows the card in its new column; p99 of
//    100 moves.
// Exits non-zero when something fails or a figure misses its target.
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runnerImport } from 'vite';
import { buildWeb, chromiumSignedIn, fmt, getJson, haveChromium, median, percentile, machineLoad, printTable, signIn, startApp, targets } from './harness.mjs';

// The board answer carries its cards as columns: read as the web app reads it (vite's module runner loads the TypeScript).
const { module: { boardFromWire } } = await runnerImport('./worker/domain/board-card.ts', { configFile: false, logLevel: 'error' });

const PORT = Number(process.env.BENCH_PORT ?? 8795);
const SIZES = [
  { beYear: 2590, cards: 2000 },
  { beYear: 2591, cards: 10000 },
];
/** The live-update figure watches the 2,000-card board. */
const RENDER_YEAR = 2590;
/** The first screenful: a small board (made for it) against the 10,000-card one. */
const SMALL = { beYear: 2589, cards: 200 };
const BIG = SIZES[1];
/** A 2,000-card board whose titles all differ: bytes per card, gzipped, without repeated titles to help. */
const DISTINCT = { beYear: 2592, cards: 2000, titles: 'distinct' };
const RENDER_LOADS = 5;
const HTTP_SAMPLES = 100;
const TARGET = {
  boardOverRaw: 0.5,
  rowsReadOverReturned: 1.1,
  boardGzKb: 80,
  reopenBytes: 1024,
  screenfulRatio: 1.2,
  screenfulMs: 300,
  lastLaneMs: 100,
  jsGzKb: 50,
  moveRowsRead: 50,
  objectCallsPerChange: 1,
  liveP99Ms: 150,
};
const LIVE_MOVES = 100;

const goal = targets();

/** GET `url`, timed from sending until the body is read; the body as text, and the answer's headers. */
async function timedGet(url, headers) {
  const t0 = performance.now();
  const r = await fetch(url, { headers });
  const text = await r.text();
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`GET ${url}: ${r.status} ${text.slice(0, 300)}`);
  return { ms, text, headers: r.headers };
}

/**
 * The board request against the raw D1 read of the same rows, both over HTTP end to end, in
 * alternating order (neither always runs on a cache the other warmed); and, inside the worker, the
 * loader's rows read against rows returned.
 */
async function measureBoard(base, cookie, { beYear, cards }) {
  const headers = { cookie: `__Host-ita_session=${cookie}` };
  const urls = { board: `${base}/api/boards/${beYear}`, raw: `${base}/api/dev/bench/raw-rows/${beYear}` };
  // Warm-up: the first reads fill SQLite's page cache, compile the statements, load the board's object.
  for (let i = 0; i < 3; i++) for (const url of Object.values(urls)) await timedGet(url, headers);
  const ms = { board: [], raw: [] };
  let answer;
  for (let i = 0; i < HTTP_SAMPLES; i++) {
    for (const side of i % 2 ? ['raw', 'board'] : ['board', 'raw']) {
      const r = await timedGet(urls[side], headers);
      ms[side].push(r.ms);
      if (side === 'board') answer = r;
    }
  }
  const view = boardFromWire(JSON.parse(answer.text));
  if (view.cards.length !== cards) throw new Error(`board ${beYear} has ${view.cards.length} cards, expected ${cards}`);
  const raw = JSON.parse((await timedGet(urls.raw, headers)).text);
  if (raw[4].length !== cards) throw new Error(`the raw read of ${beYear} returned ${raw[4].length} cards, expected ${cards}`);
  const loader = await getJson(`${base}/api/dev/bench/board/${beYear}`, { headers });
  const stats = (xs) => ({ median: median(xs), p99: percentile(xs, 99), n: xs.length });
  return {
    cards,
    board: stats(ms.board),
    raw: stats(ms.raw),
    bytes: { board: Buffer.byteLength(answer.text), raw: Buffer.byteLength(JSON.stringify(raw)), boardGz: gzipSync(answer.text).length },
    rows: { read: loader.rowsRead, returned: loader.rowsReturned },
    etag: answer.headers.get('etag'),
    seq: view.seq,
    answeredAt: Date.now(),
  };
}

/**
 * One GET over a plain socket (HTTP/1.1, connection closed after): the status and every byte
 * received, status line, headers and body, as they came.
 */
function bytesOnTheWire(base, path, headers) {
  const { hostname, port } = new URL(base);
  const lines = [`GET ${path} HTTP/1.1`, `host: ${hostname}:${port}`, 'connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(`${lines.join('\r\n')}\r\n\r\n`));
    const chunks = [];
    socket.on('data', (b) => chunks.push(b));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(all.toString('latin1'))?.[1]);
      const head = all.indexOf('\r\n\r\n');
      resolve({ status, bytes: all.length, body: head < 0 ? '' : all.subarray(head + 4).toString('utf8') });
    });
  });
}

/**
 * Reopening the unchanged board: If-None-Match with its ETag, and the changes since its seq, both
 * over a raw socket. `known`: the ETag and seq a reader kept from an earlier answer; without it,
 * from an answer taken just before.
 */
async function measureReopen(base, cookie, beYear, known) {
  const headers = { cookie: `__Host-ita_session=${cookie}` };
  const whole = await bytesOnTheWire(base, `/api/boards/${beYear}`, headers);
  const fresh = async () => {
    const r = await timedGet(`${base}/api/boards/${beYear}`, headers);
    return { etag: r.headers.get('etag'), seq: JSON.parse(r.text).seq };
  };
  const kept = known ?? (await fresh());
  const notModified = kept.etag ? await bytesOnTheWire(base, `/api/boards/${beYear}`, { ...headers, 'if-none-match': kept.etag }) : null;
  const changes = typeof kept.seq === 'number' ? await bytesOnTheWire(base, `/api/boards/${beYear}/changes?since=${kept.seq}`, headers) : null;
  return { notModified, changes, whole };
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
  const board = boardFromWire((await get(`/api/boards/${beYear}`)).json);
  const [from, to] = [board.columns[0], board.columns[1]];
  const inColumn = (b, id) => b.cards.filter((c) => c.columnId === id);
  const moving = inColumn(board, from.id).slice(0, 3);
  const target = inColumn(board, to.id);
  const middle = Math.floor(target.length / 2);
  const rows = [];
  const add = (label, m) => rows.push({ label, rowsRead: m.rowsRead, rowsWritten: m.rowsWritten, queries: m.queries, returned: m.rowsReturned, objectCalls: m.objectCalls, objectCallsBy: m.objectCallsBy });
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
    const board = boardFromWire(await getJson(`${base}/api/boards/${RENDER_YEAR}`, { headers }));
    // Cards of the lanes drawn on the watcher's screen (lanes off screen are not drawn).
    const onScreen = await page.evaluate(() => [...document.querySelectorAll('[data-testid="card"]')].map((n) => n.getAttribute('data-card-id')));
    // The cards drawn on the watcher's screen (lanes off screen are not drawn), each moved in turn
    // to another column of its lane (so it stays on screen), round after round.
    const moving = onScreen.slice(0, 20).map((id) => board.cards.find((c) => c.id === id));
    if (moving.length < 20) throw new Error(`the watcher drew ${onScreen.length} cards, fewer than 20`);
    const latencies = [];
    for (let i = 0; i < LIVE_MOVES; i++) {
      const k = i % moving.length;
      const card = moving[k];
      const others = board.columns.filter((c) => c.id !== card.columnId);
      const target = others[Math.floor(i / moving.length) % others.length];
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
      const text = await r.text();
      if (!r.ok) throw new Error(`move: ${r.status} ${text.slice(0, 300)}`);
      moving[k] = JSON.parse(text).card;
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
  const startLoad = machineLoad();
  // The render and size figures are of the current source: build it (BENCH_NO_BUILD=1 measures web/dist as it is).
  if (process.env.BENCH_NO_BUILD !== '1') buildWeb();
  const app = await startApp(PORT);
  try {
    const admin = await signIn(app.base, 'admin@demo.local');
    const headers = { cookie: `__Host-ita_session=${admin}`, 'content-type': 'application/json' };
    const created = [];
    for (const size of [SMALL, ...SIZES, DISTINCT]) {
      const t0 = Date.now();
      await getJson(`${app.base}/api/dev/bench/boards`, { method: 'POST', headers, body: JSON.stringify({ beYear: size.beYear, cards: size.cards, titles: size.titles }) });
      created.push(`${size.cards} cards in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log(`boards created: ${created.join(', ')}`);

    const results = [];
    for (const size of SIZES) {
      results.push(await measureBoard(app.base, admin, size));
      // Reopening right after an answer (its room still holds the board), then, below, later.
      if (size === SIZES[0]) results[0].reopenAtOnce = await measureReopen(app.base, admin, size.beYear);
    }
    const distinct = await timedGet(`${app.base}/api/boards/${DISTINCT.beYear}`, { cookie: `__Host-ita_session=${admin}` });
    const distinctGz = gzipSync(distinct.text).length;
    const reopenedAfterS = (Date.now() - results[0].answeredAt) / 1000;
    const reopen = await measureReopen(app.base, admin, SIZES[0].beYear, { etag: results[0].etag, seq: results[0].seq });
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
      const readRatio = r.rows.read / r.rows.returned;
      const mb = (n) => `${fmt(n / 1024 / 1024, 2)} MB`;
      rows.push([`${r.cards} cards: HTTP request, end to end, body read (ms, median of ${r.board.n})`, fmt(r.board.median), fmt(r.raw.median), `${fmt(ratio, 2)}×`, `≤ ${TARGET.boardOverRaw}×`, goal.check(`board request median ${r.cards}`, ratio <= TARGET.boardOverRaw)]);
      rows.push([`${r.cards} cards: HTTP request, end to end, body read (ms, p99 of ${r.board.n})`, fmt(r.board.p99), fmt(r.raw.p99), `${fmt(p99Ratio, 2)}×`, `≤ ${TARGET.boardOverRaw}×`, goal.check(`board request p99 ${r.cards}`, p99Ratio <= TARGET.boardOverRaw)]);
      rows.push([`${r.cards} cards: answer size (JSON)`, mb(r.bytes.board), mb(r.bytes.raw), `${fmt(r.bytes.board / r.bytes.raw, 2)}×`, '', '']);
      rows.push([`${r.cards} cards: D1 rows read / rows returned by the board's loader`, `${r.rows.read} / ${r.rows.returned}`, '', `${fmt(readRatio, 3)}×`, `≤ ${TARGET.rowsReadOverReturned}×`, goal.check(`rows read ${r.cards}`, readRatio <= TARGET.rowsReadOverReturned)]);
    }
    const gzKb = results[0].bytes.boardGz / 1024;
    rows.push([`board answer, ${SIZES[0].cards} bench cards, gzipped (${fmt(results[0].bytes.boardGz / SIZES[0].cards, 0)} bytes per card)`, `${fmt(gzKb)} KB`, '', '', `≤ ${TARGET.boardGzKb} KB`, goal.check('board answer gzipped', gzKb <= TARGET.boardGzKb)]);
    rows.push([`  ${DISTINCT.cards} cards whose titles all differ: gzipped, bytes per card`, `${fmt(distinctGz / 1024)} KB, ${fmt(distinctGz / DISTINCT.cards, 0)} B/card`, '', '', '', '']);
    {
      const wire = (r) => (r ? `${r.bytes} B (${r.status})` : 'not offered');
      // Either way of reopening counts: 304, or changes since seq that are not "reload".
      const cheapest = ({ notModified, changes }) => {
        const ok = [notModified?.status === 304 ? notModified : null, changes?.status === 200 && !/"reload"\s*:\s*true/.test(changes.body) ? changes : null].filter(Boolean);
        return ok.length ? Math.min(...ok.map((r) => r.bytes)) : Infinity;
      };
      const atOnce = results[0].reopenAtOnce;
      rows.push([`reopening the unchanged ${SIZES[0].cards}-card board right after an answer, bytes on the wire: If-None-Match → 304 / changes since seq`, `${wire(atOnce.notModified)} / ${wire(atOnce.changes)}`, '', '', '', '']);
      const later = cheapest(reopen);
      rows.push([`  the same ${fmt(reopenedAfterS, 0)} s later (other boards read meanwhile), with the ETag and seq kept: 304 / changes since seq`, `${wire(reopen.notModified)} / ${wire(reopen.changes)}`, '', '', `≤ ${TARGET.reopenBytes} B`, goal.check('reopening an unchanged board', Math.max(later, cheapest(atOnce)) <= TARGET.reopenBytes)]);
      rows.push(['  (the whole board, uncompressed, for comparison)', `${reopen.whole.bytes} B (${reopen.whole.status})`, '', '', '', '']);
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
      rows.push(['live update: a move seen on another open board', `failed: ${live.error}`, '', '', `p99 ≤ ${TARGET.liveP99Ms} ms`, goal.check('live update', false)]);
    } else {
      rows.push([`live update: a move seen on another open board (ms, median / p99 of ${live.n})`, `${fmt(live.median, 0)} / ${fmt(live.p99, 0)}`, '', '', `p99 ≤ ${TARGET.liveP99Ms} ms`, goal.check('live update', live.n >= 100 && live.p99 <= TARGET.liveP99Ms)]);
    }
    const kb = js.gz / 1024;
    rows.push([`JavaScript shipped to open the board, gzipped (${js.files} files, ${(js.raw / 1024).toFixed(1)} KB raw)`, `${fmt(kb)} KB`, '', '', `≤ ${TARGET.jsGzKb} KB`, goal.check('JavaScript size', kb <= TARGET.jsGzKb)]);
    rows.push([`  all pages together (${js.all.files} files, loaded as opened)`, `${fmt(js.all.gz / 1024)} KB`, '', '', '', '']);
    printTable(`Board benchmark (wrangler dev, local D1; ${startLoad} at the start, ${machineLoad()} at the end)`, ['measure', 'board', 'raw D1 read, over HTTP', 'ratio', 'target', ''], rows);

    const costRows = costs[0].rows.map((small, i) => {
      const big = costs[1].rows[i];
      const isMove = small.label.startsWith('move');
      const isChange = isMove || small.label.startsWith('PATCH') || small.label.startsWith('POST');
      const readOk = isMove ? goal.check(`rows read by a ${small.label}`, small.rowsRead <= TARGET.moveRowsRead && big.rowsRead <= TARGET.moveRowsRead) : '';
      const callsOk = isChange ? goal.check(`Durable Object calls of a ${small.label}`, small.objectCalls === TARGET.objectCallsPerChange && big.objectCalls === TARGET.objectCallsPerChange) : '';
      const cell = (m) => `${m.rowsRead} / ${m.rowsWritten} / ${m.queries}`;
      return [small.label, cell(small), cell(big), isMove ? `≤ ${TARGET.moveRowsRead} read` : '', readOk, `${small.objectCalls} / ${big.objectCalls}`, isChange ? `${TARGET.objectCallsPerChange}` : '', callsOk];
    });
    printTable(
      "D1 per request: rows read / rows written / round trips (the request's own, the session lookup included; not what a Durable Object it calls does in D1); Durable Object calls made while serving it",
      ['request', ...SIZES.map((size, i) => `${size.cards} cards (column: ${costs[i].column})`), 'target', '', 'object calls', 'target', ''],
      costRows,
    );
    const calls = costs[0].rows.filter((r) => r.objectCalls > 0).map((r) => `${r.label}: ${Object.entries(r.objectCallsBy).map(([k, n]) => `${k}×${n}`).join(', ')}`);
    if (calls.length) console.log(`\nDurable Object calls (${SIZES[0].cards} cards):\n  ${calls.join('\n  ')}`);
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
