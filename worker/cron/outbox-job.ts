// Every ten minutes: send what is due in the outbox (new messages, and retries whose back-off
// has passed). The report and digest jobs also call this right after queuing, so the morning's
// emails do not wait for the next ten-minute mark.
import type { Db } from '../db/client';
import { deliverDue, type DeliveryRun } from '../email/deliver';
import type { MailTransport } from '../email/transport';

export async function runOutboxJob(db: Db, transport: MailTransport, now: number): Promise<DeliveryRun> {
  const run = await deliverDue(db, transport, now);
  if (run.failed > 0 || run.abandoned > 0) console.warn('outbox: messages failed', run);
  return run;
}
