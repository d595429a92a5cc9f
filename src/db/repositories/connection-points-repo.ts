import { sql, type Insertable } from 'kysely';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import type { ConnectionPointTable } from '../schema.js';

export type NewConnectionPoint = Omit<Insertable<ConnectionPointTable>, 'tenant_id' | 'organization_id' | 'id'>;

/**
 * The connection point with this EAN, created when the organization doesn't know it yet, and locked
 * until the transaction ends: move-ins at one connection point take turns, so their overlap checks
 * can't both pass.
 */
export async function findOrCreateConnectionPoint(db: Db, scope: OrgScope, point: NewConnectionPoint) {
  return (await lockConnectionPoints(db, scope, [point]))[0]!;
}

/**
 * Creates the connection points the organization doesn't know yet (an import gives their ids), then
 * answers all of them by EAN, locked until the transaction ends.
 */
export async function lockConnectionPoints(db: Db, scope: OrgScope, points: readonly (NewConnectionPoint & { id?: string })[]) {
  if (points.length === 0) return [];
  await db
    .insertInto('connection_points')
    .values(points.map((p) => ({ tenant_id: scope.tenantId, organization_id: scope.organizationId, ...p })))
    .onConflict((oc) => oc.columns(['tenant_id', 'organization_id', 'ean']).doNothing())
    .execute();
  return db
    .selectFrom('connection_points')
    .select(['id', 'ean', 'energy'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('ean', '=', sql<string>`ANY(${points.map((p) => p.ean)}::text[])`)
    .orderBy('ean')
    .forUpdate()
    .execute();
}
