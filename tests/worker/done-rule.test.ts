// "Done" needs evidence (issue 18, part 4; domain/done-rule.ts): through the API and the board's
// room — a move into a done column without evidence is refused with what is missing, in Thai and
// English, and changes nothing; with evidence it goes, even when the evidence is added in the same
// grouped batch; the last evidence of a done step cannot be removed; steps done before the rule
// stay done; the office's switch (administrators only) turns it off; and the room decides it on its
// memory, reading nothing from D1 for a move.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { boardRoom } from '../../worker/live/notify';
import type { BoardRoom } from '../../worker/live/board-room';
import { createDb } from '../../worker/db/client';
import { moveCard } from '../../worker/db/cards';
import { accessOf } from '../../worker/domain/policy';
import type { Env } from '../../worker/env';
import type { BoardView, CardView } from '../../worker/domain/contracts';
import { call, cookieFor, db, getBoard, seedOffice, type Demo } from './helpers';

let demo: Demo;
let admin: string;
let director: string;
let otherDirector: string;
let executive: string;
let staff: string;
let board: BoardView;
let done: { id: string; labelTh: string; labelEn: string };
let doing: string;

beforeAll(async () => {
  demo = await seedOffice('done-rule-office', 'done.local');
  admin = await cookieFor(demo, 'admin');
  director = await cookieFor(demo, 'directorAdmin');
  otherDirector = await cookieFor(demo, 'directorPersonnel');
  executive = await cookieFor(demo, 'executive');
  staff = await cookieFor(demo, 'staff');
  board = await getBoard(admin);
  done = board.columns.find((c) => c.category === 'done')!;
  doing = board.columns.find((c) => c.category === 'doing')!.id;
});

const current = async (id: string) => (await getBoard(admin)).cards.find((c) => c.id === id)!;
const move = async (cookie: string, id: string, toColumnId: string, place: { afterCardId?: string | null; beforeCardId?: string | null } = {}) =>
  call('POST', `/api/cards/${id}/move`, { cookie, body: { toColumnId, afterCardId: null, beforeCardId: null, ...place, version: (await current(id)).version } });
const addEvidence = (cookie: string, id: string, n: number | string) =>
  call('POST', `/api/cards/${id}/evidence`, { cookie, body: { url: `https://phichit.moe.go.th/ita/${n}`, note: '', oitCode: null } });
/**
 * The real D1, counting batches and the statements run outside one (each a round trip). Prepared
 * statements are wrapped to count their runs; a batch is handed the real ones.
 */
function countingD1(counts: { batches: number; queries: number }): D1Database {
  const real = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(stmt, {
      get(target, p) {
        const value = Reflect.get(target, p, target);
        if (typeof value !== 'function') return value;
        if (p === 'bind') return (...args: unknown[]) => wrap(value.apply(target, args));
        if (p === 'all' || p === 'raw' || p === 'first' || p === 'run') return (...args: unknown[]) => (counts.queries++, value.apply(target, args));
        return value.bind(target);
      },
    });
    real.set(wrapped, stmt);
    return wrapped;
  };
  return new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'batch') return (stmts: D1PreparedStatement[]) => (counts.batches++, target.batch(stmts.map((s) => real.get(s) ?? s)));
      if (prop === 'prepare') return (query: string) => wrap(target.prepare(query));
      return Reflect.get(target, prop, target);
    },
  });
}
const setRule = (cookie: string, doneNeedsEvidence: unknown) => call('PUT', '/api/admin/done-rule', { cookie, body: { doneNeedsEvidence } });
/** A card of the board nobody has touched in this file yet (of the group `lead`, if given). */
const taken = new Set<string>();
const freshCard = (lead?: string): CardView => {
  const card = board.cards.find((c) => !taken.has(c.id) && c.columnId !== done.id && (lead === undefined || c.leadGroupId === demo.groupIds[lead]));
  if (!card) throw new Error('out of cards');
  taken.add(card.id);
  return card;
};

describe('a move into done', () => {
  it('without evidence is refused: 409 done_needs_evidence, saying what is missing in Thai and English, nothing written', async () => {
    const card = freshCard();
    const before = await getBoard(admin);
    const r = await move(admin, card.id, done.id);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('done_needs_evidence');
    expect(r.json.error.messageTh).toContain('หลักฐาน');
    expect(r.json.error.messageTh).toContain(done.labelTh);
    expect(r.json.error.messageTh).toContain(card.title);
    expect(r.json.error.messageEn).toContain('evidence');
    expect(r.json.error.messageEn).toContain(done.labelEn);
    // No card in the answer: the client is not told its version is stale; it undoes its move.
    expect(r.json.card).toBeUndefined();
    const after = await getBoard(admin);
    expect(after.seq).toBe(before.seq);
    expect(after.cards.find((c) => c.id === card.id)).toEqual(before.cards.find((c) => c.id === card.id));
  });

  it('with an evidence link goes through, for a director of the card as for an administrator', async () => {
    const card = freshCard('กลุ่มอำนวยการ');
    expect((await addEvidence(director, card.id, 'a1')).status).toBe(201);
    const r = await move(director, card.id, done.id);
    expect(r.status, r.text).toBe(200);
    expect(r.json.card.columnId).toBe(done.id);
  });

  it('refuses others’ moves first: someone who may not move the card hears 403, not what it lacks', async () => {
    const card = freshCard();
    for (const cookie of [executive, staff]) {
      const r = await move(cookie, card.id, done.id);
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
    }
    const personnelCard = (await getBoard(otherDirector)).cards.find((c) => !c.editable && c.columnId !== done.id)!;
    expect((await move(otherDirector, personnelCard.id, done.id)).status).toBe(403);
  });

  it('reads nothing from D1 in the room: one batch, the commit, and no query beside it', async () => {
    const card = freshCard();
    expect((await addEvidence(admin, card.id, 'q1')).status).toBe(201);
    const counts = { batches: 0, queries: 0 };
    const counting = countingD1(counts);
    const room = boardRoom(env as unknown as Env, demo.orgId, board.fiscalYear.id);
    await runInDurableObject(room, (instance: BoardRoom) => {
      instance.db = createDb(counting);
    });
    try {
      const r = await move(admin, card.id, done.id);
      expect(r.status, r.text).toBe(200);
      const refused = await move(admin, freshCard().id, done.id);
      expect(refused.status).toBe(409);
    } finally {
      await runInDurableObject(room, (instance: BoardRoom) => {
        instance.db = createDb(env.DB);
      });
    }
    expect(counts).toEqual({ batches: 1, queries: 0 });
  });

  it('written without the room (the demo’s history) is refused the same way, from D1', async () => {
    const card = freshCard();
    const me = await call('GET', '/api/me', { cookie: admin });
    const actor = { userId: me.json.user.id as string, orgId: demo.orgId, role: 'admin' as const, groupId: null };
    const version = (await current(card.id)).version;
    await expect(moveCard(db(), actor, card.id, { toColumnId: done.id, afterCardId: null, beforeCardId: null, version }, accessOf(actor))).rejects.toMatchObject({ status: 409, code: 'done_needs_evidence' });
  });
});

describe('changes that arrive together', () => {
  const until = async (ok: () => boolean | Promise<boolean>) => {
    while (!(await ok())) await new Promise((r) => setTimeout(r, 5));
  };
  const waiting = () => runInDurableObject(boardRoom(env as unknown as Env, demo.orgId, board.fiscalYear.id), (instance: BoardRoom) => (instance as unknown as { pending: unknown[] }).pending.length);

  it('an evidence link and the move into done in one batch: the move sees the link; a card without one is refused beside them', async () => {
    const [holder, evidenced, bare] = [freshCard(), freshCard(), freshCard()];
    const gate = { arrived: 0, released: false };
    const held = new Proxy(env.DB, {
      get(target, prop) {
        if (prop !== 'batch') return Reflect.get(target, prop, target);
        return async (stmts: D1PreparedStatement[]) => {
          if (++gate.arrived === 1) while (!gate.released) await new Promise((r) => setTimeout(r, 2));
          return target.batch(stmts);
        };
      },
    });
    const room = boardRoom(env as unknown as Env, demo.orgId, board.fiscalYear.id);
    await runInDurableObject(room, (instance: BoardRoom) => {
      instance.db = createDb(held);
    });
    try {
      const before = await getBoard(admin);
      // The first change commits alone and is held; the next three wait in the room meanwhile.
      const first = call('POST', `/api/cards/${holder.id}/comments`, { cookie: admin, body: { body: 'เริ่มดำเนินการ' } });
      await until(() => gate.arrived === 1);
      const version = (id: string) => before.cards.find((c) => c.id === id)!.version;
      const sent = [
        addEvidence(admin, evidenced.id, 'together'),
        call('POST', `/api/cards/${evidenced.id}/move`, { cookie: admin, body: { toColumnId: done.id, afterCardId: null, beforeCardId: null, version: version(evidenced.id) } }),
        call('POST', `/api/cards/${bare.id}/move`, { cookie: admin, body: { toColumnId: done.id, afterCardId: null, beforeCardId: null, version: version(bare.id) } }),
      ];
      await until(async () => (await waiting()) === 3);
      gate.released = true;
      const [c, e, m, b] = await Promise.all([first, ...sent]);
      expect([c!.status, e!.status, m!.status, b!.status]).toEqual([201, 201, 200, 409]);
      expect(b!.json.error.code).toBe('done_needs_evidence');
      expect(gate.arrived).toBe(2); // the comment alone, then the evidence and the move together
      const after = await getBoard(admin);
      expect(after.seq).toBe(before.seq + 3);
      expect(after.cards.find((x) => x.id === evidenced.id)!.columnId).toBe(done.id);
      expect(after.cards.find((x) => x.id === bare.id)!.columnId).toBe(bare.columnId);
    } finally {
      await runInDurableObject(room, (instance: BoardRoom) => {
        instance.db = createDb(env.DB);
      });
    }
  });
});

describe('removing evidence of a done step', () => {
  it('the last one is refused with the same code; one of two goes; a step not done may lose all', async () => {
    const card = freshCard();
    const first = (await addEvidence(admin, card.id, 'r1')).json.evidence.id as string;
    const second = (await addEvidence(admin, card.id, 'r2')).json.evidence.id as string;
    expect((await move(admin, card.id, done.id)).status).toBe(200);
    expect((await call('DELETE', `/api/evidence/${first}`, { cookie: admin })).status).toBe(204);
    const before = await getBoard(admin);
    const r = await call('DELETE', `/api/evidence/${second}`, { cookie: admin });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('done_needs_evidence');
    expect(r.json.error.messageTh).toContain('หลักฐาน');
    expect(r.json.error.messageTh).toContain(done.labelTh);
    expect(r.json.error.messageEn).toContain(done.labelEn);
    expect((await getBoard(admin)).seq).toBe(before.seq);
    const details = await call('GET', `/api/cards/${card.id}`, { cookie: admin });
    expect(details.json.evidence.map((e: { id: string }) => e.id)).toEqual([second]);
    // Out of done, the last link may go.
    expect((await move(admin, card.id, doing)).status).toBe(200);
    expect((await call('DELETE', `/api/evidence/${second}`, { cookie: admin })).status).toBe(204);
  });

  it('someone who may not remove it hears 403 first', async () => {
    const card = freshCard();
    const link = (await addEvidence(admin, card.id, 's1')).json.evidence.id as string;
    expect((await move(admin, card.id, done.id)).status).toBe(200);
    for (const cookie of [staff, executive]) expect((await call('DELETE', `/api/evidence/${link}`, { cookie })).status).toBe(403);
  });
});

describe('the office’s switch', () => {
  it('administrators read and set it; everyone else is refused (403, 401 signed out); bad input changes nothing', async () => {
    expect((await call('GET', '/api/admin/done-rule', { cookie: admin })).json).toEqual({ doneNeedsEvidence: true });
    for (const cookie of [director, executive, staff]) {
      expect((await call('GET', '/api/admin/done-rule', { cookie })).status).toBe(403);
      expect((await setRule(cookie, false)).status).toBe(403);
    }
    expect((await setRule(undefined as unknown as string, false)).status).toBe(401);
    for (const bad of ['no', null, 1]) {
      const r = await setRule(admin, bad);
      expect(r.status).toBe(400);
      expect(r.json.error.messageTh).toBeTruthy();
      expect(r.json.error.messageEn).toBeTruthy();
    }
    expect((await call('GET', '/api/admin/done-rule', { cookie: admin })).json).toEqual({ doneNeedsEvidence: true });
    const audited = await env.DB.prepare("select count(*) as n from audit_log where org_id = ? and action = 'office.done_rule_changed'").bind(demo.orgId).first<{ n: number }>();
    expect(audited!.n).toBe(0);
  });

  it('off: steps go into done without evidence and a done step may lose its last; on again: steps done meanwhile stay done', async () => {
    const grandfathered = freshCard();
    const other = freshCard();
    const off = await setRule(admin, false);
    expect(off.status, off.text).toBe(200);
    expect(off.json).toEqual({ doneNeedsEvidence: false });
    const settings = await env.DB.prepare('select settings from organisations where id = ?').bind(demo.orgId).first<{ settings: string }>();
    expect(JSON.parse(settings!.settings)).toMatchObject({ doneNeedsEvidence: false });
    expect((await move(admin, grandfathered.id, done.id)).status).toBe(200);
    const link = (await addEvidence(admin, other.id, 'off')).json.evidence.id as string;
    expect((await move(admin, other.id, done.id)).status).toBe(200);
    expect((await call('DELETE', `/api/evidence/${link}`, { cookie: admin })).status).toBe(204);

    expect((await setRule(admin, true)).json).toEqual({ doneNeedsEvidence: true });
    const audited = await env.DB.prepare("select detail from audit_log where org_id = ? and action = 'office.done_rule_changed' order by at").bind(demo.orgId).all<{ detail: string }>();
    expect(audited.results.map((r) => JSON.parse(r.detail))).toEqual([{ doneNeedsEvidence: false }, { doneNeedsEvidence: true }]);
    // Done without evidence, from before the rule: still done, still editable and movable within done.
    const now = await getBoard(admin);
    expect(now.cards.find((c) => c.id === grandfathered.id)!.columnId).toBe(done.id);
    const edited = await call('PATCH', `/api/cards/${grandfathered.id}`, { cookie: admin, body: { version: (await current(grandfathered.id)).version, details: 'เสร็จก่อนมีกฎ' } });
    expect(edited.status).toBe(200);
    const reordered = await move(admin, grandfathered.id, done.id, { beforeCardId: other.id });
    expect(reordered.status, reordered.text).toBe(200);
    // Once out of done, back in only with evidence.
    expect((await move(admin, grandfathered.id, doing)).status).toBe(200);
    expect((await move(admin, grandfathered.id, done.id)).json.error.code).toBe('done_needs_evidence');
  });

  it('a room loaded after the switch reads it from D1', async () => {
    expect((await setRule(admin, false)).status).toBe(200);
    // The room forgets its memory (an eviction), and loads the board again on the next change.
    await runInDurableObject(boardRoom(env as unknown as Env, demo.orgId, board.fiscalYear.id), (instance: BoardRoom) => {
      (instance as unknown as { memory: unknown }).memory = null;
    });
    expect((await move(admin, freshCard().id, done.id)).status).toBe(200);
    expect((await setRule(admin, true)).status).toBe(200);
    await runInDurableObject(boardRoom(env as unknown as Env, demo.orgId, board.fiscalYear.id), (instance: BoardRoom) => {
      (instance as unknown as { memory: unknown }).memory = null;
    });
    expect((await move(admin, freshCard().id, done.id)).json.error.code).toBe('done_needs_evidence');
  });
});
