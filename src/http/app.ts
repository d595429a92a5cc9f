import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { accessRoutes } from './access.routes.js';
import { advancePeriodRoutes } from './advance-periods.routes.js';
import { serveApiDocs } from './api-docs.js';
import { authRoutes } from './auth.routes.js';
import { billingRoutes } from './billing.routes.js';
import { requireSession, SESSION_COOKIE } from './authentication.js';
import { contractRoutes } from './contracts.routes.js';
import { customerRoutes } from './customers.routes.js';
import type { AppEnv, Services } from './env.js';
import { errorBody, toErrorResponse, zodDetails } from './errors.js';
import { idempotency } from './idempotency.js';
import { IMPORT_PATH, MAX_IMPORT_BYTES, moveInImportRoutes } from './move-in-import.routes.js';
import { moveInRoutes } from './move-ins.routes.js';
import { PUBLIC_PREFIX, publicMoveInRoutes } from './public-move-in.routes.js';
import { routeRegistry } from './route-permissions.js';
import { json } from './schemas.js';
import { requireStorableText } from './storable-text.js';
import { tenantRoutes } from './tenant.routes.js';
import { serveWebApp } from './web-app.js';

const MAX_BODY_BYTES = 1024 * 1024;
// Logging in, accepting an invitation and the public forms need no session (and so have no user to key idempotency on).
const isPublic = (path: string) =>
  path === '/api/v1/auth/login' || path.startsWith('/api/v1/auth/invitations/') || path.startsWith(PUBLIC_PREFIX);
// a logout ends the session it comes with: two logouts are never the same request
// an import is idempotent by its rows, and too large to keep as an answer
const isIdempotent = (path: string) => !isPublic(path) && path !== '/api/v1/auth/logout' && !IMPORT_PATH.test(path);

export type AppOptions = { webDistDir?: string };

/** The whole HTTP API (and the web front ends when built), over the given services. */
export function buildApp(services: Services, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({
    // a request that fails its schema answers our error format, not a raw ZodError
    defaultHook: (result, c) => {
      if (!result.success) return c.json(errorBody('validation_failed', 'The request is not valid.', zodDetails(result.error)), 400);
    },
  });
  app.onError((error, c) => toErrorResponse(c, error, (e) => services.log.error({ err: e, path: c.req.path }, 'request failed')));
  app.notFound((c) => c.json(errorBody('not_found', 'No such route.'), 404));
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody('payload_too_large', 'The request body is larger than 1 MB.'), 413),
  });
  const importLimit = bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: (c) => c.json(errorBody('payload_too_large', 'An import file may have up to 200 MB.'), 413),
  });
  app.use('/api/*', (c, next) => (IMPORT_PATH.test(c.req.path) ? importLimit(c, next) : jsonLimit(c, next)));
  app.use('/api/*', requireStorableText);
  // Only a browser's cookie session can be forged cross-site: such writes must come from our origin or be JSON
  // (which needs CORS, never granted). Requests without the cookie carry no ambient credentials.
  const csrfGuard = csrf();
  app.use('/api/*', (c, next) => (getCookie(c, SESSION_COOKIE) === undefined ? next() : csrfGuard(c, next)));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['health'],
      security: [],
      summary: 'Whether the server accepts requests (no authentication)',
      responses: { 200: json(z.object({ status: z.literal('ok') }), 'The server is up') },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
  const routes = routeRegistry(app);
  app.use('/api/v1/*', (c, next) => (isPublic(c.req.path) ? next() : requireSession(c, next)));
  app.use('/api/v1/*', (c, next) => (isIdempotent(c.req.path) ? idempotency(c, next) : next()));
  authRoutes(app, routes);
  tenantRoutes(routes);
  accessRoutes(routes);
  customerRoutes(routes);
  contractRoutes(routes);
  moveInImportRoutes(routes);
  moveInRoutes(routes);
  publicMoveInRoutes(app);
  advancePeriodRoutes(routes);
  billingRoutes(routes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Wattbill API',
      version: '1',
      description:
        'Billing for electricity, gas and heat suppliers. Amounts are decimal strings in EUR; dates are YYYY-MM-DD. ' +
        'Log in with POST /api/v1/auth/login and send the token as `Authorization: Bearer <token>`.',
    },
    security: [{ bearer: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  serveApiDocs(app);
  if (options.webDistDir) serveWebApp(app, options.webDistDir);
  return { app, routeTable: routes.table };
}
