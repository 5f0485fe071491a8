// The rollup area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './rollup.th';

export const tRollup = messages(th, () => import('./rollup.en'));
