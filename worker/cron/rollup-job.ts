// The monthly roll-up report of every parent body (issue 19), on the 1st (with the staff
// reports' trigger): the roll-up of the month just ended, compiled once (rollup_reports: one per
// parent and month, so a repeated trigger finds it) and sent once per recipient (the outbox's
// dedupe keys): an email to each of the parent's oversight users, a LINE push to each LINE group
// the parent linked for executives. One parent's roll-up is a few queries whatever its number of
// offices (db/rollup.ts reads them in one batch).
import type { Db } from '../db/client';
import { emailMessage, enqueue } from '../db/outbox';
import { enqueuePushes, linkedGroups, readLineSettings } from '../db/line';
import { keepRollupReport, listParents, oversightRecipients, readRollupRows } from '../db/rollup';
import { computeRollup } from '../domain/rollup';
import type { RollupView } from '../domain/contracts-rollup';
import { bangkokDate, fiscalYearOf } from '../domain/fiscal-year';
import { bangkokDayStart } from '../domain/report-period';
import { composeMail, senderFor } from '../email/mime';
import { rollupEmail, rollupPush } from '../email/rollup-email';
import { appLink, pushSummary } from '../line/messages';

export interface RollupJobOutcome {
  parentId: string;
  periodKey: string;
  result: 'created' | 'existing' | 'no_template' | 'error';
  queued: number;
}

export async function runRollupReportJob(db: Db, now: number, mailFrom: string | undefined, appUrl: string | undefined): Promise<RollupJobOutcome[]> {
  // The month just ended: the one yesterday (Bangkok) was in.
  const yesterday = bangkokDayStart(now) - 1;
  const day = bangkokDate(yesterday);
  const periodKey = day.slice(0, 7);
  const beYear = fiscalYearOf(new Date(yesterday));
  const outcomes: RollupJobOutcome[] = [];
  for (const parent of await listParents(db)) {
    try {
      const rows = await readRollupRows(db.$client, parent.id, beYear);
      if (!rows.parent || rows.measures.length === 0) {
        outcomes.push({ parentId: parent.id, periodKey, result: 'no_template', queued: 0 });
        continue;
      }
      const view = computeRollup({ ...rows, parent: rows.parent, beYear, today: day });
      const { report, created } = await keepRollupReport(db, { parentOrgId: parent.id, beYear, periodKey, content: view as unknown as Record<string, unknown>, createdAt: now });
      const kept = report.content as unknown as RollupView;
      const link = appUrl ? appLink(appUrl, `/rollup/${beYear}`) : undefined;
      let queued = 0;
      if (mailFrom) {
        const email = rollupEmail(kept, periodKey, link);
        const mails = (await oversightRecipients(db, parent.id)).map((r) => composeMail(senderFor(parent.nameTh, mailFrom), { addr: r.email, name: r.name }, email, now));
        queued += await enqueue(db, mails.map((m) => emailMessage(parent.id, `rollup:${report.id}:${m.to.toLowerCase()}`, null, m, now)));
      }
      if (link && (await readLineSettings(db, parent.id))) {
        const groups = (await linkedGroups(db, parent.id)).filter((g) => g.audience === 'executives');
        queued += await enqueuePushes(
          db,
          groups.map((g) => {
            const body = rollupPush(kept, periodKey, g.lineGroupId, link);
            return { message: { id: crypto.randomUUID(), orgId: parent.id, channel: 'line' as const, target: g.lineGroupId, dedupeKey: `line:rollup:${report.id}:${g.lineGroupId}`, reportId: null, subject: pushSummary(body), raw: JSON.stringify(body), nextAttemptAt: now }, kind: 'report' as const, reserve: 0 };
          }),
          now,
        );
      }
      outcomes.push({ parentId: parent.id, periodKey, result: created ? 'created' : 'existing', queued });
    } catch (e) {
      console.error('roll-up report failed for a parent body', { parent: parent.id, error: e instanceof Error ? e.message : String(e) });
      outcomes.push({ parentId: parent.id, periodKey, result: 'error', queued: 0 });
    }
  }
  return outcomes;
}
