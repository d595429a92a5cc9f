import type { Db } from '../db/connection.js';
import * as keys from '../db/repositories/idempotency-repo.js';

export type { IdempotencyScope } from '../db/repositories/idempotency-repo.js';

/** An Idempotency-Key's life: claimed by the first request, completed with its answer, or released on failure. */
export const idempotencyKeys = {
  claim: (db: Db, scope: keys.IdempotencyScope, requestHash: string) => keys.claimIdempotencyKey(db, scope, requestHash),
  complete: (db: Db, scope: keys.IdempotencyScope, status: number, response: unknown) =>
    keys.completeIdempotencyKey(db, scope, status, response),
  release: (db: Db, scope: keys.IdempotencyScope) => keys.releaseIdempotencyKey(db, scope),
};
