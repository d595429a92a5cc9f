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
 * answers all of them, locked until the transaction ends: the new ones are invisible to others until
 * then, so only those known before are locked (in EAN order, so that two imports can't deadlock).
 */
export async function lockConnectionPoints(db: Db, scope: OrgScope, points: readonly (NewConnectionPoint & { id?: string })[]) {
  if (points.length === 0) return [];
  const made = await db
    .insertInto('connection_points')
    .values(points.map((p) => ({ tenant_id: scope.tenantId, organization_id: scope.organizationId, ...p })))
    .onConflict((oc) => oc.columns(['tenant_id', 'organization_id', 'ean']).doNothing())
    .returning(['id', 'ean', 'energy'])
    .execute();
  const madeEans = new Set(made.map((p) => p.ean));
  const known = points.map((p) => p.ean).filter((ean) => !madeEans.has(ean));
  if (known.length === 0) return made;
  const locked = await db
    .selectFrom('connection_points')
    .select(['id', 'ean', 'energy'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('ean', '=', sql<string>`ANY(${known}::text[])`)
    .orderBy('ean')
    .forUpdate()
    .execute();
  return [...made, ...locked];
}
