// Dates, periods and figures on the reports page: Buddhist Era in Bangkok time, Thai digits when
// the office keeps its documents in them (and the page is in Thai).
import { formatDate, formatMoment, formatMonthYear, parseIsoDate, toThaiDigits } from '../../../../worker/domain/thai-date';
import { lang } from '../../state/ui';
import type { PeriodView } from '../../../../worker/domain/report-types';
import { tReports } from '../../messages/reports';

export interface Style {
  thaiDigits?: boolean;
}

/** Thai digits apply to Thai text only. */
export function digits(text: string, style: Style = {}): string {
  return style.thaiDigits && lang.value === 'th' ? toThaiDigits(text) : text;
}

export const num = (n: number, style?: Style) => digits(String(n), style);
export const pct = (n: number, style?: Style) => digits(`${n.toFixed(1)}%`, style);
export const signed = (n: number, style?: Style) => digits(n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0', style);
export const day = (iso: string, style?: Style) => formatDate(iso, lang.value, { thaiDigits: style?.thaiDigits });

export function when(ms: number, style?: Style): string {
  const text = formatMoment(ms, lang.value);
  return digits(lang.value === 'th' ? `${text} น.` : text, style);
}

/** "ครึ่งเดือนแรก 1–15 มิถุนายน 2567", "เดือนมิถุนายน 2567", "First half of June 2567 BE (1–15)". */
export function periodLabel(p: Pick<PeriodView, 'kind' | 'key' | 'firstDay' | 'lastDay'>, style?: Style): string {
  const first = parseIsoDate(p.firstDay);
  const last = parseIsoDate(p.lastDay);
  if (!first || !last) return p.key;
  const month = formatMonthYear(p.firstDay, lang.value);
  // The key tells the cadence (worker/domain/report-period.ts): any audience may have any of them.
  const longer = /^FY(\d{4})-(Q[1-4]|6M|12M)$/.exec(p.key);
  if (longer) {
    const span = `${day(p.firstDay)} – ${day(p.lastDay)}`;
    const name = longer[2] === '6M' ? tReports('sixMonths') : longer[2] === '12M' ? tReports('twelveMonths') : tReports('quarter', { n: longer[2]!.slice(1) });
    return digits(`${name} ${tReports('fiscalYearShort', { year: longer[1]! })} (${span})`, style);
  }
  if (/^\d{4}-\d{2}$/.test(p.key)) return digits(tReports('month', { month }), style);
  if (p.kind === 'digest') return day(p.firstDay, style);
  const half = tReports(p.key.endsWith('H1') ? 'half1' : 'half2');
  const range = `${first.getUTCDate()}–${last.getUTCDate()}`;
  return digits(lang.value === 'th' ? `${half} ${range} ${month}` : `${half} ${month} (${range})`, style);
}
