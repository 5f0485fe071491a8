// "Done" needs evidence (issue 18, part 4): a step moved into a column whose category is done must
// carry at least one evidence link or file (evidence files are evidence links too), and the last
// evidence of a done step cannot be removed. An office setting, on unless an administrator turns it
// off (organisations.settings.doneNeedsEvidence). Steps that were done before the rule arrived stay
// done: the rule is asked only when a step moves into done or loses evidence, and a move within
// done (reordering, or to another done column) is not a move into done.
//
// Pure: the board's room (live/board-room.ts) asks it on its memory, which knows each card's
// evidence count, so a move reads nothing more from D1.
import type { ColumnCategory } from './contracts';
import { appError, type AppError } from './errors';

/** The office's switch: on when absent. */
export function doneNeedsEvidence(settings: { doneNeedsEvidence?: boolean } | null | undefined): boolean {
  return settings?.doneNeedsEvidence !== false;
}

/** A column as the rule and its message see it. */
export interface RuleColumn {
  category: ColumnCategory;
  labelTh: string;
  labelEn: string;
}

/** What the rule needs to know of a card and the column in question (where it goes, or where it is). */
export interface DoneFacts {
  /** The office's switch (doneNeedsEvidence above). */
  required: boolean;
  /** The category of the column the card is in now (null: unknown). */
  from: ColumnCategory | null;
  /** The column the card goes to (a move) or is in (a removal); null: not on the board. */
  column: RuleColumn | null;
  /** Evidence links and files on the card now. */
  evidence: number;
}

/** Whether a card's evidence count changes with an event of this kind, and by how much. */
export function evidenceDelta(kind: string): number {
  if (kind === 'evidence.added') return 1;
  if (kind === 'evidence.removed') return -1;
  return 0;
}

function refusal(kind: 'move' | 'remove', title: string, column: RuleColumn): AppError {
  return appError(409, kind === 'move' ? 'done_needs_evidence.move' : 'done_needs_evidence.remove', (lang) => ({
    title,
    column: lang === 'en' ? column.labelEn || column.labelTh : column.labelTh,
  }), { code: 'done_needs_evidence' });
}

/** The refusal of moving `title` into a done column without evidence, or null when the move may go. */
export function moveRefusal(facts: DoneFacts, title: string): AppError | null {
  const { required, from, column, evidence } = facts;
  if (!required || !column || column.category !== 'done' || from === 'done' || evidence > 0) return null;
  return refusal('move', title, column);
}

/** The refusal of removing one evidence of `title` when it would leave a done step with none, or null. */
export function removalRefusal(facts: DoneFacts, title: string): AppError | null {
  const { required, column, evidence } = facts;
  if (!required || !column || column.category !== 'done' || evidence > 1) return null;
  return refusal('remove', title, column);
}
