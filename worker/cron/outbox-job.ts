// Every ten minutes: send what is due in the outbox (new messages, and retries whose back-off
// has passed). The report and digest jobs also call this right after queuing, so the morning's
// emails do not wait for the next ten-minute mark.
//
// Each message is claimed before it is sent (so two runs never send it twice) and settled after:
// sent, or back to pending after a back-off, or failed after the last attempt
// (domain/report-delivery.ts decides which; a sender that throws Undeliverable is not retried). A sender that throws never loses a message: the row
// stays, with the error, until it goes out or an administrator sees it failed. Each channel has
// its sender; a run only takes the channels it has a sender for.
import type { Db } from '../db/client';
import { claim, dueMessageIds, failAbandoned, markAttemptFailed, markSent, type OutboxRow } from '../db/outbox';
import { SEND_BATCH, SENDING_LEASE_MS, Undeliverable, afterFailedAttempt } from '../domain/report-delivery';
import type { OutboxChannel } from '../domain/report-types';
import { lineCredentials, pushInfo, setMemberCount } from '../db/line';
import { LINE_RETRY_WINDOW_MS, pushFits } from '../domain/line';
import { senderOf } from '../email/mime';
import { LineApiError, type LineApi } from '../line/api';
import { lineFailure } from '../line/messages';
import type { MailTransport } from '../email/transport';

/**
 * Sends one claimed message; resolves when the service accepted it (or had accepted it before),
 * throws when it did not: Undeliverable when trying again cannot help.
 */
export type ChannelSender = (message: OutboxRow) => Promise<void>;
export type ChannelSenders = Partial<Record<OutboxChannel, ChannelSender>>;

export interface DeliveryRun {
  sent: number;
  retrying: number;
  failed: number;
  abandoned: number;
}

/** Email goes out through the mail transport, from the address in the message's own From: header. */
export function emailSender(transport: MailTransport): ChannelSender {
  return async (m) => {
    if (m.toEmail === null) throw new Error('email without a recipient');
    await transport.send({ from: senderOf(m.raw), to: m.toEmail, raw: m.raw });
  };
}

/** What the LINE sender needs: the API and the deployment's key to the offices' credentials. */
export interface LineDeps {
  api: LineApi;
  credentialsKey: string | undefined;
}

/**
 * A LINE push goes to its group with the office's access token and the row's retry key (the same
 * on every attempt; LINE's 409 to a retry means it had accepted the push: delivered). Before
 * sending, the month's quota, what is used and the group's member count say whether it fits (a
 * digest must also leave room for the month's remaining reports); a push that does not fit is
 * not sent (the report's or digest's email goes regardless). 429, 5xx and no answer are retried
 * with the outbox's back-off, other 4xx are not; after 24 hours (LINE forgets the retry key)
 * it is given up.
 */
export function lineSender(db: Db, deps: LineDeps, now: number): ChannelSender {
  // An office's token and its month's quota and usage are read once per run, not once per push
  // (a report to five linked groups would otherwise decrypt the credentials and ask LINE twice
  // five times); each push sent adds its members to the usage kept here. A failed read is not
  // kept: the next push of the office asks again.
  const offices = new Map<string, Promise<{ token: string; quota: number | null; used: number } | null>>();
  const office = (orgId: string) => {
    let state = offices.get(orgId);
    if (!state) {
      state = (async () => {
        const creds = await lineCredentials(db, deps.credentialsKey, orgId);
        if (!creds) return null;
        const [quota, used] = await Promise.all([deps.api.quota(creds.token), deps.api.consumption(creds.token)]);
        return { token: creds.token, quota, used };
      })();
      state.catch(() => offices.delete(orgId));
      offices.set(orgId, state);
    }
    return state;
  };
  return async (m) => {
    if (m.target === null || m.retryKey === null) throw new Undeliverable('LINE push without a group or a retry key');
    const info = await pushInfo(db, m.id);
    if (now - (info?.queuedAt ?? m.createdAt) >= LINE_RETRY_WINDOW_MS) {
      throw new Undeliverable(lineFailure('failed.window'));
    }
    try {
      const account = await office(m.orgId);
      if (!account) throw new Undeliverable(lineFailure('failed.no-settings'));
      const members = await deps.api.membersCount(account.token, m.target);
      await setMemberCount(db, m.orgId, m.target, members);
      const { quota, used } = account;
      if (!pushFits({ quota, used, members, reserve: info?.kind === 'digest' ? info.reserve : 0 })) {
        throw new Undeliverable(lineFailure('failed.quota', { used: String(used), quota: String(quota), members: String(members) }));
      }
      await deps.api.push(account.token, m.raw, m.retryKey);
      account.used += members;
    } catch (e) {
      if (e instanceof LineApiError && e.status >= 400 && e.status < 500 && e.status !== 429) throw new Undeliverable(e.message);
      throw e;
    }
  };
}

export async function deliverDue(db: Db, senders: ChannelSenders, now: number, limit = SEND_BATCH): Promise<DeliveryRun> {
  const run: DeliveryRun = { sent: 0, retrying: 0, failed: 0, abandoned: await failAbandoned(db, now) };
  const channels = (Object.keys(senders) as OutboxChannel[]).filter((c) => senders[c]);
  for (const id of await dueMessageIds(db, channels, now, limit)) {
    const row = await claim(db, id, now, now + SENDING_LEASE_MS);
    if (!row) continue; // another run has it
    try {
      await senders[row.channel]!(row);
    } catch (e) {
      const next = afterFailedAttempt(row.attempts, now, !(e instanceof Undeliverable));
      await markAttemptFailed(db, row.id, next, e instanceof Error ? e.message : String(e));
      if (next.status === 'failed') run.failed++;
      else run.retrying++;
      continue;
    }
    await markSent(db, row.id, now);
    run.sent++;
  }
  return run;
}

export async function runOutboxJob(db: Db, transport: MailTransport, now: number, line?: LineDeps): Promise<DeliveryRun> {
  const run = await deliverDue(db, { email: emailSender(transport), ...(line ? { line: lineSender(db, line, now) } : {}) }, now);
  if (run.failed > 0 || run.abandoned > 0) console.warn('outbox: messages failed', run);
  return run;
}
