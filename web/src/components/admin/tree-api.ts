// Calls of an office's side of the organisation tree (worker/routes/tree.ts: its parent body,
// invitations received, leaving) and of its parent bodies' templates (worker/routes/templates.ts:
// adopting, deciding a revision's differences), through clients of their own so only the
// Administration tab that uses them carries them.
import { call, enc, type Data } from '../../api';
import { typed } from '../../typed-client';
import type { TreeApi } from '../../../../worker/routes/tree';
import type { TemplatesApi } from '../../../../worker/routes/templates';
import type { Placement } from '../../../../worker/domain/template';

const tree = typed<TreeApi>('/api');
const templates = typed<TemplatesApi>('/api');
const one = (id: string) => ({ param: { id: enc(id) } });

export const officeTreeApi = {
  parent: () => call(() => tree.office.parent.$get()),
  accept: (id: string) => call(() => tree.office.invitations[':id'].accept.$post(one(id))),
  decline: (id: string) => call(() => tree.office.invitations[':id'].decline.$post(one(id))),
  leave: () => call(() => tree.office.parent.leave.$post()),
  templates: () => call(() => templates.office.templates.$get()),
  template: (id: string) => call(() => templates.office.templates[':id'].$get(one(id))),
  adopt: (id: string, groupMap: Record<string, Placement>) => call(() => templates.office.templates[':id'].adopt.$post({ ...one(id), json: { groupMap } })),
  decide: (id: string, decisions: { itemId: string; decision: 'accepted' | 'declined' }[]) =>
    call(() => templates.office.templates[':id'].changes.$post({ ...one(id), json: { decisions } })),
};

export type OfficeParent = Data<typeof officeTreeApi.parent>;
export type ReceivedInvitation = OfficeParent['invitations'][number];
export type OfficeTemplateRow = Data<typeof officeTreeApi.templates>['templates'][number];
export type OfficeTemplate = Data<typeof officeTreeApi.template>;
export type TemplateChangeView = OfficeTemplate['changes'][number];
