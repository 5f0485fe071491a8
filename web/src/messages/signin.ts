// The sign-in form's translator: Thai ships with the form's code, English is loaded when it is on.
import { messages } from '../i18n';
import { th } from './signin.th';

export const tSignIn = messages(th, () => import('./signin.en'));
