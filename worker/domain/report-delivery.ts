// Who receives a report, and how the outbox retries. Pure decisions; db/outbox.ts and
// cron/outbox-job.ts carry them out.
import type { Role } from './contracts';
import type { ReportKindName } from './report-types';

/** A message is given up ('failed', still visible and retryable by an admin) after this many tries. */
export const MAX_ATTEMPTS = 20;

/**
 * Wait after the n-th failed attempt: 1 min, 5 min, 30 min, 2 h, then every 4 h. Short waits ride
 * out a blip in the mail service; after that a report is still wanted before the next meeting, so
 * the wait stays at 4 h (a message arrives at most 4 h after the service is back) rather than
 * growing to a day. Twenty tries span almost three days, long enough for a person to notice and
 * fix a bad address before the message is marked failed.
 */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
export const BACKOFF_CAP_MS = 4 * 3600_000;

export function retryDelay(failedAttempts: number): number {
  return BACKOFF_MS[Math.max(0, failedAttempts - 1)] ?? BACKOFF_CAP_MS;
}

/**
 * Thrown by a channel's sender when the service refused the message for good (a LINE push
 * answered 400, say): trying again would fail the same way, so it is not retried.
 */
export class Undeliverable extends Error {}

/**
 * Where a message goes after its `attempts`-th attempt failed: pending again after the back-off,
 * or failed after the last attempt, or at once when the failure is not worth retrying.
 */
export function afterFailedAttempt(attempts: number, now: number, retryable = true): { status: 'pending' | 'failed'; nextAttemptAt: number } {
  return !retryable || attempts >= MAX_ATTEMPTS ? { status: 'failed', nextAttemptAt: now } : { status: 'pending', nextAttemptAt: now + retryDelay(attempts) };
}

/**
 * How long a claimed message may stay 'sending'. A run that dies between claiming and settling
 * leaves it there; after the lease it is marked failed for an admin to look at, never resent
 * blindly (it may have gone out).
 */
export const SENDING_LEASE_MS = 15 * 60_000;

/** Messages one outbox run sends at most (a scheduled run has a bounded number of subrequests). */
export const SEND_BATCH = 40;

export const reportDedupeKey = (reportId: string, email: string) => `${reportId}:${email.toLowerCase()}`;
export const digestDedupeKey = (orgId: string, date: string, who: string) => `digest:${orgId}:${date}:${who}`;

export interface Recipient {
  email: string;
  name: string;
}

/** Accounts that receive a kind by default; explicit recipients are added on top. */
export function defaultRoles(kind: ReportKindName): readonly Role[] {
  if (kind === 'executive') return ['executive', 'director'];
  if (kind === 'staff') return ['admin', 'executive', 'director', 'staff']; // everyone in the office
  return ['director']; // each director gets their own group's digest
}

/** Recipients without duplicates (emails compared lower-case; the first name given wins). */
export function mergeRecipients(...lists: readonly (readonly Recipient[])[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const list of lists) {
    for (const r of list) {
      const email = r.email.trim().toLowerCase();
      if (!email) continue;
      const known = seen.get(email);
      if (!known) seen.set(email, { email, name: r.name.trim() });
      else if (!known.name && r.name.trim()) known.name = r.name.trim();
    }
  }
  return [...seen.values()];
}

/** Whether the office receives a kind (all kinds unless switched off). */
export function kindEnabled(settings: { reportKinds?: Partial<Record<ReportKindName, boolean>> } | null | undefined, kind: ReportKindName): boolean {
  return settings?.reportKinds?.[kind] !== false;
}
