// Shared by the benchmarks in this folder (not a benchmark itself: scripts/bench.mjs runs only
// *.bench.mjs). Starts the real app under `wrangler dev` on a throw-away local D1 with the demo
// office, signs in, and prints figures beside their targets.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { WRANGLER, run, seedDemo, startWrangler, waitForHealth } from '../../scripts/lib.mjs';

import { readFileSync } from 'node:fs';

/** The demo password, read from the one place it is written (worker/seed/demo-password.ts). */
export const DEMO_PASSWORD = /DEMO_PASSWORD = '([^']+)'/.exec(readFileSync(new URL('../../worker/seed/demo-password.ts', import.meta.url), 'utf8'))[1];

/** Builds web/dist (under the shared lock when flock exists: other builds may run beside us). */
export function buildWeb() {
  const vite = ['node_modules/.bin/vite', 'build', '--logLevel', 'warn'];
  const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status === 0;
  // A production build whatever this process holds: vite's runnerImport (board.bench.mjs loads the
  // TypeScript with it) sets NODE_ENV=development, which the build inherited: Preact's development
  // code measured 54.9 KB instead of 49.8 and slowed the first screenful.
  const opts = { env: { ...process.env, NODE_ENV: 'production' } };
  if (hasFlock) run('flock', ['/tmp/ita-vite.lock', ...vite], opts);
  else run(vite[0], vite.slice(1), opts);
}

/**
 * `wrangler dev` on `port` with DEMO_SEED=1 and the demo office loaded; call stop() at the end.
 * `cwd`: another checkout of the app to run (the load bench runs the old write path from one).
 */
export async function startApp(port, { cwd } = {}) {
  const persistTo = mkdtempSync(join(tmpdir(), 'ita-bench-'));
  run(WRANGLER, ['d1', 'migrations', 'apply', 'ita-board', '--local', '--persist-to', persistTo], { stdio: 'ignore', cwd });
  const server = startWrangler({ port, persistTo, vars: { DEMO_SEED: '1' }, quiet: true, cwd });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base);
    await seedDemo(base);
  } catch (e) {
    console.error(server.log());
    stop();
    throw e;
  }
  return { base, stop, log: server.log };
}

/** Signs in through the API; returns the session token (the cookie's value). */
export async function signIn(base, email, password = DEMO_PASSWORD) {
  const r = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  const token = /__Host-ita_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error('sign-in answered without a session cookie');
  return token;
}

/**
 * fetch() returning the parsed JSON and the time of the attempt that succeeded; fails loudly on a
 * non-2xx answer. `wrangler dev` rebuilds when a source file changes (others may be editing the
 * tree) and a response in flight is then cut short: such an attempt is retried, twice at most.
 */
export async function timedJson(url, init) {
  for (let attempt = 1; ; attempt++) {
    const t0 = performance.now();
    try {
      const r = await fetch(url, init);
      const text = await r.text();
      if (!r.ok) throw Object.assign(new Error(`${init?.method ?? 'GET'} ${url}: ${r.status} ${text.slice(0, 300)}`), { final: true });
      return { json: JSON.parse(text), ms: performance.now() - t0 };
    } catch (e) {
      if (e.final || attempt >= 3) throw e;
      console.warn(`retrying ${url}: ${e.message.slice(0, 120)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export async function getJson(url, init) {
  return (await timedJson(url, init)).json;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p99 of 40 samples is the largest: say so rather than interpolate). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const fmt = (x, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : String(x));

/** Prints rows (arrays of cells) as an aligned table with a header row. */
export function printTable(title, header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const line = (r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(all[0]));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}

/**
 * The machine's 1-minute load average and its cores: figures taken while others' tests run beside
 * a bench are slower, and the table should say so.
 */
export function machineLoad() {
  return `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
}

/** Records a figure against its target; `misses()` lists those that missed. */
export function targets() {
  const missed = [];
  return {
    check(name, ok) {
      if (!ok) missed.push(name);
      return ok ? '✓' : '✗';
    },
    misses: () => missed,
  };
}

export const haveChromium = () => existsSync('/usr/bin/chromium');

/** Debian's Chromium, and a 1440×900 context signed in with `cookie` (close the browser after). */
export async function chromiumSignedIn(base, cookie) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // A __Host- cookie must be Secure with Path=/ (Chromium takes it over http://127.0.0.1, which it
  // counts as secure); set by `url` alone, Chromium refuses it.
  await context.addCookies([{ name: '__Host-ita_session', value: cookie, domain: new URL(base).hostname, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }]);
  return { browser, context };
}
