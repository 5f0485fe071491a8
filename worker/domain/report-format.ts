// How reports read in Thai official style (emails, CSV, the printed page's server-side twin):
// Buddhist Era dates in Bangkok time, and Thai digits (๐–๙) when the office asked for them.
// Calendar dates (YYYY-MM-DD) are formatted as dates, never shifted across time zones.
import type { PeriodView, ReportKindName } from './report-types';
import { formatDate, formatLongDate, formatMoment, formatMonthYear, toThaiDigits } from './thai-date';
import { translator } from './i18n';
import { th } from './messages/report.th';
import en from './messages/report.en';

/** The report's strings (messages/report.*): documents are written in Thai. */
const say = translator({ th, en }, 'th');

export interface Style {
  thaiDigits: boolean;
}

const digits = (text: string, style: Style) => (style.thaiDigits ? toThaiDigits(text) : text);
const dayShort = (iso: string) => formatDate(iso, 'th');
const monthYear = (iso: string) => formatMonthYear(iso, 'th');
const dayOfMonth = (iso: string) => Number(iso.slice(8, 10));

/** A number as the document shows it. */
export function num(n: number, style: Style): string {
  return digits(String(n), style);
}

/** A change: "+3", "−1.5", "0" (a true minus sign, not a hyphen). */
export function signed(n: number, style: Style): string {
  const text = n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
  return digits(text, style);
}

export function percent(n: number, style: Style): string {
  return digits(`${n.toFixed(1)}%`, style);
}

/** "15 มิถุนายน 2567" (long) or "15 มิ.ย. 2567" (short). */
export function thaiDate(iso: string, style: Style, form: 'long' | 'short' = 'long'): string {
  return digits(form === 'long' ? formatLongDate(iso, 'th') : dayShort(iso), style);
}

/** "5 มิ.ย. 2567 14:30 น.", Bangkok time. */
export function thaiMoment(ms: number, style: Style): string {
  return digits(`${formatMoment(ms, 'th')} น.`, style);
}

export function fiscalYearTh(beYear: number, style: Style): string {
  return digits(say('format.fiscalYear', { be: beYear }), style);
}

/**
 * "ครึ่งเดือนแรก 1–15 มิถุนายน 2567", "ครึ่งเดือนหลัง 16–29 กุมภาพันธ์ 2567", "เดือนมิถุนายน 2567",
 * "ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2570 (1 ต.ค. 2569 – 31 ธ.ค. 2569)", "รอบ 6 เดือน …", "รอบ 12 เดือน …",
 * "วันที่ 15 มิถุนายน 2567".
 */
export function periodTh(period: Pick<PeriodView, 'kind' | 'key' | 'firstDay' | 'lastDay'>, style: Style): string {
  // The key tells the cadence (domain/report-period.ts): any audience may have any of them.
  const longer = /^FY(\d{4})-(Q[1-4]|6M|12M)$/.exec(period.key);
  if (longer) {
    const span = `${dayShort(period.firstDay)} – ${dayShort(period.lastDay)}`;
    const name = longer[2] === '6M' ? say('sixMonths') : longer[2] === '12M' ? say('twelveMonths') : say('quarter', { n: longer[2]!.slice(1) });
    return digits(say('format.longerPeriod', { name, be: longer[1]!, span }), style);
  }
  if (/^\d{4}-\d{2}$/.test(period.key)) return digits(say('month', { month: monthYear(period.firstDay) }), style);
  if (period.kind === 'digest') return digits(say('format.day', { date: formatLongDate(period.firstDay, 'th') }), style);
  const half = say(period.key.endsWith('H1') ? 'half1' : 'half2');
  const days = `${dayOfMonth(period.firstDay)}–${dayOfMonth(period.lastDay)}`;
  return digits(say('format.halfMonth', { half, days, month: monthYear(period.firstDay) }), style);
}

export const REPORT_TITLE_TH: Record<ReportKindName, string> = {
  executive: say('title.executive'),
  staff: say('title.staff'),
  digest: say('format.title.digest'),
};

/** Short names for subjects and file names. */
export const REPORT_SHORT_TH: Record<ReportKindName, string> = {
  executive: say('format.short.executive'),
  staff: say('format.short.staff'),
  digest: say('format.short.digest'),
};

export const CATEGORY_TH = { todo: say('category.todo'), doing: say('category.doing'), review: say('category.review'), done: say('category.done') } as const;
