// Calls of the reports page.
import { request } from '../../api';
import type {
  MeetingReportKind,
  OutboxMessageView,
  RecipientView,
  ReportArchive,
  ReportContent,
  ReportKindName,
  ReportSettingsView,
  ReportView,
  SendReportResult,
} from '../../../../worker/domain/report-types';

const enc = encodeURIComponent;

export interface CompileRequest {
  beYear: number;
  kind: MeetingReportKind;
  /** Absent: the latest period of the year that has ended. */
  periodKey?: string;
}

export const reportsApi = {
  archive: (beYear: number) => request<ReportArchive>('GET', `/api/reports?beYear=${enc(beYear)}`),
  report: (id: string) => request<{ report: ReportView }>('GET', `/api/reports/${enc(id)}`),
  csvUrl: (id: string) => `/api/reports/${enc(id)}/csv`,
  preview: (body: CompileRequest) => request<{ preview: ReportContent }>('POST', '/api/reports/preview', body),
  send: (body: CompileRequest) => request<SendReportResult>('POST', '/api/reports/send', body),
  settings: () => request<ReportSettingsView>('GET', '/api/reports/settings'),
  setKinds: (reportKinds: Partial<Record<ReportKindName, boolean>>) =>
    request<{ reportKinds: Record<ReportKindName, boolean> }>('PUT', '/api/reports/settings', { reportKinds }),
  addRecipient: (kind: ReportKindName, email: string, name: string) =>
    request<{ recipient: RecipientView }>('POST', '/api/reports/recipients', { kind, email, name }),
  removeRecipient: (id: string) => request<{ ok: true }>('DELETE', `/api/reports/recipients/${enc(id)}`),
  outbox: () => request<{ messages: OutboxMessageView[] }>('GET', '/api/reports/outbox'),
  retry: (id: string) => request<{ ok: true }>('POST', `/api/reports/outbox/${enc(id)}/retry`),
};
