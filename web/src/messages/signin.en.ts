// English of signin.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../../../worker/domain/i18n';
import type { th } from './signin.th';

export default english<typeof th>()({
  'signIn.title': 'Sign in',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.required': 'Enter your email and password.',
  'signIn.demoTitle': 'Demo accounts (local development only)',
  'signIn.demoAs': 'Sign in as {label}',
  'signIn.showPassword': 'Show password',
  'signIn.showYouAreNot': 'Show you are not a bot',
  'signIn.youCanTryAgain': 'You can try again in {remaining} s',
});
