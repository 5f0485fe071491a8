// Dates and digits as Thai offices write them, for the Worker (reports, emails, CSV) and the web
// app alike: Buddhist Era years, Bangkok time, and Thai digits (๐–๙) where official documents use
// them. English keeps the Buddhist Era too ("12 Jun 2567 BE"), so dates agree with the fiscal-year
// labels (ปีงบประมาณ พ.ศ. 2567) on the same screen. Calendar dates travel as 'YYYY-MM-DD'
// (Gregorian, no time): they are formatted, never shifted across time zones; moments (epoch ms)
// are shown in Bangkok time. Pure: imports only the fiscal-year arithmetic of domain/.
import { BE_OFFSET, bangkokDate } from './fiscal-year';

export { BE_OFFSET, bangkokDate };

export const BANGKOK = 'Asia/Bangkok';

/** The languages dates are written in (the interface's). */
export type DateLang = 'th' | 'en';

const LOCALE = { th: 'th-TH-u-ca-buddhist', en: 'en-GB-u-ca-buddhist' } as const;

/** Arabic digits to Thai digits (๐–๙), for text that follows official-document style. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse 'YYYY-MM-DD' to a Date at noon Bangkok time (05:00 UTC) of that day, or null. */
export function parseIsoDate(iso: string): Date | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day, 5));
  return date.getUTCDate() === day ? date : null;
}

/** One formatter per language for the given options (Intl formatters are costly to build). */
function perLang(options: Intl.DateTimeFormatOptions): Record<DateLang, Intl.DateTimeFormat> {
  return { th: new Intl.DateTimeFormat(LOCALE.th, options), en: new Intl.DateTimeFormat(LOCALE.en, options) };
}

const shortDate = perLang({ timeZone: BANGKOK, day: 'numeric', month: 'short', year: 'numeric' });
const longDate = perLang({ timeZone: BANGKOK, day: 'numeric', month: 'long', year: 'numeric' });
const monthYear = perLang({ timeZone: BANGKOK, month: 'long', year: 'numeric' });
const moment = perLang({ timeZone: BANGKOK, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Thai digits apply to Thai text only. */
const digitsFor = (text: string, lang: DateLang, thaiDigits: boolean | undefined) => (lang === 'th' && thaiDigits ? toThaiDigits(text) : text);

/**
 * "12 มิ.ย. 2567" / "12 Jun 2567 BE" for a 'YYYY-MM-DD' date (itself when it is none).
 * `thaiDigits` gives ๑๒ มิ.ย. ๒๕๖๗ as in official documents; screens use Arabic digits by default.
 */
export function formatDate(iso: string, lang: DateLang, options: { thaiDigits?: boolean } = {}): string {
  const date = parseIsoDate(iso);
  return date ? digitsFor(shortDate[lang].format(date), lang, options.thaiDigits) : iso;
}

/** "1 ตุลาคม 2566" (official documents spell the month out) / "1 October 2566 BE". */
export function formatLongDate(iso: string, lang: DateLang, options: { thaiDigits?: boolean } = {}): string {
  const date = parseIsoDate(iso);
  return date ? digitsFor(longDate[lang].format(date), lang, options.thaiDigits) : iso;
}

/** "มิถุนายน 2567" / "June 2567 BE": the month of a 'YYYY-MM-DD' date (Arabic digits). */
export function formatMonthYear(iso: string, lang: DateLang): string {
  const date = parseIsoDate(iso);
  return date ? monthYear[lang].format(date) : iso;
}

/** "12 มิ.ย. 2567 14:05" / "12 Jun 2567 BE, 14:05": a moment in Bangkok time (Arabic digits). */
export function formatMoment(epochMs: number, lang: DateLang): string {
  return moment[lang].format(new Date(epochMs));
}

/** Today's calendar date in Bangkok as 'YYYY-MM-DD'. */
export function todayInBangkok(now: Date = new Date()): string {
  return bangkokDate(now.getTime());
}

const monthNames: Record<DateLang, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH', { month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }),
};
/** Month names ("มกราคม" … / "January" …), 1-based. */
export function monthName(month: number, lang: DateLang): string {
  return monthNames[lang].format(new Date(Date.UTC(2024, month - 1, 15)));
}

/** A date entered as day / month / Buddhist Era year (a native date input shows the Gregorian calendar). */
export interface BeParts {
  day: number;
  month: number;
  beYear: number;
}

export function isoToBe(iso: string | null): BeParts | null {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m) return null;
  return { day: Number(m[3]), month: Number(m[2]), beYear: Number(m[1]) + BE_OFFSET };
}

export function daysInMonth(month: number, gregorianYear: number): number {
  return new Date(Date.UTC(gregorianYear, month, 0)).getUTCDate();
}

export type BeDateProblem = 'incomplete' | 'no-such-day';

/** ISO 'YYYY-MM-DD' for the parts, or why there is none. All parts empty means "no date". */
export function beToIso(parts: { day: number | null; month: number | null; beYear: number | null }):
  | { ok: true; iso: string | null }
  | { ok: false; problem: BeDateProblem } {
  const { day, month, beYear } = parts;
  if (day === null && month === null && beYear === null) return { ok: true, iso: null };
  if (day === null || month === null || beYear === null) return { ok: false, problem: 'incomplete' };
  const year = beYear - BE_OFFSET;
  if (day < 1 || month < 1 || month > 12 || day > daysInMonth(month, year)) return { ok: false, problem: 'no-such-day' };
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
