// A fiscal year's report schedule: stored with its year, read back per day, DEFAULT_SCHEDULE when
// nothing is stored, a later change kept apart from the cadence that applied before it.
import { describe, expect, it } from 'vitest';
import { db, seedOffice } from './helpers';
import { readReportSchedule, readScheduleEntries, reportScheduleStatements } from '../../worker/db/report-schedule';
import { DEFAULT_SCHEDULE } from '../../worker/domain/report-cadence';
import { cadenceOn } from '../../worker/domain/report-schedule';

describe('report schedule storage', () => {
  it('reads DEFAULT_SCHEDULE for a year with nothing stored, then what was stored, from the year start', async () => {
    const demo = await seedOffice('sched-a', 'sched-a.test');
    expect(await readReportSchedule(db(), demo.orgId, demo.fiscalYearId, '2024-01-01')).toEqual(DEFAULT_SCHEDULE);
    const [first, ...rest] = reportScheduleStatements(db(), demo.fiscalYearId, { executive: 'quarterly', staff: 'half-yearly' });
    await db().batch([first!, ...rest]);
    const entries = await readScheduleEntries(db(), demo.orgId, demo.fiscalYearId);
    expect(entries).toEqual([
      { audience: 'executive', cadence: 'quarterly', effectiveFrom: '2023-10-01' },
      { audience: 'staff', cadence: 'half-yearly', effectiveFrom: '2023-10-01' },
    ]);
    expect(await readReportSchedule(db(), demo.orgId, demo.fiscalYearId, '2023-10-01')).toEqual({ executive: 'quarterly', staff: 'half-yearly' });
  });

  it('keeps the earlier cadence before a change and applies the change from its day; rewriting a day replaces it', async () => {
    const demo = await seedOffice('sched-b', 'sched-b.test');
    const write = async (...args: Parameters<typeof reportScheduleStatements> extends [any, any, ...infer R] ? R : never) => {
      const [first, ...rest] = reportScheduleStatements(db(), demo.fiscalYearId, ...args);
      await db().batch([first!, ...rest]);
    };
    await write({ executive: 'twice-monthly', staff: 'monthly' });
    await write({ executive: 'quarterly', staff: 'monthly' }, { effectiveFrom: '2024-01-01' });
    await write({ executive: 'half-yearly', staff: 'monthly' }, { effectiveFrom: '2024-01-01' });
    const entries = await readScheduleEntries(db(), demo.orgId, demo.fiscalYearId);
    expect(entries.filter((e) => e.audience === 'executive')).toHaveLength(2);
    expect(cadenceOn(entries, 'executive', '2023-12-31')).toBe('twice-monthly');
    expect(cadenceOn(entries, 'executive', '2024-01-01')).toBe('half-yearly');
    expect(cadenceOn(entries, 'staff', '2024-09-30')).toBe('monthly');
  });

  it('writes nothing for a fiscal year that does not exist', async () => {
    const [first, ...rest] = reportScheduleStatements(db(), 'no-such-year', DEFAULT_SCHEDULE);
    await db().batch([first!, ...rest]);
    expect(await readScheduleEntries(db(), 'no-such-org', 'no-such-year')).toEqual([]);
  });
});
