// OIT readiness: every member reads the catalogue with its evidence; administrators edit the
// catalogue, import it from TSV (preview, then commit) and set each fiscal year's submission
// deadline (a date inside that fiscal year: a year typed in the wrong era is refused).
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import { accessOf, canAdminister } from '../domain/policy';
import { audit } from '../db/auth';
import { findFiscalYear } from '../db/board';
import { findWritableYear } from '../db/fiscal-year-life';
import { createItem, deleteItem, importItems, listItems, loadReadiness, setOitDeadline, updateItem } from '../db/oit';
import { appError } from '../domain/errors';
import { fiscalYearRange, implausibleDate } from '../domain/plausible-date';
import { parseCatalogueTsv, planCatalogueImport } from '../domain/readiness';
import { catalogueImportBody, deadlineBody, itemBody, itemParam, itemPatch } from '../domain/schemas/oit';
import type { AppEnv } from '../env';
import { adminOf, readerOf } from '../middleware/authorize';
import { beYearParam } from '../domain/params';

function parseImport(text: string, existing: Awaited<ReturnType<typeof listItems>>) {
  const parsed = parseCatalogueTsv(text);
  const plan = planCatalogueImport(existing, parsed.items);
  return {
    items: parsed.items,
    warnings: parsed.warnings,
    add: plan.add.map((r) => r.code),
    update: plan.update.map((r) => r.code),
    unchanged: plan.unchanged,
    notInFile: plan.notInFile,
    plan,
  };
}

export const oitRoutes = new Hono<AppEnv>()
  .patch('/:beYear/deadline', valid('param', beYearParam), valid('json', deadlineBody), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const { beYear } = c.req.valid('param');
    const { submissionDeadline } = c.req.valid('json');
    const fy = await findWritableYear(db, actor, beYear, accessOf(actor));
    if (submissionDeadline !== null) {
      const problem = implausibleDate(submissionDeadline, fiscalYearRange(fy), {
        th: `วันที่ต้องส่งข้อมูล OIT ของปีงบประมาณ พ.ศ. ${beYear} `,
        en: `The OIT submission deadline of fiscal year ${beYear}`,
      });
      if (problem) throw problem;
    }
    const [[row]] = await db.batch([
      setOitDeadline(db, actor.orgId, fy, submissionDeadline),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'settings.changed', detail: { beYear, submissionDeadline }, ip: clientIp(c) }),
    ]);
    return c.json({ beYear, submissionDeadline: row?.oitDeadline ?? null });
  })
  .get('/:beYear', valid('param', beYearParam), async (c) => {
    const actor = readerOf(c);
    return c.json(await loadReadiness(c.get('db'), actor.orgId, c.req.valid('param').beYear, canAdminister(actor, actor.orgId)));
  })
  .get('/:beYear/items', valid('param', beYearParam), async (c) => {
    const actor = readerOf(c);
    const db = c.get('db');
    const fy = await findFiscalYear(db, actor.orgId, c.req.valid('param').beYear);
    return c.json({ items: await listItems(db, actor.orgId, fy) });
  })
  .post('/:beYear/items', valid('param', beYearParam), valid('json', itemBody), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const fy = await findWritableYear(db, actor, c.req.valid('param').beYear, accessOf(actor));
    return c.json({ item: await createItem(db, actor.orgId, fy, c.req.valid('json')) }, 201);
  })
  .patch('/:beYear/items/:id', valid('param', itemParam), valid('json', itemPatch), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const { beYear, id } = c.req.valid('param');
    const fy = await findWritableYear(db, actor, beYear, accessOf(actor));
    return c.json({ item: await updateItem(db, actor.orgId, fy, id, c.req.valid('json')) });
  })
  .delete('/:beYear/items/:id', valid('param', itemParam), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const { beYear, id } = c.req.valid('param');
    const fy = await findWritableYear(db, actor, beYear, accessOf(actor));
    return c.json({ item: await deleteItem(db, actor.orgId, fy, id) });
  })
  .post('/:beYear/items/import/preview', valid('param', beYearParam), valid('json', catalogueImportBody), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const fy = await findFiscalYear(db, actor.orgId, c.req.valid('param').beYear);
    const { plan: _plan, ...preview } = parseImport(c.req.valid('json').text, await listItems(db, actor.orgId, fy));
    return c.json(preview);
  })
  .post('/:beYear/items/import/commit', valid('param', beYearParam), valid('json', catalogueImportBody), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const fy = await findWritableYear(db, actor, c.req.valid('param').beYear, accessOf(actor));
    const { plan, items: parsed, ...result } = parseImport(c.req.valid('json').text, await listItems(db, actor.orgId, fy));
    if (parsed.length === 0) {
      throw appError(422, 'nothing_to_import.oit', undefined, { details: result.warnings });
    }
    await importItems(db, actor.orgId, fy, [...plan.add, ...plan.update]);
    return c.json({ ...result, items: await listItems(db, actor.orgId, fy) });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type OitApi = typeof oitRoutes;
