import { isUuid } from '../../domain/ids.js';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';

export async function listProducts(db: Db, scope: OrgScope) {
  return db
    .selectFrom('products')
    .select(['id', 'code', 'name', 'energy', 'prices'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .orderBy('name')
    .execute();
}

export async function findProduct(db: Db, scope: OrgScope, productId: string) {
  if (!isUuid(productId)) return undefined;
  return db
    .selectFrom('products')
    .select(['id', 'code', 'name', 'energy', 'prices'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', productId)
    .executeTakeFirst();
}
