// Buddhist Era dates (the drawer's due date, the OIT deadline, the O43 period): entering a date as day / Thai month / BE year (a native
// date input shows the Gregorian calendar), and showing moments (events, comments) in Bangkok time.
import { BANGKOK } from '../../dates';
import type { Lang } from '../../state/ui';

export const BE_OFFSET = 543;

export interface BeParts {
  day: number;
  month: number;
  beYear: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isoToBe(iso: string | null): BeParts | null {
  const m = iso ? ISO.exec(iso) : null;
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

const monthFormatters = new Map<Lang, Intl.DateTimeFormat>();
/** Month names in the interface language ("มกราคม" … / "January" …), 1-based. */
export function monthName(month: number, lang: Lang): string {
  let f = monthFormatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'th' ? 'th-TH' : 'en-GB', { month: 'long', timeZone: 'UTC' });
    monthFormatters.set(lang, f);
  }
  return f.format(new Date(Date.UTC(2024, month - 1, 15)));
}

const momentFormatters = new Map<Lang, Intl.DateTimeFormat>();
/** "12 มิ.ย. 2567 14:05" — a moment in Bangkok time, Buddhist Era. */
export function formatMoment(epochMs: number, lang: Lang): string {
  let f = momentFormatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist', {
      timeZone: BANGKOK,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    momentFormatters.set(lang, f);
  }
  return f.format(new Date(epochMs));
}
