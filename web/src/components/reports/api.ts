// Calls of the reports page.
import { call, clients, enc } from '../../api';
import type { ReportKindName } from '../../../../worker/domain/report-types';
import type { CompileRequest } from '../../../../worker/domain/schemas/reports';

export type { CompileRequest };

const { reports } = clients;
const named = (id: string) => ({ param: { id: enc(id) } });

export const reportsApi = {
  archive: (beYear: number) => call(() => reports.index.$get({ query: { beYear: String(beYear) } })),
  report: (id: string) => call(() => reports[':id'].$get(named(id))),
  csvUrl: (id: string) => `/api/reports/${enc(id)}/csv`,
  preview: (body: CompileRequest) => call(() => reports.preview.$post({ json: body })),
  send: (body: CompileRequest) => call(() => reports.send.$post({ json: body })),
  settings: () => call(() => reports.settings.$get()),
  setKinds: (reportKinds: Partial<Record<ReportKindName, boolean>>) => call(() => reports.settings.$put({ json: { reportKinds } })),
  addRecipient: (kind: ReportKindName, email: string, name: string) => call(() => reports.recipients.$post({ json: { kind, email, name } })),
  removeRecipient: (id: string) => call(() => reports.recipients[':id'].$delete(named(id))),
  outbox: () => call(() => reports.outbox.$get()),
  retry: (id: string) => call(() => reports.outbox[':id'].retry.$post(named(id))),
};
