// A parent body's years, in the chunk of its pages. Two one-line sums rather than
// worker/domain/fiscal-year.ts's functions: the board's first load carries that module, and a
// lazy chunk's import of a function the first load does not use would add the function to it
// (the first load is at its budget). tests/static/parent-years.test.ts checks them against
// fiscalYearOf and fiscalYearBounds.

/** The fiscal year (BE) of a Bangkok date 'YYYY-MM-DD': a year runs from 1 October. */
export const fiscalYearOfDay = (day: string): number => Number(day.slice(0, 4)) + 543 + (day.slice(5, 7) >= '10' ? 1 : 0);

/** A fiscal year's first and last days. */
export const boundsOf = (beYear: number): { startsOn: string; endsOn: string } => ({ startsOn: `${beYear - 544}-10-01`, endsOn: `${beYear - 543}-09-30` });
