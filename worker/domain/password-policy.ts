// Which passwords may be set (OWASP ASVS L2, V2.1): 12 to 128 characters, any characters, no
// composition rules; refused when it is a common password (the zxcvbn-ts common-password list,
// `COMMON_PASSWORD_COUNT` entries), too easy to guess (zxcvbn score below 3: repeats, sequences,
// keyboard walks, dictionary words with a year), or contains the user's email (or its name part)
// or the office's name. The web app shows the same estimate as a hint while typing.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { errorMessages } from './errors';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/** zxcvbn's score (0–4) a password must reach: 3 means at least 10^8 guesses. */
export const PASSWORD_MIN_SCORE = 3;
export const COMMON_PASSWORD_COUNT = dictionary['passwords-common'].length;

let zxcvbn: ZxcvbnFactory | null = null;
let common: Set<string> | null = null;
function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });
  return zxcvbn;
}

export type PasswordProblem =
  | { code: PasswordProblemCode; messageTh: string; messageEn: string };

type PasswordProblemCode = 'password_too_short' | 'password_too_long' | 'password_common' | 'password_weak' | 'password_contains_email' | 'password_contains_office';

/** The problem `code` with its messages (messages/errors.{th,en}.ts). */
const problem = (code: PasswordProblemCode): PasswordProblem => ({ ...errorMessages(code, { min: PASSWORD_MIN, max: PASSWORD_MAX }), code });

export interface PasswordContext {
  email: string;
  /** The office's names (Thai, English, short name): none may appear in the password. */
  officeNames: readonly string[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Why `password` may not be set, or null when it may. */
export function passwordProblem(password: string, ctx: PasswordContext): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    return problem('password_too_short');
  if (length > PASSWORD_MAX)
    return problem('password_too_long');
  const folded = fold(password);
  const email = fold(ctx.email);
  const local = email.split('@')[0] ?? '';
  if (folded.includes(email) || (local.length >= 3 && folded.includes(local)))
    return problem('password_contains_email');
  for (const name of ctx.officeNames) {
    const n = fold(name);
    if (n.length >= 3 && folded.includes(n))
      return problem('password_contains_office');
  }
  common ??= new Set(dictionary['passwords-common']);
  if (common.has(password.toLowerCase()))
    return problem('password_common');
  if (estimator().check(password, [ctx.email, local, ...ctx.officeNames]).score < PASSWORD_MIN_SCORE)
    return problem('password_weak');
  return null;
}
