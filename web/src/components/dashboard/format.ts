// Formatting shared by the dashboard, the O43 report, the OIT page and the public page: Buddhist
// Era dates in Bangkok time, percentages, and Thai digits for official documents.
import type { ColumnCategory } from '../../../../worker/domain/contracts';
import { formatDate, formatLongDate as longDate, toThaiDigits } from '../../../../worker/domain/thai-date';
import { lang } from '../../state/ui';
import { tDashboard } from '../../messages/dashboard';

/** "1 ตุลาคม 2566" (official documents spell the month out); Thai digits when asked. */
export function formatLongDate(iso: string, thaiDigits = false): string {
  return longDate(iso, lang.value, { thaiDigits });
}

/** "12 มิ.ย. 2567" for screens. */
export function shortDate(iso: string, thaiDigits = false): string {
  return formatDate(iso, lang.value, { thaiDigits });
}

/** Bangkok date of an instant, YYYY-MM-DD. */
export { bangkokDate as isoDateOf } from '../../../../worker/domain/thai-date';

export function percentText(n: number, thaiDigits = false): string {
  const text = `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n)}%`;
  return lang.value === 'th' && thaiDigits ? toThaiDigits(text) : text;
}

export function digits(n: number | string, thaiDigits = false): string {
  return lang.value === 'th' && thaiDigits ? toThaiDigits(String(n)) : String(n);
}

/** Progress categories, from complete to not started: the order bars and areas are stacked in. */
export const STACK_ORDER: readonly ColumnCategory[] = ['done', 'review', 'doing', 'todo'];

export function categoryLabel(category: ColumnCategory): string {
  switch (category) {
    case 'done':
      return tDashboard('trendChart.done');
    case 'review':
      return tDashboard('format.awaitingReport');
    case 'doing':
      return tDashboard('overview.inProgress');
    default:
      return tDashboard('format.notStarted');
  }
}

export { safeHref } from '../../safe-url';
