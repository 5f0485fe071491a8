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

/** One name in a responsible cell, resolved: exactly, by a reported correction, or not at all. */
export type NameResolution =
  | { kind: 'exact'; text: string; group: GroupRef }
  | { kind: 'corrected'; text: string; group: GroupRef; distance: number }
  | { kind: 'unknown'; text: string; candidates: GroupRef[] };

export interface ResponsibleResolution {
  /** The names written, in order: the first leads, the others take part. Empty: no name given. */
  names: NameResolution[];
  /** The cell without its "every group" part. */
  leadText: string;
  allGroups: boolean;
}

/** Resolves one name: exact, corrected or unknown. */
export function resolveName(text: string, groups: readonly GroupRef[]): NameResolution {
  const match = matchName(text, groups);
  return match.kind === 'unknown' ? { kind: 'unknown', text, candidates: match.candidates } : { ...match, text };
}

/** Where a name list may be split: a comma, semicolon, slash or line break, or "และ". */
const SEPARATOR = /\s*(?:[,;/\n]|และ)\s*/g;
/** What a co-responsible name starts with, when it is not a known group's name. */
const NAME_START = /^(?:กลุ่ม|หน่วย|ทุก)/;

/**
 * Whether `rest` (the text after a separator) starts another group's name: it starts with
 * กลุ่ม / หน่วย / ทุก, or with a known group's name (with or without its กลุ่ม prefix), spaces
 * ignored. Names themselves contain "และ" and spaces ("กลุ่มนโยบายและแผน"), so nothing else splits.
 */
function startsAName(rest: string, groups: readonly GroupRef[]): boolean {
  const r = withoutSpaces(cleanText(rest));
  if (r === '') return false;
  if (NAME_START.test(r)) return true;
  return groups.some((g) => {
    const key = groupKey(g.nameTh);
    return key.length >= 3 && (r.startsWith(withoutSpaces(g.nameTh)) || r.startsWith(key));
  });
}

/** Splits a list of names at the separators that start another name (see startsAName). */
export function splitNames(text: string, groups: readonly GroupRef[]): string[] {
  const names: string[] = [];
  let from = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    const end = m.index + m[0].length;
    if (m.index < from) continue;
    if (!startsAName(text.slice(end), groups)) continue;
    names.push(text.slice(from, m.index));
    from = end;
  }
  names.push(text.slice(from));
  return names.map((n) => n.replace(/\s+/g, ' ').trim()).filter((n) => groupKey(n) !== '');
}

/**
 * Reads a responsible cell: its names (the first leads, the others take part) and whether every
 * group takes part ("และทุกกลุ่มงาน", anywhere in the cell). The whole cell is first tried as one
 * name (names contain "และ" and spaces); otherwise it is split by splitNames.
 */
export function resolveResponsible(text: string, groups: readonly GroupRef[]): ResponsibleResolution {
  const every = EVERY_GROUP.exec(text);
  const allGroups = every !== null;
  const leadText = (every ? `${text.slice(0, every.index)}\n${text.slice(every.index + every[0].length)}` : text).trim();
  if (groupKey(leadText) === '') return { names: [], leadText, allGroups };
  const whole = matchName(leadText, groups);
  if (whole.kind === 'exact') return { names: [{ kind: 'exact', text: leadText.replace(/\s+/g, ' '), group: whole.group }], leadText, allGroups };
  const parts = splitNames(leadText, groups);
  if (parts.length <= 1) return { names: [resolveName(leadText.replace(/\s+/g, ' '), groups)], leadText, allGroups };
  return { names: parts.map((p) => resolveName(p, groups)), leadText, allGroups };
}

/** Whether a whole line names a group: a known group (exactly or by correction), or กลุ่ม…/หน่วย…/ทุกกลุ่ม. */
export function isGroupLine(line: string, groups: readonly GroupRef[]): boolean {
  let t = cleanText(line).replace(/\s+/g, ' ').trim();
  if (t === '' || t.length > 90) return false;
  if (/^[0-9๐-๙(]/.test(t)) return false;
  // "อำนาจการ และทุกกลุ่ม งาน": the named part decides; "ทุกกลุ่มงาน" alone is a group line.
  const every = EVERY_GROUP.exec(t);
  if (every && every.index === 0) return true;
  // "งานพัสดุ และทุกกลุ่มงาน": a line ending in "and every group" names groups.
  if (/และ\s*ทุก\s*(?:กลุ่ม|หน่วย|ฝ่าย)(?:\s*งาน)?\s*$/.test(t)) return true;
  if (every) t = `${t.slice(0, every.index)} ${t.slice(every.index + every[0].length)}`.trim();
  const bare = withoutSpaces(t).replace(/^(?:และ|,|\/)/, '');
  if (/^(?:กลุ่ม(?!เป้าหมาย)|หน่วย(?!งาน))/.test(bare)) return true;
  const first = splitNames(t, groups)[0] ?? t;
  if (first.length > 40) return false;
  return matchName(first, groups).kind !== 'unknown';
}

/** Whether `line` continues `previous` into one known group's name (a name wrapped over lines). */
export function extendsGroupName(previous: string, line: string, groups: readonly GroupRef[]): boolean {
  const last = previous.split('\n').pop() ?? '';
  const parts = splitNames(last, groups);
  const tail = parts[parts.length - 1] ?? '';
  if (tail === '') return false;
  // groupKey ignores spaces: the wrap may or may not have been a space in the name.
  const joined = groupKey(`${tail}${line}`);
  return groups.some((g) => groupKey(g.nameTh) === joined);
}
