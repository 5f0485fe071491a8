// Request validation as middleware: handlers read `c.req.valid('json')`, typed. Every refusal is
// our JSON error with code `invalid_input` and the failing fields, so bad input changes nothing.
import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { appError } from '../domain/errors';

type Target = 'json' | 'param' | 'query';

export function valid<T extends ZodType, K extends Target>(target: K, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.slice(0, 20).map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      throw appError(400, 'invalid_input', undefined, { details: issues });
    }
  });
}
