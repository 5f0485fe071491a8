// The organisation tree (issue 19): parent bodies, their descendants, invitations to join, leaving,
// and the attributes a parent sets on its offices. Joins and leaves are written to audit_log
// ('org.joined', 'org.left') in the same batch as the change. Facts only: routes ask policy.ts.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import { auditLog, memberships, organisations, orgInvitations, users, type OrgKind } from './schema';
import { audit } from './auth';
import { aggregatesParentWrite } from './aggregates';

/** An invitation stays open for 30 days. */
export const INVITATION_TTL_MS = 30 * 24 * 3600_000;

export interface OrgNode {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string;
  kind: OrgKind;
  parentId: string | null;
  attributes: Record<string, string>;
  /** 1: a child, 2: a grandchild… */
  depth: number;
}

const orgFields = {
  id: organisations.id,
  slug: organisations.slug,
  nameTh: organisations.nameTh,
  nameEn: organisations.nameEn,
  kind: organisations.kind,
  parentId: organisations.parentId,
  attributes: organisations.attributes,
};

export async function orgById(db: Db, id: string) {
  const [row] = await db.select(orgFields).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function orgBySlug(db: Db, slug: string) {
  const [row] = await db.select(orgFields).from(organisations).where(eq(organisations.slug, slug.trim().toLowerCase()));
  return row ?? null;
}

/** The organisation's ancestors, nearest first (its parent, its parent's parent…). */
export async function ancestorsOf(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`
    with recursive up(id, depth) as (
      select parent_id, 1 from organisations where id = ${orgId} and parent_id is not null
      union all
      select o.parent_id, up.depth + 1 from organisations o join up on o.id = up.id where o.parent_id is not null and up.depth < 16
    )
    select id from up order by depth`);
  return rows.map((r) => r.id);
}

/** Every descendant of the organisation (children first, then their children…), with its depth. */
export async function descendantsOf(db: Db, orgId: string): Promise<OrgNode[]> {
  const rows = await db.all<{ id: string; slug: string; name_th: string; name_en: string; kind: OrgKind; parent_id: string; attributes: string; depth: number }>(sql`
    with recursive down(id, depth) as (
      select id, 1 from organisations where parent_id = ${orgId}
      union all
      select o.id, down.depth + 1 from organisations o join down on o.parent_id = down.id where down.depth < 16
    )
    select o.id, o.slug, o.name_th, o.name_en, o.kind, o.parent_id, o.attributes, down.depth
    from down join organisations o on o.id = down.id order by down.depth, o.name_th`);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    nameTh: r.name_th,
    nameEn: r.name_en,
    kind: r.kind,
    parentId: r.parent_id,
    attributes: JSON.parse(r.attributes) as Record<string, string>,
    depth: Number(r.depth),
  }));
}

/** Levels below the organisation (0: it has no children). */
export async function heightOf(db: Db, orgId: string): Promise<number> {
  const below = await descendantsOf(db, orgId);
  return below.reduce((h, n) => Math.max(h, n.depth), 0);
}

/**
 * The organisations the user can open: those they are an active member of, and every descendant
 * of those where their role oversees (policy.overseesDescendants decides which: `oversees`).
 */
export async function openableOrgs(db: Db, userId: string, oversees: (role: string) => boolean) {
  const mine = await db
    .select({ ...orgFields, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.disabledAt), isNull(memberships.removedAt)));
  const out = new Map<string, { id: string; slug: string; nameTh: string; nameEn: string; kind: OrgKind; role: string; via: string | null; depth: number }>();
  for (const m of mine) out.set(m.id, { id: m.id, slug: m.slug, nameTh: m.nameTh, nameEn: m.nameEn, kind: m.kind, role: m.role, via: null, depth: 0 });
  for (const m of mine.filter((m) => oversees(m.role))) {
    for (const d of await descendantsOf(db, m.id)) {
      if (!out.has(d.id)) out.set(d.id, { id: d.id, slug: d.slug, nameTh: d.nameTh, nameEn: d.nameEn, kind: d.kind, role: 'oversight', via: m.id, depth: d.depth });
    }
  }
  return [...out.values()];
}

// ---- invitations ---------------------------------------------------------------------------------

export type Invitation = typeof orgInvitations.$inferSelect;

export function invitationStatus(inv: Invitation, now: number): 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired' {
  if (inv.acceptedAt !== null) return 'accepted';
  if (inv.declinedAt !== null) return 'declined';
  if (inv.revokedAt !== null) return 'revoked';
  return inv.expiresAt <= now ? 'expired' : 'pending';
}

export async function invitationById(db: Db, id: string): Promise<Invitation | null> {
  const [row] = await db.select().from(orgInvitations).where(eq(orgInvitations.id, id));
  return row ?? null;
}

/** An open invitation of the parent to the organisation, if any (one at a time). */
export async function openInvitation(db: Db, parentOrgId: string, officeOrgId: string, now: number): Promise<Invitation | null> {
  const rows = await db
    .select()
    .from(orgInvitations)
    .where(and(eq(orgInvitations.parentOrgId, parentOrgId), eq(orgInvitations.officeOrgId, officeOrgId)))
    .orderBy(desc(orgInvitations.createdAt));
  return rows.find((r) => invitationStatus(r, now) === 'pending') ?? null;
}

export async function createInvitation(db: Db, input: { parentOrgId: string; officeOrgId: string; invitedBy: string; now: number; ip: string | null }): Promise<Invitation> {
  const row: Invitation = {
    id: crypto.randomUUID(),
    parentOrgId: input.parentOrgId,
    officeOrgId: input.officeOrgId,
    invitedBy: input.invitedBy,
    createdAt: input.now,
    expiresAt: input.now + INVITATION_TTL_MS,
    acceptedAt: null,
    declinedAt: null,
    revokedAt: null,
    decidedBy: null,
  };
  await db.batch([
    db.insert(orgInvitations).values(row),
    audit(db, { orgId: input.parentOrgId, userId: input.invitedBy, action: 'org.invited', detail: { officeOrgId: input.officeOrgId, invitationId: row.id }, ip: input.ip }),
  ]);
  return row;
}

/** Invitations sent by the parent or received by the organisation, newest first, with the other side's names. */
export async function invitationsOf(db: Db, orgId: string, side: 'sent' | 'received') {
  const other = side === 'sent' ? orgInvitations.officeOrgId : orgInvitations.parentOrgId;
  const mine = side === 'sent' ? orgInvitations.parentOrgId : orgInvitations.officeOrgId;
  return db
    .select({ invitation: orgInvitations, org: { id: organisations.id, slug: organisations.slug, nameTh: organisations.nameTh, nameEn: organisations.nameEn }, inviter: users.displayName })
    .from(orgInvitations)
    .innerJoin(organisations, eq(organisations.id, other))
    .leftJoin(users, eq(users.id, orgInvitations.invitedBy))
    .where(eq(mine, orgId))
    .orderBy(desc(orgInvitations.createdAt))
    .limit(200);
}

/**
 * Accept: the organisation joins the parent, only while it has no parent, the invitation is still
 * pending and the parent is not below it (all re-checked in the statements: two bodies accepting
 * each other's invitations at once make no cycle). Returns whether it joined.
 */
export async function acceptInvitation(db: Db, inv: Invitation, userId: string, now: number, ip: string | null): Promise<boolean> {
  const [joined] = await db.batch([
    db
      .update(organisations)
      .set({ parentId: inv.parentOrgId })
      .where(
        and(
          eq(organisations.id, inv.officeOrgId),
          isNull(organisations.parentId),
          sql`exists (select 1 from ${orgInvitations} where ${orgInvitations.id} = ${inv.id} and ${orgInvitations.acceptedAt} is null and ${orgInvitations.declinedAt} is null and ${orgInvitations.revokedAt} is null and ${orgInvitations.expiresAt} > ${now})`,
          // The parent and its ancestors as they are now: the joining organisation is none of them.
          sql`not exists (with recursive up(id, depth) as (select ${inv.parentOrgId}, 0 union all select o.parent_id, up.depth + 1 from organisations o join up on o.id = up.id where o.parent_id is not null and up.depth < 16) select 1 from up where up.id = ${inv.officeOrgId})`,
        ),
      )
      .returning({ id: organisations.id }),
    // The roll-up's denormalised parent follows the tree in the same batch.
    aggregatesParentWrite(db, inv.officeOrgId),
    db
      .update(orgInvitations)
      .set({ acceptedAt: now, decidedBy: userId })
      .where(and(eq(orgInvitations.id, inv.id), sql`exists (select 1 from ${organisations} where ${organisations.id} = ${inv.officeOrgId} and ${organisations.parentId} = ${inv.parentOrgId})`, isNull(orgInvitations.acceptedAt))),
    // Logged in both organisations, only when it joined (an INSERT … SELECT lists every column, in order).
    db.insert(auditLog).select(
      sql`SELECT NULL, org, ${userId}, 'org.joined', ${JSON.stringify({ parentOrgId: inv.parentOrgId, officeOrgId: inv.officeOrgId, invitationId: inv.id })}, ${ip}, ${now}
          FROM (SELECT ${inv.officeOrgId} AS org UNION ALL SELECT ${inv.parentOrgId})
          WHERE EXISTS (SELECT 1 FROM ${orgInvitations} WHERE ${orgInvitations.id} = ${inv.id} AND ${orgInvitations.acceptedAt} = ${now})`,
    ),
  ]);
  return joined.length > 0;
}

export async function closeInvitation(db: Db, inv: Invitation, how: 'declined' | 'revoked', userId: string, now: number, ip: string | null): Promise<boolean> {
  const [closed] = await db.batch([
    db
      .update(orgInvitations)
      .set(how === 'declined' ? { declinedAt: now, decidedBy: userId } : { revokedAt: now, decidedBy: userId })
      .where(and(eq(orgInvitations.id, inv.id), isNull(orgInvitations.acceptedAt), isNull(orgInvitations.declinedAt), isNull(orgInvitations.revokedAt)))
      .returning({ id: orgInvitations.id }),
    audit(db, { orgId: how === 'declined' ? inv.officeOrgId : inv.parentOrgId, userId, action: `org.invitation_${how}`, detail: { invitationId: inv.id }, ip }),
  ]);
  return closed.length > 0;
}

/** The organisation leaves its parent body (logged in both); its attributes, the parent's, are cleared. */
export async function leaveParent(db: Db, orgId: string, parentOrgId: string, userId: string, now: number, ip: string | null): Promise<boolean> {
  const [left] = await db.batch([
    db
      .update(organisations)
      .set({ parentId: null, attributes: {} })
      .where(and(eq(organisations.id, orgId), eq(organisations.parentId, parentOrgId)))
      .returning({ id: organisations.id }),
    aggregatesParentWrite(db, orgId),
    audit(db, { orgId, userId, action: 'org.left', detail: { parentOrgId }, ip }),
    audit(db, { orgId: parentOrgId, userId, action: 'org.left', detail: { officeOrgId: orgId }, ip }),
  ]);
  return left.length > 0;
}

/** The parent's attributes on one of its children. */
export async function setAttributes(db: Db, parentOrgId: string, childId: string, attributes: Record<string, string>, userId: string, ip: string | null) {
  const [row] = await db.batch([
    db
      .update(organisations)
      .set({ attributes })
      .where(and(eq(organisations.id, childId), eq(organisations.parentId, parentOrgId)))
      .returning({ id: organisations.id }),
    audit(db, { orgId: parentOrgId, userId, action: 'org.attributes_set', detail: { officeOrgId: childId, attributes }, ip }),
  ]);
  return row.length > 0;
}

/** Joins and leaves of the organisation (as parent or as child), newest first. */
export async function membershipLog(db: Db, orgId: string) {
  return db.all<{ action: string; detail: string; at: number; user_id: string | null }>(
    sql`select action, detail, at, user_id from audit_log where org_id = ${orgId} and action in ('org.joined', 'org.left', 'org.invited', 'org.invitation_declined', 'org.invitation_revoked') order by at desc limit 100`,
  );
}

