// The event log replays to the board: the pure replay (worker/domain/replay.ts) on hand-made logs,
// including the lost update it exists to catch, then on the real log after concurrent writers
// racing on the same cards inside workerd.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import app from '../../worker/app';
import { compareWithReplay, replayCardEvents, type LoggedEvent } from '../../worker/domain/replay';
import { BASE, call, cookieFor, getBoard, seedOffice, withEvidence, type Demo } from './helpers';
import type { BoardView, CardView } from '../../worker/domain/contracts';
import { formatTable, quantile } from '../load/table';

const created = (seq: number, id: string, over: Record<string, unknown> = {}): LoggedEvent => ({
  seq,
  cardId: id,
  kind: 'card.created',
  before: null,
  after: { measureId: 'm', stepNumber: 1, title: 'ก', details: '', leadGroupId: 'g', groupIds: [], allGroups: false, checklist: [], columnId: 'todo', orderKey: 'a0', dueOn: null, version: 1, ...over },
});
const moved = (seq: number, id: string, from: [string, string, number], to: [string, string]): LoggedEvent => ({
  seq,
  cardId: id,
  kind: 'card.moved',
  before: { columnId: from[0], orderKey: from[1], version: from[2] },
  after: { columnId: to[0], orderKey: to[1], version: from[2] + 1 },
});

describe('replaying a log (pure)', () => {
  it('rebuilds each card from created, moved and edited events, and ignores evidence and comments', () => {
    const log: LoggedEvent[] = [
      created(1, 'c1'),
      created(2, 'c2', { orderKey: 'a1' }),
      moved(3, 'c1', ['todo', 'a0', 1], ['doing', 'a0']),
      { seq: 4, cardId: 'c1', kind: 'card.edited', before: { title: 'ก', dueOn: null }, after: { title: 'ข', dueOn: '2024-09-30' } },
      { seq: 5, cardId: 'c2', kind: 'evidence.added', before: null, after: { evidenceId: 'e', url: 'https://x.y', note: '', oitCode: null } },
      { seq: 6, cardId: 'c2', kind: 'comment.added', before: null, after: { commentId: 'k' } },
    ];
    const replay = replayCardEvents(log);
    expect(replay.problems).toEqual([]);
    expect(replay.unknownKinds).toEqual([]);
    expect(replay.passive).toEqual({ 'evidence.added': 1, 'comment.added': 1 });
    expect(replay.cards.get('c1')).toMatchObject({ columnId: 'doing', title: 'ข', dueOn: '2024-09-30', version: 3 });
    expect(replay.cards.get('c2')).toMatchObject({ columnId: 'todo', orderKey: 'a1', version: 1 });
  });

  it('catches a lost update: two changes that both started from version 1', () => {
    const replay = replayCardEvents([created(1, 'c1'), moved(2, 'c1', ['todo', 'a0', 1], ['doing', 'a0']), moved(3, 'c1', ['todo', 'a0', 1], ['done', 'a0'])]);
    expect(replay.problems).toEqual([
      'seq 3 (card.moved c1): before.columnId is not the card\'s columnId',
      'seq 3 (card.moved c1): before.version is not the card\'s version',
      'seq 3 (card.moved c1): version 2 after 2',
    ]);
  });

  it('catches a gap in the log, a change to a card never created, and kinds it does not know', () => {
    const replay = replayCardEvents([created(1, 'c1'), moved(3, 'c2', ['todo', 'a0', 1], ['doing', 'a0']), { seq: 4, cardId: 'c1', kind: 'card.archived', before: null, after: null }]);
    expect(replay.problems).toEqual(['seq 3 where 2 was expected', 'seq 3 (card.moved c2): card unknown']);
    expect(replay.unknownKinds).toEqual(['card.archived']);
  });

  it('compares a board with the replay field by field, both ways', () => {
    const replay = replayCardEvents([created(1, 'c1'), created(2, 'c2')]);
    const c1 = { ...replay.cards.get('c1')! };
    expect(compareWithReplay([c1, { ...replay.cards.get('c2')! }], replay)).toEqual([]);
    const diffs = compareWithReplay([{ ...c1, columnId: 'done', version: 2 }, { ...c1, id: 'c3' }], replay);
    expect(diffs).toEqual([
      'card c1.columnId: board "done", log "todo"',
      'card c1.version: board 2, log 1',
      'card c3: on the board, not in the log',
      'card c2: in the log, not on the board',
    ]);
  });
});

describe('the real log after racing writers', () => {
  let demo: Demo;
  const cookies: string[] = [];

  beforeAll(async () => {
    demo = await seedOffice();
    cookies.push(await cookieFor(demo, 'admin'), await cookieFor(demo, 'directorAdmin'), await cookieFor(demo, 'admin'), await cookieFor(demo, 'directorAdmin'));
  });

  async function send(cookie: string, method: string, path: string, body: unknown) {
    const ctx = createExecutionContext();
    const started = performance.now();
    const res = await app.fetch(new Request(`${BASE}${path}`, { method, headers: { cookie, origin: BASE, 'content-type': 'application/json' }, body: JSON.stringify(body) }), env, ctx);
    const json = (await res.json()) as any;
    await waitOnExecutionContext(ctx);
    return { status: res.status, json, ms: performance.now() - started };
  }

  it('four writers × 15 changes on the same six cards: every change lands once, the board equals the replay', { timeout: 60_000 }, async () => {
    // Six cards of กลุ่มอำนวยการ: both the administrator and that group's director may change them.
    // They move into done too, so each carries evidence first (domain/done-rule.ts).
    const ofAdministration = (b: BoardView) => b.cards.filter((c) => c.leadGroupId === demo.groupIds['กลุ่มอำนวยการ']).slice(0, 6);
    await withEvidence(cookies[0]!, ofAdministration(await getBoard(cookies[0]!)).map((c) => c.id));
    const board = await getBoard(cookies[0]!);
    const shared = ofAdministration(board);
    expect(shared).toHaveLength(6);
    const known = new Map<string, CardView>(shared.map((c) => [c.id, c]));
    const stats = { ok: 0, conflicts: 0, other: [] as string[], latencies: [] as number[] };

    const writer = async (w: number) => {
      for (let i = 0; i < 15; i++) {
        const target = shared[(w + i) % shared.length]!;
        for (let attempt = 0; attempt < 20; attempt++) {
          const card = known.get(target.id)!;
          const r =
            (w + i) % 3 === 0
              ? await send(cookies[w]!, 'PATCH', `/api/cards/${card.id}`, { version: card.version, details: `writer ${w} change ${i}` })
              : await send(cookies[w]!, 'POST', `/api/cards/${card.id}/move`, { toColumnId: board.columns[(w + i) % 4]!.id, afterCardId: null, beforeCardId: null, version: card.version });
          stats.latencies.push(r.ms);
          if (r.status === 200) {
            stats.ok++;
            known.set(card.id, r.json.card);
            break;
          }
          if (r.status === 409 && r.json.card) {
            // The answer a client needs: the card as it is now. Retry from it.
            stats.conflicts++;
            known.set(card.id, r.json.card);
            continue;
          }
          stats.other.push(`${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
          break;
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));

    expect(stats.other).toEqual([]);
    expect(stats.ok).toBe(60);
    const events = (
      await env.DB.prepare('select seq, card_id, kind, before, after from card_events where fiscal_year_id = ? order by seq').bind(board.fiscalYear.id).all<Record<string, any>>()
    ).results.map((e) => ({ seq: e.seq, cardId: e.card_id, kind: e.kind, before: e.before && JSON.parse(e.before), after: e.after && JSON.parse(e.after) }));
    // The writers' changes: everything after the board they started from (its import, the evidence).
    const changes = events.filter((e) => e.seq > board.seq);
    // Each change is a real one (new details, or a move, which always takes a new order key).
    expect(changes.length).toBe(60);
    const replay = replayCardEvents(events);
    expect(replay.problems).toEqual([]);
    const after = await getBoard(cookies[0]!);
    expect(compareWithReplay(after.cards, replay)).toEqual([]);
    expect((await call('GET', '/api/admin/chain/2567', { cookie: cookies[0]! })).json).toMatchObject({ ok: true });
    const sorted = [...stats.latencies].sort((a, b) => a - b);
    console.log(
      formatTable(
        [{ writers: 4, changes: stats.ok, '409 retried': stats.conflicts, 'events written': changes.length, 'median ms': quantile(sorted, 0.5), 'p99 ms': quantile(sorted, 0.99), 'board = replay': 'yes' }],
        'racing writers inside workerd (same six cards)',
      ),
    );
  });
});
