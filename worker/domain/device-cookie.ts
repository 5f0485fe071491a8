// The per-account device cookie: a browser that signed in to an account once carries it (signed
// with the server's key, kept across sign-out, one year), and sign-in attempts from it are counted
// on its own key instead of the (account, address) pair and the account (domain/throttle.ts).
import { constantTimeEqual, fromBase64Url, randomToken, sha256Hex, toBase64Url } from './crypto';

export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** One cookie per account: `__Host-ita_device_<first 16 hex of SHA-256(email)>`. */
export async function deviceCookieName(email: string): Promise<string> {
  return `__Host-ita_device_${(await sha256Hex(email.trim().toLowerCase())).slice(0, 16)}`;
}

async function mac(secret: string, email: string, deviceId: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`device|${email.trim().toLowerCase()}|${deviceId}`)));
}

/** A new cookie value (or a refreshed one for `deviceId`): `<device id>.<HMAC>`. */
export async function signDevice(secret: string, email: string, deviceId = randomToken(16)): Promise<{ deviceId: string; value: string }> {
  return { deviceId, value: `${deviceId}.${toBase64Url(await mac(secret, email, deviceId))}` };
}

/** The device id when `value` is a cookie this server signed for this account, else null. */
export async function verifyDevice(secret: string, email: string, value: string | undefined): Promise<string | null> {
  if (!value || value.length > 200) return null;
  const [deviceId, sig] = value.split('.');
  if (!deviceId || !sig || !/^[\w-]{10,40}$/.test(deviceId) || !/^[\w-]+$/.test(sig)) return null;
  return constantTimeEqual(fromBase64Url(sig), await mac(secret, email, deviceId)) ? deviceId : null;
}
