import type { ReportKindName } from '../../../../worker/domain/report-types';

/** Every kind of report the office may receive, in the order the page lists them. */
export const REPORT_KIND_NAMES: readonly ReportKindName[] = ['executive', 'staff', 'digest'];
