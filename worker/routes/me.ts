import { Hono } from 'hono';
import { unauthenticated } from '../domain/errors';
import type { AppEnv } from '../env';

export const meRoutes = new Hono<AppEnv>().get('/me', (c) => {
  const me = c.get('me');
  if (!me) throw unauthenticated();
  return c.json(me);
});
