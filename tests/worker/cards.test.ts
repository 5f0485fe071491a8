import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';
import { isStrictlyOrdered } from '../../worker/domain/ordering';
import type { BoardView, CardView } from '../../worker/domain/contracts';

let demo: Demo;
let admin: string;

const counts = async () =>
  env.DB.prepare('select (select count(*) from cards) c, (select count(*) from card_events) e, (select group_concat(version) from cards) v').first();

function columnCards(board: BoardView, columnId: string): CardView[] {
  return board.cards.filter((c) => c.columnId === columnId);
}

beforeAll(async () => {
  demo = await seedOffice();
  admin = await cookieFor(demo, 'admin');
});

describe('the board', () => {
  it('returns the seven measures and their 21 steps, all in the first column, in order', async () => {
    const board = await getBoard(admin);
    expect(board.fiscalYear.beYear).toBe(2567);
    expect(board.fiscalYear.startsOn).toBe('2023-10-01');
    expect(board.columns.map((c) => c.labelTh)).toEqual(['ยังไม่เริ่ม', 'กำลังดำเนินการ', 'รอรายงานผล', 'เสร็จสิ้น']);
    expect(board.measures).toHaveLength(7);
    expect(board.cards).toHaveLength(21);
    expect(board.measures.map((m) => board.cards.filter((c) => c.measureId === m.id).length)).toEqual([2, 2, 3, 4, 3, 2, 5]);
    expect(isStrictlyOrdered(board.cards.map((c) => c.orderKey))).toBe(true);
  });

  it('answers 404 with a bilingual error for a year without a board, and 400 for a nonsense year', async () => {
    const missing = await call('GET', '/api/boards/2599', { cookie: admin });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
    expect(missing.json.error.messageTh).toMatch(/ปีงบประมาณ/);
    const bad = await call('GET', '/api/boards/abc', { cookie: admin });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_input');
  });
});

describe('moving a card', () => {
  it('moves to another column between named neighbours and writes the event in the same change', async () => {
    const board = await getBoard(admin);
    const [todo, doing] = board.columns;
    const [a, b, c] = columnCards(board, todo!.id);
    const before = (await counts()) as { e: number };
    // a, b to "doing" (b after a), then c between them.
    for (const [card, after] of [[a, null], [b, a], [c, a]] as const) {
      const r = await call('POST', `/api/cards/${card!.id}/move`, {
        cookie: admin,
        body: { toColumnId: doing!.id, afterCardId: after?.id ?? null, beforeCardId: null, version: card!.version },
      });
      expect(r.status).toBe(200);
      expect(r.json.card.columnId).toBe(doing!.id);
      expect(r.json.card.version).toBe(card!.version + 1);
    }
    const after = await getBoard(admin);
    expect(columnCards(after, doing!.id).map((x) => x.id)).toEqual([a!.id, c!.id, b!.id]);
    const events = await env.DB.prepare("select kind, before, after, actor_user_id from card_events where card_id = ? order by seq").bind(c!.id).all();
    expect(events.results.map((e: any) => e.kind)).toEqual(['card.created', 'card.moved']);
    const moved = events.results[1] as any;
    expect(JSON.parse(moved.before).columnId).toBe(todo!.id);
    expect(JSON.parse(moved.after).columnId).toBe(doing!.id);
    expect(moved.actor_user_id).toBe(demo.userIds['admin@demo.local']);
    expect(((await counts()) as { e: number }).e).toBe(before.e + 3);
  });

  it('a stale version gets 409 with the current card, and changes nothing', async () => {
    const board = await getBoard(admin);
    const card = board.cards[5]!;
    const target = board.columns[1]!;
    const ok = await call('POST', `/api/cards/${card.id}/move`, {
      cookie: admin,
      body: { toColumnId: target.id, afterCardId: null, beforeCardId: null, version: card.version },
    });
    expect(ok.status).toBe(200);
    const snapshot = await counts();
    const stale = await call('POST', `/api/cards/${card.id}/move`, {
      cookie: admin,
      body: { toColumnId: board.columns[0]!.id, afterCardId: null, beforeCardId: null, version: card.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('version_conflict');
    expect(stale.json.error.messageEn).toMatch(/Someone else/);
    expect(stale.json.card.id).toBe(card.id);
    expect(stale.json.card.columnId).toBe(target.id);
    expect(stale.json.card.version).toBe(card.version + 1);
    expect(await counts()).toEqual(snapshot);
  });

  it('a neighbour that has left the column gets 409 neighbours_changed, nothing written', async () => {
    const board = await getBoard(admin);
    const [todo, , review] = board.columns;
    const [x, y] = columnCards(board, todo!.id);
    const snapshot = await counts();
    const r = await call('POST', `/api/cards/${x!.id}/move`, {
      cookie: admin,
      body: { toColumnId: review!.id, afterCardId: y!.id, beforeCardId: null, version: x!.version },
    });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('neighbours_changed');
    expect(await counts()).toEqual(snapshot);
  });

  it('concurrent moves of different cards to the same place all land, in a strict order, with a gap-free log', async () => {
    const board = await getBoard(admin);
    const [todo, , review] = board.columns;
    const movers = columnCards(board, todo!.id).slice(0, 6);
    const results = await Promise.all(
      movers.map((card) =>
        call('POST', `/api/cards/${card.id}/move`, {
          cookie: admin,
          body: { toColumnId: review!.id, afterCardId: null, beforeCardId: null, version: card.version },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(movers.map(() => 200));
    const after = await getBoard(admin);
    const keys = columnCards(after, review!.id).map((c) => c.orderKey);
    expect(keys).toHaveLength(6);
    expect(isStrictlyOrdered(keys)).toBe(true);
    const seqs = await env.DB.prepare('select seq from card_events where fiscal_year_id = ? order by seq').bind(after.fiscalYear.id).all<{ seq: number }>();
    expect(seqs.results.map((r) => r.seq)).toEqual(seqs.results.map((_, i) => i + 1));
  });

  it('the same card moved twice at once: exactly one wins, the other gets 409', async () => {
    const board = await getBoard(admin);
    const card = columnCards(board, board.columns[0]!.id)[0]!;
    const body = (col: number) => ({ toColumnId: board.columns[col]!.id, afterCardId: null, beforeCardId: null, version: card.version });
    const [r1, r2] = await Promise.all([
      call('POST', `/api/cards/${card.id}/move`, { cookie: admin, body: body(1) }),
      call('POST', `/api/cards/${card.id}/move`, { cookie: admin, body: body(2) }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const after = await getBoard(admin);
    expect(after.cards.find((c) => c.id === card.id)!.version).toBe(card.version + 1);
  });

  it('refuses bad input with invalid_input and changes nothing', async () => {
    const board = await getBoard(admin);
    const card = board.cards[0]!;
    const snapshot = await counts();
    const bodies: unknown[] = [
      {},
      { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null },
      { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: '1' },
      { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: card.version, extra: 1 },
      { toColumnId: 5, afterCardId: null, beforeCardId: null, version: card.version },
      [],
    ];
    for (const body of bodies) {
      const r = await call('POST', `/api/cards/${card.id}/move`, { cookie: admin, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe('invalid_input');
      expect(r.json.error.messageTh).toBeTruthy();
    }
    const malformed = await call('POST', `/api/cards/${card.id}/move`, { cookie: admin, rawBody: '{"toColumnId":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('malformed_request');
    const wrongColumn = await call('POST', `/api/cards/${card.id}/move`, {
      cookie: admin,
      body: { toColumnId: 'no-such-column', afterCardId: null, beforeCardId: null, version: card.version },
    });
    expect(wrongColumn.status).toBe(422);
    expect(wrongColumn.json.error.code).toBe('invalid_column');
    const unknownCard = await call('POST', `/api/cards/nope/move`, {
      cookie: admin,
      body: { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: 1 },
    });
    expect(unknownCard.status).toBe(404);
    expect(await counts()).toEqual(snapshot);
  });
});

describe('editing a card', () => {
  it('edits title, details and due date with an event, and validates dates', async () => {
    const board = await getBoard(admin);
    const card = board.cards.find((c) => c.stepNumber === 2)!;
    const r = await call('PATCH', `/api/cards/${card.id}`, {
      cookie: admin,
      body: { version: card.version, details: 'ลิงก์ <b>หลักฐาน</b>', dueOn: '2024-02-29' },
    });
    expect(r.status).toBe(200);
    // The answer is the board's card (issue 16: no details); the drawer's read has them.
    expect(r.json.card.details).toBeUndefined();
    expect((await call('GET', `/api/cards/${card.id}`, { cookie: admin })).json.card.details).toBe('ลิงก์ <b>หลักฐาน</b>');
    expect(r.json.card.dueOn).toBe('2024-02-29');
    const ev = await env.DB.prepare("select before, after from card_events where card_id = ? and kind = 'card.edited'").bind(card.id).first<{ before: string; after: string }>();
    expect(JSON.parse(ev!.after)).toEqual({ details: 'ลิงก์ <b>หลักฐาน</b>', dueOn: '2024-02-29' });
    const snapshot = await counts();
    for (const dueOn of ['2023-02-29', '2024-13-01', '29/02/2567', '']) {
      const bad = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: r.json.card.version, dueOn } });
      expect(bad.status, dueOn).toBe(400);
    }
    const blank = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: r.json.card.version, title: '   ' } });
    expect(blank.status).toBe(400);
    const foreignGroup = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: r.json.card.version, groupIds: ['not-a-group'] } });
    expect(foreignGroup.status).toBe(422);
    expect(await counts()).toEqual(snapshot);
  });
});

describe('who decides which groups a card belongs to', () => {
  it('a participating director cannot seize the card or switch on every group; the lead director and administrators can', async () => {
    const directorAdmin = await cookieFor(demo, 'directorAdmin');
    const directorPersonnel = await cookieFor(demo, 'directorPersonnel');
    const personnel = demo.groupIds['กลุ่มบริหารงานบุคคล']!;
    const administration = demo.groupIds['กลุ่มอำนวยการ']!;
    const board = await getBoard(admin);
    const measure1 = board.measures.find((m) => m.number === 1)!;
    const card = board.cards.find((c) => c.measureId === measure1.id && c.stepNumber === 1)!;
    // The lead director invites the personnel group to take part.
    const invite = await call('PATCH', `/api/cards/${card.id}`, { cookie: directorAdmin, body: { version: card.version, groupIds: [personnel] } });
    expect(invite.status).toBe(200);
    let version = invite.json.card.version as number;
    const snapshot = await counts();
    const seizures = [
      { leadGroupId: personnel, groupIds: [] },
      { leadGroupId: personnel },
      { groupIds: [] },
      { allGroups: true },
    ];
    for (const change of seizures) {
      const r = await call('PATCH', `/api/cards/${card.id}`, { cookie: directorPersonnel, body: { version, ...change } });
      expect(r.status, JSON.stringify(change)).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
      expect(r.json.error.messageTh).toBeTruthy();
    }
    expect(await counts()).toEqual(snapshot);
    const refused = await env.DB.prepare("select count(*) n from audit_log where action = 'authorisation.refused' and json_extract(detail, '$.cardId') = ?").bind(card.id).first<{ n: number }>();
    expect(refused!.n).toBe(seizures.length);
    // The participant still edits the card's content and moves it.
    const edit = await call('PATCH', `/api/cards/${card.id}`, { cookie: directorPersonnel, body: { version, details: 'ร่วมดำเนินการ' } });
    expect(edit.status).toBe(200);
    version = edit.json.card.version;
    // The lead group's director still decides: removes the participant, then the admin hands the lead over.
    const lead = await call('PATCH', `/api/cards/${card.id}`, { cookie: directorAdmin, body: { version, groupIds: [] } });
    expect(lead.status).toBe(200);
    const handOver = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: lead.json.card.version, leadGroupId: personnel, allGroups: false } });
    expect(handOver.status).toBe(200);
    expect(handOver.json.card.leadGroupId).toBe(personnel);
    const back = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: handOver.json.card.version, leadGroupId: administration } });
    expect(back.status).toBe(200);
  });
});

describe('titles people can trust', () => {
  it('refuses titles of only invisible characters and titles with bidirectional controls; Thai marks stay accepted', async () => {
    const board = await getBoard(admin);
    const card = board.cards.find((c) => c.stepNumber === 3)!;
    const snapshot = await counts();
    const bad = ['\u200b\u200b\u200b', '\u200c\u200d\u2060\ufeff', ' \u00ad ', 'ใบเสร็จ\u202Egpj.exe', 'abc\u2066def\u2069', '\u200fชื่อ'];
    for (const title of bad) {
      const r = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, title } });
      expect(r.status, JSON.stringify(title)).toBe(400);
      expect(r.json.error.code).toBe('invalid_input');
      expect(r.json.error.messageEn).toBeTruthy();
      expect(r.json.error.messageTh).toBeTruthy();
    }
    const checklist = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, checklist: [{ id: 'a', text: '\u200b', done: false }] } });
    expect(checklist.status).toBe(400);
    expect(await counts()).toEqual(snapshot);
    const thai = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, title: 'ประชุมชี้แจงผู้ที่เกี่ยวข้อง' } });
    expect(thai.status).toBe(200);
  });
});

describe('names people can trust', () => {
  it('refuses group names, account names and OIT titles that are invisible or carry bidirectional controls', async () => {
    const before = await env.DB.prepare('select (select count(*) from groups) g, (select count(*) from users) u, (select count(*) from oit_items) o').first();
    for (const nameTh of ['\u200b\u200b', 'กลุ่ม\u202Eงาน']) {
      const r = await call('POST', '/api/admin/groups', { cookie: admin, body: { nameTh, nameEn: '' } });
      expect(r.status, JSON.stringify(nameTh)).toBe(400);
      expect(r.json.error.messageTh).toBeTruthy();
    }
    const user = await call('POST', '/api/admin/users', { cookie: admin, body: { email: 'lookalike@demo.local', displayName: '\ufeff\u200d', password: 'Kd7-ward-tamarind-7781', role: 'staff', groupId: null } });
    expect(user.status).toBe(400);
    for (const titleTh of ['\u2060', 'ข้อ\u2067ปลอม']) {
      const r = await call('POST', '/api/oit/2567/items', { cookie: admin, body: { code: 'Z1', titleTh } });
      expect(r.status, JSON.stringify(titleTh)).toBe(400);
    }
    expect(await env.DB.prepare('select (select count(*) from groups) g, (select count(*) from users) u, (select count(*) from oit_items) o').first()).toEqual(before);
  });
});
