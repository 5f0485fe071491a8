// The office's official-memo settings (บันทึกข้อความ): what a printed report says in its head —
// ส่วนราชการ (the office and its unit), ที่ (the document number prefix), เรียน (to whom), and the
// signature block (the signer's name and position) — whether numbers are Thai digits, and an
// optional emblem image the office uploads. Pure: checks only, no storage.
import { appError, type AppError } from './errors';

export interface MemoSettings {
  /** ส่วนราชการ: the office and unit as written on its memos. Empty: the office's name. */
  department: string;
  /** ที่: the document number prefix, e.g. "ศธ ๐๒๖๒.๑๑/". */
  docPrefix: string;
  /** เรียน: to whom the report is addressed. */
  addressee: string;
  signerName: string;
  signerPosition: string;
  /** Official documents in Thai digits (๐–๙): the office's setting (OrgSettings.thaiDigits). */
  thaiDigits: boolean;
}

export interface MemoView extends MemoSettings {
  /** The uploaded emblem as a data: URL (PNG or JPEG), or null. */
  emblem: string | null;
}

export const MEMO_TEXT_MAX = 300;
/** The emblem's largest size in bytes (a 3 cm Garuda at print resolution fits well under it). */
export const EMBLEM_MAX_BYTES = 40_000;

export const EMPTY_MEMO: MemoSettings = { department: '', docPrefix: '', addressee: '', signerName: '', signerPosition: '', thaiDigits: false };

const DATA_URL = /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

function decodeBase64(b64: string): Uint8Array | null {
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, head: readonly number[]) => head.every((b, i) => bytes[i] === b);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const emblemError = (problem: 'type' | 'unreadable' | 'not_image') => appError(422, `invalid_emblem.${problem}`);

/**
 * The emblem as it will be stored, or the error to answer with: a PNG or JPEG data: URL whose
 * bytes really are that image type (not just the label), at most EMBLEM_MAX_BYTES.
 */
export function checkEmblem(dataUrl: string): { ok: true; dataUrl: string } | { ok: false; error: AppError } {
  const m = DATA_URL.exec(dataUrl);
  if (!m) return { ok: false, error: emblemError('type') };
  const bytes = decodeBase64(m[2]!);
  if (!bytes) return { ok: false, error: emblemError('unreadable') };
  if (bytes.length > EMBLEM_MAX_BYTES) {
    return {
      ok: false,
      error: appError(422, 'invalid_emblem.too_large', { size: Math.ceil(bytes.length / 1000), max: EMBLEM_MAX_BYTES / 1000 }),
    };
  }
  const real = startsWith(bytes, PNG) ? 'image/png' : startsWith(bytes, JPEG) ? 'image/jpeg' : null;
  if (real !== m[1]) return { ok: false, error: emblemError('not_image') };
  return { ok: true, dataUrl };
}
