// The announcement's header and closing facts: title, issuing office, fiscal year, date of
// announcement and the monitoring rhythm (how often progress is reported).
import { collapseSpaces, isoDateFromThai, THAI_MONTH_PATTERN, thaiMonthNumber, toArabicDigits } from './thai-text';

const MAX_TITLE = 500;
const MAX_TITLE_CONTINUATIONS = 2;
const MAX_TITLE_LINE = 150;
const MAX_ORGANISATION = 200;
/** How many non-empty lines at the top form the header block (ประกาศ…, เรื่อง…). */
const HEADER_LINES = 12;

/**
 * The subject line "เรื่อง …" without "เรื่อง", joined with the lines that continue it up to
 * the next blank line (in the source the title wraps: "… ภายในหน่วยงาน" / "สำนักงาน… ประจำปี…").
 */
export function findTitle(lines: readonly string[], skip: ReadonlySet<number>): string {
  const start = lines.findIndex((l, i) => !skip.has(i) && /^\s*เรื่อง(?:\s|$)/.test(l));
  if (start === -1) return '';
  const parts = [lines[start]!.replace(/^\s*เรื่อง/, '')];
  for (let i = start + 1; i < lines.length && i <= start + MAX_TITLE_CONTINUATIONS; i++) {
    const line = lines[i]!;
    // A wrapped title line is short; a long line is the first paragraph of the body.
    if (line.trim() === '' || skip.has(i) || /^\s*[0-9๐-๙]/.test(line) || line.trim().length > MAX_TITLE_LINE) break;
    parts.push(line);
  }
  return collapseSpaces(parts.join(' ')).slice(0, MAX_TITLE);
}

/**
 * The office from the header line "ประกาศ<office>" (e.g. "ประกาศสำนักงานศึกษาธิการจังหวัดพิจิตร"),
 * not the closing "ประกาศ ณ วันที่ …". Only the header block is searched: body lines also start
 * with "ประกาศ" ("ประกาศมาตรการ…").
 */
export function findOrganisation(lines: readonly string[]): string | null {
  const header = lines.map(collapseSpaces).filter((l) => l !== '').slice(0, HEADER_LINES);
  for (const [i, line] of header.entries()) {
    // "ประกาศ" alone on its line: the office is named on the next one.
    const text = line === 'ประกาศ' && header[i + 1] && !/^เรื่อง(?:\s|$)/.test(header[i + 1]!) ? `ประกาศ${header[i + 1]}` : line;
    const m = /^ประกาศ\s*(?!ณ(?:\s|$))(\S.*)$/.exec(text);
    if (m) {
      const name = m[1]!.split(/\s+เรื่อง(?:\s|$)/)[0]!.trim();
      return name ? name.slice(0, MAX_ORGANISATION) : null;
    }
    if (/^เรื่อง(?:\s|$)/.test(text)) break;
  }
  return null;
}

const FISCAL_YEAR = /(ประจำ)?ปีงบประมาณ\s*(?:พ\s*\.\s*ศ\s*\.?\s*)?([0-9]{4})(?![0-9])/g;

function plausibleBeYear(year: number): number | null {
  if (year >= 2400 && year <= 2800) return year;
  if (year >= 1900 && year <= 2200) return year + 543; // written in the Gregorian calendar
  return null;
}

/**
 * The fiscal year (Buddhist Era) from "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗": the title's first, then the
 * first "ประจำปีงบประมาณ" in the text, then any "ปีงบประมาณ". The body also names earlier years
 * ("ที่ผ่านมาในปีงบประมาณ พ.ศ. ๒๕๖๖"), which is why "ประจำ" (= "for the year") is preferred.
 */
export function findFiscalYear(title: string, text: string): number | null {
  for (const m of toArabicDigits(title).matchAll(FISCAL_YEAR)) {
    const year = plausibleBeYear(Number(m[2]));
    if (year) return year;
  }
  let fallback: number | null = null;
  for (const m of toArabicDigits(text).matchAll(FISCAL_YEAR)) {
    const year = plausibleBeYear(Number(m[2]));
    if (year && m[1]) return year;
    fallback ??= year;
  }
  return fallback;
}

const ANNOUNCED_ON = new RegExp(
  `(?:ประกาศ|ให้ไว้)\\s*ณ\\s*วันที่\\s*([0-9]{1,2})\\s*(?:เดือน\\s*)?(${THAI_MONTH_PATTERN})\\s*(?:(?:พ\\s*\\.\\s*ศ|ค\\s*\\.\\s*ศ)\\s*\\.?\\s*)?([0-9]{4})(?![0-9])`,
  'g',
);

/**
 * The ISO (Gregorian) date of "ประกาศ ณ วันที่ ๑๑ มิถุนายน พ.ศ. ๒๕๖๗" → "2024-06-11". The last
 * such line wins: it closes the announcement, while the body may quote other dates.
 */
export function findAnnouncedOn(text: string): string | null {
  let found: string | null = null;
  for (const m of toArabicDigits(text).matchAll(ANNOUNCED_ON)) {
    const month = thaiMonthNumber(m[2]!);
    const date = month ? isoDateFromThai(Number(m[1]), month, Number(m[3])) : null;
    if (date) found = date;
  }
  return found;
}

const PER_MONTH = /เดือนละ\s*([0-9]{1,2})?\s*ครั้ง/g;
const EXECUTIVES = /ผู้บริหาร|ผู้อำนวยการกลุ่ม|ผอ\.\s*กลุ่ม|หัวหน้ากลุ่ม/g;
const STAFF = /บุคลากร|เจ้าหน้าที่|ข้าราชการ|พนักงาน/g;
/** How far before "เดือนละ n ครั้ง" the audience (executives or staff) is looked for. */
const RHYTHM_WINDOW = 120;

function lastIndex(re: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(re)) last = m.index;
  return last;
}

/**
 * How often progress is reported (item 3.9 of the source): "ในที่ประชุมผู้บริหาร, ผู้อำนวยการกลุ่ม
 * (เดือนละ ๒ ครั้ง) และประชุมบุคลากรในสำนักงาน (เดือนละ ๑ ครั้ง)". Each "เดือนละ n ครั้ง" belongs to
 * the audience named closest before it, looking back no further than the previous frequency.
 * "เดือนละครั้ง" without a number means once a month. The first frequency per audience counts.
 */
export function findMonitoringRhythm(text: string): { executivesPerMonth: number | null; staffPerMonth: number | null } {
  const rhythm = { executivesPerMonth: null as number | null, staffPerMonth: null as number | null };
  const a = collapseSpaces(toArabicDigits(text));
  let previousEnd = 0;
  for (const m of a.matchAll(PER_MONTH)) {
    const times = m[1] ? Number(m[1]) : 1;
    const context = a.slice(Math.max(previousEnd, m.index - RHYTHM_WINDOW), m.index);
    previousEnd = m.index + m[0].length;
    const executives = lastIndex(EXECUTIVES, context);
    const staff = lastIndex(STAFF, context);
    if (executives === -1 && staff === -1) continue;
    if (executives > staff) rhythm.executivesPerMonth ??= times;
    else rhythm.staffPerMonth ??= times;
  }
  return rhythm;
}
