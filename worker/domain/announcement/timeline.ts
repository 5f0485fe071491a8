// Reading a timeline cell (ระยะเวลาดำเนินการ / ระยะเวลา) as the cards' due date: the last day
// the cell allows.
//
//   "ภายใน ธันวาคม ๒๕๖๙"            → 31 Dec 2026 (the month's last day)
//   "ต.ค. ๒๕๖๙ - ก.ย. ๒๕๗๐"         → 30 Sep 2027 (a range ends at its last month)
//   "ต.ค. - ก.ย. ๒๕๗๐"              → 30 Sep 2027
//   "มีนาคม" (no year)              → that month inside the fiscal year (FY2570: 31 Mar 2027)
//   "ธ.ค. 69"                       → two-digit Buddhist Era year: 31 Dec 2026
//   "๑๕ มกราคม ๒๕๗๐"                → that day
//   "ไตรมาสที่ ๒"                    → the last day of the fiscal year's second quarter (31 March)
//   "ไตรมาสที่ ๒ และ ๔"              → the last of them (30 September)
//   "ตลอดปีงบประมาณ"                 → the fiscal year's last day
//   "ปีงบประมาณ พ.ศ. ๒๕๗๐"           → that fiscal year's last day (30 Sep 2027)
// Several dates in one cell: the latest. Anything else gives no date, and the caller warns.
import { collapseSpaces, THAI_MONTH_PATTERN, thaiMonthNumber, toArabicDigits } from './thai-text';

export type DueDate = { date: string } | { date: null; reason: 'unreadable' | 'no-fiscal-year' };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (ce: number, month: number) => new Date(Date.UTC(ce, month, 0)).getUTCDate();
const iso = (ce: number, month: number, day: number) => `${ce}-${pad(month)}-${pad(day)}`;

/** Gregorian year of `month` inside fiscal year `beYear` (October–December belong to the year before). */
function ceInFiscalYear(beYear: number, month: number): number {
  return beYear - 543 - (month >= 10 ? 1 : 0);
}

/** A written year: four digits BE (≥ 2400) or CE (1900–2200), or two digits BE ("69" → 2569). */
function ceYear(written: string): number | null {
  const n = Number(written);
  if (written.length === 2) return 2500 + n - 543;
  if (n >= 2400 && n <= 2800) return n - 543;
  if (n >= 1900 && n <= 2200) return n;
  return null;
}

const MONTH_MENTION = new RegExp(
  `(?:(?<![0-9])([0-9]{1,2})\\s*)?(${THAI_MONTH_PATTERN})\\s*(?:(?:พ\\s*\\.\\s*ศ|ค\\s*\\.\\s*ศ)\\s*\\.?\\s*)?([0-9]{4}|[0-9]{2})?(?![0-9])`,
  'g',
);
const QUARTERS = /ไตรมาส\s*(?:ที่)?\s*([1-4](?:\s*(?:,|และ|-|–|ถึง|\/)\s*(?:ที่\s*)?[1-4](?![0-9]))*)/g;
const WHOLE_YEAR = /ตลอด\s*(?:ทั้ง\s*)?ปี(?:\s*งบประมาณ)?/;
/** "ปีงบประมาณ พ.ศ. ๒๕๗๐" (or "ปีงบประมาณ ๗๐") as a timeline: that fiscal year's last day. */
const FISCAL_YEAR = /ปี\s*งบ(?:ประมาณ)?\s*(?:พ\s*\.\s*ศ\s*\.?\s*)?([0-9]{4}|[0-9]{2})(?![0-9])/g;
/** Quarter → its last month and day inside the fiscal year. */
const QUARTER_END: Record<number, [number, number]> = { 1: [12, 31], 2: [3, 31], 3: [6, 30], 4: [9, 30] };

/**
 * The due date a timeline cell states, for fiscal year `fiscalYearBE` (used where the cell names
 * no year). Never throws.
 */
export function dueDateFromTimeline(text: string, fiscalYearBE: number | null): DueDate {
  const a = collapseSpaces(toArabicDigits(text));
  if (a === '') return { date: null, reason: 'unreadable' };
  const dates: string[] = [];
  let needsYear = false;

  if (WHOLE_YEAR.test(a)) {
    if (fiscalYearBE) dates.push(iso(fiscalYearBE - 543, 9, 30));
    else needsYear = true;
  }
  for (const m of a.matchAll(FISCAL_YEAR)) {
    const ce = ceYear(m[1]!);
    if (ce !== null) dates.push(iso(ce, 9, 30));
  }
  for (const m of a.matchAll(QUARTERS)) {
    const last = Math.max(...(m[1]!.match(/[1-4]/g) ?? []).map(Number));
    const [month, day] = QUARTER_END[last]!;
    if (fiscalYearBE) dates.push(iso(ceInFiscalYear(fiscalYearBE, month), month, day));
    else needsYear = true;
  }
  const mentions = [...a.matchAll(MONTH_MENTION)]
    .map((m) => ({ day: m[1], month: thaiMonthNumber(m[2]!) ?? 0, year: m[3] ? ceYear(m[3]) : null }))
    .filter((m) => m.month > 0);
  mentions.forEach((m, i) => {
    // "ม.ค. - มี.ค. ๗๐": a month without a year takes the year of the next month that has one.
    const later = mentions.slice(i + 1).find((x) => x.year !== null);
    if (m.year === null && later) m.year = later.year! - (m.month > later.month ? 1 : 0);
  });
  for (const m of mentions) {
    const month = m.month;
    const ce = m.year ?? (fiscalYearBE ? ceInFiscalYear(fiscalYearBE, month) : null);
    if (ce === null) {
      needsYear = true;
      continue;
    }
    const days = lastDay(ce, month);
    const day = m.day ? Number(m.day) : days;
    if (day < 1 || day > days) continue;
    dates.push(iso(ce, month, day));
  }
  if (dates.length === 0) return { date: null, reason: needsYear ? 'no-fiscal-year' : 'unreadable' };
  return { date: dates.sort().at(-1)! };
}

/**
 * Whether a whole line reads as a timeline (used to recognise the timeline cell when a table
 * arrives without tabs): a date is found, and little else than date words is left.
 */
export function isTimelineLine(line: string): boolean {
  const a = collapseSpaces(toArabicDigits(line));
  if (a === '' || a.length > 60) return false;
  if (dueDateFromTimeline(a, 2500).date === null) return false;
  const rest = a
    .replace(MONTH_MENTION, ' ')
    .replace(QUARTERS, ' ')
    .replace(WHOLE_YEAR, ' ')
    .replace(FISCAL_YEAR, ' ')
    .replace(/ภายใน|วันที่|เดือน|ตั้งแต่|ถึง|และ|พ\s*\.\s*ศ\s*\.?|[0-9\s,.\-–/()]/g, '');
  return rest.length <= 3;
}
