// Password hashing with PBKDF2-SHA256 through WebCrypto. 100,000 iterations is the most the
// deployed Workers runtime accepts (it throws above that; the local runtime does not), so it is
// both the target and a hard ceiling: a stored hash with more iterations could never be verified
// in production and is refused here too.
import { constantTimeEqual, fromBase64Url, toBase64Url } from './crypto';

export const PBKDF2_ITERATIONS = 100_000;
const HASH_BYTES = 32;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  if (iterations > PBKDF2_ITERATIONS) throw new RangeError(`PBKDF2 iterations above ${PBKDF2_ITERATIONS}`);
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BYTES * 8);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !Number.isInteger(iterations) || iterations < 1) return false;
  if (iterations > PBKDF2_ITERATIONS) return false;
  const actual = await derive(password, fromBase64Url(salt), iterations);
  return constantTimeEqual(actual, fromBase64Url(hash));
}

/** Used when an account does not exist, so that response time does not reveal which emails exist. */
export const DUMMY_HASH = 'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
