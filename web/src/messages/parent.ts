// The parent area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './parent.th';

export const tParent = messages(th, () => import('./parent.en'));
