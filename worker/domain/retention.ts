// How long the board keeps what grows by itself, swept daily (cron/cleanup-job.ts). Records of
// the board itself — cards, events, evidence, comments, reports, fiscal years — are never swept:
// offices keep records at least ten years (ระเบียบงานสารบรรณ), and so does the audit trail of
// administrative actions and removals.
import { THROTTLE } from './throttle';

const DAY = 24 * 3600_000;

export const RETENTION = {
  /** A session row is deleted once it has expired or been ended (signed out) this long ago. */
  endedSessionMs: 1 * DAY,
  /** A throttle counter is deleted once it is forgotten (24 h after its last attempt) and no wait is running. */
  throttleMs: THROTTLE.forgetAfterMs,
  /** A sent email's body (the MIME message) is dropped after 90 days; its row (who, what, when) stays. */
  sentMailBodyMs: 90 * DAY,
  /** Sign-in records and refused authorisations are kept one year. */
  signInRecordsMs: 365 * DAY,
  /**
   * A LINE webhook event id is kept a week to recognise a redelivery (LINE redelivers an event it
   * got no answer for within a much shorter time), then deleted.
   */
  lineWebhookEventMs: 7 * DAY,
  /** A LINE link code (used or not) is deleted a day after it expired (15 minutes after it was made). */
  expiredLinkCodeMs: 1 * DAY,
  /** Rows deleted per statement, so one sweep never holds the database for long. */
  chunk: 5_000,
} as const;

/**
 * Audit actions swept after RETENTION.signInRecordsMs: sign-in attempts and their refusals, and
 * refused authorisations. Every other action (users, roles, settings, publication, backups,
 * removals, reports sent) is kept with the board's records and never swept.
 */
export const SWEPT_AUDIT_ACTIONS = [
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.throttled',
  'sign_in.refused_disabled',
  'sign_in.refused_temporary_expired',
  'access.token_refused',
  'access.unknown_account',
  'backup.restore_refused',
  'password.change_failed',
  'session.ended',
  'authorisation.refused',
] as const;
