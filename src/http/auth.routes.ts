import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { acceptInvitation } from '../app/manage-users.js';
import { logIn, logOut, type Login } from '../app/sessions.js';
import { SESSION_COOKIE } from './authentication.js';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './env.js';
import type { RouteRegistry } from './route-permissions.js';
import { ERROR_RESPONSES, ErrorSchema, json, jsonBody } from './schemas.js';

const LoginSchema = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) }).openapi('Login');
const UserSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });

/** Login is the one unauthenticated write; logout needs the session it ends. */
export function authRoutes(app: OpenAPIHono<AppEnv>, routes: RouteRegistry) {
  app.openapi(
    {
      method: 'post',
      path: '/api/v1/auth/login',
      summary: 'Log in with email and password: a bearer token and a session cookie',
      tags: ['auth'],
      security: [],
      request: jsonBody(LoginSchema),
      responses: {
        200: json(z.object({ token: z.string(), user: UserSchema }), 'Logged in'),
        400: ERROR_RESPONSES[400],
        401: ERROR_RESPONSES[401],
        429: json(ErrorSchema, 'Too many failed logins: try again after Retry-After seconds'),
      },
    } as const,
    async (c) => {
      const { email, password } = c.req.valid('json');
      return respondWithSession(c, await logIn(c.get('services').db, email, password, clientAddress(c)));
    },
  );

  app.openapi(
    {
      method: 'post',
      path: '/api/v1/auth/invitations/{token}',
      summary: 'Set the password of an invited user, and log in',
      tags: ['auth'],
      security: [],
      request: {
        params: z.object({ token: z.string().min(1).max(100) }),
        ...jsonBody(z.object({ password: z.string().min(10).max(200) })),
      },
      responses: {
        200: json(z.object({ token: z.string(), user: UserSchema }), 'Logged in'),
        400: ERROR_RESPONSES[400],
        404: ERROR_RESPONSES[404],
      },
    } as const,
    async (c) =>
      respondWithSession(c, await acceptInvitation(c.get('services').db, c.req.valid('param').token, c.req.valid('json').password)),
  );

  routes.session(
    {
      method: 'post',
      path: '/api/v1/auth/logout',
      summary: 'End the session',
      responses: { 204: { description: 'Logged out' } },
    },
    async (c) => {
      await logOut(c.get('services').db, c.get('token'));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
}

/** The answer of a login: the bearer token and user, and the same token as an http-only session cookie. */
function respondWithSession(c: Context<AppEnv>, login: Login) {
  setCookie(c, SESSION_COOKIE, login.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    path: '/',
    expires: login.expiresAt,
  });
  return c.json({ token: login.token, user: login.user }, 200);
}
