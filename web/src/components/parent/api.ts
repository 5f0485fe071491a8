// Calls of the parent body's pages (issue 19): the tree's routes (worker/routes/tree.ts: opening an
// organisation, the parent's offices, invitations, attributes) and the parent's side of templates
// (worker/routes/templates.ts), through clients typed as Hono's (a wrong path, body or answer
// fails the typecheck). A chunk of its own: only the parent's pages and the read-only banner use it.
import { typed } from '../../typed-client';
import { call, enc, type Data } from '../../api';
import type { TreeApi } from '../../../../worker/routes/tree';
import type { TemplatesApi } from '../../../../worker/routes/templates';

const tree = typed<TreeApi>('/api');
const tpl = typed<TemplatesApi>('/api');
const named = (id: string) => ({ param: { id: enc(id) } });

export const parentApi = {
  /** What the person may open: their own organisations and the descendants they oversee. */
  openable: () => call(() => tree.session.offices.$get()),
  /** Open an organisation: the session (cookie) moves to it. */
  open: (orgId: string) => call(() => tree.session.office.$post({ json: { orgId } })),
  overview: () => call(() => tree.parent.$get()),
  invite: (slug: string) => call(() => tree.parent.invitations.$post({ json: { slug } })),
  revoke: (id: string) => call(() => tree.parent.invitations[':id'].$delete(named(id))),
  setAttributes: (officeId: string, attributes: Record<string, string>) =>
    call(() => tree.parent.offices[':id'].attributes.$put({ ...named(officeId), json: { attributes } })),
  templates: () => call(() => tpl.parent.templates.$get()),
  importTemplate: (body: { beYear: number; title?: string; text: string }) => call(() => tpl.parent.templates.import.$post({ json: body })),
  publish: (id: string) => call(() => tpl.parent.templates[':id'].publish.$post(named(id))),
};

export type ParentOverview = Data<typeof parentApi.overview>;
export type ParentOffice = ParentOverview['offices'][number];
export type ParentInvitation = ParentOverview['invitations'][number];
export type ParentTemplate = Data<typeof parentApi.templates>['templates'][number];
export type TemplateImport = Data<typeof parentApi.importTemplate>;
