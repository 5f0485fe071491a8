// A kept report records the event chain's head; cutting off the newest events is then caught.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';

let demo: Demo;
let admin: string;
beforeAll(async () => {
  demo = await seedOffice();
  admin = await cookieFor(demo, 'admin');
});

describe('chain anchors in reports', () => {
  it('reports a truncated log that the hash links alone cannot show', async () => {
    const board = await getBoard(admin);
    const card = board.cards[0]!;
    const moved = await call('POST', `/api/cards/${card.id}/move`, {
      cookie: admin,
      body: { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: card.version },
    });
    expect(moved.status).toBe(200);
    const sent = await call('POST', '/api/reports/send', { cookie: admin, body: { beYear: 2567, kind: 'staff', periodKey: '2024-09' } });
    expect(sent.status, sent.text).toBeLessThan(300);
    const anchor = await env.DB.prepare('select chain_seq, period_key from reports').first<{ chain_seq: number; period_key: string }>();
    expect(anchor!.chain_seq).toBe(22);
    expect((await call('GET', '/api/admin/chain/2567', { cookie: admin })).json.ok).toBe(true);

    // Remove the newest event (the move): every remaining link is intact...
    await env.DB.prepare('delete from card_events where fiscal_year_id = ? and seq = 22').bind(board.fiscalYear.id).run();
    const verdict = (await call('GET', '/api/admin/chain/2567', { cookie: admin })).json;
    // ...but the report's anchor no longer matches.
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([{ kind: 'anchor-mismatch', seq: 22, anchor: '2024-09' }]);
  });
});
