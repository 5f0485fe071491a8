// The public area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './public.th';

export const tPublic = messages(th, () => import('./public.en'));
