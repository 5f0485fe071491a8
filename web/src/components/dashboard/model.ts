// Dashboard model: the year's figures (one API call), which view is on screen (overview or the
// O43 report, kept in the URL's query so it can be bookmarked) and the large-type option for a
// meeting-room screen (remembered on this device).
import { effect, signal } from '@preact/signals';
import type { ApiError } from '../../api';
import type { DashboardView } from '../../../../worker/domain/views';
import { dashboardApi } from './api';

export type DashboardTab = 'overview' | 'o43';

export const dashboard = signal<DashboardView | null>(null);
export const dashboardError = signal<ApiError | null>(null);
export const dashboardLoading = signal(false);

const LARGE_KEY = 'ita-board.dashboard.large';
function readLarge(): boolean {
  try {
    return localStorage.getItem(LARGE_KEY) === '1';
  } catch {
    return false;
  }
}
export const largeType = signal(readLarge());
effect(() => {
  const on = largeType.value;
  try {
    localStorage.setItem(LARGE_KEY, on ? '1' : '0');
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
});

export function tabFromLocation(): DashboardTab {
  return new URLSearchParams(location.search).get('view') === 'o43' ? 'o43' : 'overview';
}
export const tab = signal<DashboardTab>(tabFromLocation());

export function showTab(next: DashboardTab): void {
  tab.value = next;
  const params = new URLSearchParams(location.search);
  if (next === 'o43') params.set('view', 'o43');
  else params.delete('view');
  const query = params.toString();
  history.replaceState(null, '', location.pathname + (query ? `?${query}` : ''));
}

let requestId = 0;
export async function loadDashboard(beYear: number): Promise<void> {
  const id = ++requestId;
  dashboardLoading.value = true;
  const r = await dashboardApi.dashboard(beYear);
  if (id !== requestId) return;
  dashboardLoading.value = false;
  if (r.ok) {
    dashboard.value = r.data;
    dashboardError.value = null;
  } else {
    dashboardError.value = r.error;
  }
}
