// The strength estimate behind the password hint: zxcvbn-ts with its common-password list, the
// same the server checks against (worker/domain/password-policy.ts). Imported dynamically, only
// when someone types a new password, so no other page loads the list.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });

/** zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess). */
export function strength(password: string, userInputs: string[]): number {
  return zxcvbn.check(password.slice(0, 128), userInputs).score;
}
