// The evidence files' translator: Thai ships with the drawer's sections, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './files.th';

export const tFiles = messages(th, () => import('./files.en'));
