// Calls of the administration screens (users, groups, columns, import, integrity, audit).
import { request } from './api';
import type { Role } from '../../worker/domain/contracts';
import type { IntegrityVerdict } from '../../worker/routes/admin';
import type { ParsedAnnouncement as ImportPreview } from '../../worker/domain/announcement/types';

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
// What the server sends, typed by the server's own definitions.
export type { ChainProblem, ChainVerdict } from '../../worker/domain/event-chain';
export type { IntegrityVerdict } from '../../worker/routes/admin';
export type { ParsedAnnouncement as ImportPreview } from '../../worker/domain/announcement/types';
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
  chain: (beYear: number) => request<IntegrityVerdict>('GET', `/api/admin/chain/${enc(beYear)}`),
  audit: () => request<{ entries: AuditEntry[] }>('GET', '/api/admin/audit'),
};
