// The organisation tree (issue 19). Opening another organisation (one's own in another office, or
// a descendant office a parent body's user oversees: read-only there); a parent body's offices,
// invitations and attributes; an office's side: its invitations, joining and leaving. Every
// decision is policy.ts's.
import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { valid } from '../middleware/validate';
import { SESSION_COOKIE, actorOf, clientIp, sessionCookieOptions } from '../middleware/session';
import { audit, createSession, membershipFacts, revokeSession, SESSION_TTL_MS } from '../db/auth';
import {
  acceptInvitation,
  ancestorsOf,
  closeInvitation,
  createInvitation,
  descendantsOf,
  heightOf,
  invitationById,
  invitationStatus,
  invitationsOf,
  leaveParent,
  membershipLog,
  openableOrgs,
  openInvitation,
  orgById,
  orgBySlug,
  setAttributes,
  type Invitation,
} from '../db/tree';
import {
  actorIn,
  canAdministerParent,
  canDecideMembershipOfParent,
  canReadParent,
  invitationProblem,
  MAX_TREE_DEPTH,
  overseesDescendants,
  type Actor,
} from '../domain/policy';
import { appError, errorMessages, forbidden } from '../domain/errors';
import { idParam } from '../domain/schemas/common';
import { attributesBody, inviteBody, openOfficeBody } from '../domain/schemas/tree';
import type { AppEnv } from '../env';

const notOpenable = () => appError(404, 'not_found.openable');
const noInvitation = () => appError(404, 'not_found.invitation');

/** The parent body the signed-in person reads (its administrators and oversight users), or 403. */
export async function parentReaderOf(c: Context<AppEnv>): Promise<{ actor: Actor; org: NonNullable<Awaited<ReturnType<typeof orgById>>> }> {
  const actor = actorOf(c);
  const org = await orgById(c.get('db'), actor.orgId);
  if (!org || !canReadParent(actor, org)) throw forbidden();
  return { actor, org };
}

/** The parent body the signed-in person administers, or 403. */
export async function parentAdminOf(c: Context<AppEnv>) {
  const actor = actorOf(c);
  const org = await orgById(c.get('db'), actor.orgId);
  if (!org || !canAdministerParent(actor, org)) throw forbidden();
  return { actor, org };
}

/** The office whose membership of a parent body the signed-in person decides (its own administrator), or 403. */
function officeAdminOf(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!canDecideMembershipOfParent(actor, actor.orgId)) throw forbidden();
  return actor;
}

function closedInvitation(inv: Invitation, now: number) {
  const status = invitationStatus(inv, now) as 'accepted' | 'declined' | 'revoked' | 'expired';
  const said = errorMessages(`invitation_status.${status}`);
  return appError(409, 'invitation_closed', (lang) => ({ status: lang === 'th' ? said.messageTh : said.messageEn }));
}

const invitationView = (row: Awaited<ReturnType<typeof invitationsOf>>[number], now: number) => ({
  id: row.invitation.id,
  org: row.org,
  /** Who of that organisation sent it (their display name), when known. */
  invitedBy: row.inviter,
  createdAt: row.invitation.createdAt,
  expiresAt: row.invitation.expiresAt,
  status: invitationStatus(row.invitation, now),
});

export const treeRoutes = new Hono<AppEnv>()
  // ---- opening an organisation ----------------------------------------------------------------
  .get('/session/offices', async (c) => {
    const actor = actorOf(c);
    const orgs = await openableOrgs(c.get('db'), actor.userId, (role) => overseesDescendants(role as Actor['role']));
    return c.json({ current: actor.orgId, offices: orgs });
  })
  .post('/session/office', valid('json', openOfficeBody), async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const { orgId } = c.req.valid('json');
    const { org, facts } = await membershipFacts(db, actor.userId, orgId);
    const next = org ? actorIn(actor.userId, org.id, facts) : null;
    if (!org || !next) throw notOpenable();
    const now = Date.now();
    const token = await createSession(db, actor.userId, org.id, now, { userAgent: c.req.header('user-agent'), ip: clientIp(c) });
    const sessionId = c.get('sessionId');
    const opened = audit(db, { orgId: org.id, userId: actor.userId, action: 'session.opened_office', detail: { from: actor.orgId, role: next.role, via: next.via ?? null }, ip: clientIp(c) });
    // The session it came from ends: one session per browser.
    await (sessionId ? db.batch([opened, revokeSession(db, sessionId, now)]) : opened);
    setCookie(c, SESSION_COOKIE, token, { ...sessionCookieOptions, maxAge: SESSION_TTL_MS / 1000 });
    return c.json({ org: { id: org.id, slug: org.slug, nameTh: org.nameTh, nameEn: org.nameEn, kind: org.kind }, role: next.role, groupId: next.groupId, via: next.via ?? null });
  })

  // ---- a parent body's side -------------------------------------------------------------------
  .get('/parent', async (c) => {
    const { actor, org } = await parentReaderOf(c);
    const db = c.get('db');
    const now = Date.now();
    const [offices, sent, log] = await Promise.all([descendantsOf(db, org.id), invitationsOf(db, org.id, 'sent'), membershipLog(db, org.id)]);
    return c.json({
      org: { id: org.id, slug: org.slug, nameTh: org.nameTh, nameEn: org.nameEn },
      canAdminister: canAdministerParent(actor, org),
      offices,
      invitations: sent.map((r) => invitationView(r, now)),
      log: log.map((l) => ({ action: l.action, detail: JSON.parse(l.detail) as Record<string, unknown>, at: l.at })),
    });
  })
  .post('/parent/invitations', valid('json', inviteBody), async (c) => {
    const { actor, org } = await parentAdminOf(c);
    const db = c.get('db');
    const { slug } = c.req.valid('json');
    const invited = await orgBySlug(db, slug);
    if (!invited) throw appError(404, 'not_found.office');
    const [ancestors, height] = await Promise.all([ancestorsOf(db, org.id), heightOf(db, invited.id)]);
    const problem = invitationProblem({ id: org.id, ancestors }, { ...invited, height });
    if (problem) throw appError(422, `invite.${problem}`, { name: invited.nameTh, max: MAX_TREE_DEPTH });
    const now = Date.now();
    if (await openInvitation(db, org.id, invited.id, now)) throw appError(409, 'invite.pending', { name: invited.nameTh });
    const inv = await createInvitation(db, { parentOrgId: org.id, officeOrgId: invited.id, invitedBy: actor.userId, now, ip: clientIp(c) });
    return c.json({ invitation: { id: inv.id, org: { id: invited.id, slug: invited.slug, nameTh: invited.nameTh, nameEn: invited.nameEn }, createdAt: inv.createdAt, expiresAt: inv.expiresAt, status: 'pending' as const } }, 201);
  })
  .delete('/parent/invitations/:id', valid('param', idParam), async (c) => {
    const { actor, org } = await parentAdminOf(c);
    const db = c.get('db');
    const inv = await invitationById(db, c.req.valid('param').id);
    if (!inv || inv.parentOrgId !== org.id) throw noInvitation();
    const now = Date.now();
    if (invitationStatus(inv, now) !== 'pending' || !(await closeInvitation(db, inv, 'revoked', actor.userId, now, clientIp(c)))) throw closedInvitation((await invitationById(db, inv.id))!, now);
    return c.body(null, 204);
  })
  .put('/parent/offices/:id/attributes', valid('param', idParam), valid('json', attributesBody), async (c) => {
    const { actor, org } = await parentAdminOf(c);
    const { attributes } = c.req.valid('json');
    const done = await setAttributes(c.get('db'), org.id, c.req.valid('param').id, attributes, actor.userId, clientIp(c));
    if (!done) throw appError(404, 'not_found.office');
    return c.json({ attributes });
  })

  // ---- an office's side -----------------------------------------------------------------------
  .get('/office/parent', async (c) => {
    const actor = officeAdminOf(c);
    const db = c.get('db');
    const now = Date.now();
    const org = await orgById(db, actor.orgId);
    const parent = org?.parentId ? await orgById(db, org.parentId) : null;
    const received = await invitationsOf(db, actor.orgId, 'received');
    return c.json({
      parent: parent ? { id: parent.id, slug: parent.slug, nameTh: parent.nameTh, nameEn: parent.nameEn } : null,
      invitations: received.map((r) => invitationView(r, now)),
    });
  })
  .post('/office/invitations/:id/accept', valid('param', idParam), async (c) => {
    const actor = officeAdminOf(c);
    const db = c.get('db');
    const inv = await invitationById(db, c.req.valid('param').id);
    if (!inv || inv.officeOrgId !== actor.orgId) throw noInvitation();
    const now = Date.now();
    if (invitationStatus(inv, now) !== 'pending') throw closedInvitation(inv, now);
    // The tree may have changed since the invitation: decided again on today's tree.
    const [office, parent] = await Promise.all([orgById(db, actor.orgId), orgById(db, inv.parentOrgId)]);
    if (!office || !parent) throw noInvitation();
    const treeProblem = async () => {
      const [ancestors, height] = await Promise.all([ancestorsOf(db, parent.id), heightOf(db, office.id)]);
      const problem = invitationProblem({ id: parent.id, ancestors }, { ...office, height });
      return problem && appError(422, `invite.${problem}`, { name: office.nameTh, max: MAX_TREE_DEPTH });
    };
    const before = await treeProblem();
    if (before) throw before;
    if (!(await acceptInvitation(db, inv, actor.userId, now, clientIp(c)))) {
      // Refused in the statement: the invitation closed meanwhile, or the tree moved (another
      // acceptance made the parent a descendant): say which.
      const closed = (await invitationById(db, inv.id))!;
      if (invitationStatus(closed, now) !== 'pending') throw closedInvitation(closed, now);
      throw (await treeProblem()) ?? appError(409, 'busy');
    }
    return c.json({ parent: { id: parent.id, slug: parent.slug, nameTh: parent.nameTh, nameEn: parent.nameEn } });
  })
  .post('/office/invitations/:id/decline', valid('param', idParam), async (c) => {
    const actor = officeAdminOf(c);
    const db = c.get('db');
    const inv = await invitationById(db, c.req.valid('param').id);
    if (!inv || inv.officeOrgId !== actor.orgId) throw noInvitation();
    const now = Date.now();
    if (invitationStatus(inv, now) !== 'pending' || !(await closeInvitation(db, inv, 'declined', actor.userId, now, clientIp(c)))) throw closedInvitation((await invitationById(db, inv.id))!, now);
    return c.body(null, 204);
  })
  .post('/office/parent/leave', async (c) => {
    const actor = officeAdminOf(c);
    const db = c.get('db');
    const org = await orgById(db, actor.orgId);
    if (!org?.parentId) throw appError(409, 'no_parent');
    if (!(await leaveParent(db, org.id, org.parentId, actor.userId, Date.now(), clientIp(c)))) throw appError(409, 'no_parent');
    return c.body(null, 204);
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type TreeApi = typeof treeRoutes;
