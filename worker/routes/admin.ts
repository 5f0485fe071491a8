// Administration of an office: users and roles, groups, board columns, fiscal years, and the
// verification of the event chain. Administrators only; every route checks through the policy.
import { Hono, type Context } from 'hono';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import { audit } from '../db/auth';
import { findFiscalYear } from '../db/board';
import { assertWritableYearId, findWritableYear } from '../db/fiscal-year-life';
import { isUniqueViolation } from '../db/client';
import { auditLog, boardColumns, cardEvents, cards, evidenceLinks, groups, measures, memberships, reports, users, ROLES } from '../db/schema';
import { verifyBoard, type BoardVerdict } from '../domain/replay';
import { verifyChain, type ChainVerdict } from '../domain/event-chain';
import { AppError, notFound } from '../domain/errors';
import { hashPassword } from '../domain/password';
import { PASSWORD_MAX, passwordProblem } from '../domain/password-policy';
import { listMembers, officeNames } from '../db/accounts';
import { chainHeadQuery, headOf } from '../db/events';
import { notifyResync } from '../live/notify';
import type { AppEnv } from '../env';
import { adminOf } from '../middleware/authorize';
import { titleText } from './cards';
import { beYearParam } from '../domain/params';

/** Column changes reshape open boards: tell them to reload (after the change committed). */
async function resyncBoard(c: Context<AppEnv>, orgId: string, fiscalYearId: string) {
  const head = headOf(await chainHeadQuery(c.get('db'), fiscalYearId));
  notifyResync(c.env, c.executionCtx, orgId, fiscalYearId, head.seq);
}

/** Administration → Integrity: the event chain, and the board against a replay of its log. */
export type IntegrityVerdict = ChainVerdict & { board: BoardVerdict };

const id = z.string().min(1).max(64);
// Names people read (accounts, groups, columns): visible, no bidirectional controls.
const name = titleText(200);

const newUserBody = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  displayName: name,
  password: z.string().min(1).max(PASSWORD_MAX * 4),
  role: z.enum(ROLES),
  groupId: id.nullable(),
});
const roleBody = z.strictObject({ role: z.enum(ROLES), groupId: id.nullable() });
const groupBody = z.strictObject({ nameTh: name, nameEn: z.string().trim().max(200).default('') });
// No defaults here: a field left out of a patch keeps its value (a default would overwrite it).
const groupPatch = z.strictObject({ nameTh: name, nameEn: z.string().trim().max(200) }).partial();
/** A partial update must change something: an empty one is a mistake, not a no-op. */
const somethingToChange = <T extends object>(o: T) => Object.keys(o).length > 0;
const nothingToChange = { message: 'name at least one field to change' };

const columnBody = z
  .strictObject({
    labelTh: name,
    labelEn: name,
    position: z.number().int().min(0).max(100),
    wipLimit: z.number().int().min(1).max(10_000).nullable(),
  })
  .partial()
  .refine(somethingToChange, nothingToChange);

const groupRequired = () =>
  new AppError(422, 'group_required', 'ผู้อำนวยการกลุ่มต้องระบุกลุ่มงาน', 'A director must be given a group');

async function checkGroup(c: Context<AppEnv>, orgId: string, role: string, groupId: string | null) {
  if (role === 'director' && !groupId) throw groupRequired();
  if (groupId) {
    const [g] = await c.get('db').select({ id: groups.id }).from(groups).where(and(eq(groups.id, groupId), eq(groups.orgId, orgId)));
    if (!g) throw new AppError(422, 'invalid_group', 'ไม่พบกลุ่มงานที่ระบุในสำนักงานนี้', 'A named group is not part of this office');
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
    if (problem) throw new AppError(422, problem.code, problem.messageTh, problem.messageEn);
    const userId = crypto.randomUUID();
    try {
      await db.batch([
        db.insert(users).values({ id: userId, email: body.email, displayName: body.displayName, passwordHash: await hashPassword(body.password) }),
        db.insert(memberships).values({ orgId: actor.orgId, userId, role: body.role, groupId: body.groupId }),
        audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'user.created', detail: { userId, role: body.role, groupId: body.groupId }, ip: clientIp(c) }),
      ]);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError(409, 'email_taken', 'อีเมลนี้มีผู้ใช้แล้ว', 'This email already has an account');
      throw e;
    }
    return c.json({ id: userId }, 201);
  })
  .put('/users/:id/role', valid('param', z.object({ id })), valid('json', roleBody), async (c) => {
    const actor = adminOf(c);
    const { id: userId } = c.req.valid('param');
    const { role, groupId } = c.req.valid('json');
    await checkGroup(c, actor.orgId, role, groupId);
    if (userId === actor.userId && role !== 'admin') {
      throw new AppError(422, 'cannot_demote_self', 'ไม่สามารถลดสิทธิ์ของตนเองได้', 'You cannot remove your own administrator role');
    }
    const db = c.get('db');
    const [before] = await db.select().from(memberships).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    if (!before) throw notFound('User', 'ผู้ใช้');
    await db.batch([
      db.update(memberships).set({ role, groupId }).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId))),
      audit(db, {
        orgId: actor.orgId,
        userId: actor.userId,
        action: 'user.role_changed',
        detail: { userId, before: { role: before.role, groupId: before.groupId }, after: { role, groupId } },
        ip: clientIp(c),
      }),
    ]);
    return c.json({ ok: true });
  })
  .get('/groups', async (c) => {
    const actor = adminOf(c);
    return c.json({ groups: await c.get('db').select().from(groups).where(eq(groups.orgId, actor.orgId)).orderBy(asc(groups.position)) });
  })
  .post('/groups', valid('json', groupBody), async (c) => {
    const actor = adminOf(c);
    const body = c.req.valid('json');
    const db = c.get('db');
    const existing = await db.select({ id: groups.id }).from(groups).where(eq(groups.orgId, actor.orgId));
    const groupId = crypto.randomUUID();
    try {
      await db.insert(groups).values({ id: groupId, orgId: actor.orgId, position: existing.length, ...body });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError(409, 'group_exists', 'มีกลุ่มงานชื่อนี้แล้ว', 'A group with this name exists');
      throw e;
    }
    return c.json({ id: groupId }, 201);
  })
  .patch('/groups/:id', valid('param', z.object({ id })), valid('json', groupPatch.refine(somethingToChange, nothingToChange)), async (c) => {
    const actor = adminOf(c);
    const [row] = await c
      .get('db')
      .update(groups)
      .set(c.req.valid('json'))
      .where(and(eq(groups.id, c.req.valid('param').id), eq(groups.orgId, actor.orgId)))
      .returning();
    if (!row) throw notFound('Group', 'กลุ่มงาน');
    return c.json({ group: row });
  })
  .patch('/columns/:id', valid('param', z.object({ id })), valid('json', columnBody), async (c) => {
    const actor = adminOf(c);
    const [column] = await c.get('db').select({ fiscalYearId: boardColumns.fiscalYearId }).from(boardColumns).where(and(eq(boardColumns.id, c.req.valid('param').id), eq(boardColumns.orgId, actor.orgId)));
    if (column) await assertWritableYearId(c.get('db'), actor, column.fiscalYearId);
    const [row] = await c
      .get('db')
      .update(boardColumns)
      .set(c.req.valid('json'))
      .where(and(eq(boardColumns.id, c.req.valid('param').id), eq(boardColumns.orgId, actor.orgId)))
      .returning();
    if (!row) throw notFound('Column', 'คอลัมน์');
    await resyncBoard(c, actor.orgId, row.fiscalYearId);
    return c.json({ column: row });
  })
  .put('/columns/order', valid('json', z.strictObject({ beYear: z.number().int(), columnIds: z.array(id).min(1).max(20) })), async (c) => {
    const actor = adminOf(c);
    const { beYear, columnIds } = c.req.valid('json');
    const db = c.get('db');
    const fy = await findWritableYear(db, actor, beYear);
    const cols = await db.select({ id: boardColumns.id }).from(boardColumns).where(and(eq(boardColumns.fiscalYearId, fy.id), eq(boardColumns.orgId, actor.orgId)));
    const known = new Set(cols.map((col) => col.id));
    if (columnIds.length !== known.size || new Set(columnIds).size !== known.size || columnIds.some((cid) => !known.has(cid))) {
      throw new AppError(422, 'invalid_column_order', 'ต้องระบุทุกคอลัมน์ของบอร์ดนี้ครั้งละหนึ่งครั้ง', 'Name every column of this board exactly once');
    }
    const [first, ...rest] = columnIds.map((cid, position) => db.update(boardColumns).set({ position }).where(eq(boardColumns.id, cid)));
    await db.batch([first!, ...rest]);
    await resyncBoard(c, actor.orgId, fy.id);
    return c.json({ ok: true });
  })
  .get('/audit', async (c) => {
    const actor = adminOf(c);
    const rows = await c
      .get('db')
      .select({ id: auditLog.id, action: auditLog.action, detail: auditLog.detail, at: auditLog.at, userId: auditLog.userId, email: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(eq(auditLog.orgId, actor.orgId))
      .orderBy(desc(auditLog.id))
      .limit(200);
    return c.json({ entries: rows });
  })
  .get('/chain/:beYear', valid('param', beYearParam), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const fy = await findFiscalYear(db, actor.orgId, c.req.valid('param').beYear);
    // The chain says the log is intact; the replay says the board is what the log says. Both
    // read in one batch, so a change committing meanwhile cannot show as a difference.
    const [events, anchors, cardRows, evidenceRows] = await db.batch([
      db
        .select()
        .from(cardEvents)
        .where(and(eq(cardEvents.fiscalYearId, fy.id), eq(cardEvents.orgId, actor.orgId)))
        .orderBy(asc(cardEvents.seq)),
      db
        .select({ seq: reports.chainSeq, hash: reports.chainHash, label: reports.periodKey })
        .from(reports)
        .where(and(eq(reports.fiscalYearId, fy.id), eq(reports.orgId, actor.orgId))),
      db.select().from(cards).where(and(eq(cards.fiscalYearId, fy.id), eq(cards.orgId, actor.orgId))),
      db
        .select({
          id: evidenceLinks.id,
          cardId: evidenceLinks.cardId,
          url: evidenceLinks.url,
          note: evidenceLinks.note,
          oitCode: evidenceLinks.oitCode,
          linkPublished: evidenceLinks.linkPublished,
          notePublished: evidenceLinks.notePublished,
        })
        .from(evidenceLinks)
        .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
        .where(and(eq(cards.fiscalYearId, fy.id), eq(evidenceLinks.orgId, actor.orgId))),
    ]);
    const chain = await verifyChain(events, anchors);
    const board = verifyBoard(events, cardRows, evidenceRows);
    if (board.firstCard?.measureId) {
      const [m] = await db.select({ number: measures.number }).from(measures).where(and(eq(measures.id, board.firstCard.measureId), eq(measures.orgId, actor.orgId)));
      board.firstCard.measureNumber = m?.number ?? null;
    }
    const verdict: IntegrityVerdict = { ...chain, ok: chain.ok && board.ok, board };
    return c.json(verdict);
  });
