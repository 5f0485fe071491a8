import app from './app';
import { runScheduled } from './cron';
import { runJobs } from './cron/spread';
import type { Env } from './env';
import type { ReportsMessage } from './cron/spread';

export { BoardRoom } from './live/board-room';

export default {
  fetch: app.fetch,
  scheduled: runScheduled,
  // The JOBS queue: scheduled work spread over invocations (cron/spread.ts).
  queue: runJobs,
} satisfies ExportedHandler<Env, ReportsMessage>;
