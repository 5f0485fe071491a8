// Request bodies of the reports: compiling and sending, the schedule, the kinds an office sends
// and their recipients (routes/reports.ts); the dashboard's O43 period (routes/dashboard.ts).
import { z } from 'zod';
import { REPORT_KINDS } from '../report-types';
import { CADENCES, REPORT_AUDIENCES } from '../report-cadence';
import { beYearText } from '../params';
import { email, isoDate } from './common';

const MEETING_KINDS = ['executive', 'staff'] as const;

/** GET /api/reports?beYear= */
export const archiveQuery = z.object({ beYear: beYearText });

/** POST /api/reports/preview and /api/reports/send. `periodKey` absent: the latest period of the year that has ended. */
export const compileBody = z.strictObject({ beYear: beYearText, kind: z.enum(MEETING_KINDS), periodKey: z.string().trim().max(20).optional() });
export type CompileRequest = z.infer<typeof compileBody>;

/** POST /api/reports/recipients */
export const recipientBody = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  email,
  name: z.string().trim().max(200).default(''),
});

/** PUT /api/reports/schedule */
export const scheduleBody = z.strictObject({ beYear: beYearText, audience: z.enum(REPORT_AUDIENCES), cadence: z.enum(CADENCES) });

/** PUT /api/reports/settings */
export const kindsBody = z.strictObject({ reportKinds: z.strictObject({ executive: z.boolean(), staff: z.boolean(), digest: z.boolean() }).partial() });

/** GET /api/dashboard/:beYear/o43?from=&to= */
export const periodQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
