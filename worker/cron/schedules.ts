// The cron expressions the Worker answers to (UTC, as in wrangler.toml's [triggers] crons, which
// deploys them). tests/static/schedules.test.ts checks that the two lists are the same.
export const SCHEDULES = {
  /** 08:00 Bangkok on the 1st and 16th (on the 16th also the staff report, when twice a month). */
  executiveReport: '0 1 1,16 * *',
  /** 08:30 Bangkok on the 1st. */
  staffReport: '30 1 1 * *',
  /** 07:00 Bangkok daily. */
  digest: '0 0 * * *',
  outbox: '*/10 * * * *',
  /** Every 10 minutes, 5 past: the next batch of the day's link check, until the day's pass is done. */
  linkHealth: '5-55/10 * * * *',
} as const;
