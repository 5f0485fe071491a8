import type { Env } from '../env';

/** Dispatch on controller.cron: filled in by the reports work (issue 5). */
export async function runScheduled(_controller: ScheduledController, _env: Env, _ctx: ExecutionContext): Promise<void> {}
