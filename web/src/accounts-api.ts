// Calls of the account screens: an office's members and their life cycle (administrators), and
// the signed-in person's own password and sessions.
import { call, clients, enc, type Data } from './api';

const { accounts, me } = clients;
const member = (id: string) => ({ param: { id: enc(id) } });

export const accountsApi = {
  members: () => call(() => accounts.index.$get()),
  disable: (id: string) => call(() => accounts[':id'].disable.$post(member(id))),
  enable: (id: string) => call(() => accounts[':id'].enable.$post(member(id))),
  remove: (id: string) => call(() => accounts[':id'].remove.$post(member(id))),
  temporaryPassword: (id: string, temporaryPassword: string) =>
    call(() => accounts[':id']['temporary-password'].$post({ ...member(id), json: { temporaryPassword } })),
  changePassword: (currentPassword: string, newPassword: string) => call(() => me.me.password.$put({ json: { currentPassword, newPassword } })),
  sessions: () => call(() => me.me.sessions.$get()),
  endSession: (id: string) => call(() => me.me.sessions[':id'].$delete(member(id))),
};

/** A member of the office with their account state, as the server sends it. */
export type Member = Data<typeof accountsApi.members>['members'][number];
export type MemberState = Member['state'];
/** One of the signed-in person's own sessions. */
export type OwnSession = Data<typeof accountsApi.sessions>['sessions'][number];
