// The Worker's scheduled entry: dispatch on controller.cron (expressions as in wrangler.toml,
// UTC). Everything runs at controller.scheduledTime, so a late or repeated trigger computes the
// same periods and keys as the one it repeats.
import { createDb } from '../db/client';
import { BANGKOK_OFFSET_MS, bangkokDate } from '../domain/fiscal-year';
import { sendEmailTransport, type MailTransport } from '../email/transport';
import type { Env } from '../env';
import { runCleanupJob } from './cleanup-job';
import { runDigestJob } from './digest-job';
import { runLinkHealthJob, type LinkCheckDeps } from './link-health-job';
import { runOutboxJob, type LineDeps } from './outbox-job';
import { lineApi } from '../line/api';
import { spreadReportJob } from './spread';
import { runRollupReportJob } from './rollup-job';
import { takeSnapshots } from '../db/rollup';
import { SCHEDULES } from './schedules';

export { SCHEDULES };

export interface ScheduledDeps {
  /** The mail transport; Cloudflare's send_email binding unless a test supplies another. */
  transport?: (env: Env) => MailTransport;
  /** The link check's fetch, time-out and budget; the real ones unless a test supplies others. */
  links?: LinkCheckDeps;
}

const defaultTransport = (env: Env) => sendEmailTransport(env.EMAIL);

export async function runScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext, deps: ScheduledDeps = {}): Promise<void> {
  const db = createDb(env.DB);
  // A number (ms) from Cron Triggers; a Date when a test harness passes one through. Either way ms.
  const now = new Date(controller.scheduledTime).getTime();
  const transport = () => (deps.transport ?? defaultTransport)(env);
  const line: LineDeps = { api: lineApi(env.LINE_API_BASE), credentialsKey: env.LINE_CREDENTIALS_KEY };
  switch (controller.cron) {
    // Hundreds of offices: a few here, the rest queued a few per invocation (cron/spread.ts).
    case SCHEDULES.executiveReport:
      await spreadReportJob(env, db, 'executive', now);
      // Half-month periods end on the 16th too; the staff trigger runs on the 1st only.
      if (new Date(now + BANGKOK_OFFSET_MS).getUTCDate() === 16) await spreadReportJob(env, db, 'staff', now);
      await runOutboxJob(db, transport(), now, line);
      return;
    case SCHEDULES.staffReport:
      await spreadReportJob(env, db, 'staff', now);
      // Each parent body's monthly roll-up report (cron/rollup-job.ts).
      await runRollupReportJob(db, now, env.MAIL_FROM, env.APP_URL);
      await runOutboxJob(db, transport(), now, line);
      return;
    case SCHEDULES.digest:
      await runDigestJob(db, now, env.MAIL_FROM, env.APP_URL);
      // The roll-up trend's daily snapshot of every office's aggregates (one statement).
      await takeSnapshots(db, bangkokDate(now));
      await runOutboxJob(db, transport(), now, line);
      // The daily sweep of what grows by itself (cron/cleanup-job.ts).
      await runCleanupJob(db, now);
      return;
    case SCHEDULES.outbox:
      await runOutboxJob(db, transport(), now, line);
      return;
    case SCHEDULES.linkHealth:
      await runLinkHealthJob(db, now, deps.links);
      return;
    default:
      console.warn('scheduled: no job for this cron expression', controller.cron);
  }
}
