// The Hono app: middleware, routes mounted, one error handler. Exports AppType for the web client.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { AppError, appError } from './domain/errors';
import { sameOriginWrites } from './middleware/csrf';
import { withDb, withSession } from './middleware/session';
import { withAccess } from './middleware/access';
import { auditRefusals } from './middleware/audit-refusals';
import { jsonBodiesOnly } from './middleware/json-only';
import { adminRoutes } from './routes/admin';
import { accountRoutes } from './routes/accounts';
import { authRoutes } from './routes/auth';
import { boardRoutes } from './routes/board';
import { boardSearchRoutes } from './routes/board-search';
import { cardRoutes } from './routes/cards';
import { cardDetailRoutes } from './routes/card-details';
import { liveRoutes } from './routes/live';
import { devRoutes } from './routes/dev';
import { devBenchRoutes } from './routes/dev-bench';
import { importRoutes } from './routes/import';
import { measureRoutes } from './routes/measures';
import { meRoutes } from './routes/me';
import { backupRoutes } from './routes/backup';
import { devLoadRoutes } from './routes/dev-load';
import { devRollupBenchRoutes } from './routes/dev-rollup-bench';
import { dashboardRoutes } from './routes/dashboard';
import { catalogueRoutes } from './routes/catalogues';
import { submissionRoutes } from './routes/submission';
import { oitRoutes } from './routes/oit';
import { memoRoutes } from './routes/memo';
import { publicRoutes } from './routes/public';
import { fiscalYearRoutes } from './routes/fiscal-years';
import { rollupRoutes } from './routes/rollup';
import { reportRoutes } from './routes/reports';
import { lineRoutes, lineWebhook } from './routes/line';
import { treeRoutes } from './routes/tree';
import { templateRoutes } from './routes/templates';
import { devReportsBenchRoutes } from './routes/dev-reports-bench';
import { fileRoutes, fileTooLarge, fileUploadRoutes } from './routes/files';
import { FILE_UPLOAD_PATH, MAX_FILE_BYTES } from './domain/file-type';
import type { AppEnv } from './env';

const tooLarge = () => appError(413, 'body_too_large');

const app = new Hono<AppEnv>();

app.use(
  '*',
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    // A route that sets a header of its own keeps it (only the Turnstile challenge page does:
    // routes/auth.ts, a CSP that adds Cloudflare's challenge origin).
    overwrite: false,
  }),
);
app.use('/api/*', async (c, next) => {
  await next();
  // Public open data sets its own edge caching (routes/public.ts); everything else is private.
  if (c.req.path.startsWith('/api/public/') && c.res.headers.has('Cache-Control')) return;
  c.header('Cache-Control', 'no-store');
});
// Announcements can be long; everything else is small.
app.use('/api/import/*', bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw tooLarge(); } }));
// A restore carries a whole office (routes/backup.ts); only the operator's token opens it.
app.use('/api/admin/backup/restore', bodyLimit({ maxSize: 32 * 1024 * 1024, onError: () => { throw tooLarge(); } }));
// An evidence file: 20 MB and its form's few fields; refused by Content-Length before it is read,
// or by counting as it streams when there is none (routes/files.ts).
const fileUploadLimit = bodyLimit({ maxSize: MAX_FILE_BYTES + 64 * 1024, onError: () => { throw fileTooLarge(); } });
app.use('/api/*', async (c, next) => {
  if (FILE_UPLOAD_PATH.test(c.req.path)) return fileUploadLimit(c, next);
  if (c.req.path.startsWith('/api/import/') || c.req.path === '/api/admin/backup/restore') return next();
  return bodyLimit({ maxSize: 64 * 1024, onError: () => { throw tooLarge(); } })(c, next);
});
// LINE's webhook signs its requests (routes/line.ts checks the signature): it has no session and
// no browser origin, so it is answered here, ahead of the session and same-origin middleware.
app.post('/api/line/webhook/:office', lineWebhook);
app.use('/api/*', sameOriginWrites, jsonBodiesOnly, withDb, withSession, withAccess, auditRefusals);
// Evidence files are read by their address (/files/<office>/<id>/<name>), with the session if any.
app.use('/files/*', withDb, withSession, withAccess);

const routes = app
  .get('/api/health', (c) => c.json({ ok: true, service: 'ita-board' }))
  .route('/api/auth', authRoutes)
  .route('/api', meRoutes)
  .route('/api', boardRoutes)
  .route('/api', boardSearchRoutes)
  .route('/api/cards', cardRoutes)
  .route('/api', cardDetailRoutes)
  .route('/api', fileUploadRoutes)
  .route('/files', fileRoutes)
  .route('/api', liveRoutes)
  .route('/api/import', importRoutes)
  .route('/api/measures', measureRoutes)
  .route('/api/admin/backup', backupRoutes)
  .route('/api/admin/accounts', accountRoutes)
  .route('/api/admin', adminRoutes)
  .route('/api/dev/bench', devBenchRoutes)
  .route('/api/dev/load', devLoadRoutes)
  .route('/api/dev/rollup-bench', devRollupBenchRoutes)
  .route('/api/dev', devRoutes)
  .route('/api/dashboard', dashboardRoutes)
  .route('/api/oit', oitRoutes)
  .route('/api/catalogues', catalogueRoutes)
  .route('/api/oit', submissionRoutes)
  .route('/api/memo', memoRoutes)
  .route('/api/public', publicRoutes)
  .route('/api/fiscal-years', fiscalYearRoutes)
  .route('/api/rollup', rollupRoutes)
  .route('/api/reports', reportRoutes)
  .route('/api/line', lineRoutes)
  .route('/api', treeRoutes)
  .route('/api', templateRoutes)
  .route('/api/dev/reports-bench', devReportsBenchRoutes);

app.notFound((c) => c.json(appError(404, 'not_found.page').toBody(), 404));

app.onError((err, c) => {
  if (err instanceof AppError) return c.json(err.toBody(), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    const malformed = status === 400;
    const body = malformed
      ? appError(400, 'malformed_request')
      : appError(status as 400, 'http_error', { message: err.message || 'Request refused' }, { code: `http_${status}` });
    return c.json(body.toBody(), status);
  }
  console.error('unhandled error', err);
  return c.json(appError(500, 'internal_error').toBody(), 500);
});

export type AppType = typeof routes;
export default app;
