// The account life cycle for an office's administrators: list the members with their state,
// disable and re-enable a member (their sessions and live sockets end at once), remove a member
// (the name stays on the history), set a temporary password (72 hours, to be changed at the first
// sign-in; only for an account in no other office). Every change is one batch with its audit entry.
import { Hono, type Context } from 'hono';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import { adminOf } from '../middleware/authorize';
import { audit, revokeOfficeSessions } from '../db/auth';
import { findMember, listMembers, officeNames, setDisabled, setPassword, setRemoved, type MemberRow } from '../db/accounts';
import { fiscalYearIds } from '../db/board';
import { disconnectSignedOut } from '../live/notify';
import { forbidden, appError, problemError } from '../domain/errors';
import { hashPassword } from '../domain/password';
import { passwordProblem } from '../domain/password-policy';
import { canManageMember, canResetPassword, type Actor } from '../domain/policy';
import type { AppEnv } from '../env';
import { idParam } from '../domain/schemas/common';
import { resetBody } from '../domain/schemas/office';

export const TEMPORARY_PASSWORD_HOURS = 72;

const notYourself = () => appError(422, 'cannot_change_self');
const wrongState = (state: 'disabled' | 'not_disabled' | 'already_removed' | 'removed') => appError(409, `wrong_account_state.${state}`);

/** The member the route names, after the policy agreed the administrator may manage them. */
async function managed(c: Context<AppEnv>, actor: Actor, userId: string): Promise<MemberRow> {
  const member = await findMember(c.get('db'), actor.orgId, userId);
  if (!member) throw appError(404, 'not_found.user');
  if (actor.userId === userId) throw notYourself();
  if (!canManageMember(actor, { orgId: actor.orgId, userId })) throw forbidden();
  return member;
}

/** Ends the member's sessions in this office and closes their live sockets on its boards. */
async function signOutMember(c: Context<AppEnv>, orgId: string, userId: string) {
  disconnectSignedOut(c.env, c.executionCtx, orgId, await fiscalYearIds(c.get('db'), orgId), { userId });
}

export const accountRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = adminOf(c);
    return c.json({ members: await listMembers(c.get('db'), actor.orgId) });
  })
  .post('/:id/disable', valid('param', idParam), async (c) => {
    const actor = adminOf(c);
    const member = await managed(c, actor, c.req.valid('param').id);
    if (member.state !== 'active') throw wrongState('disabled');
    const db = c.get('db');
    const now = Date.now();
    await db.batch([
      setDisabled(db, actor.orgId, member.id, now),
      revokeOfficeSessions(db, member.id, actor.orgId, now),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'user.disabled', detail: { userId: member.id, email: member.email }, ip: clientIp(c) }),
    ]);
    await signOutMember(c, actor.orgId, member.id);
    return c.json({ ok: true, state: 'disabled' });
  })
  .post('/:id/enable', valid('param', idParam), async (c) => {
    const actor = adminOf(c);
    const member = await managed(c, actor, c.req.valid('param').id);
    if (member.state !== 'disabled') throw wrongState('not_disabled');
    const db = c.get('db');
    await db.batch([
      setDisabled(db, actor.orgId, member.id, null),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'user.enabled', detail: { userId: member.id, email: member.email }, ip: clientIp(c) }),
    ]);
    return c.json({ ok: true, state: 'active' });
  })
  .post('/:id/remove', valid('param', idParam), async (c) => {
    const actor = adminOf(c);
    const member = await managed(c, actor, c.req.valid('param').id);
    if (member.state === 'removed') throw wrongState('already_removed');
    const db = c.get('db');
    const now = Date.now();
    await db.batch([
      setRemoved(db, actor.orgId, member.id, now),
      revokeOfficeSessions(db, member.id, actor.orgId, now),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'user.removed', detail: { userId: member.id, email: member.email, displayName: member.displayName }, ip: clientIp(c) }),
    ]);
    await signOutMember(c, actor.orgId, member.id);
    return c.json({ ok: true, state: 'removed' });
  })
  .post('/:id/temporary-password', valid('param', idParam), valid('json', resetBody), async (c) => {
    const actor = adminOf(c);
    const member = await managed(c, actor, c.req.valid('param').id);
    if (member.state === 'removed') throw wrongState('removed');
    if (!canResetPassword(actor, { orgId: actor.orgId, userId: member.id, otherOffices: member.otherOffices }))
      throw appError(403, 'account_in_other_office');
    const db = c.get('db');
    const { temporaryPassword } = c.req.valid('json');
    const problem = passwordProblem(temporaryPassword, { email: member.email, officeNames: await officeNames(db, actor.orgId) });
    if (problem) throw problemError(problem);
    const now = Date.now();
    const expiresAt = now + TEMPORARY_PASSWORD_HOURS * 3600_000;
    await db.batch([
      setPassword(db, member.id, await hashPassword(temporaryPassword), expiresAt),
      revokeOfficeSessions(db, member.id, actor.orgId, now),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'user.temporary_password_set', detail: { userId: member.id, email: member.email, expiresAt }, ip: clientIp(c) }),
    ]);
    await signOutMember(c, actor.orgId, member.id);
    return c.json({ ok: true, expiresAt });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type AccountsApi = typeof accountRoutes;
