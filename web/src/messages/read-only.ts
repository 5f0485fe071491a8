// The read-only area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './read-only.th';

export const tReadOnly = messages(th, () => import('./read-only.en'));
