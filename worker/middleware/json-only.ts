// The API speaks JSON only: a write that carries a body must say it is JSON. Without this, a
// validator reading a text/plain body would see an empty object instead of refusing it.
import { createMiddleware } from 'hono/factory';
import { appError } from '../domain/errors';
import type { AppEnv } from '../env';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const jsonBodiesOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (WRITES.has(c.req.method)) {
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    const type = c.req.header('content-type') ?? '';
    if (hasBody && !/^application\/json\s*(;|$)/i.test(type)) {
      throw appError(415, 'unsupported_media_type');
    }
  }
  await next();
});
