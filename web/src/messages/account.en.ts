// English of account.th.ts (same keys, same {params}: checked by the type system).
import { english } from '../../../worker/domain/i18n';
import type { th } from './account.th';

export default english<typeof th>()({
  'passwordField.atLeastMinCharacters': 'At least {MIN} characters, any characters: several words together work well',
  'passwordField.minMoreCharactersAt': '{MIN} more characters (at least {MIN2})',
  'passwordField.longerThanMaxCharacters': 'Longer than {MAX} characters',
  'passwordField.checking': 'Checking…',
  'passwordField.tooEasyToGuess': 'Too easy to guess: avoid common words, repeats and sequences',
  'passwordField.good': 'Good',
  'passwordField.strong': 'Strong',
  'passwordField.showPassword': 'Show password',
  'page.unknownBrowser': 'Unknown browser',
  'page.on': ' on ',
  'page.theTwoNewPasswords': 'The two new passwords differ',
  'page.passwordChangedYourOther': 'Password changed; your other sessions were ended',
  'page.changePassword': 'Change password',
  'page.youSignedInWith': 'You signed in with a temporary password from your administrator; choose a new password to continue',
  'page.currentPassword': 'Current password',
  'page.newPassword': 'New password',
  'page.newPasswordAgain': 'New password again',
  'page.thisBrowser': 'this browser',
  'page.signOut': 'Sign out',
  'page.endThisSession': 'End this session',
  'page.whereYouAreSigned': 'Where you are signed in',
  'page.browser': 'Browser',
  'page.ipAddress': 'IP address',
  'page.signedIn': 'Signed in',
  'page.myAccount': 'My account',
});
