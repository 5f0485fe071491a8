// Test helpers: the real worker (exports.default.fetch) against the real D1 of this test file.
import { env, exports } from 'cloudflare:workers';
import { createDb } from '../../worker/db/client';
import { createSession } from '../../worker/db/auth';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { seedDemo, DEMO_ACCOUNTS } from '../../worker/seed/demo';
import type { BoardView } from '../../worker/domain/contracts';
import { boardFromWire, type BoardWire } from '../../worker/domain/board-card';

export const BASE = 'https://ita.test';
export const db = () => createDb(env.DB);

export type Demo = Awaited<ReturnType<typeof seedDemo>>;

/** Seeds the demo office (slug and emails made unique so several offices can share a file). */
export async function seedOffice(slug = 'phichit-peo', emailDomain?: string): Promise<Demo> {
  return seedDemo(db(), { slug, emailDomain });
}

export type Who = keyof typeof ROLE_EMAIL;
export const ROLE_EMAIL = {
  admin: 'admin@demo.local',
  executive: 'executive@demo.local',
  directorAdmin: 'director.admin@demo.local',
  directorPersonnel: 'director.personnel@demo.local',
  staff: 'staff@demo.local',
} as const;

/** A session cookie for a demo account, made directly (signing in costs 100,000 PBKDF2 rounds). */
export async function cookieFor(demo: Demo, who: Who): Promise<string> {
  const email = ROLE_EMAIL[who];
  const userId = demo.userIds[email];
  if (!userId || !DEMO_ACCOUNTS.some((a) => a.email === email)) throw new Error(`no demo user ${who}`);
  return `${SESSION_COOKIE}=${await createSession(db(), userId, demo.orgId)}`;
}

export interface CallOptions {
  cookie?: string;
  body?: unknown;
  rawBody?: string;
  /** A multipart/form-data body (the evidence file upload); its boundary sets the content type. */
  form?: FormData;
  headers?: Record<string, string>;
}

export async function call(method: string, path: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | FormData | undefined = opts.form ?? opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  if (method !== 'GET') {
    headers['origin'] ??= BASE;
    headers['sec-fetch-site'] ??= 'same-origin';
  }
  const res = await exports.default.fetch(new Request(`${BASE}${path}`, { method, headers, body }));
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}

export async function getBoard(cookie: string, beYear = 2567): Promise<BoardView> {
  const r = await call('GET', `/api/boards/${beYear}`, { cookie });
  if (r.status !== 200) throw new Error(`board: ${r.status} ${r.text}`);
  // The answer carries its cards as columns; the tests read the board as the web app does.
  return boardFromWire(r.json as BoardWire);
}

/**
 * An evidence link on each card, added through the API: a step moves into a done column only with
 * evidence (domain/done-rule.ts), so tests that move cards round the columns give them one first.
 */
export async function withEvidence(cookie: string, cardIds: readonly string[]): Promise<void> {
  for (const id of cardIds) {
    const r = await call('POST', `/api/cards/${id}/evidence`, { cookie, body: { url: `https://phichit.moe.go.th/ita/evidence/${id}`, note: '', oitCode: null } });
    if (r.status !== 201) throw new Error(`evidence on ${id}: ${r.status} ${r.text}`);
  }
}

/** RFC 4180 records (the test's own reader, so the writer is checked by something independent). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') rows.push([...row, cell]), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}
