// Administration of an office: users and roles, groups, board columns, fiscal years, and the
// verification of the event chain. Administrators only; every route checks through the policy.
import { Hono, type Context } from 'hono';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import { findFiscalYear, fiscalYearIds } from '../db/board';
import { assertWritableYearId, findWritableYear } from '../db/fiscal-year-life';
import { accessOf, roleFitsOrg } from '../domain/policy';
import { orgById } from '../db/tree';
import type { Role } from '../domain/contracts';
import {
  addGroup,
  columnIdsOf,
  columnYearId,
  createMember,
  findMembership,
  groupInOffice,
  listGroups,
  measureNumber,
  readIntegrityInputs,
  recentAuditEntries,
  renameGroup,
  setColumnOrder,
  setMemberRole,
  updateColumn,
} from '../db/admin';
import { verifyBoard } from '../domain/replay';
import { verifyChain } from '../domain/event-chain';
import { invalidGroup, appError, problemError } from '../domain/errors';
import { hashPassword } from '../domain/password';
import { passwordProblem } from '../domain/password-policy';
import { listMembers, officeNames } from '../db/accounts';
import { applyDoneRule, invalidateBoards } from '../live/notify';
import { readDoneRule, setDoneRule } from '../db/done-rule';
import { mainWebsiteOf, setMainWebsite } from '../db/link-health';
import { normaliseMainWebsite } from '../domain/link-health';
import type { AppEnv } from '../env';
import type { IntegrityVerdict } from '../domain/views';
import type { DoneRuleView, MainWebsiteView } from '../domain/contracts';
import { adminOf } from '../middleware/authorize';
import { idParam } from '../domain/schemas/common';
import { columnBody, columnOrderBody, doneRuleBody, mainWebsiteBody, groupBody, groupPatch, newUserBody, roleBody } from '../domain/schemas/office';
import { beYearParam } from '../domain/params';

/** Column changes reshape a board: its room loads it again and open tabs reload (after the change committed). */
const resyncBoard = (c: Context<AppEnv>, orgId: string, fiscalYearId: string) => invalidateBoards(c.env, orgId, [fiscalYearId]);

/** Groups are the office's, shown on every board: each board's room loads again. */
const resyncOffice = async (c: Context<AppEnv>, orgId: string) => invalidateBoards(c.env, orgId, await fiscalYearIds(c.get('db'), orgId));

const groupRequired = () =>
  appError(422, 'group_required');

async function checkGroup(c: Context<AppEnv>, orgId: string, role: Role, groupId: string | null) {
  // Offices have no oversight users; parent bodies only administrators and oversight users (issue 19).
  const org = await orgById(c.get('db'), orgId);
  if (org && !roleFitsOrg(role, org.kind)) throw appError(422, 'role_not_for_org', { role });
  if (role === 'director' && !groupId) throw groupRequired();
  if (groupId && !(await groupInOffice(c.get('db'), orgId, groupId))) {
    throw invalidGroup();
  }
}

export const adminRoutes = new Hono<AppEnv>()
  // The members with their account state: the same list as GET /api/admin/accounts (one query
  // for both), so the Users panel needs only this call.
  .get('/users', async (c) => {
    const actor = adminOf(c);
    return c.json({ users: await listMembers(c.get('db'), actor.orgId) });
  })
  .post('/users', valid('json', newUserBody), async (c) => {
    const actor = adminOf(c);
    const body = c.req.valid('json');
    await checkGroup(c, actor.orgId, body.role, body.groupId);
    const db = c.get('db');
    // The password policy (ASVS V2.1) applies to every password set, an initial one included.
    const problem = passwordProblem(body.password, { email: body.email, officeNames: await officeNames(db, actor.orgId) });
    if (problem) throw problemError(problem);
    const userId = crypto.randomUUID();
    const created = await createMember(
      db,
      actor.orgId,
      { id: userId, email: body.email, displayName: body.displayName, passwordHash: await hashPassword(body.password) },
      { role: body.role, groupId: body.groupId },
      { orgId: actor.orgId, userId: actor.userId, action: 'user.created', detail: { userId, role: body.role, groupId: body.groupId }, ip: clientIp(c) },
    );
    if (!created) throw appError(409, 'email_taken');
    return c.json({ id: userId }, 201);
  })
  .put('/users/:id/role', valid('param', idParam), valid('json', roleBody), async (c) => {
    const actor = adminOf(c);
    const { id: userId } = c.req.valid('param');
    const { role, groupId } = c.req.valid('json');
    await checkGroup(c, actor.orgId, role, groupId);
    if (userId === actor.userId && role !== 'admin') {
      throw appError(422, 'cannot_demote_self');
    }
    const db = c.get('db');
    const before = await findMembership(db, actor.orgId, userId);
    if (!before) throw appError(404, 'not_found.user');
    await setMemberRole(db, actor.orgId, userId, { role, groupId }, {
      orgId: actor.orgId,
      userId: actor.userId,
      action: 'user.role_changed',
      detail: { userId, before: { role: before.role, groupId: before.groupId }, after: { role, groupId } },
      ip: clientIp(c),
    });
    return c.json({ ok: true });
  })
  .get('/groups', async (c) => {
    const actor = adminOf(c);
    return c.json({ groups: await listGroups(c.get('db'), actor.orgId) });
  })
  .post('/groups', valid('json', groupBody), async (c) => {
    const actor = adminOf(c);
    const body = c.req.valid('json');
    const groupId = await addGroup(c.get('db'), actor.orgId, body);
    if (!groupId) throw appError(409, 'group_exists.admin');
    await resyncOffice(c, actor.orgId);
    return c.json({ id: groupId }, 201);
  })
  .patch('/groups/:id', valid('param', idParam), valid('json', groupPatch), async (c) => {
    const actor = adminOf(c);
    const row = await renameGroup(c.get('db'), actor.orgId, c.req.valid('param').id, c.req.valid('json'));
    if (!row) throw appError(404, 'not_found.group');
    await resyncOffice(c, actor.orgId);
    return c.json({ group: row });
  })
  .patch('/columns/:id', valid('param', idParam), valid('json', columnBody), async (c) => {
    const actor = adminOf(c);
    const columnId = c.req.valid('param').id;
    const fiscalYearId = await columnYearId(c.get('db'), actor.orgId, columnId);
    if (fiscalYearId) await assertWritableYearId(c.get('db'), actor, fiscalYearId, accessOf(actor));
    const row = await updateColumn(c.get('db'), actor.orgId, columnId, c.req.valid('json'));
    if (!row) throw appError(404, 'not_found.column');
    await resyncBoard(c, actor.orgId, row.fiscalYearId);
    return c.json({ column: row });
  })
  .put('/columns/order', valid('json', columnOrderBody), async (c) => {
    const actor = adminOf(c);
    const { beYear, columnIds } = c.req.valid('json');
    const db = c.get('db');
    const fy = await findWritableYear(db, actor, beYear, accessOf(actor));
    const known = new Set(await columnIdsOf(db, actor.orgId, fy.id));
    if (columnIds.length !== known.size || new Set(columnIds).size !== known.size || columnIds.some((cid) => !known.has(cid))) {
      throw appError(422, 'invalid_column_order');
    }
    await setColumnOrder(db, columnIds);
    await resyncBoard(c, actor.orgId, fy.id);
    return c.json({ ok: true });
  })
  // The office's main website (link health: evidence elsewhere is flagged).
  .get('/main-website', async (c) => {
    const actor = adminOf(c);
    return c.json({ mainWebsite: await mainWebsiteOf(c.get('db'), actor.orgId) } satisfies MainWebsiteView);
  })
  .put('/main-website', valid('json', mainWebsiteBody), async (c) => {
    const actor = adminOf(c);
    const typed = c.req.valid('json').mainWebsite.trim();
    const domain = typed === '' ? null : normaliseMainWebsite(typed);
    if (typed !== '' && domain === null) throw appError(422, 'invalid_main_website');
    const entry = { orgId: actor.orgId, userId: actor.userId, action: 'office.main_website_changed', detail: { mainWebsite: domain }, ip: clientIp(c) };
    if (!(await setMainWebsite(c.get('db'), actor.orgId, domain, entry))) throw appError(404, 'not_found.office');
    return c.json({ mainWebsite: domain } satisfies MainWebsiteView);
  })
  // "Done" needs evidence (domain/done-rule.ts): the office's switch, on unless turned off.
  .get('/done-rule', async (c) => {
    const actor = adminOf(c);
    const on = await readDoneRule(c.get('db'), actor.orgId);
    if (on === null) throw appError(404, 'not_found.office');
    return c.json({ doneNeedsEvidence: on } satisfies DoneRuleView);
  })
  .put('/done-rule', valid('json', doneRuleBody), async (c) => {
    const actor = adminOf(c);
    const { doneNeedsEvidence } = c.req.valid('json');
    const db = c.get('db');
    const entry = { orgId: actor.orgId, userId: actor.userId, action: 'office.done_rule_changed', detail: { doneNeedsEvidence }, ip: clientIp(c) };
    const on = await setDoneRule(db, actor.orgId, doneNeedsEvidence, entry);
    if (on === null) throw appError(404, 'not_found.office');
    // Answered once every board's room decides by the new rule.
    await applyDoneRule(c.env, actor.orgId, await fiscalYearIds(db, actor.orgId), on);
    return c.json({ doneNeedsEvidence: on } satisfies DoneRuleView);
  })
  .get('/audit', async (c) => {
    const actor = adminOf(c);
    return c.json({ entries: await recentAuditEntries(c.get('db'), actor.orgId, 200) });
  })
  .get('/chain/:beYear', valid('param', beYearParam), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const fy = await findFiscalYear(db, actor.orgId, c.req.valid('param').beYear);
    // The chain says the log is intact; the replay says the board is what the log says. Both
    // read in one batch, so a change committing meanwhile cannot show as a difference.
    const { events, anchors, cardRows, evidenceRows } = await readIntegrityInputs(db, actor.orgId, fy.id);
    const chain = await verifyChain(events, anchors);
    const board = verifyBoard(events, cardRows, evidenceRows);
    if (board.firstCard?.measureId) {
      board.firstCard.measureNumber = await measureNumber(db, actor.orgId, board.firstCard.measureId);
    }
    const verdict: IntegrityVerdict = { ...chain, ok: chain.ok && board.ok, board };
    return c.json(verdict);
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type AdminApi = typeof adminRoutes;
