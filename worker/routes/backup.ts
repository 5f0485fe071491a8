// Backup and restore of an office (format: domain/backup-format.ts).
// - GET  /api/admin/backup          an administrator downloads their office as one JSON file.
// - POST /api/admin/backup/restore  loads such a file into a new, EMPTY deployment. Nobody can be
//   signed in there yet, so it is authorised by the operator's secret instead: the RESTORE_TOKEN
//   setting (`wrangler secret put RESTORE_TOKEN`), sent as `Authorization: Bearer <token>`. Without
//   the setting the route does not exist (404).
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { valid } from '../middleware/validate';
import { actorOf, clientIp } from '../middleware/session';
import { recordRefusal } from '../middleware/audit-refusals';
import { audit } from '../db/auth';
import { exportOffice, restoreOffice } from '../db/backup';
import { findOrganisation } from '../db/reports';
import { backupFileSchema, type BackupFile } from '../domain/backup-format';
import { forbidden, appError } from '../domain/errors';
import { canAdminister } from '../domain/policy';
import { constantTimeEqual } from '../domain/crypto';
import type { AppEnv } from '../env';

type BackupEnv = AppEnv;

const digest = async (s: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
async function tokenMatches(given: string, expected: string): Promise<boolean> {
  return constantTimeEqual(await digest(given), await digest(expected));
}

const requireRestoreToken = createMiddleware<BackupEnv>(async (c, next) => {
  const expected = c.env.RESTORE_TOKEN;
  if (!expected) throw appError(404, 'not_found.page');
  const header = c.req.header('authorization') ?? '';
  const given = /^Bearer (\S{1,512})$/i.exec(header)?.[1];
  if (!given || !(await tokenMatches(given, expected))) {
    await audit(c.get('db'), { orgId: null, userId: null, action: 'backup.restore_refused', ip: clientIp(c) });
    throw appError(401, 'invalid_restore_token');
  }
  await next();
});

function fileName(slug: string, at: Date): string {
  return `ita-board-${slug.replace(/[^a-z0-9-]/gi, '')}-${at.toISOString().slice(0, 10)}.json`;
}

export const backupRoutes = new Hono<BackupEnv>()
  .get('/', async (c: Context<BackupEnv>) => {
    const actor = actorOf(c);
    const db = c.get('db');
    if (!canAdminister(actor, actor.orgId)) {
      await recordRefusal(c, 'backup.export');
      throw forbidden();
    }
    const file = await exportOffice(db, actor.orgId);
    const org = await findOrganisation(db, actor.orgId);
    await audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'backup.exported', detail: { counts: file.counts }, ip: clientIp(c) });
    c.header('Content-Disposition', `attachment; filename="${fileName(org?.slug ?? 'office', new Date(file.exportedAt))}"`);
    return c.json(file);
  })
  .post('/restore', requireRestoreToken, valid('json', backupFileSchema), async (c) => {
    const file = c.req.valid('json') as BackupFile;
    const counts = await restoreOffice(c.get('db'), file, clientIp(c));
    return c.json({ organisationId: file.organisationId, counts }, 201);
  });
