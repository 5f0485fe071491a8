// Thai-text helpers for the announcement importer: cleaning text pasted from a PDF or Word file,
// Thai digits, Thai month names and character classes. Pure functions, no project imports.

const THAI_DIGIT_ZERO = 0x0e50; // '๐'; '๑'..'๙' follow contiguously.

/**
 * Replaces Thai digits (๐–๙) with Arabic digits (0–9). Each Thai digit is a single UTF-16 unit,
 * just like an Arabic digit, so string positions are unchanged: callers search the converted
 * copy and slice the original with the same indices.
 */
export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_DIGIT_ZERO));
}

export function hasThaiDigits(text: string): boolean {
  return /[๐-๙]/.test(text);
}

/** A whole-string number (up to four digits) in Thai or Arabic digits ("๑๒", "12", "๗."), else null. */
export function parseNumberCell(cell: string): number | null {
  const m = /^\s*([0-9๐-๙]{1,4})\s*[.)]?\s*$/.exec(cell);
  return m ? Number(toArabicDigits(m[1]!)) : null;
}

/**
 * Cleans text as copied from a PDF, Word or a Markdown conversion, keeping tabs (table cells)
 * and newlines (rows, paragraphs):
 * - line endings: CRLF, lone CR and Unicode line/paragraph separators become "\n";
 * - zero-width characters, the BOM and soft hyphens are removed (PDF extraction inserts them
 *   inside Thai words, where they would break matching invisibly);
 * - non-breaking and other Unicode spaces become a plain space;
 * - control characters other than tab and newline are removed;
 * - SARA AM decomposed as NIKHAHIT + SARA AA (" ํา", common in PDF text layers, and the form
 *   NFKC produces) is recomposed into U+0E33 "ำ", moving a tone mark written between them in
 *   front, so "กลุ่มอํานวยการ" and "กลุ่มอำนวยการ" compare equal. Unicode NFC does not do this.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/\r\n?|[\u2028\u2029\u000b\u000c\u0085]/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, '$1\u0e33');
}

/** Runs of spaces and tabs become one space; leading and trailing spaces go. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\n]+/g, ' ').trim();
}

/** All whitespace removed: for comparing names that PDF extraction broke with stray spaces. */
export function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * A character that can be part of a Thai word: consonants, vowels, tone and other combining
 * marks. Excludes Thai digits, ฯ (abbreviation mark), ๆ (repetition mark, conventionally
 * followed by a space), ฿ and the other Thai punctuation signs.
 */
export function isThaiWordChar(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x0e01 && c <= 0x0e2e) || // ก..ฮ
    (c >= 0x0e30 && c <= 0x0e3a) || // vowels and marks above/below
    (c >= 0x0e40 && c <= 0x0e45) || // leading vowels เ แ โ ใ ไ, ๅ
    (c >= 0x0e47 && c <= 0x0e4e) // tone marks, thanthakhat, etc.
  );
}

/** Thai month names, full and abbreviated, to month numbers 1–12. */
const MONTHS: readonly [number, readonly string[]][] = [
  [1, ['มกราคม', 'ม.ค.']],
  [2, ['กุมภาพันธ์', 'ก.พ.']],
  [3, ['มีนาคม', 'มี.ค.']],
  [4, ['เมษายน', 'เม.ย.']],
  [5, ['พฤษภาคม', 'พ.ค.']],
  [6, ['มิถุนายน', 'มิ.ย.']],
  [7, ['กรกฎาคม', 'ก.ค.']],
  [8, ['สิงหาคม', 'ส.ค.']],
  [9, ['กันยายน', 'ก.ย.']],
  [10, ['ตุลาคม', 'ต.ค.']],
  [11, ['พฤศจิกายน', 'พ.ย.']],
  [12, ['ธันวาคม', 'ธ.ค.']],
];

const MONTH_BY_NAME = new Map<string, number>(MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)));

/** Regex source matching any Thai month name (longest first so "มี.ค." wins over shorter forms). */
export const THAI_MONTH_PATTERN = [...MONTH_BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/\./g, '\\.'))
  .join('|');

export function thaiMonthNumber(name: string): number | null {
  return MONTH_BY_NAME.get(name) ?? null;
}

/**
 * An ISO date from a day, a month and a year that is Buddhist Era when ≥ 2400 (BE = CE + 543),
 * otherwise taken as Gregorian. Null when the date does not exist (e.g. 31 เมษายน).
 */
export function isoDateFromThai(day: number, month: number, year: number): string | null {
  const ce = year >= 2400 ? year - 543 : year;
  if (ce < 1900 || ce > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(ce, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${ce}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
