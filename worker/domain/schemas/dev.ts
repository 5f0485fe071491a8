// Request bodies of the routes that exist only under `npm start` (DEMO_SEED=1): the demo seed,
// the scheduled jobs run by hand, and the benches' fixtures (routes/dev*.ts).
import { z } from 'zod';
import { beYear } from '../params';

/** POST /api/dev/scheduled?cron=&time= */
export const scheduledQuery = z.object({ cron: z.string().min(1).max(50), time: z.coerce.number().int().min(0).optional() });

/** POST /api/dev/seed?variant= */
export const seedQuery = z.object({ variant: z.enum(['current', 'fy2567']).default('current') });

/** POST /api/dev/bench/boards; `titles: "distinct"`: no two cards share a title (for bytes per card, gzipped). */
export const benchBoardBody = z.strictObject({ beYear, cards: z.number().int().min(1).max(20_000), titles: z.enum(['repeated', 'distinct']).default('repeated') });

/** POST /api/dev/load/directors */
export const directorsBody = z.strictObject({ count: z.number().int().min(1).max(500) });

/** POST /api/dev/reports-bench/seed */
export const reportsBenchSeedBody = z.strictObject({
  cards: z.number().int().min(1).max(50_000),
  events: z.number().int().min(0).max(500_000),
  measures: z.number().int().min(1).max(500).default(50),
});

/** GET /api/dev/reports-bench/run */
export const reportsBenchRunQuery = z.object({ mode: z.enum(['compile', 'scan']), kind: z.enum(['executive', 'staff']), periodKey: z.string().max(20) });

/** POST /api/dev/boards/:beYear/drop-broadcasts: how many card broadcasts the board's room skips. */
export const dropBroadcastsBody = z.strictObject({ count: z.number().int().min(1).max(100) });

/** POST /api/dev/rollup-bench/seed: a generated parent body (seed/parent-body.ts). */
export const rollupBenchSeedBody = z.strictObject({
  offices: z.number().int().min(1).max(2_000),
  measures: z.number().int().min(1).max(50),
  steps: z.number().int().min(1).max(100),
  eventsPerCard: z.number().int().min(3).max(200),
  beYear,
  officeAdmins: z.number().int().min(0).max(50).default(0),
});
