// The memo area's translator: Thai ships with the area's code, English is loaded when it is on.
import type { PlainKey } from '../../../worker/domain/i18n';
import { messages } from '../i18n';
import { th } from './memo.th';

export const tMemo = messages(th, () => import('./memo.en'));
/** Keys of the area shown without params (tables of labels). */
export type MemoLabel = PlainKey<typeof th>;
