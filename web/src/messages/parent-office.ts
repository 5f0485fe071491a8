// The parent-office area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './parent-office.th';

export const tParentOffice = messages(th, () => import('./parent-office.en'));
