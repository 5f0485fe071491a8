// Calls of the administration screens (users, groups, columns, import, integrity, audit).
import { call, clients, enc, type Data } from './api';
import type { Role } from '../../worker/domain/contracts';
import type { GroupChoice } from '../../worker/domain/announcement/plan';
import type { ColumnPatch, ImportCommitRequest, NewUserRequest } from '../../worker/domain/schemas/office';

// What the server sends, typed by the server's own definitions.
export type { ChainProblem, ChainVerdict } from '../../worker/domain/event-chain';
export type { IntegrityVerdict } from '../../worker/domain/views';
export type { GroupChoice, ImportPlan } from '../../worker/domain/announcement/plan';
export type ImportCommit = ImportCommitRequest;

const { admin, import: importer, measures, line } = clients;
const named = (id: string) => ({ param: { id: enc(id) } });

export const adminApi = {
  users: () => call(() => admin.users.$get()),
  createUser: (body: NewUserRequest) => call(() => admin.users.$post({ json: body })),
  setRole: (userId: string, role: Role, groupId: string | null) => call(() => admin.users[':id'].role.$put({ ...named(userId), json: { role, groupId } })),
  groups: () => call(() => admin.groups.$get()),
  createGroup: (nameTh: string, nameEn: string) => call(() => admin.groups.$post({ json: { nameTh, nameEn } })),
  renameGroup: (id: string, nameTh: string, nameEn: string) => call(() => admin.groups[':id'].$patch({ ...named(id), json: { nameTh, nameEn } })),
  patchColumn: (id: string, patch: ColumnPatch) => call(() => admin.columns[':id'].$patch({ ...named(id), json: patch })),
  orderColumns: (beYear: number, columnIds: string[]) => call(() => admin.columns.order.$put({ json: { beYear, columnIds } })),
  previewImport: (text: string, beYear: number | null, choices: Record<string, GroupChoice>) =>
    call(() => importer.preview.$post({ json: { text, beYear, choices } })),
  commitImport: (body: ImportCommit) => call(() => importer.commit.$post({ json: body })),
  setMeasureLead: (measureId: string, leadGroupId: string) => call(() => measures[':id'].$patch({ ...named(measureId), json: { leadGroupId } })),
  mainWebsite: () => call(() => admin['main-website'].$get()),
  setMainWebsite: (mainWebsite: string) => call(() => admin['main-website'].$put({ json: { mainWebsite } })),
  doneRule: () => call(() => admin['done-rule'].$get()),
  setDoneRule: (doneNeedsEvidence: boolean) => call(() => admin['done-rule'].$put({ json: { doneNeedsEvidence } })),
  chain: (beYear: number) => call(() => admin.chain[':beYear'].$get({ param: { beYear: enc(beYear) } })),
  audit: () => call(() => admin.audit.$get()),
  lineSettings: () => call(() => line.settings.$get()),
  saveLineSettings: (channelSecret: string, channelAccessToken: string) => call(() => line.settings.$put({ json: { channelSecret, channelAccessToken } })),
  lineLinkCode: (audience: 'executives' | 'staff' | 'group', groupId?: string) => call(() => line['link-codes'].$post({ json: groupId ? { audience, groupId } : { audience } })),
  unlinkLineGroup: (id: string) => call(() => line.groups[':id'].$delete(named(id))),
};

/** A member of the office with their account state (GET /api/admin/users and /api/admin/accounts send the same rows). */
export type AdminUser = Data<typeof adminApi.users>['users'][number];
export type AdminGroup = Data<typeof adminApi.groups>['groups'][number];
/** The import preview: the parsed announcement, what will be created (plan) and its token. */
export type ImportPreview = Data<typeof adminApi.previewImport>;
export type AuditEntry = Data<typeof adminApi.audit>['entries'][number];
export type LineSettingsView = Data<typeof adminApi.lineSettings>;
