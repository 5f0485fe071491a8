// Reports page model: the archive of the fiscal year on screen, the report opened from it (kept in
// the URL as ?report=<id>, so it can be bookmarked, shared and printed from a link), and the
// administrators' preview, recipients and outbox.
import { signal } from '@preact/signals';
import type { ApiError } from '../../api';
import { pushApiError, pushNotice } from '../../state/notices';
import type {
  MeetingReportKind,
  OutboxMessageView,
  ReportArchive,
  ReportContent,
  ReportSettingsView,
  ReportView,
} from '../../../../worker/domain/report-types';
import { reportsApi } from './api';
import { tReports } from '../../messages/reports';

export const archive = signal<ReportArchive | null>(null);
export const archiveError = signal<ApiError | null>(null);

const idFromLocation = () => new URLSearchParams(location.search).get('report');
export const openId = signal<string | null>(idFromLocation());
export const opened = signal<ReportView | null>(null);
export const openedError = signal<ApiError | null>(null);

export const preview = signal<ReportContent | null>(null);
export const busy = signal<'preview' | 'send' | null>(null);
export const settings = signal<ReportSettingsView | null>(null);
export const outbox = signal<OutboxMessageView[] | null>(null);

let started = false;
/** Back and forward move between the archive and an opened report. */
export function startReports(): void {
  openId.value = idFromLocation(); // the page may be entered from another section's URL
  if (started) return;
  started = true;
  addEventListener('popstate', () => {
    openId.value = idFromLocation();
  });
}

let archiveRequest = 0;
export async function loadArchive(beYear: number): Promise<void> {
  const id = ++archiveRequest;
  const r = await reportsApi.archive(beYear);
  if (id !== archiveRequest) return;
  archive.value = r.ok ? r.data : null;
  archiveError.value = r.ok ? null : r.error;
}

let reportRequest = 0;
export async function loadOpened(reportId: string): Promise<void> {
  const id = ++reportRequest;
  if (opened.value?.id !== reportId) opened.value = null;
  const r = await reportsApi.report(reportId);
  if (id !== reportRequest) return;
  opened.value = r.ok ? r.data.report : null;
  openedError.value = r.ok ? null : r.error;
}

function setQuery(reportId: string | null): void {
  const params = new URLSearchParams(location.search);
  if (reportId) params.set('report', reportId);
  else params.delete('report');
  const query = params.toString();
  history.pushState(null, '', location.pathname + (query ? `?${query}` : ''));
}

export function openReport(reportId: string): void {
  openId.value = reportId;
  setQuery(reportId);
  scrollTo(0, 0);
}

export function closeReport(): void {
  openId.value = null;
  setQuery(null);
}

export async function runPreview(beYear: number, kind: MeetingReportKind, periodKey: string | undefined): Promise<void> {
  busy.value = 'preview';
  const r = await reportsApi.preview({ beYear, kind, periodKey });
  busy.value = null;
  if (r.ok) preview.value = r.data.preview;
  else pushApiError(r.error);
}

/** Keep and queue; on success the archive is reloaded and the kept report opened. */
export async function runSend(beYear: number, kind: MeetingReportKind, periodKey: string | undefined): Promise<void> {
  busy.value = 'send';
  const r = await reportsApi.send({ beYear, kind, periodKey });
  busy.value = null;
  if (!r.ok) {
    pushApiError(r.error);
    return;
  }
  pushNotice('info', tReports.both(r.data.created ? 'sendDone' : 'sendExisting', { n: r.data.queued }));
  preview.value = null;
  await Promise.all([loadArchive(beYear), loadOutbox()]);
  openReport(r.data.report.id);
}

export async function loadSettings(): Promise<void> {
  const r = await reportsApi.settings();
  if (r.ok) settings.value = r.data;
  else pushApiError(r.error);
}

export async function loadOutbox(): Promise<void> {
  const r = await reportsApi.outbox();
  if (r.ok) outbox.value = r.data.messages;
  else pushApiError(r.error);
}

/** Forget everything when the page goes away (another account may sign in next). */
export function resetReports(): void {
  archive.value = null;
  opened.value = null;
  preview.value = null;
  settings.value = null;
  outbox.value = null;
  openedError.value = null;
  archiveError.value = null;
}
