import { sql } from 'kysely';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';

export type MoveInStatus = 'new' | 'accepted' | 'rejected';

export async function insertMoveIn(
  db: Db,
  scope: OrgScope,
  moveIn: {
    source: 'move_request' | 'manual';
    status: MoveInStatus;
    request: unknown;
    contractId: string | null;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('move_ins')
    .values({
      tenant_id: scope.tenantId,
      organization_id: scope.organizationId,
      source: moveIn.source,
      status: moveIn.status,
      request: JSON.stringify(moveIn.request),
      contract_id: moveIn.contractId,
      created_by: moveIn.createdBy,
      decided_at: moveIn.status === 'new' ? null : new Date(),
    })
    .returning(['id', 'status', 'contract_id'])
    .executeTakeFirstOrThrow();
}

const COLUMNS = ['id', 'source', 'status', 'request', 'contract_id', 'rejection_reason', 'created_at', 'decided_at'] as const;

function selectMoveIn(db: Db, scope: OrgScope, moveInId: string) {
  return db
    .selectFrom('move_ins')
    .select(COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', moveInId);
}

export async function findMoveIn(db: Db, scope: OrgScope, moveInId: string) {
  return selectMoveIn(db, scope, moveInId).executeTakeFirst();
}

/** The move-in, locked until the transaction ends: decisions on it take turns. */
export async function lockMoveIn(db: Db, scope: OrgScope, moveInId: string) {
  return selectMoveIn(db, scope, moveInId).forUpdate().executeTakeFirst();
}

export async function replaceMoveInRequest(db: Db, scope: OrgScope, moveInId: string, request: unknown): Promise<void> {
  await db
    .updateTable('move_ins')
    .set({ request: JSON.stringify(request) })
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', moveInId)
    .execute();
}

export async function decideMoveIn(
  db: Db,
  scope: OrgScope,
  moveInId: string,
  decision: { status: 'accepted'; contractId: string } | { status: 'rejected'; reason: string },
) {
  return db
    .updateTable('move_ins')
    .set({
      status: decision.status,
      contract_id: decision.status === 'accepted' ? decision.contractId : null,
      rejection_reason: decision.status === 'rejected' ? decision.reason : null,
      decided_at: new Date(),
    })
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', moveInId)
    .returning(['id', 'status', 'contract_id'])
    .executeTakeFirstOrThrow();
}

export async function listMoveIns(db: Db, scope: OrgScope, status: MoveInStatus | undefined, page: Page) {
  let query = db
    .selectFrom('move_ins')
    .select(COLUMNS)
    // the cursor keeps PostgreSQL's own text of the timestamp: a JS Date would drop its microseconds
    .select(sql<string>`created_at::text`.as('created_at_key'))
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId);
  if (status) query = query.where('status', '=', status);
  if (page.cursor) {
    const [createdAt, id] = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    query = query.where(sql<boolean>`(created_at, id) > (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows, page.limit, (r) => [r.created_at_key, r.id]);
}
