// Scheduled work for hundreds of offices, spread over invocations (issue 19): a Worker invocation
// may run at most 1,000 D1 queries (paid plan; 50 on the free one), and one office's report takes
// about ten. The trigger's own invocation compiles the reports of the first few offices and sends
// the rest to the JOBS queue in messages of OFFICES_PER_INVOCATION offices; the queue's consumer
// (max_batch_size 1 in wrangler.toml) runs each message in an invocation of its own. Reports are
// unique per office, kind and period and each email per report and recipient, so a message
// delivered twice (queues deliver at least once) compiles and sends nothing twice.
import type { Db } from '../db/client';
import { createDb } from '../db/client';
import { listOrganisations } from '../db/reports';
import { chunk } from '../db/insert-rows';
import type { MeetingReportKind } from '../domain/report-types';
import type { Env } from '../env';
import { runReportJob, type ReportJobOutcome } from './report-job';

/** Offices whose reports one invocation compiles: about ten D1 queries each, well under 50 together. */
export const OFFICES_PER_INVOCATION = 4;
/** Messages per sendBatch call (the Queues limit is 100). */
const SEND_BATCH = 100;

export interface ReportsMessage {
  job: 'reports';
  kind: MeetingReportKind;
  /** The trigger's scheduled time: every invocation computes the same periods. */
  now: number;
  orgIds: string[];
}

/** The offices (not parent bodies) in the groups each invocation takes. */
export async function reportChunks(db: Db): Promise<string[][]> {
  const offices = (await listOrganisations(db)).filter((o) => o.kind !== 'parent').map((o) => o.id);
  return chunk(offices, OFFICES_PER_INVOCATION);
}

/**
 * The reports of `kind` due at `now`: the first group here, the others queued (or, without a
 * queue binding, run here one after the other). Returns this invocation's outcomes and how many
 * groups were queued.
 */
export async function spreadReportJob(env: Env, db: Db, kind: MeetingReportKind, now: number): Promise<{ outcomes: ReportJobOutcome[]; queued: number }> {
  const [first = [], ...rest] = await reportChunks(db);
  const outcomes = await runReportJob(db, kind, now, env.MAIL_FROM, env.APP_URL, first);
  if (rest.length === 0) return { outcomes, queued: 0 };
  if (!env.JOBS) {
    console.warn('no JOBS queue bound: every office report runs in this invocation');
    for (const orgIds of rest) outcomes.push(...(await runReportJob(db, kind, now, env.MAIL_FROM, env.APP_URL, orgIds)));
    return { outcomes, queued: 0 };
  }
  for (const part of chunk(rest, SEND_BATCH)) {
    await env.JOBS.sendBatch(part.map((orgIds) => ({ body: { job: 'reports', kind, now, orgIds } satisfies ReportsMessage })));
  }
  return { outcomes, queued: rest.length };
}

/** The JOBS queue's consumer: one message (a group of offices) per invocation. */
export async function runJobs(batch: MessageBatch<ReportsMessage>, env: Env): Promise<void> {
  const db = createDb(env.DB);
  for (const message of batch.messages) {
    const m = message.body;
    if (m.job !== 'reports') {
      message.ack();
      continue;
    }
    await runReportJob(db, m.kind, m.now, env.MAIL_FROM, env.APP_URL, m.orgIds);
    message.ack();
  }
}
