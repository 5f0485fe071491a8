// Calls of the administration screens (users, groups, columns, import, integrity, audit).
import { request } from './api';
import type { Member } from './accounts-api';
import type { Role } from '../../worker/domain/contracts';
import type { IntegrityVerdict } from '../../worker/domain/views';
import type { KnownGroup, ParsedAnnouncement } from '../../worker/domain/announcement/types';
import type { GroupChoice, ImportPlan } from '../../worker/domain/announcement/plan';

/** A member of the office with their account state (GET /api/admin/users and /api/admin/accounts send the same rows). */
export type AdminUser = Member;
export interface AdminGroup {
  id: string;
  nameTh: string;
  nameEn: string;
  position: number;
}
// What the server sends, typed by the server's own definitions.
export type { ChainProblem, ChainVerdict } from '../../worker/domain/event-chain';
export type { IntegrityVerdict } from '../../worker/domain/views';
/** The import preview: the parsed announcement, what will be created (plan) and its token. */
export type ImportPreview = ParsedAnnouncement & { plan: ImportPlan; token: string; groups: KnownGroup[]; yearHasBoard: boolean };
export type { GroupChoice, ImportPlan } from '../../worker/domain/announcement/plan';
export interface ImportCommit {
  text: string;
  beYear: number;
  choices: Record<string, GroupChoice>;
  token: string;
  confirmYear: boolean;
  confirmOffice: boolean;
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
  previewImport: (text: string, beYear: number | null, choices: Record<string, GroupChoice>) =>
    request<ImportPreview>('POST', '/api/import/preview', { text, beYear, choices }),
  commitImport: (body: ImportCommit) =>
    request<{ fiscalYearId: string; cards: number; groupsCreated: { id: string; nameTh: string }[] }>('POST', '/api/import/commit', body),
  setMeasureLead: (measureId: string, leadGroupId: string) =>
    request<{ measure: { id: string; leadGroupId: string }; cards: number }>('PATCH', `/api/measures/${enc(measureId)}`, { leadGroupId }),
  chain: (beYear: number) => request<IntegrityVerdict>('GET', `/api/admin/chain/${enc(beYear)}`),
  audit: () => request<{ entries: AuditEntry[] }>('GET', '/api/admin/audit'),
};
