// Parent bodies for the demo and the tests (issue 19): a parent body with its own accounts, and
// offices placed under it as if they had accepted its invitation (the join is logged the same way).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, memberships, organisations, users, type Role } from '../db/schema';
import { hashPassword } from '../domain/password';
import { DEMO_PASSWORD } from './demo-password';

export interface ParentAccount {
  email: string;
  displayName: string;
  role: Extract<Role, 'admin' | 'oversight'>;
}

/** A parent body ('parent' kind) with its accounts (password: the demo password). */
export async function seedParentBody(
  db: Db,
  opts: { slug: string; nameTh: string; nameEn: string; accounts: readonly ParentAccount[]; passwordHash?: string },
): Promise<{ orgId: string; userIds: Record<string, string> }> {
  const orgId = crypto.randomUUID();
  const passwordHash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const rows = opts.accounts.map((a) => ({ id: crypto.randomUUID(), email: a.email, displayName: a.displayName, passwordHash }));
  await db.batch([
    db.insert(organisations).values({ id: orgId, slug: opts.slug, nameTh: opts.nameTh, nameEn: opts.nameEn, kind: 'parent' }),
    ...(rows.length > 0
      ? [db.insert(users).values(rows), db.insert(memberships).values(opts.accounts.map((a, i) => ({ orgId, userId: rows[i]!.id, role: a.role, groupId: null })))]
      : []),
  ]);
  return { orgId, userIds: Object.fromEntries(opts.accounts.map((a, i) => [a.email, rows[i]!.id])) };
}

/** Places organisations under a parent body with their attributes, logging each join in both. */
export async function placeUnder(db: Db, parentId: string, children: readonly { orgId: string; attributes?: Record<string, string> }[]) {
  if (children.length === 0) return;
  const now = Date.now();
  await db.batch([
    db.insert(auditLog).values(
      children.flatMap((ch) => [ch.orgId, parentId].map((orgId) => ({ orgId, userId: null, action: 'org.joined', detail: { parentOrgId: parentId, officeOrgId: ch.orgId, seeded: true }, at: now }))),
    ),
    ...children.map((ch) => db.update(organisations).set({ parentId, attributes: ch.attributes ?? {} }).where(sql`${organisations.id} = ${ch.orgId}`)),
  ]);
}
