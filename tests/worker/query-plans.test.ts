// Every query on a growing table uses an index. The real app runs the board, its search, a move, a card's
// drawer, the reports (preview, send, archive, outbox list), the scheduled report and outbox jobs,
// the audit list and the dashboard against a D1 binding that remembers each statement with its
// values; SQLite is then asked for the plan of each (EXPLAIN QUERY PLAN, against the migrated
// schema), and a full scan of cards, card_events, outbox, audit_log or sessions fails the test.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import app from '../../worker/app';
import { runScheduled, SCHEDULES } from '../../worker/cron';
import type { MailTransport } from '../../worker/email/transport';
import type { Env } from '../../worker/env';
import { BASE, cookieFor, getBoard, seedOffice } from './helpers';
import { recordingD1, type RecordedStatement } from './recording-d1';

const GROWING = ['cards', 'card_events', 'outbox', 'audit_log', 'sessions'];

/** Table names by the name a statement calls them (an alias, or the table itself). */
function tablesByName(sql: string): Map<string, string> {
  const names = new Map<string, string>();
  const keywords = /^(where|on|join|inner|left|cross|order|group|limit|set|values|using|natural|as)$/i;
  for (const m of sql.matchAll(/\b(?:from|join|update|into)\s+["`]?(\w+)["`]?(?:\s+(?:as\s+)?["`]?(\w+)["`]?)?/gi)) {
    const table = m[1]!;
    names.set(table, table);
    if (m[2] && !keywords.test(m[2])) names.set(m[2], table);
  }
  return names;
}

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** The full scans of growing tables in the plan of one statement (and the sorts of a whole
 * growing set for one page of it). */
async function fullScans(stmt: RecordedStatement): Promise<string[]> {
  const names = tablesByName(stmt.sql);
  const { results } = await env.DB.prepare(`explain query plan ${stmt.sql}`).bind(...stmt.params).all<PlanRow>();
  const scans: string[] = [];
  const growing = [...names.values()].some((t) => GROWING.includes(t));
  for (const row of results) {
    // A page of a list (LIMIT) that sorts the whole set first reads every row as a scan would.
    if (growing && /USE TEMP B-TREE FOR ORDER BY/.test(row.detail) && /\blimit\b/i.test(stmt.sql)) {
      scans.push(`${row.detail}  ←  ${stmt.sql.slice(0, 240)}`);
      continue;
    }
    const m = /^SCAN (?:TABLE )?["`]?(\w+)["`]?/.exec(row.detail);
    if (!m) continue;
    const table = names.get(m[1]!) ?? m[1]!;
    if (GROWING.includes(table)) scans.push(`${row.detail}  ←  ${stmt.sql.slice(0, 240)}`);
  }
  return scans;
}

const statements: RecordedStatement[] = [];
let admin: string;
let director: string;

async function send(method: string, path: string, cookie: string, body?: unknown) {
  const { binding, statements: seen } = recordingD1(env.DB);
  const ctx = createExecutionContext();
  const headers: Record<string, string> = { cookie };
  if (method !== 'GET') Object.assign(headers, { origin: BASE, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' });
  const req = new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await app.fetch(req, { ...env, DB: binding }, ctx);
  await waitOnExecutionContext(ctx);
  statements.push(...seen);
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return res.json() as Promise<any>;
}

async function fire(cron: string, scheduledTime: number) {
  const { binding, statements: seen } = recordingD1(env.DB);
  const transport: MailTransport = { send: async () => {} };
  const ctx = createExecutionContext();
  await runScheduled(createScheduledController({ scheduledTime, cron }), { ...env, DB: binding } as unknown as Env, ctx, { transport: () => transport });
  await waitOnExecutionContext(ctx);
  statements.push(...seen);
}

beforeAll(async () => {
  const demo = await seedOffice();
  admin = await cookieFor(demo, 'admin');
  director = await cookieFor(demo, 'directorPersonnel');

  const board = await getBoard(admin);
  await send('GET', '/api/boards/2567', director);
  await send('GET', `/api/boards/2567/search?q=${encodeURIComponent('รายงาน')}`, director);
  const card = board.cards.find((c) => c.columnId === board.columns[0]!.id)!;
  await send('POST', `/api/cards/${card.id}/move`, admin, { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: card.version });
  await send('GET', `/api/cards/${card.id}`, admin);
  await send('POST', '/api/reports/preview', admin, { beYear: 2567, kind: 'executive' });
  await send('POST', '/api/reports/send', admin, { beYear: 2567, kind: 'executive' });
  await send('GET', '/api/reports?beYear=2567', admin);
  await send('GET', '/api/reports/outbox', admin);
  await send('GET', '/api/admin/audit', admin);
  await send('GET', '/api/dashboard/2567', director);
  await fire(SCHEDULES.executiveReport, Date.UTC(2024, 5, 1, 1, 0));
  await fire(SCHEDULES.outbox, Date.UTC(2024, 5, 1, 1, 5));
});

describe('query plans on the migrated schema', () => {
  it('the paths under test ran a real number of statements', () => {
    const distinct = new Set(statements.map((s) => s.sql));
    expect(distinct.size).toBeGreaterThan(30);
    for (const table of GROWING) expect([...distinct].some((sql) => tablesByName(sql).has(table)), table).toBe(true);
  });

  it('no statement scans a whole growing table', async () => {
    const seen = new Set<string>();
    const scans: string[] = [];
    for (const stmt of statements) {
      if (seen.has(stmt.sql)) continue;
      seen.add(stmt.sql);
      scans.push(...(await fullScans(stmt)));
    }
    expect(scans).toEqual([]);
  });

  it('the check itself sees a full scan when there is one', async () => {
    expect(await fullScans({ sql: 'select count(*) from audit_log a where a.detail like ?', params: ['%x%'] })).toHaveLength(1);
    expect(await fullScans({ sql: 'select * from cards where id = ?', params: ['x'] })).toEqual([]);
  });
});
