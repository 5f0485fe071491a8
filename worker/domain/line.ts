// LINE (issue 17), the pure part: webhook signatures, link codes, the credentials' encryption at
// rest, and the quota arithmetic. db/line.ts stores, line/ composes messages and speaks to the
// API, routes/line.ts and cron/ put them together.
import { constantTimeEqual, fromBase64Url, toBase64Url } from './crypto';
import { BANGKOK_OFFSET_MS, bangkokDate } from './fiscal-year';
import { REPORT_AUDIENCES, type ReportAudience } from './report-cadence';
import { scheduledPeriods, type ScheduleEntry } from './report-schedule';

export const LINE_AUDIENCES = ['executives', 'staff', 'group'] as const;
export type LineAudience = (typeof LINE_AUDIENCES)[number];

/** A link code works this long after an administrator made it, and once. */
export const LINK_CODE_TTL_MS = 15 * 60_000;
/** LINE holds a retry key for 24 hours: a push not delivered by then is given up (its email went). */
export const LINE_RETRY_WINDOW_MS = 24 * 3600_000;
/** LINE's documented maxima: messages per push, characters of a text message and of an altText. */
export const LINE_MAX_MESSAGES = 5;
export const LINE_MAX_TEXT = 5000;
export const LINE_MAX_ALT_TEXT = 1500;

const enc = new TextEncoder();

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
/**
 * Whether `signature` (the x-line-signature header) is the base64 HMAC-SHA256 of the raw body
 * under the channel secret, compared in constant time.
 */
export async function verifyLineSignature(channelSecret: string, rawBody: Uint8Array<ArrayBuffer>, signature: string | undefined): Promise<boolean> {
  if (!signature) return false;
  let given: Uint8Array;
  try {
    given = fromBase64Url(signature); // standard base64 reads the same
  } catch {
    return false;
  }
  const key = await crypto.subtle.importKey('raw', enc.encode(channelSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, rawBody));
  return constantTimeEqual(expected, given);
}

/** The signature LINE would send with `rawBody` (the tests and scripts/line-link.mjs sign as LINE does). */
export async function lineSignature(channelSecret: string, rawBody: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', enc.encode(channelSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return b64(new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(rawBody))));
}

// Link codes: eight characters without the ones people confuse (0/O, 1/I/L), about 40 bits; a
// code is valid 15 minutes, once, and only at the office that made it.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newLinkCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** The code of a `/link CODE` or `ผูก CODE` message, upper-cased; null for any other text. */
export function linkCommand(text: string): string | null {
  const m = /^\s*(?:\/link|ผูก)\s+([A-Za-z0-9]{4,16})\s*$/u.exec(text);
  return m ? m[1]!.toUpperCase() : null;
}

/** What a linked group receives, in Thai, for the bot's reply in the group. */
export function audienceNameTh(audience: LineAudience, officeGroupNameTh: string | null): string {
  if (audience === 'executives') return 'รายงานสำหรับผู้บริหารและผู้อำนวยการกลุ่ม';
  if (audience === 'staff') return 'รายงานสำหรับบุคลากรทุกคน';
  return `สรุปงานค้างและใกล้ครบกำหนดประจำวันของ${officeGroupNameTh ?? 'กลุ่มงาน'}`;
}

export function linkedReplyTh(audience: LineAudience, officeGroupNameTh: string | null): string {
  return `ผูกกลุ่ม LINE นี้กับ ITA Board แล้ว กลุ่มนี้จะได้รับ${audienceNameTh(audience, officeGroupNameTh)}`;
}

export const LINK_REFUSED_TH = 'รหัสผูกกลุ่มไม่ถูกต้อง หมดอายุ หรือใช้ไปแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ';

/** Text clipped to `max` characters (by code points, so a Thai character is never cut in half). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

// The channel secret and access token at rest: AES-256-GCM under a key derived (HKDF-SHA-256)
// from the deployment's LINE_CREDENTIALS_KEY, a fresh 96-bit IV each time, and the office id and
// the field as additional data, so a value copied to another office's row or field does not open.
async function credentialsKey(secret: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('ita-board line credentials'), info: enc.encode('v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealCredential(secret: string, orgId: string, field: string, value: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(`${orgId}:${field}`) }, await credentialsKey(secret), enc.encode(value));
  return `v1.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

/** The value, or null when it does not open (another key, office or field; tampered). */
export async function openCredential(secret: string, orgId: string, field: string, sealed: string): Promise<string | null> {
  const [version, iv, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !data) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: enc.encode(`${orgId}:${field}`) }, await credentialsKey(secret), fromBase64Url(data));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/**
 * The quota arithmetic. A push to a group counts once per member of the group (LINE counts
 * messages per recipient; up to five message objects in one push count once). `quota` null: the
 * plan has no limit. A push fits when what is used plus its cost, plus what must stay for the
 * month's remaining reports (`reserve`, zero for a report itself), stays within the quota.
 */
export function pushFits(q: { quota: number | null; used: number; members: number; reserve: number }): boolean {
  return q.quota === null || q.used + q.members + q.reserve <= q.quota;
}

/**
 * What a digest must leave of the month's quota: for each audience, the reports still to come
 * this month (periods ending after `now` and before the next month begins, Bangkok time; a report
 * of a period ending on the 1st goes out on the 1st, in the next month's quota) × the members of
 * the LINE groups that receive it.
 */
export function reportReserve(entries: readonly ScheduleEntry[], beYears: readonly number[], now: number, members: Record<ReportAudience, number>): number {
  return reportsCost(entries, beYears, now, nextBangkokMonth(now), members);
}

/** Reports whose period ends in (from, to) × the members of the groups that receive them. */
function reportsCost(entries: readonly ScheduleEntry[], beYears: readonly number[], from: number, to: number, members: Record<ReportAudience, number>): number {
  let cost = 0;
  for (const audience of REPORT_AUDIENCES) {
    const coming = beYears.flatMap((be) => scheduledPeriods(entries, audience, be)).filter((p) => p.end > from && p.end < to).length;
    cost += coming * members[audience];
  }
  return cost;
}

function nextBangkokMonth(now: number): number {
  const [y, m] = bangkokDate(now).split('-').map(Number) as [number, number];
  return Date.UTC(y, m, 1) - BANGKOK_OFFSET_MS;
}

/** The start of the Bangkok month of `now` (LINE's quota is monthly). */
export function bangkokMonthStart(now: number): number {
  const [y, m] = bangkokDate(now).split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1, 1) - BANGKOK_OFFSET_MS;
}

/** What this month's scheduled reports cost on LINE: each report × the members of the groups that receive it. */
export function monthReportCost(entries: readonly ScheduleEntry[], beYear: number, now: number, members: Record<ReportAudience, number>): number {
  return reportsCost(entries, [beYear], bangkokMonthStart(now) - 1, nextBangkokMonth(now), members);
}
