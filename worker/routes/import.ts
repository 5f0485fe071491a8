// Importing an announcement: a preview with warnings that writes nothing, then a commit that
// creates the fiscal year's board. Administrators only.
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { groups } from '../db/schema';
import { createBoardFromImport } from '../db/import';
import { parseAnnouncement } from '../domain/announcement';
import { canAdminister } from '../domain/policy';
import { AppError, forbidden } from '../domain/errors';
import { isPlausibleBeYear } from '../domain/fiscal-year';
import type { AppEnv } from '../env';
import type { Context } from 'hono';

const previewBody = z.strictObject({ text: z.string().min(1).max(500_000) });
const commitBody = z.strictObject({
  text: z.string().min(1).max(500_000),
  beYear: z.number().int().refine(isPlausibleBeYear, 'a Buddhist Era year such as 2568'),
});

async function parseForOffice(c: Context<AppEnv>, text: string) {
  const actor = actorOf(c);
  if (!canAdminister(actor, actor.orgId)) throw forbidden();
  const db = c.get('db');
  const known = await db.select({ id: groups.id, nameTh: groups.nameTh }).from(groups).where(eq(groups.orgId, actor.orgId));
  return { actor, db, parsed: parseAnnouncement(text, known) };
}

export const importRoutes = new Hono<AppEnv>()
  .post('/preview', valid('json', previewBody), async (c) => {
    const { parsed } = await parseForOffice(c, c.req.valid('json').text);
    return c.json(parsed);
  })
  .post('/commit', valid('json', commitBody), async (c) => {
    const { text, beYear } = c.req.valid('json');
    const { actor, db, parsed } = await parseForOffice(c, text);
    if (parsed.measures.length === 0) {
      throw new AppError(422, 'nothing_to_import', 'ไม่พบตารางมาตรการในข้อความที่นำเข้า', 'No table of measures was found in the text', parsed.warnings);
    }
    const result = await createBoardFromImport(db, { orgId: actor.orgId, beYear, titleTh: parsed.title, measures: parsed.measures, actorUserId: actor.userId });
    return c.json({ ...result, warnings: parsed.warnings }, 201);
  });
