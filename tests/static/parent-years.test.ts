// The parent body's pages compute a fiscal year and its bounds with sums of their own
// (web/src/components/parent/years.ts, kept out of the board's first load): the same answers as
// the domain's functions, on every day of several years and at the turn of each fiscal year.
import { describe, expect, it } from 'vitest';
import { boundsOf, fiscalYearOfDay } from '../../web/src/components/parent/years';
import { fiscalYearBounds, fiscalYearOf } from '../../worker/domain/fiscal-year';

describe("the parent pages' fiscal years", () => {
  it('name the fiscal year of every day as fiscalYearOf does', () => {
    let checked = 0;
    for (let t = Date.parse('2023-01-01T05:00:00Z'); t < Date.parse('2028-12-31T05:00:00Z'); t += 86_400_000) {
      const at = new Date(t);
      // The Bangkok date at noon Bangkok time (05:00 UTC): fiscalYearOf reckons in Bangkok time.
      expect(fiscalYearOfDay(at.toISOString().slice(0, 10))).toBe(fiscalYearOf(at));
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
    expect(fiscalYearOfDay('2026-09-30')).toBe(2569);
    expect(fiscalYearOfDay('2026-10-01')).toBe(2570);
  });

  it("give a year's first and last days as fiscalYearBounds does", () => {
    for (let beYear = 2560; beYear <= 2580; beYear++) expect(boundsOf(beYear)).toEqual(fiscalYearBounds(beYear));
  });
});
