// The account area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './account.th';

export const tAccount = messages(th, () => import('./account.en'));
