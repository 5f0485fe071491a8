// One answer to "is this step overdue?", for the board, the dashboard, the reports, the directors'
// digest and the public page alike: a step is overdue from the day AFTER its due date (Bangkok
// calendar days). On the due day itself it is due (today), not late — so the report for a period
// does not call a step due on the period's last day overdue, and the digest sent that same day
// lists it as due today.
//
// Dates are 'YYYY-MM-DD' calendar days (Gregorian, Bangkok); pure, no clock and no time zone.

/** Days counted as "due soon" ahead of the due date (the digest, the board's "due soon" filter). */
export const DUE_SOON_DAYS = 7;

const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export type DueState =
  /** Past its due date: `days` after it (1 = the due date was yesterday). */
  | { state: 'overdue'; days: number }
  /** Due within DUE_SOON_DAYS: `days` left (0 = due today). */
  | { state: 'due-soon'; days: number }
  /** Due later than that. */
  | { state: 'later'; days: number };

/**
 * Where a due date stands on a day (`asOf`, Bangkok): overdue from the day after it. Null when
 * there is no (well-formed) due date. A step that is complete is never overdue: callers leave
 * done steps out before asking.
 */
export function dueState(dueOn: string | null | undefined, asOf: string): DueState | null {
  if (!dueOn || !ISO.test(dueOn) || !ISO.test(asOf)) return null;
  const left = dayNumber(dueOn) - dayNumber(asOf);
  if (left < 0) return { state: 'overdue', days: -left };
  if (left <= DUE_SOON_DAYS) return { state: 'due-soon', days: left };
  return { state: 'later', days: left };
}

/** Whether a step due on `dueOn` is overdue on `asOf` (the due day itself is not). */
export function isOverdueOn(dueOn: string | null | undefined, asOf: string): boolean {
  return dueState(dueOn, asOf)?.state === 'overdue';
}
