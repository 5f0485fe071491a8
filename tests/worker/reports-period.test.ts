// Report periods in Bangkok time: half-months, months and days, with their edges at month ends,
// at 1 October (a new fiscal year) and around 29 February 2024.
import { describe, expect, it } from 'vitest';
import {
  latestEndedPeriod,
  parsePeriodKey,
  periodContaining,
  periodForRun,
  periodsOfFiscalYear,
  previousPeriod,
} from '../../worker/domain/report-period';

/** An instant given as Bangkok wall-clock time. */
const bkk = (local: string) => Date.parse(`${local}+07:00`);

describe('what a scheduled run reports on', () => {
  it('the 16th 08:00 Bangkok: the first half of the same month', () => {
    const p = periodForRun('executive', bkk('2024-06-16T08:00:00'));
    expect(p).toMatchObject({ key: '2024-06-H1', firstDay: '2024-06-01', lastDay: '2024-06-15', fiscalYear: 2567 });
    expect(p.start).toBe(bkk('2024-06-01T00:00:00'));
    expect(p.end).toBe(bkk('2024-06-16T00:00:00'));
  });

  it('the 1st 08:00 Bangkok: the second half of the month before, to its last day', () => {
    expect(periodForRun('executive', bkk('2024-07-01T08:00:00'))).toMatchObject({ key: '2024-06-H2', firstDay: '2024-06-16', lastDay: '2024-06-30' });
    expect(periodForRun('executive', bkk('2024-06-01T08:00:00'))).toMatchObject({ key: '2024-05-H2', lastDay: '2024-05-31' });
    expect(periodForRun('executive', bkk('2024-01-01T08:00:00'))).toMatchObject({ key: '2023-12-H2', lastDay: '2023-12-31', fiscalYear: 2567 });
  });

  it('around 29 February 2024 (leap year) and February 2023 (not)', () => {
    const leap = periodForRun('executive', bkk('2024-03-01T08:00:00'));
    expect(leap).toMatchObject({ key: '2024-02-H2', firstDay: '2024-02-16', lastDay: '2024-02-29' });
    expect(leap.end).toBe(bkk('2024-03-01T00:00:00'));
    expect(periodForRun('staff', bkk('2024-03-01T08:30:00'))).toMatchObject({ key: '2024-02', firstDay: '2024-02-01', lastDay: '2024-02-29' });
    expect(periodForRun('staff', bkk('2023-03-01T08:30:00'))).toMatchObject({ key: '2023-02', lastDay: '2023-02-28' });
    expect(periodForRun('digest', bkk('2024-02-29T07:00:00'))).toMatchObject({ key: '2024-02-29', firstDay: '2024-02-29', lastDay: '2024-02-29' });
    expect(periodForRun('digest', bkk('2024-03-01T07:00:00')).key).toBe('2024-03-01');
  });

  it('1 October: the report run that day is about September, the last month of the ending fiscal year', () => {
    const half = periodForRun('executive', bkk('2024-10-01T08:00:00'));
    expect(half).toMatchObject({ key: '2024-09-H2', lastDay: '2024-09-30', fiscalYear: 2567 });
    const month = periodForRun('staff', bkk('2024-10-01T08:30:00'));
    expect(month).toMatchObject({ key: '2024-09', fiscalYear: 2567 });
    // The first periods of the new year belong to it.
    expect(periodForRun('executive', bkk('2024-10-16T08:00:00'))).toMatchObject({ key: '2024-10-H1', fiscalYear: 2568 });
    expect(periodForRun('staff', bkk('2024-11-01T08:30:00'))).toMatchObject({ key: '2024-10', fiscalYear: 2568 });
    expect(periodForRun('digest', bkk('2024-10-01T07:00:00'))).toMatchObject({ key: '2024-10-01', fiscalYear: 2568 });
    expect(periodForRun('digest', bkk('2024-09-30T07:00:00'))).toMatchObject({ key: '2024-09-30', fiscalYear: 2567 });
  });

  it('the cron fires in UTC: 01:00 UTC on the 1st is 08:00 Bangkok the same day', () => {
    const utc = Date.parse('2024-07-01T01:00:00Z');
    expect(periodForRun('executive', utc).key).toBe('2024-06-H2');
    // 23:30 UTC on 30 June is already 1 July 06:30 in Bangkok: the day (and half) has turned.
    expect(periodContaining('digest', Date.parse('2024-06-30T23:30:00Z')).key).toBe('2024-07-01');
    expect(periodContaining('executive', Date.parse('2024-06-30T23:30:00Z')).key).toBe('2024-07-H1');
    expect(periodContaining('executive', Date.parse('2024-06-30T16:59:59Z')).key).toBe('2024-06-H2');
  });
});

describe('period keys and fiscal years', () => {
  it('parses keys of each kind and refuses the wrong shape or an impossible date', () => {
    expect(parsePeriodKey('executive', '2024-02-H2')).toMatchObject({ lastDay: '2024-02-29' });
    expect(parsePeriodKey('staff', '2024-06')).toMatchObject({ firstDay: '2024-06-01', lastDay: '2024-06-30' });
    expect(parsePeriodKey('digest', '2024-02-29')).toMatchObject({ key: '2024-02-29' });
    expect(parsePeriodKey('digest', '2023-02-29')).toBeNull();
    expect(parsePeriodKey('executive', '2024-06')).toBeNull();
    expect(parsePeriodKey('executive', '2024-06-H3')).toBeNull();
    expect(parsePeriodKey('staff', '2024-13')).toBeNull();
    expect(parsePeriodKey('staff', "2024-06'; drop table reports")).toBeNull();
  });

  it('a fiscal year has 24 half-months and 12 months, 1 Oct to 30 Sep, back to back', () => {
    const halves = periodsOfFiscalYear('executive', 2567);
    expect(halves).toHaveLength(24);
    expect(halves[0]).toMatchObject({ key: '2023-10-H1', firstDay: '2023-10-01' });
    expect(halves[23]).toMatchObject({ key: '2024-09-H2', lastDay: '2024-09-30' });
    expect(halves.every((p) => p.fiscalYear === 2567)).toBe(true);
    for (let i = 1; i < halves.length; i++) expect(halves[i]!.start).toBe(halves[i - 1]!.end);
    const months = periodsOfFiscalYear('staff', 2567);
    expect(months.map((m) => m.key)).toEqual(['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09']);
    expect(previousPeriod(months[0]!)).toMatchObject({ key: '2023-09', fiscalYear: 2566 });
  });

  it('"now" for a fiscal year: the latest period that has ended, never one beyond the year', () => {
    // Demo data is FY2567; "now" in 2026 falls long after it: its last periods.
    expect(latestEndedPeriod('executive', 2567, Date.parse('2026-05-10T00:00:00Z'))?.key).toBe('2024-09-H2');
    expect(latestEndedPeriod('staff', 2567, Date.parse('2026-05-10T00:00:00Z'))?.key).toBe('2024-09');
    expect(latestEndedPeriod('executive', 2567, bkk('2024-06-20T10:00:00'))?.key).toBe('2024-06-H1');
    expect(latestEndedPeriod('staff', 2567, bkk('2024-06-20T10:00:00'))?.key).toBe('2024-05');
    // 5 October 2023: nothing of FY2567 has ended yet.
    expect(latestEndedPeriod('staff', 2567, bkk('2023-10-05T10:00:00'))).toBeNull();
  });
});
