import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { idempotencyKeys } from '../app/idempotency-keys.js';
import { errorBody } from './errors.js';
import type { AppEnv } from './env.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `Idempotency-Key`: the same key and body within 24 h answers the first answer and does nothing twice.
 * A key reused with another body is refused; one whose first request is still running answers 409.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (!key || !MUTATING.has(c.req.method)) return next();
  if (key.length > 200) return c.json(errorBody('validation_failed', 'The Idempotency-Key is longer than 200 characters.'), 400);
  const { db } = c.get('services');
  const actor = c.get('actor');
  const scope = { tenantId: actor.tenantId, userId: actor.userId, key };
  const requestHash = createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(canonicalBody(await c.req.text()))
    .digest('hex');
  const claim = await idempotencyKeys.claim(db, scope, requestHash);
  if (!claim.claimed) {
    const { earlier } = claim;
    if (earlier.request_hash !== requestHash) {
      return c.json(errorBody('idempotency_key_reused', 'This Idempotency-Key was used for another request.'), 422);
    }
    if (earlier.status_code === null)
      return c.json(errorBody('idempotency_in_progress', 'The first request with this key is still running.'), 409);
    return c.json(earlier.response as object, earlier.status_code as 200);
  }
  await next();
  if (c.res.status >= 500 || c.res.status === 409) {
    await idempotencyKeys.release(db, scope); // a fault or a conflict may succeed when retried
    return;
  }
  const body = c.res.headers.get('content-type')?.includes('json') ? await c.res.clone().json() : null;
  await idempotencyKeys.complete(db, scope, c.res.status, body);
});

/** The same JSON with other white space is the same request. */
function canonicalBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
