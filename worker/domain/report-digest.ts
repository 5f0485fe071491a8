// The directors' daily digest: for one group (or the whole office, for explicit recipients),
// the steps that are overdue and those due within the next seven days, not yet done. One digest
// per director per day, never one email per card.
import type { ColumnCategory } from './contracts';
import type { ColumnRef } from './report-types';
import type { CardState } from './report-state';
import { DUE_SOON_DAYS, dueState } from './due';
import { isBroken, type LinkFlag } from './link-health';

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
  /** Evidence links of the group's steps that the daily link check flagged (domain/link-health.ts). */
  flaggedLinks: DigestLink[];
}

export interface DigestLink {
  cardId: string;
  measureNumber: number | null;
  stepNumber: number;
  title: string;
  url: string;
  flags: LinkFlag[];
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
  /** Evidence links of the year's cards with their flags (none when not given). */
  links?: readonly { cardId: string; url: string; flags: readonly LinkFlag[] }[];
}


/**
 * The flagged evidence links of these cards (the digest: a group's; the executives' report before
 * the OIT deadline: every card), dead first, then by step.
 */
export function flaggedLinksOf(
  cards: readonly { id: string; measureId: string; stepNumber: number; title: string }[],
  measureNumbers: ReadonlyMap<string, number>,
  links: readonly { cardId: string; url: string; flags: readonly LinkFlag[] }[],
): DigestLink[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const flagged: DigestLink[] = [];
  for (const l of links) {
    const c = byId.get(l.cardId);
    if (!c || l.flags.length === 0) continue;
    flagged.push({ cardId: c.id, measureNumber: measureNumbers.get(c.measureId) ?? null, stepNumber: c.stepNumber, title: c.title, url: l.url, flags: [...l.flags] });
  }
  return flagged.sort((a, b) => Number(isBroken(b.flags)) - Number(isBroken(a.flags)) || (a.measureNumber ?? 0) - (b.measureNumber ?? 0) || a.stepNumber - b.stepNumber || (a.url < b.url ? -1 : 1));
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
  const flaggedLinks = flaggedLinksOf(mine, measures, input.links ?? []);
  const byDue = (a: DigestItem, b: DigestItem) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : (a.measureNumber ?? 0) - (b.measureNumber ?? 0) || a.stepNumber - b.stepNumber);
  return {
    date: input.today,
    orgNameTh: input.orgNameTh,
    groupNameTh: input.groupId ? (groups.get(input.groupId) ?? null) : null,
    thaiDigits: input.thaiDigits,
    overdue: overdue.sort(byDue),
    dueSoon: dueSoon.sort(byDue),
    flaggedLinks,
  };
}

/**
 * Nothing to send: no step overdue or due soon and no dead evidence link. Links flagged only with
 * warnings (moved, not on the main website, file sharing, plain http) ride along with a digest
 * sent anyway, but do not send one by themselves every day.
 */
export function digestIsEmpty(d: Digest): boolean {
  return d.overdue.length === 0 && d.dueSoon.length === 0 && !d.flaggedLinks.some((l) => isBroken(l.flags));
}
