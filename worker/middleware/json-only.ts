// The API speaks JSON only: a write that carries a body must say it is JSON. Without this, a
// validator reading a text/plain body would see an empty object instead of refusing it.
import { createMiddleware } from 'hono/factory';
import { appError } from '../domain/errors';
import { FILE_UPLOAD_PATH } from '../domain/file-type';
import type { AppEnv } from '../env';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const jsonBodiesOnly = createMiddleware<AppEnv>(async (c, next) => {
  // The evidence file upload alone is multipart (routes/files.ts checks its type).
  if (WRITES.has(c.req.method) && !FILE_UPLOAD_PATH.test(c.req.path)) {
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    const type = c.req.header('content-type') ?? '';
    if (hasBody && !/^application\/json\s*(;|$)/i.test(type)) {
      throw appError(415, 'unsupported_media_type');
    }
  }
  await next();
});
