// Sign-in throttling: the figures and the arithmetic (db/auth.ts applies them in one statement per
// key, routes/auth.ts decides which keys an attempt counts against).
//
// Every attempt is counted BEFORE its password is checked (increment and read in one statement),
// and a success clears the counters it was counted on. So parallel attempts cannot slip past the
// limit: the sixth of twenty simultaneous attempts already finds the wait in place.
//
// Keys:
// - pair:    the account and the address it is tried from. 5 attempts, then a wait that doubles
//            from 30 s up to 15 min after each further failure.
// - account: the account as tried from browsers it does not know (no device cookie). 20 attempts,
//            then the same doubling wait: guesses spread over many addresses are limited too.
// - device:  a browser that signed in to the account before carries a signed device cookie; it is
//            counted on its own key only (5, then the doubling wait), so failures from elsewhere,
//            even from the same office address, never lock the owner out.
// A counter is forgotten 24 hours after its last counted attempt.
import { errorMessages } from './errors';

export const THROTTLE = {
  pairLimit: 5,
  accountLimit: 20,
  deviceLimit: 5,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
  forgetAfterMs: 24 * 3600_000,
  /** With Turnstile configured, an unknown browser solves a challenge from this attempt of a pair on. */
  challengeFrom: 4,
} as const;

/** The wait after the `failures`-th counted attempt on a key allowing `limit` (0 below the limit). */
export function waitAfter(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(THROTTLE.maxWaitMs, THROTTLE.firstWaitMs * 2 ** Math.min(failures - limit, 10));
}

export type ThrottleKind = 'pair' | 'account' | 'device';

export function throttleKey(kind: ThrottleKind, parts: { email: string; ip?: string | null; deviceId?: string }): string {
  if (kind === 'pair') return `pair:${parts.email}|${parts.ip ?? 'unknown'}`;
  if (kind === 'account') return `account:${parts.email}`;
  return `device:${parts.deviceId}`;
}

/** Seconds to announce in Retry-After (at least 1). */
export function retryAfterSeconds(blockedUntil: number, now: number): number {
  return Math.max(1, Math.ceil((blockedUntil - now) / 1000));
}

/** "30 วินาที" / "30 seconds", "2 นาที" / "2 minutes": how long to wait, for the message. */
export function waitText(seconds: number): { th: string; en: string } {
  const minutes = Math.ceil(seconds / 60);
  const { messageTh: th, messageEn: en } =
    seconds < 60 ? errorMessages(seconds === 1 ? 'wait.second' : 'wait.seconds', { n: seconds }) : errorMessages(minutes === 1 ? 'wait.minute' : 'wait.minutes', { n: minutes });
  return { th, en };
}
