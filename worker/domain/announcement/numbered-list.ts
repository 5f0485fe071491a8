// Splitting an inline numbered list, as written in a table cell: "๑. … ๒. … ๓. …", in any of the
// styles offices use: "1." "๑." "1)" "๑)" "(1)" "(๑)"; a cell without any number is one entry.
//
// Only the expected next number followed by "." or ")" starts a new entry, so numbers that are
// part of the text are never split on: "ที่ ๓๒/๒๕๖๗" (no dot), "๑๑ มิถุนายน" (no dot), "ข้อ ๒.๑"
// (a digit follows the dot), or a "๒." that comes before entry 1 is finished but is not preceded
// by a space. When the expected number is missing, a marker up to MAX_GAP numbers further on is
// accepted as a gap in the numbering, which the caller reports.
import { collapseSpaces, toArabicDigits } from './thai-text';

export interface NumberedEntry {
  number: number;
  text: string;
}

export interface NumberedList {
  entries: NumberedEntry[];
  /** False when the entries are not numbered exactly 1..n (a gap, a different start, text before "1."). */
  sequential: boolean;
  /** Whether the text had any list markers at all (an unnumbered cell is one entry). */
  numbered: boolean;
}

const MAX_GAP = 3;

/**
 * Whether `digits` followed by "." or ")" starts at `pos` of the Arabic-digit copy `a`, as a list
 * marker: preceded by the start, whitespace or an opening bracket / separator, and not followed
 * by another digit (so "2.1" is not marker 2). "(2)" is a marker too (its "(" is part of it).
 */
function isMarkerAt(a: string, pos: number, digits: string): boolean {
  if (!a.startsWith(digits, pos)) return false;
  const before = pos === 0 ? ' ' : a[pos - 1]!;
  if (!/[\s(\[;,:)]/.test(before)) return false;
  const after = pos + digits.length;
  if (a[after] !== '.' && a[after] !== ')') return false;
  if (before === '(' && a[after] !== ')') return false;
  return !/[0-9]/.test(a[after + 1] ?? '');
}

/** First marker position for `n` at or after `from`, or -1; an opening "(" is included. */
function findMarker(a: string, n: number, from: number): number {
  const digits = String(n);
  for (let pos = a.indexOf(digits, from); pos !== -1; pos = a.indexOf(digits, pos + 1)) {
    if (isMarkerAt(a, pos, digits)) return pos > 0 && a[pos - 1] === '(' ? pos - 1 : pos;
  }
  return -1;
}

/** Length of the marker at `pos` ("12." → 3, "(3)" → 3). */
function markerLength(a: string, pos: number): number {
  const m = /^\(?[0-9]+[.)]/.exec(a.slice(pos, pos + 7));
  return m ? m[0].length : 0;
}

/** The list marker a text starts with ("1." "๑)" "(๑)"), as a number; null when none. */
export function leadingMarker(text: string): number | null {
  const m = /^\s*(?:\(([0-9]{1,3})\)|([0-9]{1,3})[.)])(?![0-9])/.exec(toArabicDigits(text));
  return m ? Number(m[1] ?? m[2]) : null;
}

/** Splits `text` (Thai or Arabic digits) into numbered entries. Entry texts have spaces collapsed. */
export function splitNumberedList(text: string): NumberedList {
  const s = collapseSpaces(text);
  if (s === '') return { entries: [], sequential: true, numbered: false };
  const a = toArabicDigits(s);

  // Where the list starts: a marker at the very start (any number), or else the first "1.".
  const lead = /^(?:\(([0-9]{1,3})\)|([0-9]{1,3})[.)])(?![0-9])/.exec(a);
  let number = lead ? Number(lead[1] ?? lead[2]) : 1;
  let pos = lead ? 0 : findMarker(a, 1, 0);
  if (pos === -1) return { entries: [{ number: 1, text: s }], sequential: true, numbered: false };

  const entries: NumberedEntry[] = [];
  let sequential = number === 1;
  const preamble = s.slice(0, pos).trim();
  if (preamble) {
    // Text before "1." belongs to no entry; keep it as entry 0 rather than lose it.
    entries.push({ number: 0, text: preamble });
    sequential = false;
  }
  while (pos !== -1) {
    const start = pos + markerLength(a, pos);
    let next = -1;
    let nextNumber = number + 1;
    for (let k = number + 1; k <= number + 1 + MAX_GAP; k++) {
      next = findMarker(a, k, start);
      if (next !== -1) {
        nextNumber = k;
        break;
      }
    }
    const body = s.slice(start, next === -1 ? s.length : next).trim();
    if (body) entries.push({ number, text: body });
    else sequential = false;
    if (next !== -1 && nextNumber !== number + 1) sequential = false;
    number = nextNumber;
    pos = next;
  }
  return { entries, sequential, numbered: true };
}
