import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { authenticate } from '../app/sessions.js';
import { errorBody } from './errors.js';
import type { AppEnv } from './env.js';

export const SESSION_COOKIE = 'wattbill_session';

/** Bearer token or session cookie; anything else answers 401 before a route runs. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : getCookie(c, SESSION_COOKIE);
  const actor = token ? await authenticate(c.get('services').db, token) : null;
  if (!token || !actor) return c.json(errorBody('unauthenticated', 'Log in first: send a Bearer token or the session cookie.'), 401);
  c.set('actor', actor);
  c.set('token', token);
  await next();
});
