// Cross-site request protection for every state-changing request, JSON included (hono's csrf()
// only looks at form content types). Browsers send Sec-Fetch-Site and Origin on such requests;
// a request that carries either must come from this origin. Requests with neither come from
// non-browser clients, which cannot ride on a victim's cookies.
import { createMiddleware } from 'hono/factory';
import { appError } from '../domain/errors';
import type { AppEnv } from '../env';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sameOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const self = new URL(c.req.url).origin;
    const crossSite = (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== self);
    if (crossSite) {
      throw appError(403, 'cross_site_request');
    }
  }
  await next();
});
