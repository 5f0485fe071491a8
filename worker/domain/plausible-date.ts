// Dates people enter are checked for being plausible, not only well-formed: a Buddhist Era year
// typed into a Christian Era field (2568 → 3111) or the reverse is a real date, but no office
// means it. Each kind of date has its range; a date outside it is refused with a clear error
// naming the range in Buddhist Era. Pure: no clock, no time zone.
import { AppError, appError } from './errors';

const BE_OFFSET = 543;
const TH_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface DateRange {
  /** First and last allowed day, YYYY-MM-DD (inclusive). */
  from: string;
  to: string;
}

/** Any date an office means: 1 Jan 2543 – 31 Dec 2643 BE (2000–2100). 3111 (2568 typed as CE + 543) is not. */
export const PLAUSIBLE_DATES: DateRange = { from: '2000-01-01', to: '2100-12-31' };

/** "1 ต.ค. 2566" / "1 Oct 2566 BE" for a YYYY-MM-DD date. */
export function beDateText(iso: string, lang: 'th' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'th' ? `${d} ${TH_MONTHS[m - 1]} ${y + BE_OFFSET}` : `${d} ${EN_MONTHS[m - 1]} ${y + BE_OFFSET} BE`;
}

/** Whether `iso` lies in the range (both ends included). */
export function inRange(iso: string, range: DateRange): boolean {
  return iso >= range.from && iso <= range.to;
}

/** The range a fiscal year's own dates fall in (its OIT deadline, a report period). */
export function fiscalYearRange(fy: { startsOn: string; endsOn: string }): DateRange {
  return { from: fy.startsOn, to: fy.endsOn };
}

/**
 * Null when the date is in range; otherwise the error to answer with (422 implausible_date),
 * naming what was asked for and the range, both in Thai and English.
 */
export function implausibleDate(iso: string, range: DateRange, what: { th: string; en: string }): AppError | null {
  if (inRange(iso, range)) return null;
  return appError(422, 'implausible_date', (lang) => ({ what: what[lang], from: beDateText(range.from, lang), to: beDateText(range.to, lang), got: beDateText(iso, lang) }), { details: { field: what.en, from: range.from, to: range.to, got: iso } });
}
