// OIT catalogue versions (issue 18): every member reads which version each fiscal year uses;
// administrators read a pasted list or TSV (preview: nothing written), keep it as a named version
// with its source, see what moving a year onto it would do (the proposed crosswalk, the codes in
// use it would lose) and apply it with the crosswalk they confirmed or corrected.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import { accessOf } from '../domain/policy';
import { adminOf, readerOf } from '../middleware/authorize';
import { appError } from '../domain/errors';
import { parseCatalogueList } from '../domain/catalogue-list';
import { catalogueApplyBody, catalogueBody, catalogueParam, cataloguePlanBody, catalogueTextBody } from '../domain/schemas/catalogues';
import { applyCatalogue, createCatalogue, findCatalogue, listCatalogues, planCatalogue } from '../db/catalogues';
import { invalidateBoards } from '../live/notify';
import type { AppEnv } from '../env';

export const catalogueRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = readerOf(c);
    return c.json(await listCatalogues(c.get('db'), actor.orgId));
  })
  .post('/preview', valid('json', catalogueTextBody), async (c) => {
    adminOf(c);
    return c.json(parseCatalogueList(c.req.valid('json').text));
  })
  .post('/', valid('json', catalogueBody), async (c) => {
    const actor = adminOf(c);
    const { name, source, text } = c.req.valid('json');
    const { items, errors } = parseCatalogueList(text);
    if (errors.length > 0) throw appError(422, 'catalogue_invalid', { count: errors.length }, { details: errors });
    const catalogue = await createCatalogue(c.get('db'), actor, { name, source, items }, clientIp(c));
    return c.json({ catalogue: { id: catalogue.id, name, source, items: items.length } }, 201);
  })
  .post('/:id/plan', valid('param', catalogueParam), valid('json', cataloguePlanBody), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const catalogue = await findCatalogue(db, actor.orgId, c.req.valid('param').id);
    return c.json(await planCatalogue(db, actor.orgId, catalogue, c.req.valid('json').beYear));
  })
  .post('/:id/apply', valid('param', catalogueParam), valid('json', catalogueApplyBody), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const catalogue = await findCatalogue(db, actor.orgId, c.req.valid('param').id);
    const { fiscalYearId, ...result } = await applyCatalogue(db, actor, accessOf(actor), catalogue, c.req.valid('json'), clientIp(c));
    // Evidence was re-coded outside the room: it loads the board again and open boards reload.
    if (fiscalYearId) await invalidateBoards(c.env, actor.orgId, [fiscalYearId]);
    return c.json(result);
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type CatalogueApi = typeof catalogueRoutes;
