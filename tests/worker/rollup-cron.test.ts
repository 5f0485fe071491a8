// Scheduled work for many offices (issue 19): the report trigger compiles a few offices' reports
// itself and queues the rest a few offices per message (cron/spread.ts); each message, run as the
// queue's consumer runs it, stays far under D1's per-invocation query limit; a message delivered
// twice compiles and sends nothing twice. The monthly roll-up report of a parent body is compiled
// once and emailed once to each oversight user, however often the trigger fires.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { createDb } from '../../worker/db/client';
import { meteredD1, newMeter } from '../../worker/db/metered';
import { db } from './helpers';
import { seedParentBody } from '../../worker/seed/parent-body';
import { OFFICES_PER_INVOCATION, runJobs, spreadReportJob, type ReportsMessage } from '../../worker/cron/spread';
import { runRollupReportJob } from '../../worker/cron/rollup-job';
import { runReportJob } from '../../worker/cron/report-job';
import { countPeriodReports } from '../../worker/db/rollup';
import type { Env } from '../../worker/env';

const NOW = Date.parse('2026-12-01T01:30:00Z'); // 08:30 Bangkok on 1 December: November's staff reports
type Body = Awaited<ReturnType<typeof seedParentBody>>;
let a: Body;

beforeAll(async () => {
  a = await seedParentBody(db(), { offices: 10, measures: 3, steps: 6, eventsPerCard: 4, beYear: 2570 });
});

/** The test's env with a JOBS queue that records what is sent. */
function recordingEnv(): { env: Env; sent: ReportsMessage[] } {
  const sent: ReportsMessage[] = [];
  const jobs = { send: async (body: ReportsMessage) => void sent.push(body), sendBatch: async (msgs: { body: ReportsMessage }[]) => void sent.push(...msgs.map((m) => m.body)) };
  return { env: { ...(env as unknown as Env), JOBS: jobs as unknown as Queue }, sent };
}

describe('office reports spread over invocations', () => {
  it('runs the first offices in the trigger, queues the rest a few per message, and each message once or twice makes each report once', async () => {
    const { env: e, sent } = recordingEnv();
    const meter = newMeter();
    const first = await spreadReportJob(e, createDb(meteredD1(env.DB, meter)), 'staff', NOW);
    expect(first.outcomes.filter((o) => o.result === 'created')).toHaveLength(OFFICES_PER_INVOCATION);
    expect(meter.queries).toBeLessThan(50);
    expect(sent.length).toBe(first.queued);
    expect(sent.every((m) => m.orgIds.length <= OFFICES_PER_INVOCATION && m.now === NOW && m.kind === 'staff')).toBe(true);
    expect(sent.flatMap((m) => m.orgIds).length + OFFICES_PER_INVOCATION).toBe(10);
    // Each message as the consumer gets it; the first one delivered twice (at-least-once delivery).
    for (const [i, body] of [...sent, sent[0]!].entries()) {
      const batch = createMessageBatch<ReportsMessage>('ita-board-jobs', [{ id: `m${i}`, timestamp: new Date(NOW), attempts: 1, body }]);
      const ctx = createExecutionContext();
      await runJobs(batch, env as unknown as Env);
      const result = await getQueueResult(batch, ctx);
      expect(result.explicitAcks).toEqual([`m${i}`]);
    }
    expect(await countPeriodReports(db(), a.parentId, 'staff', '2026-11')).toEqual({ reports: 10, offices: 10 });
  });
});

describe("an invocation's offices", () => {
  it('are read alone: the rows an invocation reads do not grow with the offices of other invocations', async () => {
    const office = [a.officeIds[0]!];
    const rowsRead = async () => {
      const meter = newMeter();
      await runReportJob(createDb(meteredD1(env.DB, meter)), 'staff', NOW, undefined, undefined, office);
      return meter.rowsRead;
    };
    await rowsRead(); // its report exists from now on: the same work each time
    const before = await rowsRead();
    // Thirty more offices with boards and schedules of the same year, in other invocations' groups.
    await seedParentBody(db(), { offices: 30, measures: 1, steps: 1, eventsPerCard: 1, beYear: 2570 });
    expect(await rowsRead()).toBe(before);
  });
});

describe('the monthly roll-up report', () => {
  it('is compiled once per parent and month and emailed once to each oversight user, however often it runs', async () => {
    const first = await runRollupReportJob(db(), NOW, 'ita-board@example.go.th', 'https://ita.example');
    const mine = first.find((o) => o.parentId === a.parentId)!;
    expect(mine).toMatchObject({ result: 'created', periodKey: '2026-11', queued: 1 });
    const again = await runRollupReportJob(db(), NOW + 3_600_000, 'ita-board@example.go.th', 'https://ita.example');
    expect(again.find((o) => o.parentId === a.parentId)).toMatchObject({ result: 'existing', queued: 0 });
    const { results } = await env.DB.prepare("select to_email, subject, raw from outbox where dedupe_key like 'rollup:%' and org_id = ?").bind(a.parentId).all<{ to_email: string; subject: string; raw: string }>();
    expect(results.map((r) => r.to_email)).toEqual([a.oversight.email]);
    expect(results[0]!.subject).toContain('2026-11');
    const kept = await env.DB.prepare('select count(*) n from rollup_reports where parent_org_id = ?').bind(a.parentId).first<{ n: number }>();
    expect(kept!.n).toBe(1);
  });
});
