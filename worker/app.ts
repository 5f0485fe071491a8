// The Hono app: middleware, routes mounted, one error handler. Exports AppType for the web client.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from './domain/errors';
import { sameOriginWrites } from './middleware/csrf';
import { withDb, withSession } from './middleware/session';
import { withAccess } from './middleware/access';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { boardRoutes } from './routes/board';
import { cardRoutes } from './routes/cards';
import { devRoutes } from './routes/dev';
import { importRoutes } from './routes/import';
import { meRoutes } from './routes/me';
import type { AppEnv } from './env';

const tooLarge = () => new AppError(413, 'body_too_large', 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป', 'The request body is too large');

const app = new Hono<AppEnv>();

app.use(
  '*',
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  }),
);
app.use('/api/*', async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});
// Announcements can be long; everything else is small.
app.use('/api/import/*', bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw tooLarge(); } }));
app.use('/api/*', async (c, next) => {
  if (c.req.path.startsWith('/api/import/')) return next();
  return bodyLimit({ maxSize: 64 * 1024, onError: () => { throw tooLarge(); } })(c, next);
});
app.use('/api/*', sameOriginWrites, withDb, withSession, withAccess);

const routes = app
  .get('/api/health', (c) => c.json({ ok: true, service: 'ita-board' }))
  .route('/api/auth', authRoutes)
  .route('/api', meRoutes)
  .route('/api', boardRoutes)
  .route('/api/cards', cardRoutes)
  .route('/api/import', importRoutes)
  .route('/api/admin', adminRoutes)
  .route('/api/dev', devRoutes);

app.notFound((c) => c.json(new AppError(404, 'not_found', 'ไม่พบหน้าที่ขอ', 'Not found').toBody(), 404));

app.onError((err, c) => {
  if (err instanceof AppError) return c.json(err.toBody(), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    const malformed = status === 400;
    const body = malformed
      ? new AppError(400, 'malformed_request', 'รูปแบบข้อมูลไม่ถูกต้อง (JSON)', 'Malformed request body (JSON expected)')
      : new AppError(status as 400, `http_${status}`, 'ไม่สามารถดำเนินการได้', err.message || 'Request refused');
    return c.json(body.toBody(), status);
  }
  console.error('unhandled error', err);
  return c.json(new AppError(500, 'internal_error', 'เกิดข้อผิดพลาดภายในระบบ', 'Internal error').toBody(), 500);
});

export type AppType = typeof routes;
export default app;
