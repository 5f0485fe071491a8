// The catalogue area's translator: Thai ships with the area's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './catalogue.th';

export const tCatalogue = messages(th, () => import('./catalogue.en'));
