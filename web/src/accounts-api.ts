// Calls of the account screens: an office's members and their life cycle (administrators), and
// the signed-in person's own password and sessions.
import { request } from './api';
import type { Me, Role } from '../../worker/domain/contracts';

export type MemberState = 'active' | 'disabled' | 'removed';
export interface Member {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  groupId: string | null;
  state: MemberState;
  temporaryPasswordUntil: number | null;
  otherOffices: number;
}
export interface OwnSession {
  id: string;
  createdAt: number;
  expiresAt: number;
  userAgent: string;
  ip: string | null;
  current: boolean;
}

const enc = encodeURIComponent;

export const accountsApi = {
  members: () => request<{ members: Member[] }>('GET', '/api/admin/accounts'),
  disable: (id: string) => request<{ ok: true }>('POST', `/api/admin/accounts/${enc(id)}/disable`),
  enable: (id: string) => request<{ ok: true }>('POST', `/api/admin/accounts/${enc(id)}/enable`),
  remove: (id: string) => request<{ ok: true }>('POST', `/api/admin/accounts/${enc(id)}/remove`),
  temporaryPassword: (id: string, temporaryPassword: string) =>
    request<{ ok: true; expiresAt: number }>('POST', `/api/admin/accounts/${enc(id)}/temporary-password`, { temporaryPassword }),
  changePassword: (currentPassword: string, newPassword: string) => request<Me>('PUT', '/api/me/password', { currentPassword, newPassword }),
  sessions: () => request<{ sessions: OwnSession[] }>('GET', '/api/me/sessions'),
  endSession: (id: string) => request<null>('DELETE', `/api/me/sessions/${enc(id)}`),
};
