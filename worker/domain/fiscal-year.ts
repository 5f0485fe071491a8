// Thai fiscal years: named by the Buddhist Era year in which they end, running 1 October to
// 30 September. FY 2567 = 2023-10-01 .. 2024-09-30. Buddhist Era = Gregorian + 543.

export const BE_OFFSET = 543;
/** Bangkok is UTC+7 all year (no daylight saving): the one offset every date here uses. */
export const BANGKOK_OFFSET_MS = 7 * 3600_000;

export const DAY_MS = 86_400_000;

/** Days from one YYYY-MM-DD date to another (calendar days, no time zone involved). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function fiscalYearBounds(beYear: number): { startsOn: string; endsOn: string } {
  const endGregorian = beYear - BE_OFFSET;
  return { startsOn: `${endGregorian - 1}-10-01`, endsOn: `${endGregorian}-09-30` };
}

/** The fiscal year (BE) a moment falls in, reckoned in Bangkok time (UTC+7, no DST). */
export function fiscalYearOf(at: Date): number {
  const bangkok = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const y = bangkok.getUTCFullYear();
  const m = bangkok.getUTCMonth(); // 0-based: 9 = October
  return (m >= 9 ? y + 1 : y) + BE_OFFSET;
}

/** Today's date in Bangkok as YYYY-MM-DD. */
export function bangkokToday(at: Date): string {
  return bangkokDate(at.getTime());
}

/** The Bangkok calendar date (YYYY-MM-DD) of an instant. */
export function bangkokDate(at: number): string {
  return new Date(at + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

export function isPlausibleBeYear(beYear: number): boolean {
  return Number.isInteger(beYear) && beYear >= 2500 && beYear <= 2700;
}

/** A real calendar date written YYYY-MM-DD (rejects 2024-02-30). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** What choosing the default year needs of a fiscal year. */
export interface YearSpan {
  beYear: number;
  startsOn: string;
  endsOn: string;
  archivedAt?: number | null;
}

/**
 * The fiscal year everyone lands on after signing in: the one containing `today` (Bangkok,
 * YYYY-MM-DD), else the latest non-archived year that has already started — never a year just
 * imported for a later date. Only an office with no started year at all lands on its earliest
 * (future) year, and only one with nothing but archived years on its latest archived one.
 */
export function defaultFiscalYear(years: readonly YearSpan[], today: string): number | null {
  const live = years.filter((y) => !y.archivedAt);
  const current = live.find((y) => y.startsOn <= today && today <= y.endsOn);
  if (current) return current.beYear;
  const started = live.filter((y) => y.startsOn <= today).sort((a, b) => b.beYear - a.beYear);
  if (started[0]) return started[0].beYear;
  const upcoming = live.sort((a, b) => a.beYear - b.beYear);
  if (upcoming[0]) return upcoming[0].beYear;
  const archived = [...years].sort((a, b) => b.beYear - a.beYear);
  return archived[0]?.beYear ?? null;
}
