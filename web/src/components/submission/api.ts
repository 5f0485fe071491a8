// Calls of the OIT submission page (worker/routes/submission.ts, mounted under /api/oit): the
// year's submission, one item's save, and the CSV's address (a plain download link).
import { call, enc, type Data } from '../../api';
import { typed } from '../../typed-client';
import type { SubmissionApi } from '../../../../worker/routes/submission';
import type { SubmissionBody } from '../../../../worker/domain/schemas/submission';

const submission = typed<SubmissionApi>('/api/oit');

export const submissionApi = {
  load: (beYear: number) => call(() => submission[':beYear'].submission.$get({ param: { beYear: enc(beYear) } })),
  save: (beYear: number, code: string, body: SubmissionBody) =>
    call(() => submission[':beYear'].submission[':code'].$put({ param: { beYear: enc(beYear), code: enc(code) }, json: body })),
  csvUrl: (beYear: number) => `/api/oit/${enc(beYear)}/submission.csv`,
};

export type SubmissionData = Data<typeof submissionApi.load>;
