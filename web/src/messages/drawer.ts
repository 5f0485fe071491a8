// The drawer area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './drawer.th';

export const tDrawer = messages(th, () => import('./drawer.en'));
