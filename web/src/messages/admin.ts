// The admin area's translator: Thai ships with the area's code, English is loaded when it is on.
import type { PlainKey } from '../../../worker/domain/i18n';
import { messages } from '../i18n';
import { th } from './admin.th';

export const tAdmin = messages(th, () => import('./admin.en'));
/** Keys of the area shown without params (tables of labels). */
export type AdminLabel = PlainKey<typeof th>;
