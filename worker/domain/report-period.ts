// Report periods, reckoned in Bangkok time (UTC+7, no daylight saving). Item 3.9 of the
// announcement sets the rhythm: the executives' and group directors' meeting twice a month
// (half-months 1st–15th and 16th–end), the all-staff meeting once a month, and the directors'
// daily digest. A period is [start, end): `end` is the first instant after it, so the last day
// of February 2024 is the 29th without any special case.
//
// Keys: '2024-06-H1' / '2024-06-H2' (half-months), '2024-06' (month), '2024-06-15' (day).
// A period never straddles fiscal years: 1 October starts a month and a half-month, so the
// board a period reports on is the one of the fiscal year its first day falls in.
import { BANGKOK_OFFSET_MS, DAY_MS, fiscalYearBounds, fiscalYearOf } from './fiscal-year';
import type { Cadence } from './report-cadence';
import type { ReportKindName } from './report-types';

/** The report a period is reckoned for (report-types.ts REPORT_KINDS). */
export type PeriodKind = ReportKindName;

export interface ReportPeriod {
  kind: PeriodKind;
  key: string;
  /** First instant (ms since epoch, UTC) of the period: 00:00 Bangkok on `firstDay`. */
  start: number;
  /** First instant after the period. */
  end: number;
  /** Calendar dates (Gregorian, YYYY-MM-DD) of its first and last day, inclusive. */
  firstDay: string;
  lastDay: string;
  /** Buddhist Era year of the fiscal year the period falls in. */
  fiscalYear: number;
}


const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (y: number, m0: number, d: number) => new Date(Date.UTC(y, m0, d)).toISOString().slice(0, 10);

/** 00:00 in Bangkok on the given calendar day (month and day may overflow, as Date.UTC allows). */
function bangkokMidnight(y: number, m0: number, d: number): number {
  return Date.UTC(y, m0, d) - BANGKOK_OFFSET_MS;
}

/** The Bangkok calendar day of an instant. */
function bangkokDay(at: number): { y: number; m0: number; d: number } {
  const local = new Date(at + BANGKOK_OFFSET_MS);
  return { y: local.getUTCFullYear(), m0: local.getUTCMonth(), d: local.getUTCDate() };
}

function build(kind: PeriodKind, key: string, start: number, end: number): ReportPeriod {
  return {
    kind,
    key,
    start,
    end,
    firstDay: new Date(start + BANGKOK_OFFSET_MS).toISOString().slice(0, 10),
    lastDay: new Date(end - DAY_MS + BANGKOK_OFFSET_MS).toISOString().slice(0, 10),
    fiscalYear: fiscalYearOf(new Date(start)),
  };
}

/** Half 1 = 1st–15th, half 2 = 16th–last day of the month. */
export function halfMonthPeriod(y: number, m0: number, half: 1 | 2, kind: PeriodKind = 'executive'): ReportPeriod {
  const norm = new Date(Date.UTC(y, m0, 1));
  const [ny, nm] = [norm.getUTCFullYear(), norm.getUTCMonth()];
  const key = `${ny}-${pad(nm + 1)}-H${half}`;
  return half === 1
    ? build(kind, key, bangkokMidnight(ny, nm, 1), bangkokMidnight(ny, nm, 16))
    : build(kind, key, bangkokMidnight(ny, nm, 16), bangkokMidnight(ny, nm + 1, 1));
}

export function monthPeriod(y: number, m0: number, kind: PeriodKind = 'staff'): ReportPeriod {
  const norm = new Date(Date.UTC(y, m0, 1));
  const [ny, nm] = [norm.getUTCFullYear(), norm.getUTCMonth()];
  return build(kind, `${ny}-${pad(nm + 1)}`, bangkokMidnight(ny, nm, 1), bangkokMidnight(ny, nm + 1, 1));
}

export function dayPeriod(y: number, m0: number, d: number): ReportPeriod {
  const key = isoDay(y, m0, d);
  const [ny, nm, nd] = key.split('-').map(Number) as [number, number, number];
  return build('digest', key, bangkokMidnight(ny, nm - 1, nd), bangkokMidnight(ny, nm - 1, nd + 1));
}

/** The period containing the instant `at`. */
export function periodContaining(kind: PeriodKind, at: number): ReportPeriod {
  const { y, m0, d } = bangkokDay(at);
  if (kind === 'executive') return halfMonthPeriod(y, m0, d <= 15 ? 1 : 2);
  if (kind === 'staff') return monthPeriod(y, m0);
  return dayPeriod(y, m0, d);
}

/** The period just before `p`. */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  return periodContaining(p.kind, p.start - 1);
}

/**
 * What a scheduled run at `at` reports on. Meeting reports cover the latest period that has
 * ended (run on the 1st: the second half / the whole of the month before; on the 16th: the first
 * half of this month). The digest is about the day it is sent on.
 */
export function periodForRun(kind: PeriodKind, at: number): ReportPeriod {
  if (kind === 'digest') return periodContaining('digest', at);
  return previousPeriod(periodContaining(kind, at));
}

const KEY_PATTERNS: Record<PeriodKind, RegExp> = {
  executive: /^(\d{4})-(\d{2})-H([12])$/,
  staff: /^(\d{4})-(\d{2})$/,
  digest: /^(\d{4})-(\d{2})-(\d{2})$/,
};

/** The period a key names, or null when the key is not one of `kind`'s (or not a real date). */
export function parsePeriodKey(kind: PeriodKind, key: string): ReportPeriod | null {
  const m = KEY_PATTERNS[kind].exec(key);
  if (!m) return null;
  const [y, month, third] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || month < 1 || month > 12) return null;
  const period =
    kind === 'executive'
      ? halfMonthPeriod(y, month - 1, third as 1 | 2)
      : kind === 'staff'
        ? monthPeriod(y, month - 1)
        : dayPeriod(y, month - 1, third);
  return period.key === key ? period : null; // rejects 2024-02-30
}

/** Every period of `kind` in a fiscal year (BE), in order. Not meant for 'digest' (365 of them). */
export function periodsOfFiscalYear(kind: Exclude<PeriodKind, 'digest'>, beYear: number): ReportPeriod[] {
  const { startsOn } = fiscalYearBounds(beYear);
  const firstYear = Number(startsOn.slice(0, 4));
  const out: ReportPeriod[] = [];
  for (let i = 0; i < 12; i++) {
    const m0 = 9 + i; // October of the first Gregorian year, overflowing into the next year
    if (kind === 'staff') out.push(monthPeriod(firstYear, m0));
    else out.push(halfMonthPeriod(firstYear, m0, 1), halfMonthPeriod(firstYear, m0, 2));
  }
  return out;
}

/**
 * The period to compile when someone asks for "now" while looking at fiscal year `beYear`: the
 * latest one of the year that has ended by `now`, or null when none has (the year has not
 * reached its first period's end yet).
 */
export function latestEndedPeriod(kind: Exclude<PeriodKind, 'digest'>, beYear: number, now: number): ReportPeriod | null {
  const ended = periodsOfFiscalYear(kind, beYear).filter((p) => p.end <= now);
  return ended[ended.length - 1] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Periods by cadence (domain/report-cadence.ts). The audience's report kind is the period's kind;
// the key tells the cadence:
//   twice-monthly '2026-11-H1'   monthly '2026-11'
//   quarterly     'FY2570-Q1' (1 Oct – 31 Dec) … 'FY2570-Q4' (1 Jul – 30 Sep)
//   half-yearly   'FY2570-6M' (1 Oct – 31 Mar) and 'FY2570-12M' (the whole year, 1 Oct – 30 Sep)
// Every period ends at 00:00 Bangkok on the 1st or 16th of a month, so the report triggers of the
// 1st and 16th see each period end. A period is due at the instant it ends.

export type MeetingKind = Exclude<PeriodKind, 'digest'>;

/** Fiscal quarter q (1–4) of fiscal year `beYear`. */
export function quarterPeriod(beYear: number, q: 1 | 2 | 3 | 4, kind: MeetingKind): ReportPeriod {
  const firstYear = Number(fiscalYearBounds(beYear).startsOn.slice(0, 4));
  const m0 = 9 + 3 * (q - 1); // October, January, April, July (overflowing into the next year)
  return build(kind, `FY${beYear}-Q${q}`, bangkokMidnight(firstYear, m0, 1), bangkokMidnight(firstYear, m0 + 3, 1));
}

/** The 6-month report (1 October – 31 March) or the 12-month report (the whole fiscal year). */
export function halfYearPeriod(beYear: number, months: 6 | 12, kind: MeetingKind): ReportPeriod {
  const firstYear = Number(fiscalYearBounds(beYear).startsOn.slice(0, 4));
  return build(kind, `FY${beYear}-${months}M`, bangkokMidnight(firstYear, 9, 1), bangkokMidnight(firstYear, 9 + months, 1));
}

/** Every period of a cadence in a fiscal year, in order of their ends. */
export function periodsOfCadence(cadence: Cadence, kind: MeetingKind, beYear: number): ReportPeriod[] {
  const firstYear = Number(fiscalYearBounds(beYear).startsOn.slice(0, 4));
  const out: ReportPeriod[] = [];
  switch (cadence) {
    case 'twice-monthly':
      for (let i = 0; i < 12; i++) out.push(halfMonthPeriod(firstYear, 9 + i, 1, kind), halfMonthPeriod(firstYear, 9 + i, 2, kind));
      return out;
    case 'monthly':
      for (let i = 0; i < 12; i++) out.push(monthPeriod(firstYear, 9 + i, kind));
      return out;
    case 'quarterly':
      return ([1, 2, 3, 4] as const).map((q) => quarterPeriod(beYear, q, kind));
    case 'half-yearly':
      return [halfYearPeriod(beYear, 6, kind), halfYearPeriod(beYear, 12, kind)];
  }
}

/** The period of `cadence` that ends exactly at `end` (00:00 Bangkok of a day), or null. */
export function periodEndingAt(cadence: Cadence, kind: MeetingKind, end: number): ReportPeriod | null {
  const beYear = fiscalYearOf(new Date(end - 1));
  return periodsOfCadence(cadence, kind, beYear).find((p) => p.end === end) ?? null;
}

/**
 * The period of `cadence` that is running at `at` (for half-yearly: the 6-month one until
 * 31 March, then the 12-month one).
 */
export function currentPeriodOf(cadence: Cadence, kind: MeetingKind, at: number): ReportPeriod {
  const periods = periodsOfCadence(cadence, kind, fiscalYearOf(new Date(at)));
  return periods.find((p) => p.end > at)!;
}

/** 00:00 Bangkok of the day `at` falls on. */
export function bangkokDayStart(at: number): number {
  const { y, m0, d } = bangkokDay(at);
  return bangkokMidnight(y, m0, d);
}

const CADENCE_KEYS: { cadence: Cadence; pattern: RegExp }[] = [
  { cadence: 'twice-monthly', pattern: /^\d{4}-\d{2}-H[12]$/ },
  { cadence: 'monthly', pattern: /^\d{4}-\d{2}$/ },
  { cadence: 'quarterly', pattern: /^FY\d{4}-Q[1-4]$/ },
  { cadence: 'half-yearly', pattern: /^FY\d{4}-(?:6|12)M$/ },
];

/** The cadence a period key belongs to, or null for a day key or anything else. */
export function cadenceOfKey(key: string): Cadence | null {
  return CADENCE_KEYS.find((c) => c.pattern.test(key))?.cadence ?? null;
}

/** The meeting-report period a key names, whatever its cadence, or null. */
export function parseMeetingPeriodKey(kind: MeetingKind, key: string): ReportPeriod | null {
  const cadence = cadenceOfKey(key);
  if (cadence === 'twice-monthly') {
    const p = parsePeriodKey('executive', key);
    return p ? { ...p, kind } : null;
  }
  if (cadence === 'monthly') {
    const p = parsePeriodKey('staff', key);
    return p ? { ...p, kind } : null;
  }
  if (cadence === null) return null;
  const beYear = Number(key.slice(2, 6));
  if (beYear < 2500 || beYear > 2700) return null;
  const periods = periodsOfCadence(cadence, kind, beYear);
  return periods.find((p) => p.key === key) ?? null;
}
