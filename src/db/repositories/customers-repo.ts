import { sql, type Insertable, type Selectable } from 'kysely';
import { isUuid } from '../../domain/ids.js';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import type { CustomerTable } from '../schema.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import { escapeLike } from './contracts-repo.js';

export type CustomerRow = Selectable<CustomerTable>;
export type NewCustomer = Omit<Insertable<CustomerTable>, 'tenant_id' | 'organization_id' | 'id' | 'created_at'>;

const COLUMNS = [
  'id',
  'name',
  'email',
  'language',
  'vat_number',
  'phone',
  'customer_number',
  'address_line1',
  'postal_code',
  'city',
  'country',
  'tenant_id',
  'organization_id',
  'created_at',
] as const;

export async function findCustomer(db: Db, scope: OrgScope, customerId: string) {
  if (!isUuid(customerId)) return undefined;
  return db
    .selectFrom('customers')
    .select(COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', customerId)
    .executeTakeFirst();
}

export async function listCustomers(db: Db, scope: OrgScope, q: string | undefined, page: Page) {
  let query = db
    .selectFrom('customers')
    .select(COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId);
  if (q) query = query.where('name', 'ilike', `%${escapeLike(q)}%`);
  if (page.cursor) {
    const [name, id] = decodeCursor(page.cursor, ['text', 'uuid']);
    query = query.where(sql<boolean>`(name, id) > (${name}, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows, page.limit, (r) => [r.name, r.id]);
}

export async function insertCustomers(db: Db, scope: OrgScope, customers: readonly (NewCustomer & { id: string })[]): Promise<void> {
  if (customers.length === 0) return;
  await db
    .insertInto('customers')
    .values(customers.map((c) => ({ tenant_id: scope.tenantId, organization_id: scope.organizationId, ...c })))
    .execute();
}

/** Customers by the supplier's own customer numbers. */
export async function customersByNumber(db: Db, scope: OrgScope, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  return db
    .selectFrom('customers')
    .select(['id', 'customer_number'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('customer_number', '=', sql<string>`ANY(${numbers}::text[])`)
    .execute();
}

export async function insertCustomer(db: Db, scope: OrgScope, customer: NewCustomer): Promise<CustomerRow> {
  return db
    .insertInto('customers')
    .values({ tenant_id: scope.tenantId, organization_id: scope.organizationId, ...customer })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}
