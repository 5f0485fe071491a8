// Local development only: these routes answer 404 unless DEMO_SEED is "1" (set by `npm start`).
import { Hono } from 'hono';
import { count } from 'drizzle-orm';
import { organisations } from '../db/schema';
import { AppError } from '../domain/errors';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../seed/demo';
import type { AppEnv } from '../env';

export const devRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.DEMO_SEED !== '1') throw new AppError(404, 'not_found', 'ไม่พบหน้าที่ขอ', 'Not found');
    await next();
  })
  .get('/demo-accounts', (c) =>
    c.json({ accounts: DEMO_ACCOUNTS.map(({ email, role, labelTh, labelEn }) => ({ email, password: DEMO_PASSWORD, role, labelTh, labelEn })) }),
  )
  .post('/seed', async (c) => {
    const db = c.get('db');
    const [row] = await db.select({ n: count() }).from(organisations);
    if ((row?.n ?? 0) > 0) return c.json({ seeded: false, reason: 'database not empty' });
    const result = await seedDemo(db);
    return c.json({ seeded: true, cards: result.cards, warnings: result.parsed.warnings.length });
  });
