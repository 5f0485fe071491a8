// Bad input against EVERY route of the app, enumerated from the Hono app itself (app.routes), so a
// route added later is covered without touching this file. Each generated request is invalid by
// construction: a fake or malformed path parameter, a body no strict schema accepts (every JSON
// object carries a wrongly typed "version" or keys no route knows), a body over the size limit, a
// method the path does not have, a cross-site origin, or no/forged session on a private route.
// Asserted for every request: no 5xx; every answer ≥ 400 is our JSON error with code, messageTh
// and messageEn; every invalid request is refused (a 2xx fails the test and is printed); and the
// database is unchanged: a SHA-256 of every row of every table, before and after. Two tables are
// left out of that checksum because recording refusals is their job: audit_log (refused
// authorisations, failed sign-ins) and sign_in_throttle (failed sign-in counters).
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import app from '../../worker/app';
import { BASE, call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';
import { sha256Hex } from '../../worker/domain/crypto';
import { formatTable } from '../load/table';
import { FAKE_VALUES, FORMULA, SCRIPT, SQL, badBodies, hugeBodies } from './fuzz-inputs';

/** Tables whose job is to record refusals; everything else must be byte-for-byte unchanged. */
const REFUSAL_RECORDS = new Set(['audit_log', 'sign_in_throttle']);
/** Writes that take no input at all: only tried signed out (signed in, they would do their job). */
const INPUTLESS_WRITES = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere']);

type ActorName = 'admin' | 'director' | 'executive' | 'signedOut' | 'forged';
const ACTORS: ActorName[] = ['admin', 'director', 'executive', 'signedOut', 'forged'];

interface Route {
  method: string;
  path: string;
  params: string[];
}
interface Case {
  route: string;
  family: string;
  actor: ActorName;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | (() => ReadableStream);
  /** False only for requests that carry nothing a route could refuse (a parameterless GET). */
  mustRefuse: boolean;
}

// --- the app's routes ---------------------------------------------------------------------

function appRoutes(): Route[] {
  const seen = new Map<string, Route>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path.includes('*')) continue;
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path, params });
  }
  return [...seen.values()];
}

let home: Demo;
let other: Demo;
const cookies: Partial<Record<ActorName, string>> = {};
const realIds: Record<string, string> = {};
const otherIds: Record<string, string> = {};

/** The kind of id a parameter names, from the path segment before it. */
function kindOf(path: string, param: string): string {
  if (param === 'beYear' || param === 'slug' || param === 'file') return param;
  const segments = path.split('/');
  const at = segments.indexOf(`:${param}`);
  const before = segments.slice(0, at).reverse().find((s) => s && !s.startsWith(':')) ?? '';
  const kinds: Record<string, string> = { cards: 'card', evidence: 'evidence', users: 'user', groups: 'group', columns: 'column', items: 'oitItem', comments: 'comment', reports: 'report', recipients: 'recipient' };
  return kinds[before] ?? 'card';
}

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => encodeURIComponent(values[name]!));
}

function realValues(route: Route): Record<string, string> {
  return Object.fromEntries(route.params.map((p) => [p, realIds[kindOf(route.path, p)] ?? realIds.card!]));
}

function headersFor(actor: ActorName, method: string, contentType?: string): Record<string, string> {
  const h: Record<string, string> = {};
  const cookie = cookies[actor];
  if (cookie) h.cookie = cookie;
  if (method !== 'GET' && method !== 'HEAD') h.origin = BASE;
  if (contentType) h['content-type'] = contentType;
  return h;
}

function generateCases(routes: Route[]): Case[] {
  const cases: Case[] = [];
  const methodsOf = new Map<string, Set<string>>();
  for (const r of routes) methodsOf.set(r.path, (methodsOf.get(r.path) ?? new Set()).add(r.method));
  for (const route of routes) {
    const name = `${route.method} ${route.path}`;
    const write = !['GET', 'HEAD', 'DELETE'].includes(route.method);
    const actors = INPUTLESS_WRITES.has(name) ? (['signedOut', 'forged'] as ActorName[]) : ACTORS;
    const add = (c: Omit<Case, 'route'>) => cases.push({ route: name, ...c });

    // 1. Every parameter, in turn, fake or malformed (the others real).
    for (const param of route.params) {
      const kind = kindOf(route.path, param);
      const fakes = [crypto.randomUUID(), ...(otherIds[kind] ? [otherIds[kind]!] : []), ...FAKE_VALUES].filter(
        (v) => !(kind === 'beYear' && v === '2567'),
      );
      // Each fake once, the actors taking turns; an unknown id from every actor.
      const tries = [...fakes.map((fake, i) => [fake, actors[i % actors.length]!] as const), ...actors.slice(1).map((a) => [fakes[0]!, a] as const)];
      for (const [fake, actor] of tries) {
        const path = fill(route.path, { ...realValues(route), [param]: fake });
        add({ family: `fake :${param}`, actor, method: route.method, path, headers: headersFor(actor, route.method, write ? 'application/json' : undefined), body: write ? '{}' : undefined, mustRefuse: true });
      }
    }
    const path = fill(route.path, realValues(route));
    // A method this path does not have (once per path).
    const methods = methodsOf.get(route.path)!;
    const missing = ['PUT', 'PATCH', 'DELETE', 'POST'].find((m) => !methods.has(m));
    if (missing && route.method === [...methods][0]) {
      for (const actor of ['admin', 'signedOut'] as ActorName[]) {
        add({ family: 'wrong method', actor, method: missing, path, headers: headersFor(actor, missing, 'application/json'), body: '{}', mustRefuse: true });
      }
    }
    if (!write) {
      // A GET with real parameters is a valid request; junk in its query string is ignored or
      // refused, never a crash. Parameterless GETs can only be tried this way. (A DELETE with
      // real parameters would be a valid request too: it only gets fake ones.)
      if (route.method === 'GET') {
        for (const actor of actors) {
          const query = `?q=${encodeURIComponent(SQL)}&x=${encodeURIComponent(SCRIPT)}&from=${encodeURIComponent(FORMULA)}&to=%00`;
          add({ family: 'junk query (valid GET)', actor, method: route.method, path: path + query, headers: headersFor(actor, route.method), mustRefuse: false });
        }
      }
      continue;
    }
    if (write && !INPUTLESS_WRITES.has(name)) {
      // 2. Real parameters, bad bodies, the actors taking turns (and every actor for a few).
      badBodies().forEach(([family, body, type], i) => {
        const who = i % 9 === 0 ? actors : [actors[i % actors.length]!];
        for (const actor of who) add({ family, actor, method: route.method, path, headers: headersFor(actor, route.method, type), body, mustRefuse: true });
      });
      for (const [family, body, type] of hugeBodies()) {
        add({ family, actor: 'admin', method: route.method, path, headers: headersFor('admin', route.method, type), body, mustRefuse: true });
      }
      // 3. A cross-site origin.
      add({ family: 'cross-site origin', actor: 'admin', method: route.method, path, headers: { ...headersFor('admin', route.method, 'application/json'), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, body: '{}', mustRefuse: true });
    }
    if (INPUTLESS_WRITES.has(name)) {
      for (const actor of actors) add({ family: 'signed out', actor, method: route.method, path, headers: headersFor(actor, route.method), mustRefuse: name !== 'POST /api/auth/sign-out' });
    }
  }
  return cases;
}

// --- checks -------------------------------------------------------------------------------

async function checksums(): Promise<Record<string, string>> {
  const { results } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' order by name",
  ).all<{ name: string }>();
  const sums: Record<string, string> = {};
  for (const { name } of results) {
    if (REFUSAL_RECORDS.has(name)) continue;
    const rows = await env.DB.prepare(`select * from "${name}" order by rowid`).all();
    sums[name] = `${rows.results.length}:${await sha256Hex(JSON.stringify(rows.results))}`;
  }
  return sums;
}

interface Outcome {
  c: Case;
  status: number;
  problem: string | null;
}

async function send(c: Case): Promise<Outcome> {
  const body = typeof c.body === 'function' ? c.body() : c.body;
  const init: RequestInit = { method: c.method, headers: c.headers, body: body as BodyInit | undefined };
  // app.fetch is the worker's fetch handler (worker/index.ts), called directly: the test pool's
  // exports.default.fetch slows down with every call, too much for thousands of requests.
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${c.path}`, init), env, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  let problem: string | null = null;
  if (res.status >= 500) problem = `server error ${res.status}: ${text.slice(0, 200)}`;
  else if (res.status >= 400) {
    try {
      const e = JSON.parse(text).error;
      if (typeof e?.code !== 'string' || !e.code || typeof e.messageTh !== 'string' || !e.messageTh || typeof e.messageEn !== 'string' || !e.messageEn) {
        problem = `error body without code/messageTh/messageEn: ${text.slice(0, 200)}`;
      }
    } catch {
      problem = `non-JSON error ${res.status}: ${text.slice(0, 200)}`;
    }
  } else if (c.mustRefuse) problem = `accepted with ${res.status}: ${text.slice(0, 200)}`;
  return { c, status: res.status, problem };
}

async function runAll(cases: Case[], concurrency = 6): Promise<Outcome[]> {
  const out: Outcome[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const i = next++;
        out[i] = await send(cases[i]!);
      }
    }),
  );
  return out;
}

beforeAll(async () => {
  home = await seedOffice('home-office');
  other = await seedOffice('other-office', 'other.local');
  const admin = await cookieFor(home, 'admin');
  cookies.admin = admin;
  cookies.director = await cookieFor(home, 'directorAdmin');
  cookies.executive = await cookieFor(home, 'executive');
  cookies.forged = `__Host-ita_session=${'A'.repeat(43)}`;
  // Something of every kind to point at: evidence and a comment on a card.
  const board = await getBoard(admin);
  const card = board.cards[0]!;
  const ev = await call('POST', `/api/cards/${card.id}/evidence`, { cookie: admin, body: { url: 'https://example.go.th/a', note: '', oitCode: null } });
  const cm = await call('POST', `/api/cards/${card.id}/comments`, { cookie: admin, body: { body: 'ความเห็น' } });
  const one = async (sql: string, orgId: string) => (await env.DB.prepare(sql).bind(orgId).first<{ id: string }>())?.id;
  for (const [ids, org] of [[realIds, home.orgId], [otherIds, other.orgId]] as const) {
    for (const [kind, table] of [['card', 'cards'], ['column', 'board_columns'], ['group', 'groups'], ['oitItem', 'oit_items'], ['evidence', 'evidence_links'], ['comment', 'comments'], ['report', 'reports'], ['recipient', 'report_recipients']]) {
      const id = await one(`select id from "${table}" where org_id = ? order by rowid limit 1`, org);
      if (id) ids[kind!] = id;
    }
    const user = await one("select user_id id from memberships where org_id = ? and role = 'director' order by rowid limit 1", org);
    if (user) ids.user = user;
  }
  realIds.beYear = '2567';
  realIds.slug = 'home-office';
  realIds.file = '2567.json';
  expect([ev.status, cm.status]).toEqual([201, 201]);
});

describe('bad input on every route', () => {
  it('never crashes, always answers a bilingual JSON error, refuses every bad request and changes nothing', { timeout: 240_000 }, async () => {
    const routes = appRoutes();
    // The app's own route list: a sanity floor, so an enumeration that silently finds nothing fails.
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /api/cards/:id/move', 'GET /api/admin/backup', 'POST /api/auth/sign-in']));

    const cases = generateCases(routes);
    const before = await checksums();
    const started = Date.now();
    const outcomes = await runAll(cases);
    const seconds = (Date.now() - started) / 1000;
    const after = await checksums();

    const refused = outcomes.filter((o) => o.c.mustRefuse);
    const byFamily = new Map<string, { requests: number; statuses: Map<number, number> }>();
    for (const o of outcomes) {
      const f = byFamily.get(o.c.family) ?? { requests: 0, statuses: new Map() };
      f.requests++;
      f.statuses.set(o.status, (f.statuses.get(o.status) ?? 0) + 1);
      byFamily.set(o.c.family, f);
    }
    const rows = [...byFamily].map(([family, f]) => ({
      family,
      requests: f.requests,
      statuses: [...f.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' '),
    }));
    console.log(formatTable(rows, `fuzz: ${outcomes.length} requests (${refused.length} invalid by construction) over ${routes.length} routes in ${seconds.toFixed(1)} s`));

    const problems = outcomes.filter((o) => o.problem);
    if (problems.length > 0) {
      console.log(problems.slice(0, 30).map((o) => `${o.c.method} ${o.c.path.slice(0, 120)} [${o.c.family}, ${o.c.actor}] → ${o.problem}`).join('\n'));
    }
    expect(problems.map((o) => `${o.c.route} [${o.c.family}, ${o.c.actor}] → ${o.problem}`)).toEqual([]);
    expect(refused.length).toBeGreaterThanOrEqual(1000);
    // Every route got invalid requests.
    const covered = new Set(refused.map((o) => o.c.route));
    expect(routes.filter((r) => !covered.has(`${r.method} ${r.path}`) && r.params.length + (r.method === 'GET' ? 0 : 1) > 0).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(after).toEqual(before);
  });
});
