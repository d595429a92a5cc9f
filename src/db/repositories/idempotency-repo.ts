import { sql } from 'kysely';
import type { Db } from '../connection.js';

export type IdempotencyScope = { tenantId: string; userId: string; key: string };

/** Claims a key for a request; returns the earlier record when the key was used already (within 24 h). */
export async function claimIdempotencyKey(db: Db, scope: IdempotencyScope, requestHash: string) {
  await db
    .deleteFrom('idempotency_keys')
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', scope.userId)
    .where('key', '=', scope.key)
    .where('created_at', '<', sql<Date>`now() - interval '24 hours'`)
    .execute();
  const claimed = await db
    .insertInto('idempotency_keys')
    .values({
      tenant_id: scope.tenantId,
      user_id: scope.userId,
      key: scope.key,
      request_hash: requestHash,
      status_code: null,
      response: null,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (claimed) return { claimed: true as const };
  const earlier = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', scope.userId)
    .where('key', '=', scope.key)
    .executeTakeFirstOrThrow();
  return { claimed: false as const, earlier };
}

export async function completeIdempotencyKey(db: Db, scope: IdempotencyScope, statusCode: number, response: unknown) {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response: JSON.stringify(response) })
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', scope.userId)
    .where('key', '=', scope.key)
    .execute();
}

/** Frees a key whose request failed, so that a retry runs it again. */
export async function releaseIdempotencyKey(db: Db, scope: IdempotencyScope) {
  await db
    .deleteFrom('idempotency_keys')
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', scope.userId)
    .where('key', '=', scope.key)
    .where('status_code', 'is', null)
    .execute();
}
