// Sending what is due in the outbox. Each message is claimed before it is sent (so two runs
// never send it twice) and settled after: sent, or back to pending after a back-off, or failed
// after the last attempt. A transport that throws never loses a message: the row stays, with
// the error, until it goes out or an administrator sees it failed.
import type { Db } from '../db/client';
import { SEND_BATCH } from '../domain/report-delivery';
import { claim, dueMessageIds, failAbandoned, markAttemptFailed, markSent } from './outbox';
import { senderOf } from './mime';
import type { MailTransport } from './transport';

export interface DeliveryRun {
  sent: number;
  retrying: number;
  failed: number;
  abandoned: number;
}

export async function deliverDue(db: Db, transport: MailTransport, now: number, limit = SEND_BATCH): Promise<DeliveryRun> {
  const run: DeliveryRun = { sent: 0, retrying: 0, failed: 0, abandoned: await failAbandoned(db, now) };
  for (const id of await dueMessageIds(db, now, limit)) {
    const row = await claim(db, id, now);
    if (!row) continue; // another run has it
    try {
      await transport.send({ from: senderOf(row.raw), to: row.toEmail, raw: row.raw });
    } catch (e) {
      const outcome = await markAttemptFailed(db, row, e instanceof Error ? e.message : String(e), now);
      if (outcome === 'failed') run.failed++;
      else run.retrying++;
      continue;
    }
    await markSent(db, row.id, now);
    run.sent++;
  }
  return run;
}
