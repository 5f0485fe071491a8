// Resolving the "responsible" cell (ผู้รับผิดชอบ) of a measure to one of the office's groups.
// Groups are data passed in by the caller; nothing here knows any particular office.
import { cleanText, withoutSpaces } from './thai-text';

export interface GroupRef {
  id: string;
  nameTh: string;
}

export type GroupResolution =
  | { kind: 'exact'; group: GroupRef; leadText: string; allGroups: boolean }
  | { kind: 'corrected'; group: GroupRef; leadText: string; allGroups: boolean; distance: number }
  | { kind: 'unknown'; leadText: string; allGroups: boolean; candidates: GroupRef[] }
  /** Only "ทุกกลุ่มงาน" and no named group: everyone takes part, nobody leads. */
  | { kind: 'none'; leadText: string; allGroups: boolean };

/**
 * "และทุกกลุ่มงาน" ("and every work group"), with any spacing ("และทุกกลุ่ม งาน"); also the
 * variants without "และ" or "งาน" and with หน่วย/ฝ่าย instead of กลุ่ม.
 */
const EVERY_GROUP = /(?:และ\s*)?ทุก\s*(?:กลุ่ม|หน่วย|ฝ่าย)(?:\s*งาน)?/;

/**
 * Prefixes ignored when comparing names: the cell may say "อำนวยการ" for "กลุ่มอำนวยการ", and
 * offices write "กลุ่มงาน" or "หน่วย" in front of the distinctive part. Longest first.
 */
const NAME_PREFIXES = ['กลุ่มงาน', 'กลุ่ม', 'หน่วยงาน', 'หน่วย'];

/**
 * Name reduced to its distinctive part: cleaned like the document (zero-width characters,
 * SARA AM), no spaces, no remark in parentheses ("(sic)", "(งานสารบรรณ)"), no trailing
 * punctuation and no leading กลุ่ม/กลุ่มงาน/หน่วย.
 */
export function groupKey(name: string): string {
  let key = withoutSpaces(cleanText(name).replace(/\([^)]*\)/g, '')).replace(/[.,;:\-–/]+$/u, '');
  const prefix = NAME_PREFIXES.find((p) => key.startsWith(p) && key.length > p.length);
  if (prefix) key = key.slice(prefix.length);
  return key;
}

/** Levenshtein distance over code points (not UTF-16 units), stopping early above `limit`. */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[y.length]!;
}

/** Accepted distance for a fuzzy match: max(2, 25% of the longer name), in code points. */
function tolerance(a: string, b: string): number {
  return Math.max(2, Math.floor(0.25 * Math.max(Array.from(a).length, Array.from(b).length)));
}

type Match = { kind: 'exact' | 'corrected'; group: GroupRef; distance: number } | { kind: 'unknown'; candidates: GroupRef[] };

function matchName(text: string, groups: readonly GroupRef[]): Match {
  const key = groupKey(text);
  const exact = groups.find((g) => groupKey(g.nameTh) === key);
  if (exact) return { kind: 'exact', group: exact, distance: 0 };
  const keyLength = Array.from(key).length;
  // Names are short; anything far longer than every known name cannot be within tolerance.
  const longest = groups.reduce((n, g) => Math.max(n, Array.from(groupKey(g.nameTh)).length), 0);
  if (key === '' || keyLength > 2 * longest + 4) return { kind: 'unknown', candidates: [] };
  const scored = groups
    .map((group) => {
      const other = groupKey(group.nameTh);
      const limit = tolerance(key, other);
      return { group, distance: levenshtein(key, other, limit), limit };
    })
    .filter((s) => s.distance <= s.limit)
    .sort((p, q) => p.distance - q.distance);
  const best = scored[0];
  if (!best) return { kind: 'unknown', candidates: [] };
  const tied = scored.filter((s) => s.distance === best.distance);
  // Ambiguous: two groups equally close. Guessing would silently give a card to the wrong group.
  if (tied.length > 1) return { kind: 'unknown', candidates: tied.map((s) => s.group) };
  return { kind: 'corrected', group: best.group, distance: best.distance };
}

/**
 * Reads a responsible cell: the lead group (exact, corrected or unknown) and whether every group
 * takes part. When the lead part names several groups ("กลุ่มอำนวยการ, กลุ่มนโยบายและแผน" or
 * "... และกลุ่ม...") the first one leads. "และ" is only a separator after a space, because
 * group names themselves contain it ("กลุ่มนโยบายและแผน").
 */
export function resolveResponsible(text: string, groups: readonly GroupRef[]): GroupResolution {
  const every = EVERY_GROUP.exec(text);
  const allGroups = every !== null;
  const leadText = (every ? text.slice(0, every.index) : text).trim();
  if (groupKey(leadText) === '') {
    return allGroups ? { kind: 'none', leadText, allGroups } : { kind: 'unknown', leadText, allGroups, candidates: [] };
  }
  let match = matchName(leadText, groups);
  if (match.kind !== 'exact') {
    const parts = leadText.split(/\s*[,;/\n]\s*|\s+และ\s*/).filter((p) => groupKey(p) !== '');
    if (parts.length > 1) match = matchName(parts[0]!, groups);
  }
  return match.kind === 'unknown'
    ? { kind: 'unknown', leadText, allGroups, candidates: match.candidates }
    : { ...match, leadText, allGroups };
}
