// Local load testing only (tests/load, tests/bench/load.bench.mjs): these routes answer 404 unless
// DEMO_SEED is "1", exactly like routes/dev.ts, and need an administrator's session besides.
//   POST /api/dev/load/office               creates a separate office for the run (its groups and
//   one account per role, as the demo office has), so a load run leaves the demo office untouched.
//   POST /api/dev/load/directors { count }  creates `count` director accounts spread round-robin
//   over the office's groups, all with the demo password (hashed once, not once per account: the
//   100,000 PBKDF2 rounds are what sign-in measures, not what setting up a load run should cost).
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { adminOf } from '../middleware/authorize';
import { actorOf } from '../middleware/session';
import { seedDirectors } from '../seed/bench';
import { forbidden, appError } from '../domain/errors';
import { canAdminister } from '../domain/policy';
import { DEMO_PASSWORD, seedOffice } from '../seed/demo';
import type { AppEnv } from '../env';
import { directorsBody } from '../domain/schemas/dev';


export const devLoadRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.DEMO_SEED !== '1') throw appError(404, 'not_found.page');
    adminOf(c);
    await next();
  })
  .post('/office', async (c) => {
    const actor = actorOf(c);
    if (!canAdminister(actor, actor.orgId)) throw forbidden();
    const tag = crypto.randomUUID().slice(0, 8);
    const office = await seedOffice(c.get('db'), { slug: `load-${tag}`, nameTh: `สำนักงานทดสอบภาระงาน ${tag}`, nameEn: `Load test office ${tag}`, emailDomain: `${tag}.load.local` });
    return c.json({ orgId: office.orgId, adminEmail: `admin@${tag}.load.local`, password: DEMO_PASSWORD }, 201);
  })
  .post('/directors', valid('json', directorsBody), async (c) => {
    const actor = actorOf(c);
    if (!canAdminister(actor, actor.orgId)) throw forbidden();
    const accounts = await seedDirectors(c.get('db'), actor.orgId, c.req.valid('json').count);
    if (!accounts) throw appError(422, 'no_groups');
    return c.json({ password: DEMO_PASSWORD, accounts }, 201);
  });
