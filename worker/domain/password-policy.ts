// Which passwords may be set (OWASP ASVS L2, V2.1): 12 to 128 characters, any characters, no
// composition rules; refused when it is a common password (the zxcvbn-ts common-password list,
// `COMMON_PASSWORD_COUNT` entries), too easy to guess (zxcvbn score below 3: repeats, sequences,
// keyboard walks, dictionary words with a year), or contains the user's email (or its name part)
// or the office's name. The web app shows the same estimate as a hint while typing.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

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
  | { code: 'password_too_short' | 'password_too_long' | 'password_common' | 'password_weak' | 'password_contains_email' | 'password_contains_office'; messageTh: string; messageEn: string };

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
    return { code: 'password_too_short', messageTh: `รหัสผ่านต้องยาวอย่างน้อย ${PASSWORD_MIN} ตัวอักษร`, messageEn: `The password must be at least ${PASSWORD_MIN} characters long` };
  if (length > PASSWORD_MAX)
    return { code: 'password_too_long', messageTh: `รหัสผ่านยาวได้ไม่เกิน ${PASSWORD_MAX} ตัวอักษร`, messageEn: `The password may be at most ${PASSWORD_MAX} characters long` };
  const folded = fold(password);
  const email = fold(ctx.email);
  const local = email.split('@')[0] ?? '';
  if (folded.includes(email) || (local.length >= 3 && folded.includes(local)))
    return { code: 'password_contains_email', messageTh: 'รหัสผ่านต้องไม่มีอีเมลของผู้ใช้', messageEn: "The password must not contain the user's email" };
  for (const name of ctx.officeNames) {
    const n = fold(name);
    if (n.length >= 3 && folded.includes(n))
      return { code: 'password_contains_office', messageTh: 'รหัสผ่านต้องไม่มีชื่อสำนักงาน', messageEn: "The password must not contain the office's name" };
  }
  common ??= new Set(dictionary['passwords-common']);
  if (common.has(password.toLowerCase()))
    return { code: 'password_common', messageTh: 'รหัสผ่านนี้เป็นรหัสผ่านที่ใช้กันทั่วไป กรุณาเลือกรหัสอื่น', messageEn: 'This is a commonly used password; choose another' };
  if (estimator().check(password, [ctx.email, local, ...ctx.officeNames]).score < PASSWORD_MIN_SCORE)
    return { code: 'password_weak', messageTh: 'รหัสผ่านเดาง่ายเกินไป (เช่น ตัวอักษรซ้ำ เรียงลำดับ หรือคำทั่วไป) ลองใช้หลายคำต่อกัน', messageEn: 'The password is too easy to guess (repeats, sequences or common words); try several words together' };
  return null;
}
