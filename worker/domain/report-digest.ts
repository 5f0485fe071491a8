// The directors' daily digest: for one group (or the whole office, for explicit recipients),
// the steps that are overdue and those due within the next seven days, not yet done. One digest
// per director per day, never one email per card.
import type { ColumnCategory } from './contracts';
import type { ColumnRef } from './report-types';
import type { CardState } from './report-state';
import { DUE_SOON_DAYS, dueState } from './due';

export { DUE_SOON_DAYS };

export interface DigestItem {
  cardId: string;
  measureNumber: number | null;
  stepNumber: number;
  title: string;
  dueOn: string;
  /** Days past due (overdue) or days left (due soon; 0 = today). */
  days: number;
  column: ColumnRef | null;
  groupNameTh: string | null;
}

export interface Digest {
  date: string;
  orgNameTh: string;
  /** null: the whole office. */
  groupNameTh: string | null;
  thaiDigits: boolean;
  overdue: DigestItem[];
  dueSoon: DigestItem[];
}

export interface DigestInput {
  /** Today in Bangkok, YYYY-MM-DD. */
  today: string;
  orgNameTh: string;
  thaiDigits: boolean;
  /** The director's group, or null for the whole office. */
  groupId: string | null;
  columns: readonly { id: string; labelTh: string; labelEn: string; category: ColumnCategory }[];
  measures: readonly { id: string; number: number }[];
  groups: readonly { id: string; nameTh: string }[];
  /** The cards as they are now (whether every group takes part does not matter here). */
  cards: readonly Omit<CardState, 'allGroups'>[];
}


export function compileDigest(input: DigestInput): Digest {
  const columns = new Map(input.columns.map((c) => [c.id, { labelTh: c.labelTh, labelEn: c.labelEn, category: c.category } satisfies ColumnRef]));
  const measures = new Map(input.measures.map((m) => [m.id, m.number]));
  const groups = new Map(input.groups.map((g) => [g.id, g.nameTh]));
  const overdue: DigestItem[] = [];
  const dueSoon: DigestItem[] = [];
  // The same cards a director may move: the ones their group leads or is named on.
  const mine = input.cards.filter((c) => input.groupId === null || c.leadGroupId === input.groupId || c.groupIds.includes(input.groupId));
  for (const c of mine) {
    const column = columns.get(c.columnId) ?? null;
    if (!c.dueOn || column?.category === 'done') continue;
    const due = dueState(c.dueOn, input.today);
    const item = (days: number): DigestItem => ({
      cardId: c.id,
      measureNumber: measures.get(c.measureId) ?? null,
      stepNumber: c.stepNumber,
      title: c.title,
      dueOn: c.dueOn!,
      days,
      column,
      groupNameTh: c.leadGroupId ? (groups.get(c.leadGroupId) ?? null) : null,
    });
    // One rule for every screen and report (domain/due.ts): overdue from the day after the due date.
    if (due?.state === 'overdue') overdue.push(item(due.days));
    else if (due?.state === 'due-soon') dueSoon.push(item(due.days));
  }
  const byDue = (a: DigestItem, b: DigestItem) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : (a.measureNumber ?? 0) - (b.measureNumber ?? 0) || a.stepNumber - b.stepNumber);
  return {
    date: input.today,
    orgNameTh: input.orgNameTh,
    groupNameTh: input.groupId ? (groups.get(input.groupId) ?? null) : null,
    thaiDigits: input.thaiDigits,
    overdue: overdue.sort(byDue),
    dueSoon: dueSoon.sort(byDue),
  };
}

export function digestIsEmpty(d: Digest): boolean {
  return d.overdue.length === 0 && d.dueSoon.length === 0;
}
