// The public progress page's data and open data, without sign-in, for the fiscal years an office published:
//   GET /api/public/:slug                 the published fiscal years
//   GET /api/public/:slug/:beYear         measures, steps, states, evidence (JSON)
//   GET /api/public/:slug/:beYear.json    the same, as a download
//   GET /api/public/:slug/:beYear.csv     one row per step (columns documented by /schema)
//   GET /api/public/:slug/:beYear/schema  the CSV's columns (Frictionless Table Schema)
// and, for administrators, PATCH /api/public/settings { beYear, published } to publish or withdraw
// one fiscal year (years are published one by one; new years start unpublished).
// Answers are cached at the edge for five minutes (Cache API). The cache key is built from the
// validated office and year (never the raw path: /api/public/phichit%2Dpeo/… is the same office)
// and the office's publication version, which every change of what is published advances, with
// the head of the year's event log (each year's for the list), which every change of its board
// advances: after a withdrawal or a move no location can find its old copies (deleting from the
// cache would purge only one location, and only the spellings it knew).
import { Hono, type Context } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf, clientIp } from '../middleware/session';
import { recordRefusal } from '../middleware/audit-refusals';
import { audit } from '../db/auth';
import { loadPublic, publicationVersion, publicCsv, publicYears, setYearPublished, PUBLIC_CSV_FIELDS } from '../db/public';
import { forbidden, appError } from '../domain/errors';
import { canPublish } from '../domain/policy';
import type { AppEnv } from '../env';
import { beYearText } from '../domain/params';
import { fileParam, publicSettingsBody, schemaParam, slugParam } from '../domain/schemas/oit';

/** How long this location's edge cache keeps an answer (the copy stored with the Cache API). */
export const EDGE_CACHE_CONTROL = 'public, max-age=300, s-maxage=300';
/**
 * What browsers and other caches are told: keep it, but ask again before using it. A browser
 * holding an answer for five minutes would show a withdrawn year or link after it was withdrawn;
 * asking again costs one edge-cache hit.
 */
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';


const notPublished = () =>
  appError(404, 'not_found.public_page');

/** The location's edge cache (typed here: the DOM lib's CacheStorage has no `default`). */
const edgeCache = () => (caches as unknown as { default: Cache }).default;

/**
 * The cache key: this deployment's origin, the office's publication version, and what is asked
 * for, written from the validated values ('2567.csv', not the path as the client spelled it).
 * Never the query string or cookies.
 */
export function publicCacheKey(requestUrl: string, slug: string, version: string, what: string): Request {
  const path = `/api/public/__cache/v${version}/${slug}${what ? `/${what}` : ''}`;
  return new Request(new URL(path, requestUrl).toString(), { method: 'GET' });
}

/**
 * Serves from the edge cache, or builds, caches and serves. `what` names the answer from
 * validated values; `build` throws for a 404 (not cached). Typed as what `build` answers (a copy
 * from the cache is the same answer), so the web app's typed client knows the answers' shapes.
 */
async function cached<R extends Response>(c: Context<AppEnv>, slug: string, what: string, build: () => Promise<R>): Promise<R> {
  // A year's answers ('2567', '2567.csv', '2567/schema') change with that year's board only.
  const asked = beYearText.safeParse(what.slice(0, 4));
  const version = await publicationVersion(c.get('db'), slug, what && asked.success ? asked.data : undefined);
  if (version === null) throw notPublished();
  const key = publicCacheKey(c.req.url, slug, version, what);
  const hit = await edgeCache().match(key);
  if (hit) {
    const served = new Response(hit.body, hit);
    served.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
    return served as R;
  }
  const res = await build();
  res.headers.set('Cache-Control', EDGE_CACHE_CONTROL);
  // Open data: anyone's page or script may read it (no credentials are involved).
  res.headers.set('Access-Control-Allow-Origin', '*');
  c.executionCtx.waitUntil(edgeCache().put(key, res.clone()));
  const served = new Response(res.body, res);
  served.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  return served as R;
}

function download(body: string, type: string, filename: string): Response {
  return new Response(body, { headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"` } });
}

export const publicRoutes = new Hono<AppEnv>()
  .patch('/settings', valid('json', publicSettingsBody), async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const { beYear, published } = c.req.valid('json');
    if (!canPublish(actor, actor.orgId)) {
      await recordRefusal(c, 'public.publish', { beYear });
      throw forbidden();
    }
    const row = await setYearPublished(
      db,
      actor.orgId,
      beYear,
      published,
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'settings.changed', detail: { publicYear: beYear, published }, ip: clientIp(c) }),
    );
    if (!row) throw appError(404, 'not_found.year', { year: beYear });
    return c.json({ beYear: row.beYear, published: row.published });
  })
  .get('/:slug', valid('param', slugParam), (c) =>
    cached(c, c.req.valid('param').slug, '', async () => {
      const found = await publicYears(c.get('db'), c.req.valid('param').slug);
      if (!found) throw notPublished();
      return c.json(found);
    }),
  )
  .get('/:slug/:file', valid('param', fileParam), (c) =>
    cached(c, c.req.valid('param').slug, c.req.valid('param').file, async () => {
      const { slug, file } = c.req.valid('param');
      const [year, format] = file.split('.') as [string, 'json' | 'csv' | undefined];
      const asked = beYearText.safeParse(year);
      const view = asked.success ? await loadPublic(c.get('db'), slug, asked.data, Date.now(), new URL(c.req.url).origin) : null;
      if (!view) throw notPublished();
      const name = `ita-${slug}-${view.fiscalYear.beYear}`;
      if (format === 'csv') return download(publicCsv(view), 'text/csv; charset=utf-8; header=present', `${name}.csv`);
      if (format === 'json') return download(JSON.stringify(view), 'application/json; charset=utf-8', `${name}.json`);
      return c.json(view);
    }),
  )
  .get('/:slug/:beYear/schema', valid('param', schemaParam), (c) =>
    cached(c, c.req.valid('param').slug, `${c.req.valid('param').beYear}/schema`, async () => {
      const { slug, beYear } = c.req.valid('param');
      const found = await publicYears(c.get('db'), slug);
      if (!found || !found.years.includes(beYear)) throw notPublished();
      return c.json({
        name: `ita-${slug}-${beYear}`,
        title: `${found.office.nameTh}: ความก้าวหน้ามาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. ${beYear}`,
        path: `/api/public/${slug}/${beYear}.csv`,
        format: 'csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        notes:
          'One row per step. UTF-8 with a byte-order mark. A cell that would begin with =, +, -, @, a tab or a carriage return starts with an apostrophe so spreadsheets do not run it as a formula.',
        schema: { fields: PUBLIC_CSV_FIELDS },
      });
    }),
  );

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type PublicApi = typeof publicRoutes;
