// Evidence files (issue 18, part 3):
//   POST /api/cards/:id/files        multipart/form-data: `file` (at most 20 MB), `note`, `oitCode`
//   GET  /files/:office/:id/:name    the file: the office's signed-in users, or anyone once its
//                                    evidence is published on a published fiscal year
// An upload is checked (who may add evidence to the card, through policy.ts; the type from its
// bytes), stored in R2 under a key of its own that is never written again (a new upload is a new
// id), then recorded as evidence through the board's room, like an evidence link: its evidence_links
// row's url is the file's address. If the room refuses, the object is deleted at once (nothing
// refers to it; the user still has their file) and a failed deletion is logged with its key.
import { Hono, type Context } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { changeInRoom } from '../middleware/in-room';
import { recordingRefusal } from '../middleware/audit-refusals';
import { accessOf, canReadBoard } from '../domain/policy';
import { appError, unauthenticated } from '../domain/errors';
import { cardParam } from '../domain/schemas/cards';
import { fileParams, fileUploadFields } from '../domain/schemas/files';
import { contentDisposition, detectFileKind, FILE_KINDS, fileAddress, MAX_FILE_BYTES, servedInline, storedFileName, type FileKind } from '../domain/file-type';
import { checkUploadTo, fileIsPublic, findFile } from '../db/files';
import type { EvidenceView, FileUploadResponse } from '../domain/contracts-card';
import type { AppEnv } from '../env';

export const fileTooLarge = () => appError(413, 'file.too_large', undefined, { code: 'file_too_large' });
const refusedType = () => appError(422, 'file.refused', undefined, { code: 'file_type_refused' });

/** The kind an uploaded name claims by its extension, when it names one of the accepted kinds. */
function claimedKind(name: string): FileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (!ext) return null;
  if (ext === 'jpeg' || ext === 'jpg') return 'jpeg';
  return (Object.keys(FILE_KINDS) as FileKind[]).find((k) => FILE_KINDS[k].ext === ext) ?? null;
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The upload's parts, checked: the file's bytes and kind, and the text fields. */
async function readUpload(c: Context<AppEnv>) {
  if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')) throw appError(415, 'file.multipart', undefined, { code: 'unsupported_media_type' });
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw appError(400, 'malformed_request');
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string' || file.size === 0) throw appError(422, 'file.empty', undefined, { code: 'file_missing' });
  if (file.size > MAX_FILE_BYTES) throw fileTooLarge();
  const fields = fileUploadFields.safeParse({ note: form.get('note') ?? undefined, oitCode: form.get('oitCode') ?? undefined });
  if (!fields.success) throw appError(422, 'invalid_input', undefined, { details: fields.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = detectFileKind(bytes);
  if (!kind) throw refusedType();
  const claimed = claimedKind(file.name);
  if (claimed && claimed !== kind && !(FILE_KINDS[claimed].mime === FILE_KINDS[kind].mime)) {
    throw appError(422, 'file.mismatch', { named: claimed.toUpperCase(), actual: kind.toUpperCase() }, { code: 'file_type_mismatch' });
  }
  return { bytes, kind, name: storedFileName(file.name, kind), fields: fields.data };
}

export const fileUploadRoutes = new Hono<AppEnv>().post('/cards/:id/files', valid('param', cardParam), async (c) => {
  const actor = actorOf(c);
  const me = c.get('me');
  if (!me) throw unauthenticated();
  const cardId = c.req.valid('param').id;
  // Who may add evidence, asked before the body is read or anything stored.
  await recordingRefusal(c, 'evidence.add', { cardId }, () => checkUploadTo(c.get('db'), actor, cardId, accessOf(actor)));
  const upload = await readUpload(c);
  const id = crypto.randomUUID();
  const r2Key = `${actor.orgId}/${id}`;
  const sha256 = hex(await crypto.subtle.digest('SHA-256', upload.bytes));
  const contentType = FILE_KINDS[upload.kind].mime;
  // A key of its own, and written only if nothing is there: an upload never replaces a file.
  const stored = await c.env.FILES.put(r2Key, upload.bytes, {
    onlyIf: new Headers({ 'if-none-match': '*' }),
    sha256,
    httpMetadata: { contentType },
    customMetadata: { name: upload.name, cardId, uploadedBy: actor.userId },
  });
  if (!stored) throw appError(500, 'file.storage', undefined, { code: 'file_storage_failed' });
  const file = { id, name: upload.name, contentType, size: upload.bytes.length, sha256, r2Key };
  try {
    const evidence = await changeInRoom<EvidenceView>(c, 'evidence.add', { cardId, fileId: id }, {
      kind: 'evidence.add',
      cardId,
      body: { url: fileAddress(me.org.slug, id, upload.name), note: upload.fields.note, oitCode: upload.fields.oitCode },
      by: { id: me.user.id, displayName: me.user.displayName },
      file,
    });
    return c.json({ evidence } satisfies FileUploadResponse, 201);
  } catch (e) {
    // Refused or failed in the room: no row refers to the object, so it goes (the user keeps their copy).
    await c.env.FILES.delete(r2Key).catch((failure: unknown) => console.error('evidence file left unreferenced in R2', r2Key, failure));
    throw e;
  }
});

/** The file's response headers: its own type, never sniffed, shown in a sandbox with nothing else allowed. */
function fileHeaders(file: { name: string; contentType: string }, isPublic: boolean, etag: string): Headers {
  const inline = servedInline(file.contentType);
  return new Headers({
    'content-type': file.contentType,
    'content-disposition': contentDisposition(file.name, inline),
    'x-content-type-options': 'nosniff',
    // No script, no plugin, no form, no frame of ours around it: a file is data, never a page of the app.
    'content-security-policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; sandbox",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    // Private files stay out of shared caches; every use asks again (a withdrawn file stops at once).
    'cache-control': isPublic ? 'public, no-cache' : 'private, no-cache',
    'accept-ranges': 'bytes',
    etag,
  });
}

export const fileRoutes = new Hono<AppEnv>().get('/:office/:id/:name', valid('param', fileParams), async (c) => {
  const { office, id, name } = c.req.valid('param');
  const db = c.get('db');
  const file = await findFile(db, office, id);
  const actor = c.get('actor');
  const member = file !== null && actor !== null && canReadBoard(actor, file.orgId);
  const isPublic = file !== null && !member && (await fileIsPublic(db, file));
  if (!file || name !== file.name || (!member && !isPublic)) {
    // Signed out: sign in first (whether such a file exists is not said); another office: not found.
    if (!actor) throw appError(401, 'file.sign_in', undefined, { code: 'unauthenticated' });
    throw appError(404, 'not_found.file');
  }
  const object = await c.env.FILES.get(file.r2Key, { onlyIf: c.req.raw.headers, range: c.req.raw.headers });
  if (!object) throw appError(404, 'not_found.file');
  const headers = fileHeaders(file, isPublic, object.httpEtag);
  if (!('body' in object)) return new Response(null, { status: 304, headers });
  const range = object.range as { offset?: number; length?: number } | undefined;
  const partial = c.req.header('range') !== undefined && range !== undefined && (range.offset !== undefined || range.length !== undefined);
  if (partial) {
    const offset = range.offset ?? 0;
    const length = range.length ?? object.size - offset;
    headers.set('content-range', `bytes ${offset}-${offset + length - 1}/${object.size}`);
    headers.set('content-length', String(length));
  } else headers.set('content-length', String(object.size));
  return new Response(c.req.method === 'HEAD' ? null : object.body, { status: partial ? 206 : 200, headers });
});

/** This sub-app's routes as a type, for the web app's typed client. */
export type FileUploadApi = typeof fileUploadRoutes;
