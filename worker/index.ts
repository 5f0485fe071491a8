import app from './app';
import { runScheduled } from './cron';
import type { Env } from './env';

export { BoardRoom } from './live/board-room';

export default {
  fetch: app.fetch,
  scheduled: runScheduled,
} satisfies ExportedHandler<Env>;
