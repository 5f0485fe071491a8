// The public progress page's data and open data, without sign-in, for offices that opted in:
//   GET /api/public/:slug                 the published fiscal years
//   GET /api/public/:slug/:beYear         measures, steps, states, evidence (JSON)
//   GET /api/public/:slug/:beYear.json    the same, as a download
//   GET /api/public/:slug/:beYear.csv     one row per step (columns documented by /schema)
//   GET /api/public/:slug/:beYear/schema  the CSV's columns (Frictionless Table Schema)
// and, for administrators, PATCH /api/public/settings { publicPage } to opt in or out.
// Answers are cached at the edge for five minutes (Cache API, keyed on the path only, so a
// query string cannot bypass it); opting out purges this location's copies at once.
import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { valid } from '../middleware/validate';
import { actorOf, clientIp } from '../middleware/session';
import { audit } from '../db/auth';
import { setOrgSetting } from '../db/oit';
import { loadPublic, publicCsv, publicYears, PUBLIC_CSV_FIELDS } from '../db/public';
import { fiscalYears } from '../db/schema';
import { AppError, forbidden } from '../domain/errors';
import { canAdminister } from '../domain/policy';
import type { AppEnv } from '../env';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=300, s-maxage=300';

const slugParam = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/) });
const yearPattern = z.coerce.number().int().min(2500).max(2700);
const fileParam = slugParam.extend({ file: z.string().regex(/^\d{4}(\.(json|csv))?$/) });
const schemaParam = slugParam.extend({ beYear: yearPattern });
const settingsBody = z.strictObject({ publicPage: z.boolean() });

const notPublished = () =>
  new AppError(404, 'not_found', 'ไม่พบหน้าข้อมูลสาธารณะของหน่วยงานนี้', 'This office has no public page for that year');

/** The location's edge cache (typed here: the DOM lib's CacheStorage has no `default`). */
const edgeCache = () => (caches as unknown as { default: Cache }).default;

/** The cache key: this location's origin and the path, never the query string or cookies. */
function cacheKey(c: Context<AppEnv>, path = new URL(c.req.url).pathname): Request {
  return new Request(new URL(path, c.req.url).toString(), { method: 'GET' });
}

/** Serves from the edge cache, or builds, caches and serves. `build` throws for a 404 (not cached). */
async function cached(c: Context<AppEnv>, build: () => Promise<Response>): Promise<Response> {
  const key = cacheKey(c);
  const hit = await edgeCache().match(key);
  if (hit) return new Response(hit.body, hit);
  const res = await build();
  res.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  // Open data: anyone's page or script may read it (no credentials are involved).
  res.headers.set('Access-Control-Allow-Origin', '*');
  c.executionCtx.waitUntil(edgeCache().put(key, res.clone()));
  return res;
}

function download(body: string, type: string, filename: string): Response {
  return new Response(body, { headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"` } });
}

async function purge(c: Context<AppEnv>, slug: string, years: number[]): Promise<void> {
  const paths = [`/api/public/${slug}`, ...years.flatMap((y) => ['', '.json', '.csv', '/schema'].map((s) => `/api/public/${slug}/${y}${s}`))];
  await Promise.all(paths.map((p) => edgeCache().delete(cacheKey(c, p))));
}

export const publicRoutes = new Hono<AppEnv>()
  .patch('/settings', valid('json', settingsBody), async (c) => {
    const actor = actorOf(c);
    if (!canAdminister(actor, actor.orgId)) throw forbidden();
    const db = c.get('db');
    const { publicPage } = c.req.valid('json');
    const [[row], years] = await db.batch([
      setOrgSetting(db, actor.orgId, 'publicPage', publicPage),
      db.select({ beYear: fiscalYears.beYear }).from(fiscalYears).where(eq(fiscalYears.orgId, actor.orgId)),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'settings.changed', detail: { publicPage }, ip: clientIp(c) }),
    ]);
    // Opting out takes effect now here; other locations' copies expire within max-age.
    if (row) await purge(c, row.slug, years.map((y) => y.beYear));
    return c.json({ publicPage: row?.settings?.publicPage === true, slug: row?.slug ?? null });
  })
  .get('/:slug', valid('param', slugParam), (c) =>
    cached(c, async () => {
      const found = await publicYears(c.get('db'), c.req.valid('param').slug);
      if (!found) throw notPublished();
      return c.json(found);
    }),
  )
  .get('/:slug/:file', valid('param', fileParam), (c) =>
    cached(c, async () => {
      const { slug, file } = c.req.valid('param');
      const [year, format] = file.split('.') as [string, 'json' | 'csv' | undefined];
      const beYear = yearPattern.safeParse(year);
      const view = beYear.success ? await loadPublic(c.get('db'), slug, beYear.data) : null;
      if (!view) throw notPublished();
      const name = `ita-${slug}-${view.fiscalYear.beYear}`;
      if (format === 'csv') return download(publicCsv(view), 'text/csv; charset=utf-8; header=present', `${name}.csv`);
      if (format === 'json') return download(JSON.stringify(view), 'application/json; charset=utf-8', `${name}.json`);
      return c.json(view);
    }),
  )
  .get('/:slug/:beYear/schema', valid('param', schemaParam), (c) =>
    cached(c, async () => {
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
