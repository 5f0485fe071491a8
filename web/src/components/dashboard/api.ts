// Calls of the dashboard and the O43 report.
import { request } from '../../api';
import type { DashboardView, O43ReportView } from '../../../../worker/domain/views';

const enc = encodeURIComponent;

export const dashboardApi = {
  dashboard: (beYear: number) => request<DashboardView>('GET', `/api/dashboard/${enc(beYear)}`),
  o43: (beYear: number, from: string, to: string) =>
    request<O43ReportView>('GET', `/api/dashboard/${enc(beYear)}/o43?from=${enc(from)}&to=${enc(to)}`),
};
