// GET /api/boards/:beYear/search?q= (issue 16): the board matches titles itself and asks here for
// the cards whose details or checklist items match too. Only the asker's office and that year;
// the same text normalisation as the web app (domain/search-text.ts); bad queries refused in Thai
// and English.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';
import type { BoardView } from '../../worker/domain/contracts';
import { cardMatchesSearch, normaliseForSearch, searchQuery } from '../../worker/domain/search-text';

let home: Demo;
let other: Demo;
let admin: string;
let staff: string;
let otherAdmin: string;
let board: BoardView;
let otherBoard: BoardView;

const search = (q: string, cookie = admin, beYear = 2567) => call('GET', `/api/boards/${beYear}/search?q=${encodeURIComponent(q)}`, { cookie });

async function patch(cookie: string, b: BoardView, index: number, body: Record<string, unknown>) {
  const card = b.cards[index]!;
  const r = await call('PATCH', `/api/cards/${card.id}`, { cookie, body: { version: card.version, ...body } });
  expect(r.status, r.text).toBe(200);
  return card.id;
}

const ids: Record<'details' | 'checklist' | 'split' | 'otherDetails', string> = {} as never;

beforeAll(async () => {
  home = await seedOffice('search-home');
  other = await seedOffice('search-other', 'other.local');
  admin = await cookieFor(home, 'admin');
  staff = await cookieFor(home, 'staff');
  otherAdmin = await cookieFor(other, 'admin');
  board = await getBoard(admin);
  otherBoard = await getBoard(otherAdmin);
  ids.details = await patch(admin, board, 0, { details: 'แนบภาพถ่ายการประชุมคณะกรรมการ Ethics Committee' });
  const d = await call('GET', `/api/cards/${board.cards[1]!.id}`, { cookie: admin });
  ids.checklist = await patch(admin, board, 1, { checklist: [...d.json.card.checklist, { id: 'x1', text: 'ส่งสำเนาให้สำนักงานเขตพื้นที่', done: false }] });
  // SARA AM typed as NIKHAHIT + SARA AA, with a zero-width space inside: found by its usual spelling.
  ids.split = await patch(admin, board, 2, { details: 'ทบทวนคู่มือการด\u0E4D\u0E32\u200Bเนินงานด้านพัสดุ  ประจำปี' });
  // The other office has the same words on its own card: it never comes back to this office.
  ids.otherDetails = await patch(otherAdmin, otherBoard, 0, { details: 'แนบภาพถ่ายการประชุมคณะกรรมการ Ethics Committee' });
});

describe('the board search', () => {
  it('finds cards by details and by checklist items, in Thai, for anyone of the office', async () => {
    const r = await search('ภาพถ่ายการประชุม');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json).toEqual({ cardIds: [ids.details] });
    expect((await search('สำนักงานเขตพื้นที่', staff)).json.cardIds).toEqual([ids.checklist]);
    // Latin text matches whatever its case.
    expect((await search('ethics COMMITTEE')).json.cardIds).toEqual([ids.details]);
  });

  it('finds titles too (the board matches them itself while it waits)', async () => {
    const title = board.cards[5]!.title;
    const found = (await search(title.slice(2, 14))).json.cardIds as string[];
    expect(found).toContain(board.cards[5]!.id);
    expect(found.every((id) => board.cards.some((c) => c.id === id))).toBe(true);
  });

  it('normalises like the web app: SARA AM, zero-width characters, runs of spaces', async () => {
    expect((await search('การดำเนินงานด้านพัสดุ')).json.cardIds).toEqual([ids.split]);
    expect((await search('  พัสดุ ประจำปี ')).json.cardIds).toEqual([ids.split]);
    expect(normaliseForSearch('a \u200b  B\u0E4D\u0E32')).toBe('a b\u0E33');
    expect(cardMatchesSearch({ title: 'x', details: '', checklist: [{ text: 'ส่งสำเนา' }] }, searchQuery(' ส่งสำเนา '))).toBe(true);
  });

  it("never answers another office's cards, nor another year's", async () => {
    const mine = (await search('Ethics')).json.cardIds as string[];
    expect(mine).toEqual([ids.details]);
    expect(mine).not.toContain(ids.otherDetails);
    expect((await search('Ethics', otherAdmin)).json.cardIds).toEqual([ids.otherDetails]);
    const missing = await search('Ethics', admin, 2590);
    expect(missing.status).toBe(404);
    expect(missing.json.error.messageTh).toBeTruthy();
    expect(missing.json.error.messageEn).toBeTruthy();
  });

  it('refuses an empty or overlong query with a clear error in Thai and English', async () => {
    for (const path of ['/api/boards/2567/search?q=', '/api/boards/2567/search?q=%20%20', '/api/boards/2567/search', `/api/boards/2567/search?q=${'ก'.repeat(201)}`]) {
      const r = await call('GET', path, { cookie: admin });
      expect(r.status, path).toBe(400);
      expect(r.json.error.code).toBe('invalid_input');
      expect(r.json.error.messageTh).toMatch(/[\u0E00-\u0E7F]/);
      expect(r.json.error.messageEn).toMatch(/[a-z]/);
      const detail = JSON.stringify(r.json.error.details);
      expect(detail, path).toMatch(/[\u0E00-\u0E7F].* \/ [a-z]/);
    }
    expect((await search('ก'.repeat(200))).status).toBe(200);
  });

  it('answers 401 signed out', async () => {
    expect((await call('GET', '/api/boards/2567/search?q=x')).status).toBe(401);
  });
});
