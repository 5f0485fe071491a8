// The done rule's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './done-rule.th';

export const tDoneRule = messages(th, () => import('./done-rule.en'));
