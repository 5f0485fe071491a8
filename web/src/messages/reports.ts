// The reports area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './reports.th';

export const tReports = messages(th, () => import('./reports.en'));
