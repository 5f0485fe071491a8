// The web app's catch-up logic (web/src/state/board-sync.ts), in Node: the changes since a seq put
// in place in board order, and the live messages of a board applied in event order, a gap repaired
// with one changes request while later messages wait.
import { describe, expect, it } from 'vitest';
import { GapRepair, mergeChanges, type ChangesAnswer, type SyncCard } from '../../web/src/state/board-sync';

const card = (id: string, columnId: string, orderKey: string, version = 1, editable = true): SyncCard => ({ id, columnId, orderKey, version, editable });
const columns = [
  { id: 'todo', position: 0 },
  { id: 'doing', position: 1 },
  { id: 'done', position: 2 },
];

describe('mergeChanges', () => {
  const board = { columns, seq: 10, cards: [card('a', 'todo', 'a0'), card('b', 'todo', 'a1'), card('c', 'doing', 'a0')] };

  it('puts each change in place by id, adds new cards, and keeps board order (column position, then order key)', () => {
    const next = mergeChanges(board, [card('a', 'done', 'a0', 2), card('d', 'todo', 'Zz', 1), card('c', 'todo', 'a2', 3)], 14);
    expect(next.cards.map((c) => c.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(next.seq).toBe(14);
    // Unchanged cards keep their objects (memoised cards are not drawn again).
    expect(next.cards[1]).toBe(board.cards[1]);
    expect(board.cards.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a newer card on screen, and a card of ours waiting for the server unless the change is newer', () => {
    const mine = { ...board, cards: [card('a', 'doing', 'a5', 5), card('b', 'done', 'a0', 2)] };
    const next = mergeChanges(mine, [card('a', 'todo', 'a0', 4), card('b', 'todo', 'a0', 2)], 12, new Set(['b']));
    expect(next.cards).toEqual(mine.cards);
    const newer = mergeChanges(mine, [card('b', 'todo', 'a0', 3)], 13, new Set(['b']));
    expect(newer.cards.find((c) => c.id === 'b')).toEqual(card('b', 'todo', 'a0', 3));
  });

  it('takes a card whose editable changed at the same version, and never goes back in seq', () => {
    const next = mergeChanges(board, [card('b', 'todo', 'a1', 1, false)], 8);
    expect(next.cards.find((c) => c.id === 'b')!.editable).toBe(false);
    expect(next.seq).toBe(10);
    const same = mergeChanges(board, [card('b', 'todo', 'a1', 1)], 10);
    expect(same).toBe(board);
  });
});

type Message = { seq: number; id: string; known?: boolean };

/** A board that is only a seq and a log of what was done to it, with a changes route to script. */
function harness(start = 5) {
  const log: string[] = [];
  let applied: number | null = start;
  const answers: ((answer: ChangesAnswer<string> | null) => void)[] = [];
  const repair = new GapRepair<Message, string>({
    applied: () => applied,
    apply: (m) => {
      if (m.known === false) return false;
      log.push(`apply ${m.seq}`);
      applied = m.seq;
      return true;
    },
    changes: (since) => {
      log.push(`changes since ${since}`);
      return new Promise((resolve) => answers.push(resolve));
    },
    merge: (cards, seq) => {
      log.push(`merge ${cards.join(',')} to ${seq}`);
      applied = Math.max(applied ?? 0, seq);
    },
    reload: async () => {
      log.push('reload');
      applied = 30;
    },
  });
  const answer = async (value: ChangesAnswer<string> | null) => {
    answers.shift()!(value);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { log, repair, answer, pending: () => answers.length, setApplied: (seq: number | null) => (applied = seq) };
}

describe('GapRepair', () => {
  it('applies the next seq, ignores what it already has', () => {
    const { log, repair } = harness();
    repair.receive({ seq: 6, id: 'a' });
    repair.receive({ seq: 6, id: 'a' });
    repair.receive({ seq: 4, id: 'b' });
    repair.receive({ seq: 7, id: 'c' });
    expect(log).toEqual(['apply 6', 'apply 7']);
  });

  it('a gap asks for the changes since what it has, once; messages meanwhile wait, and those the answer covers are dropped', async () => {
    const { log, repair, answer, pending } = harness();
    repair.receive({ seq: 8, id: 'x' });
    repair.receive({ seq: 9, id: 'y' });
    repair.receive({ seq: 11, id: 'z' });
    repair.receive({ seq: 10, id: 'w' });
    expect(repair.repairing).toBe(true);
    expect(pending()).toBe(1);
    await answer({ seq: 9, cards: ['p', 'q'] });
    expect(log).toEqual(['changes since 5', 'merge p,q to 9', 'apply 10', 'apply 11']);
    expect(repair.repairing).toBe(false);
  });

  it('a gap left after the answer asks again', async () => {
    const { log, repair, answer } = harness();
    repair.receive({ seq: 7, id: 'x' });
    repair.receive({ seq: 12, id: 'y' });
    await answer({ seq: 8, cards: ['p'] });
    expect(log).toEqual(['changes since 5', 'merge p to 8', 'changes since 8']);
    await answer({ seq: 11, cards: ['q'] });
    expect(log.slice(3)).toEqual(['merge q to 11', 'apply 12']);
  });

  it('"reload" and failures load the board instead, then go on from its seq', async () => {
    const first = harness();
    first.repair.receive({ seq: 9, id: 'x' });
    first.repair.receive({ seq: 31, id: 'y' });
    await first.answer({ reload: true, seq: 20 });
    expect(first.log).toEqual(['changes since 5', 'reload', 'apply 31']);
    const second = harness();
    second.repair.receive({ seq: 9, id: 'x' });
    await second.answer(null);
    expect(second.log).toEqual(['changes since 5', 'reload']);
  });

  it('a card it cannot place alone (unknown, groups changed) asks for the changes since the seq before it', async () => {
    const { log, repair, answer } = harness();
    repair.receive({ seq: 6, id: 'new', known: false });
    expect(log).toEqual(['changes since 5']);
    await answer({ seq: 6, cards: ['new'] });
    expect(log).toEqual(['changes since 5', 'merge new to 6']);
  });

  it('hello ahead of the board catches up; not ahead, nothing', async () => {
    const { log, repair, answer } = harness();
    repair.catchUp(5);
    expect(log).toEqual([]);
    repair.catchUp(9);
    await answer({ seq: 9, cards: ['a'] });
    expect(log).toEqual(['changes since 5', 'merge a to 9']);
  });

  it('after reset (another board), an answer for the old one is ignored', async () => {
    const { log, repair, answer } = harness();
    repair.receive({ seq: 9, id: 'x' });
    repair.reset();
    await answer({ seq: 9, cards: ['old'] });
    expect(log).toEqual(['changes since 5']);
    repair.receive({ seq: 6, id: 'y' });
    expect(log).toEqual(['changes since 5', 'apply 6']);
  });

  it('no board: nothing is applied', () => {
    const { log, repair, setApplied } = harness();
    setApplied(null);
    repair.receive({ seq: 6, id: 'a' });
    repair.catchUp(9);
    expect(log).toEqual([]);
  });
});
