// Moving a fiscal year from one OIT catalogue to another: which old code becomes which new code.
// Titles are compared by character trigrams, because Thai writes no spaces between words (word
// n-grams would need a dictionary): each title is normalised (NFKC, lower case, Thai digits as
// Arabic, every space and punctuation mark removed), cut into its set of three-character pieces,
// and two titles score the Dice coefficient of their sets, 2|A∩B| / (|A| + |B|), from 0 to 1.
// A row is proposed at a score of 0.5 or more; the administrator confirms or corrects each.
import { toArabicDigits } from './announcement/thai-text';
import { normaliseCode } from './readiness';

/** Proposed at this score or more (Dice on character trigrams). */
export const CROSSWALK_THRESHOLD = 0.5;

/** The title as compared: NFKC, lower case, Arabic digits, letters, marks and digits only. */
export function normaliseTitle(title: string): string {
  return toArabicDigits(title.normalize('NFKC').toLowerCase()).replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

/** The set of three-character pieces of the normalised title (a shorter title is its own piece). */
export function trigrams(title: string): Set<string> {
  const s = normaliseTitle(title);
  const grams = new Set<string>();
  if (s.length === 0) return grams;
  if (s.length < 3) return grams.add(s);
  for (let i = 0; i + 3 <= s.length; i++) grams.add(s.slice(i, i + 3));
  return grams;
}

/** Dice coefficient of the titles' trigram sets, 0 to 1, rounded to two decimals. */
export function titleSimilarity(a: string, b: string): number {
  return dice(trigrams(a), trigrams(b));
}

function dice(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return Math.round((200 * shared) / (x.size + y.size)) / 100;
}

export interface CrosswalkItem {
  code: string;
  titleTh: string;
}

export type CrosswalkReason = 'same_code' | 'similar_title' | 'none';

export interface CrosswalkRow {
  oldCode: string;
  oldTitle: string;
  /** The proposed new code; null: nothing in the new catalogue scores 0.5 or more. */
  newCode: string | null;
  newTitle: string | null;
  /** The proposal's score; when there is none, the best score found (under 0.5). */
  score: number;
  reason: CrosswalkReason;
}

/**
 * For each old item, the new item whose title is most like it, when it scores 0.5 or more: the
 * same code wins a tie. Several old items may point at one new item (two items merged).
 */
export function proposeCrosswalk(oldItems: readonly CrosswalkItem[], newItems: readonly CrosswalkItem[], threshold = CROSSWALK_THRESHOLD): CrosswalkRow[] {
  const candidates = newItems.map((n) => ({ code: normaliseCode(n.code), titleTh: n.titleTh, grams: trigrams(n.titleTh) }));
  return oldItems.map((old) => {
    const oldCode = normaliseCode(old.code);
    const grams = trigrams(old.titleTh);
    let best = { code: '', titleTh: '', score: -1 };
    for (const n of candidates) {
      const score = dice(grams, n.grams);
      if (score > best.score || (score === best.score && n.code === oldCode)) best = { code: n.code, titleTh: n.titleTh, score };
    }
    if (best.score < threshold) return { oldCode, oldTitle: old.titleTh, newCode: null, newTitle: null, score: Math.max(best.score, 0), reason: 'none' };
    return { oldCode, oldTitle: old.titleTh, newCode: best.code, newTitle: best.titleTh, score: best.score, reason: best.code === oldCode ? 'same_code' : 'similar_title' };
  });
}

/** A row as the administrator confirmed it: the old code and its new code, or none. */
export interface CrosswalkChoice {
  oldCode: string;
  newCode: string | null;
}

export interface MappedLink {
  id: string;
  cardId: string;
  oitCode: string | null;
}

export interface CodeInUse {
  code: string;
  /** Evidence links naming it. */
  links: number;
}

/** The codes the year's evidence names, with how many links name each, in code order. */
export function codesInUse(links: readonly MappedLink[]): CodeInUse[] {
  const used = new Map<string, number>();
  for (const l of links) if (l.oitCode) used.set(normaliseCode(l.oitCode), (used.get(normaliseCode(l.oitCode)) ?? 0) + 1);
  return [...used].map(([code, n]) => ({ code, links: n })).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/**
 * The codes in use that the new catalogue would lose: 'gone' when it does not list the code,
 * 'changed' when it lists it under a title scoring under 0.5 against the old one (the same
 * number, another item: evidence left on it would silently serve the wrong item).
 */
export function codesLost(links: readonly MappedLink[], oldItems: readonly CrosswalkItem[], newItems: readonly CrosswalkItem[]): (CodeInUse & { change: 'gone' | 'changed' })[] {
  const oldTitle = new Map(oldItems.map((i) => [normaliseCode(i.code), i.titleTh]));
  const newTitle = new Map(newItems.map((i) => [normaliseCode(i.code), i.titleTh]));
  return codesInUse(links).flatMap((u): (CodeInUse & { change: 'gone' | 'changed' })[] => {
    const now = newTitle.get(u.code);
    if (now === undefined) return [{ ...u, change: 'gone' as const }];
    const was = oldTitle.get(u.code);
    return was !== undefined && titleSimilarity(was, now) < CROSSWALK_THRESHOLD ? [{ ...u, change: 'changed' as const }] : [];
  });
}

export interface Recode {
  evidenceId: string;
  cardId: string;
  from: string;
  to: string;
}

export type CrosswalkProblem =
  | { kind: 'unknown_new_code'; code: string }
  | { kind: 'unanswered'; codes: string[] }
  | { kind: 'unmapped_unconfirmed'; codes: string[] };

/**
 * What applying the confirmed crosswalk does to the year's evidence: each link whose code has a
 * row is re-coded to the row's new code (none: it keeps its code, and shows as "not in the
 * catalogue" rather than being dropped). Every code in use must have a row (a code kept with
 * another meaning would otherwise carry its evidence silently); a code in use that the new
 * catalogue lacks, left without a new code, must be confirmed.
 */
export function planRecoding(
  links: readonly MappedLink[],
  newItems: readonly CrosswalkItem[],
  choices: readonly CrosswalkChoice[],
  confirmUnmapped: boolean,
): { recodes: Recode[]; unmapped: CodeInUse[]; problem: CrosswalkProblem | null } {
  const newCodes = new Set(newItems.map((i) => normaliseCode(i.code)));
  const to = new Map<string, string | null>();
  for (const c of choices) {
    const target = c.newCode === null ? null : normaliseCode(c.newCode);
    if (target !== null && !newCodes.has(target)) return { recodes: [], unmapped: [], problem: { kind: 'unknown_new_code', code: target } };
    to.set(normaliseCode(c.oldCode), target);
  }
  const used = codesInUse(links);
  const unanswered = used.filter((l) => !to.has(l.code)).map((l) => l.code);
  if (unanswered.length > 0) return { recodes: [], unmapped: [], problem: { kind: 'unanswered', codes: unanswered } };
  const unmapped = used.filter((l) => to.get(l.code) === null && !newCodes.has(l.code));
  if (unmapped.length > 0 && !confirmUnmapped) return { recodes: [], unmapped, problem: { kind: 'unmapped_unconfirmed', codes: unmapped.map((u) => u.code) } };
  const recodes: Recode[] = [];
  for (const l of links) {
    if (!l.oitCode) continue;
    const from = normaliseCode(l.oitCode);
    const target = to.get(from);
    if (target && target !== from) recodes.push({ evidenceId: l.id, cardId: l.cardId, from: l.oitCode, to: target });
  }
  return { recodes, unmapped, problem: null };
}

/** Old items the confirmed crosswalk gives no new code (kept on the list shown, never dropped silently). */
export function unmappedItems(oldItems: readonly CrosswalkItem[], choices: readonly CrosswalkChoice[], newItems: readonly CrosswalkItem[]): CrosswalkItem[] {
  const newCodes = new Set(newItems.map((i) => normaliseCode(i.code)));
  const to = new Map(choices.map((c) => [normaliseCode(c.oldCode), c.newCode === null ? null : normaliseCode(c.newCode)]));
  return oldItems.filter((i) => {
    const code = normaliseCode(i.code);
    const target = to.has(code) ? to.get(code) : newCodes.has(code) ? code : null;
    return target === null || target === undefined;
  });
}

/**
 * Rows keyed by OIT code (per-item fields such as the submission's website page and explanation)
 * carried through the confirmed crosswalk: a row whose code has a new code moves to it; when two
 * rows would land on one code, the row already of that code (else the first given) takes it and the
 * other keeps its old code. Rows without a new code keep theirs. Nothing is dropped.
 */
export function recodeKeyed<T extends { code: string }>(rows: readonly T[], choices: readonly CrosswalkChoice[]): { rows: T[]; moved: { from: string; to: string }[] } {
  const to = new Map(choices.map((c) => [normaliseCode(c.oldCode), c.newCode === null ? null : normaliseCode(c.newCode)]));
  const target = (row: T) => to.get(normaliseCode(row.code)) ?? normaliseCode(row.code);
  const taken = new Set<string>();
  // Rows staying on their own code first, so they keep it.
  const order = [...rows].sort((a, b) => Number(target(b) === normaliseCode(b.code)) - Number(target(a) === normaliseCode(a.code)));
  const placed = new Map<T, string>();
  for (const row of order) {
    const want = target(row);
    const code = taken.has(want) ? normaliseCode(row.code) : want;
    taken.add(code);
    placed.set(row, code);
  }
  const moved: { from: string; to: string }[] = [];
  const out = rows.map((row) => {
    const code = placed.get(row)!;
    if (code !== normaliseCode(row.code)) moved.push({ from: row.code, to: code });
    return { ...row, code };
  });
  return { rows: out, moved };
}
