// Calls of the administration screens (users, groups, columns, import, integrity, audit).
import { request } from './api';
import type { Role } from '../../worker/domain/contracts';

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  groupId: string | null;
}
export interface AdminGroup {
  id: string;
  nameTh: string;
  nameEn: string;
  position: number;
}
export interface ImportWarning {
  code: string;
  severity: 'info' | 'warning' | 'error';
  messageTh: string;
  messageEn: string;
  location: string;
  from?: string;
  to?: string;
}
export interface ImportPreview {
  title: string;
  organisationName: string | null;
  fiscalYearBE: number | null;
  measures: { number: number; title: string; steps: { number: number; text: string }[]; responsibleText: string; leadGroupName: string | null; allGroups: boolean; monitoring: string[] }[];
  sections: { number: string; title: string; items: { number: string; text: string }[] }[];
  monitoringRhythm: { executivesPerMonth: number | null; staffPerMonth: number | null };
  warnings: ImportWarning[];
}
export type ChainProblem =
  | { kind: 'altered'; seq: number; eventId: string }
  | { kind: 'missing'; afterSeq: number; expectedSeq: number; foundSeq: number }
  | { kind: 'link-broken'; seq: number; eventId: string }
  | { kind: 'anchor-mismatch'; seq: number; anchor: string };
export interface ChainVerdict {
  ok: boolean;
  eventsChecked: number;
  problems: ChainProblem[];
}
export interface AuditEntry {
  id: number;
  action: string;
  detail: Record<string, unknown>;
  at: number;
  email: string | null;
}

const enc = encodeURIComponent;

export const adminApi = {
  users: () => request<{ users: AdminUser[] }>('GET', '/api/admin/users'),
  createUser: (body: { email: string; displayName: string; password: string; role: Role; groupId: string | null }) =>
    request<{ id: string }>('POST', '/api/admin/users', body),
  setRole: (userId: string, role: Role, groupId: string | null) =>
    request<{ ok: true }>('PUT', `/api/admin/users/${enc(userId)}/role`, { role, groupId }),
  groups: () => request<{ groups: AdminGroup[] }>('GET', '/api/admin/groups'),
  createGroup: (nameTh: string, nameEn: string) => request<{ id: string }>('POST', '/api/admin/groups', { nameTh, nameEn }),
  renameGroup: (id: string, nameTh: string, nameEn: string) => request<unknown>('PATCH', `/api/admin/groups/${enc(id)}`, { nameTh, nameEn }),
  patchColumn: (id: string, patch: { labelTh?: string; labelEn?: string; wipLimit?: number | null }) =>
    request<unknown>('PATCH', `/api/admin/columns/${enc(id)}`, patch),
  orderColumns: (beYear: number, columnIds: string[]) => request<unknown>('PUT', '/api/admin/columns/order', { beYear, columnIds }),
  previewImport: (text: string) => request<ImportPreview>('POST', '/api/import/preview', { text }),
  commitImport: (text: string, beYear: number) => request<{ fiscalYearId: string; cards: number }>('POST', '/api/import/commit', { text, beYear }),
  chain: (beYear: number) => request<ChainVerdict>('GET', `/api/admin/chain/${enc(beYear)}`),
  audit: () => request<{ entries: AuditEntry[] }>('GET', '/api/admin/audit'),
};
