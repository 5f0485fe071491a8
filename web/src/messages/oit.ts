// The oit area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './oit.th';

export const tOit = messages(th, () => import('./oit.en'));
