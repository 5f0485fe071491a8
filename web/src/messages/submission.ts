// The submission area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './submission.th';

export const tSubmission = messages(th, () => import('./submission.en'));
