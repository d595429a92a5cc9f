import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { DomainError } from '../domain/domain-error.js';

/** The one place where error codes become HTTP statuses. */
const STATUS_OF_CODE: Record<string, 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  plan_feature_unavailable: 403,
  feature_disabled: 403,
  cannot_change_own_access: 403,
  not_found: 404,
  connection_already_supplied: 409,
  move_in_rejected: 409,
  move_in_accepted: 409,
  move_in_decided: 409,
  contract_end_conflict: 409,
  schedule_locked: 409,
  invoice_final: 409,
  billing_run_exists: 409,
  idempotency_in_progress: 409,
  built_in_role: 409,
  role_in_use: 409,
  role_name_taken: 409,
  email_taken: 409,
  last_admin: 409,
  idempotency_key_reused: 422,
  selection_too_large: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  rate_limited: 429,
};

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function statusOf(code: string) {
  return STATUS_OF_CODE[code] ?? 422;
}

export function zodDetails(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Maps anything thrown to our error format; only an unexpected fault is a 500, and it is logged. */
export function toErrorResponse(c: Context, error: unknown, log: (error: unknown) => void) {
  if (error instanceof DomainError) {
    const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
    return c.json(errorBody(error.code, error.message, error.details), statusOf(error.code));
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return c.json(errorBody('payload_too_large', 'The request body is too large.'), 413);
    if (status === 400)
      return c.json(
        errorBody('validation_failed', error.message || 'The request is malformed.', [{ path: '', message: error.message }]),
        400,
      );
    if (status === 415)
      return c.json(
        errorBody('validation_failed', 'Send the body as JSON (Content-Type: application/json).', [{ path: '', message: 'not JSON' }]),
        400,
      );
    if (status === 403) return c.json(errorBody('forbidden', error.message || 'Forbidden.'), 403);
    return c.json(errorBody('http_error', error.message), status);
  }
  log(error);
  return c.json(errorBody('internal_error', 'Something went wrong on our side; it was logged.'), 500);
}
