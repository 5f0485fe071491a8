// What an uploaded evidence file is, decided from its bytes, never from its name or the type the
// browser sent: PDF, PNG, JPEG, GIF, WebP, Office Open XML (a ZIP whose entries are
// [Content_Types].xml and word/, xl/ or ppt/) and legacy Office (an OLE2 compound file whose
// directory holds WordDocument, Workbook/Book or "PowerPoint Document"). Anything else is refused.
//
// Why not the `file-type` package: it reports every OLE2 file as one type (cfb), so .doc, .xls and
// .ppt cannot be told apart (nor from .msi or .msg) by it, and its ZIP sniffing reads local headers
// only; the signatures needed here are few and fixed, so this pure module reads them directly.

/** The kinds accepted as evidence, and how each is served. */
export const FILE_KINDS = {
  pdf: { mime: 'application/pdf', ext: 'pdf', inline: true },
  png: { mime: 'image/png', ext: 'png', inline: true },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', inline: true },
  gif: { mime: 'image/gif', ext: 'gif', inline: true },
  webp: { mime: 'image/webp', ext: 'webp', inline: true },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', inline: false },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', inline: false },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx', inline: false },
  doc: { mime: 'application/msword', ext: 'doc', inline: false },
  xls: { mime: 'application/vnd.ms-excel', ext: 'xls', inline: false },
  ppt: { mime: 'application/vnd.ms-powerpoint', ext: 'ppt', inline: false },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

/** The upload route's path (POST /api/cards/:id/files): its body may be a file, not JSON of 64 KB. */
export const FILE_UPLOAD_PATH = /^\/api\/cards\/[^/]+\/files$/;

/** At most this many bytes per evidence file (20 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Whether a stored content type is served inline (PDF, images) or as a download (Office). */
export function servedInline(contentType: string): boolean {
  return Object.values(FILE_KINDS).some((k) => k.mime === contentType && k.inline);
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/** The kind of file these bytes are, or null when they are none of the accepted kinds. */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (bytes.length < 8) return null;
  // A PDF may have a few bytes of junk before its header; readers accept it within the first 1 KB.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeOpenXmlKind(zipEntryNames(bytes));
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return legacyOfficeKind(compoundStreamNames(bytes));
  return null;
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The names in a ZIP's central directory (where its end record says), or [] when it has none. */
export function zipEntryNames(b: Uint8Array): string[] {
  // The end-of-central-directory record: in the last 22 bytes plus at most a 64 KB comment.
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const entries = u16(b, end + 10);
  let at = u32(b, end + 16);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < entries && at + 46 <= b.length && u32(b, at) === 0x02014b50; n++) {
    const nameLength = u16(b, at + 28);
    names.push(decoder.decode(b.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
  }
  return names;
}

function officeOpenXmlKind(names: string[]): FileKind | null {
  if (!names.includes('[Content_Types].xml')) return null;
  // Macro-enabled documents (.docm, .xlsm, .pptm) carry a VBA project: not accepted as evidence.
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return null;
}

function legacyOfficeKind(streams: string[]): FileKind | null {
  if (streams.includes('WordDocument')) return 'doc';
  if (streams.includes('Workbook') || streams.includes('Book')) return 'xls';
  if (streams.includes('PowerPoint Document')) return 'ppt';
  return null;
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/**
 * The names of the entries in an OLE2 compound file's directory: the header gives the sector size
 * and the directory's first sector; the file allocation table (its sectors listed in the header
 * and the DIFAT chain) links the directory's sectors.
 */
export function compoundStreamNames(b: Uint8Array): string[] {
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sector = (n: number) => 512 + n * size;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(b, 0x4c + i * 4);
    if (s === FREE || s === END_OF_CHAIN) break;
    fatSectors.push(s);
  }
  let difat = u32(b, 0x44);
  for (let hops = 0; difat < END_OF_CHAIN - 4 && hops < 1000 && sector(difat) + size <= b.length; hops++) {
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(b, sector(difat) + i * 4);
      if (s !== FREE && s < END_OF_CHAIN - 4) fatSectors.push(s);
    }
    difat = u32(b, sector(difat) + size - 4);
  }
  const perFatSector = size / 4;
  const next = (n: number) => {
    const fat = fatSectors[Math.floor(n / perFatSector)];
    return fat === undefined ? END_OF_CHAIN : u32(b, sector(fat) + (n % perFatSector) * 4);
  };
  const names: string[] = [];
  const seen = new Set<number>();
  for (let dir = u32(b, 0x30); dir < END_OF_CHAIN - 4 && !seen.has(dir) && sector(dir) + size <= b.length; dir = next(dir)) {
    seen.add(dir);
    for (let e = sector(dir); e + 128 <= sector(dir) + size; e += 128) {
      const length = u16(b, e + 0x40);
      const type = b[e + 0x42];
      if (length < 2 || length > 64 || (type !== 1 && type !== 2 && type !== 5)) continue;
      let name = '';
      for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(u16(b, e + i));
      names.push(name);
    }
  }
  return names;
}

/**
 * The name a file is kept and served under: the uploaded name without any folder part, control
 * or bidirectional characters, or characters that cannot stand in a path (/ \), at most 150
 * characters, ending in the extension of what the bytes are (a PDF named "report.docx" is served
 * as "report.docx.pdf", so the name never lies about the type).
 */
export function storedFileName(uploaded: string, kind: FileKind): string {
  const ext = FILE_KINDS[kind].ext;
  const base = (uploaded.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
    .replace(/[?#%"<>|*:]/g, '_')
    .trim()
    .replace(/^\.+/, '');
  const fits = [...base].slice(0, 150).join('');
  const allowed = kind === 'jpeg' ? /\.(jpe?g)$/i : new RegExp(`\\.${ext}$`, 'i');
  const named = fits.length > 0 ? fits : 'file';
  return allowed.test(named) ? named : `${named}.${ext}`;
}

/** The file's stable address on the board: /files/<office>/<id>/<name>, each part escaped. */
export function fileAddress(officeSlug: string, fileId: string, name: string): string {
  return `/files/${encodeURIComponent(officeSlug)}/${encodeURIComponent(fileId)}/${encodeURIComponent(name)}`;
}

/**
 * Whether an evidence address is one of the board's own files: a relative /files/<office>/<id>/<name>
 * address of three escaped parts (never //host, never a backslash or a control character).
 */
export function isFileAddress(url: string): boolean {
  return /^\/files\/[^/\\?#\s]+\/[^/\\?#\s]+\/[^/\\?#\s]+$/.test(url);
}

/**
 * Content-Disposition for a file: inline for PDF and images, attachment for Office documents, with
 * an ASCII fallback name and the real name in RFC 5987 `filename*` (Thai names survive).
 */
export function contentDisposition(name: string, inline: boolean): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
