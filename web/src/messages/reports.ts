// The reports area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from '../../../worker/domain/messages/report.th';

// Shared with the Worker's report email and CSV (worker/domain/messages/).
export const tReports = messages(th, () => import('../../../worker/domain/messages/report.en'));
