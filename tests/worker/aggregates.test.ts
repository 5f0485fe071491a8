// The roll-up's per-measure aggregates (issue 19): written in the batch of every card change
// through the board's room (grouped batches too) and through the D1 path, rebuilt by SQL, and
// equal to what the event log alone says; overdue counted at read time from the due dates.
import { describe, expect, it } from 'vitest';
import { call, cookieFor, db, getBoard, seedOffice, withEvidence } from './helpers';
import { aggregatesOfLog, readYearAggregates, rebuildYearAggregates } from '../../worker/db/aggregates';
import { behindOn, compareAggregates, overdueOn, totalOf, type AggregateCounts } from '../../worker/domain/aggregates';
import { moveCard } from '../../worker/db/cards';
import { accessOf } from '../../worker/domain/policy';

/** Incremental (as stored) == rebuilt from the event log == rebuilt by SQL. */
async function expectConsistent(fiscalYearId: string): Promise<Map<string, AggregateCounts>> {
  const stored = await readYearAggregates(db(), fiscalYearId);
  const fromLog = await aggregatesOfLog(db(), fiscalYearId);
  expect(compareAggregates(stored, fromLog)).toEqual([]);
  await rebuildYearAggregates(db(), fiscalYearId);
  expect(compareAggregates(await readYearAggregates(db(), fiscalYearId), fromLog)).toEqual([]);
  return stored;
}

/** A tiny deterministic random generator (the same run every time). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('aggregates of a board', () => {
  it('are written by the import, follow random moves, edits and evidence through the room (grouped batches included), and equal the log replayed and the SQL rebuild', async () => {
    const demo = await seedOffice();
    const cookie = await cookieFor(demo, 'admin');
    const fyId = demo.fiscalYearId;
    const initial = await expectConsistent(fyId);
    expect([...initial.values()].reduce((n, a) => n + totalOf(a), 0)).toBe(21);
    expect(initial.get([...initial.keys()][0]!)!.todo).toBeGreaterThan(0);
    // Random moves reach done: every step carries evidence first (worker/domain/done-rule.ts).
    await withEvidence(cookie, (await getBoard(cookie)).cards.map((c) => c.id));

    const rnd = random(19);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const evidenceIds: string[] = [];
    const items = (await call('GET', '/api/boards/2567/oit-items', { cookie })).json.items as { code: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (let round = 0; round < 6; round++) {
      const board = await getBoard(cookie);
      // Several changes at once: the room decides them one after the other and commits them together.
      const chosen = [...new Set(Array.from({ length: 6 }, () => pick(board.cards).id))];
      const results = await Promise.all(
        chosen.map((id, i) => {
          const card = board.cards.find((c) => c.id === id)!;
          if (i % 3 === 0) return call('POST', `/api/cards/${id}/move`, { cookie, body: { toColumnId: pick(board.columns).id, afterCardId: null, beforeCardId: null, version: card.version } });
          if (i % 3 === 1) return call('PATCH', `/api/cards/${id}`, { cookie, body: { version: card.version, dueOn: rnd() < 0.2 ? null : `2024-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}` } });
          return call('POST', `/api/cards/${id}/evidence`, { cookie, body: { url: `https://example.go.th/e/${round}/${i}`, note: '', oitCode: rnd() < 0.5 ? pick(items).code : null } });
        }),
      );
      for (const r of results) {
        expect(r.status).toBeLessThan(300);
        if (r.json?.evidence) evidenceIds.push(r.json.evidence.id);
      }
      if (round % 2 === 1 && evidenceIds.length > 0) {
        const removed = evidenceIds.splice(Math.floor(rnd() * evidenceIds.length), 1)[0]!;
        expect((await call('DELETE', `/api/evidence/${removed}`, { cookie })).status).toBe(204);
      }
    }
    const after = await expectConsistent(fyId);
    expect([...after.values()].reduce((n, a) => n + a.evidence, 0)).toBeGreaterThan(0);
  });

  it('follow a change written without the room (the category read inside the statement)', async () => {
    const demo = await seedOffice('agg-d1', 'agg-d1.local');
    const cookie = await cookieFor(demo, 'admin');
    const board = await getBoard(cookie);
    const done = board.columns.find((c) => c.category === 'done')!;
    const card = board.cards.find((c) => c.dueOn)!;
    await withEvidence(cookie, [card.id]); // into done only with evidence (worker/domain/done-rule.ts)
    const me = (await call('GET', '/api/me', { cookie })).json;
    const actor = { userId: me.user.id, orgId: demo.orgId, role: 'admin' as const, groupId: null };
    await moveCard(db(), actor, card.id, { toColumnId: done.id, afterCardId: null, beforeCardId: null, version: card.version }, accessOf(actor));
    const stored = await expectConsistent(demo.fiscalYearId);
    expect(stored.get(card.measureId)!.done).toBe(1);
  });

  it('count overdue and behind at read time: a step becomes overdue with the days, with no write', () => {
    const due = { '2024-06-30': 2, '2024-07-15': 1 };
    expect(overdueOn(due, '2024-06-30')).toBe(0);
    expect(behindOn(due, '2024-06-30')).toBe(2);
    expect(overdueOn(due, '2024-07-01')).toBe(2);
    expect(overdueOn(due, '2024-07-16')).toBe(3);
    expect(behindOn(due, '2024-07-15')).toBe(3);
  });

  it('are rebuilt with a rollover and gone with a deleted year', async () => {
    const demo = await seedOffice('agg-roll', 'agg-roll.local');
    const cookie = await cookieFor(demo, 'admin');
    const r = await call('POST', '/api/fiscal-years/2567/rollover/commit', { cookie, body: { toBeYear: 2568 } });
    expect(r.status).toBe(201);
    const stored = await expectConsistent(r.json.fiscalYearId);
    expect([...stored.values()].reduce((n, a) => n + a.todo, 0)).toBe(21);
    expect((await call('DELETE', '/api/fiscal-years/2568', { cookie })).status).toBeLessThan(300);
    expect((await readYearAggregates(db(), r.json.fiscalYearId)).size).toBe(0);
  });
});
