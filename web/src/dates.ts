// Dates shown to people: Buddhist Era, Asia/Bangkok. The API sends calendar dates as
// 'YYYY-MM-DD' (Gregorian, no time); they are formatted, never shifted across time zones.
//
// Thai: "12 มิ.ย. 2567". English keeps the Buddhist Era too ("12 Jun 2567 BE"), so dates
// agree with the fiscal-year labels (ปีงบประมาณ พ.ศ. 2567) on the same screen.
import type { Lang } from './state/ui';
import { isOverdueOn } from '../../worker/domain/due';

export const BANGKOK = 'Asia/Bangkok';

const shortDate: Intl.DateTimeFormatOptions = {
  timeZone: BANGKOK,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
};

const formatters = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', shortDate),
  en: new Intl.DateTimeFormat('en-GB-u-ca-buddhist', shortDate),
  thDigits: new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-thai', shortDate),
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse 'YYYY-MM-DD' to a Date at noon Bangkok time (05:00 UTC) of that day, or null. */
export function parseIsoDate(iso: string): Date | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day, 5));
  return date.getUTCDate() === day ? date : null;
}

/**
 * Format a 'YYYY-MM-DD' date for display. `thaiDigits` gives ๑๒ มิ.ย. ๒๕๖๗ as in official
 * documents; screens use Arabic digits by default.
 */
export function formatDate(iso: string, lang: Lang, options: { thaiDigits?: boolean } = {}): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  if (lang === 'th' && options.thaiDigits) return formatters.thDigits.format(date);
  return formatters[lang].format(date);
}

/** Today's calendar date in Bangkok as 'YYYY-MM-DD'. */
export function todayInBangkok(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: BANGKOK,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whether a due date has passed: the one rule of the server's reports (the due day itself is not overdue). */
export function isOverdue(dueOn: string | null, today: string = todayInBangkok()): boolean {
  return isOverdueOn(dueOn, today);
}

/** Arabic digits to Thai digits (๐–๙), for text that follows official-document style. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}
