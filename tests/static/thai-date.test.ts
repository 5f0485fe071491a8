// The one module of dates and Thai digits (worker/domain/thai-date.ts) that the Worker's reports
// and the web app share: Buddhist Era, Bangkok time, Thai digits only where asked and only in Thai.
import { describe, expect, it } from 'vitest';
import {
  beToIso,
  formatDate,
  formatLongDate,
  formatMoment,
  formatMonthYear,
  isoToBe,
  monthName,
  parseIsoDate,
  toThaiDigits,
  todayInBangkok,
} from '../../worker/domain/thai-date';

describe('thai-date', () => {
  it('writes calendar dates in the Buddhist Era, in Thai or English, with Thai digits only in Thai', () => {
    expect(formatDate('2024-06-12', 'th')).toBe('12 มิ.ย. 2567');
    expect(formatDate('2024-06-12', 'en')).toBe('12 Jun 2567 BE');
    expect(formatDate('2024-06-12', 'th', { thaiDigits: true })).toBe('๑๒ มิ.ย. ๒๕๖๗');
    expect(formatDate('2024-06-12', 'en', { thaiDigits: true })).toBe('12 Jun 2567 BE');
    expect(formatLongDate('2023-10-01', 'th')).toBe('1 ตุลาคม 2566');
    expect(formatLongDate('2023-10-01', 'th', { thaiDigits: true })).toBe('๑ ตุลาคม ๒๕๖๖');
    expect(formatMonthYear('2024-06-01', 'th')).toBe('มิถุนายน 2567');
    expect(formatDate('2024-02-30', 'th')).toBe('2024-02-30');
  });

  it('shows moments in Bangkok time, on a 24-hour clock', () => {
    const at = Date.UTC(2024, 5, 11, 17, 20); // 00:20 on 12 June in Bangkok
    expect(formatMoment(at, 'th')).toBe('12 มิ.ย. 2567 00:20');
    expect(formatMoment(at, 'en')).toBe('12 Jun 2567 BE, 00:20');
    expect(todayInBangkok(new Date(at))).toBe('2024-06-12');
    expect(todayInBangkok(new Date(Date.UTC(2024, 5, 11, 16, 59)))).toBe('2024-06-11');
  });

  it('turns Arabic digits into Thai ones and nothing else', () => {
    expect(toThaiDigits('ปี 2567: 15%')).toBe('ปี ๒๕๖๗: ๑๕%');
  });

  it('reads and writes dates entered as day, month and Buddhist Era year', () => {
    expect(isoToBe('2024-02-29')).toEqual({ day: 29, month: 2, beYear: 2567 });
    expect(beToIso({ day: 29, month: 2, beYear: 2567 })).toEqual({ ok: true, iso: '2024-02-29' });
    expect(beToIso({ day: 29, month: 2, beYear: 2566 })).toEqual({ ok: false, problem: 'no-such-day' });
    expect(beToIso({ day: 1, month: null, beYear: 2567 })).toEqual({ ok: false, problem: 'incomplete' });
    expect(beToIso({ day: null, month: null, beYear: null })).toEqual({ ok: true, iso: null });
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T05:00:00.000Z');
    expect(monthName(10, 'th')).toBe('ตุลาคม');
    expect(monthName(10, 'en')).toBe('October');
  });
});
