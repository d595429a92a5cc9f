import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import type { ContractTable } from '../schema.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { isUuid } from '../../domain/ids.js';

export type ContractRow = Selectable<ContractTable> & {
  customer_name: string;
  ean: string;
  energy: 'electricity' | 'gas' | 'heat';
  product_name: string;
  address_line1: string;
  postal_code: string;
  city: string;
  country: string;
  missing_count: number;
};

export type ContractFilter = { customerId?: string | undefined; q?: string | undefined };

function selectContracts(db: Db, scope: OrgScope, today: CalendarDate) {
  return db
    .selectFrom('contracts as k')
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.customer_id'))
    .innerJoin('connection_points as cp', (j) => j.onRef('cp.tenant_id', '=', 'k.tenant_id').onRef('cp.id', '=', 'k.connection_point_id'))
    .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.product_id'))
    .where('k.tenant_id', '=', scope.tenantId)
    .where('k.organization_id', '=', scope.organizationId)
    .select([
      'k.tenant_id',
      'k.organization_id',
      'k.id',
      'k.customer_id',
      'k.connection_point_id',
      'k.product_id',
      'k.move_in_date',
      'k.signature_date',
      'k.end_date',
      'k.advance_frequency',
      'k.advance_amount',
      'k.first_advance_start_date',
      'k.estimated_annual_consumption_kwh',
      'k.created_at',
      'c.name as customer_name',
      'cp.ean',
      'cp.energy',
      'p.name as product_name',
      'cp.address_line1',
      'cp.postal_code',
      'cp.city',
      'cp.country',
    ])
    .select(
      sql<number>`(SELECT count(*)::int FROM advance_periods ap WHERE ap.tenant_id = k.tenant_id AND ap.contract_id = k.id
        AND ap.status = 'planned' AND ap.start_date <= ${today})`.as('missing_count'),
    );
}

export async function listContracts(db: Db, scope: OrgScope, filter: ContractFilter, page: Page, today: CalendarDate) {
  let query = selectContracts(db, scope, today);
  // an id that can't name a row filters everything out, as an unknown one does
  if (filter.customerId)
    query = isUuid(filter.customerId) ? query.where('k.customer_id', '=', filter.customerId) : query.where(sql<boolean>`false`);
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('cp.ean', 'like', like)]));
  }
  // by customer name, as staff look contracts up; the contract id breaks ties (keyset pagination)
  if (page.cursor) {
    const [name, id] = decodeCursor(page.cursor, ['text', 'uuid']);
    query = query.where(sql<boolean>`(c.name, k.id) > (${name}, ${id}::uuid)`);
  }
  const rows = (await query
    .orderBy('c.name')
    .orderBy('k.id')
    .limit(page.limit + 1)
    .execute()) as ContractRow[];
  return pageOf(rows, page.limit, (r) => [r.customer_name, r.id]);
}

export async function findContract(db: Db, scope: OrgScope, contractId: string, today: CalendarDate): Promise<ContractRow | undefined> {
  if (!isUuid(contractId)) return undefined;
  return (await selectContracts(db, scope, today).where('k.id', '=', contractId).executeTakeFirst()) as ContractRow | undefined;
}

export type NewContract = Omit<Insertable<ContractTable>, 'tenant_id' | 'organization_id' | 'id' | 'created_at'>;
export type ContractTermsPatch = Partial<
  Pick<Updateable<ContractTable>, 'end_date' | 'first_advance_start_date' | 'advance_frequency' | 'advance_amount' | 'signature_date'>
>;

export async function insertContract(db: Db, scope: OrgScope, contract: NewContract): Promise<string> {
  const { id } = await db
    .insertInto('contracts')
    .values({ tenant_id: scope.tenantId, organization_id: scope.organizationId, ...contract })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertContracts(db: Db, scope: OrgScope, contracts: readonly (NewContract & { id: string })[]): Promise<void> {
  if (contracts.length === 0) return;
  await db
    .insertInto('contracts')
    .values(contracts.map((k) => ({ tenant_id: scope.tenantId, organization_id: scope.organizationId, ...k })))
    .execute();
}

/** The supplies (contracts) at connection points, to check an import's rows against. */
export async function contractsAtConnectionPoints(db: Db, scope: OrgScope, connectionPointIds: readonly string[]) {
  if (connectionPointIds.length === 0) return [];
  return db
    .selectFrom('contracts')
    .select(['id', 'connection_point_id', 'move_in_date', 'end_date'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('connection_point_id', '=', sql<string>`ANY(${connectionPointIds}::uuid[])`)
    .execute();
}

/**
 * A contract's own row, locked until the transaction ends: changes of its terms take turns. The lock
 * leaves its key alone (FOR NO KEY UPDATE), so a billing run's invoices, whose foreign keys share the
 * key, don't wait for it while it waits for their periods.
 */
export async function lockContract(db: Db, scope: OrgScope, contractId: string) {
  if (!isUuid(contractId)) return undefined;
  return db
    .selectFrom('contracts')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', contractId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function updateContractTerms(db: Db, scope: OrgScope, contractId: string, patch: ContractTermsPatch): Promise<void> {
  await db
    .updateTable('contracts')
    .set(patch)
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', contractId)
    .execute();
}

/** Contracts at a connection point whose supply overlaps [from, to] (to null: open-ended). */
export async function overlappingContracts(
  db: Db,
  scope: OrgScope,
  connectionPointId: string,
  from: CalendarDate,
  to: CalendarDate | null,
) {
  let query = db
    .selectFrom('contracts')
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('connection_point_id', '=', connectionPointId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]));
  if (to !== null) query = query.where('move_in_date', '<=', to);
  return query.select(['id', 'move_in_date', 'end_date']).execute();
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The schedule terms of an organization's contracts, in id order from `afterId`, a batch at a time. */
export async function contractTermsBatch(db: Db, scope: OrgScope, afterId: string | null, limit: number) {
  let query = db
    .selectFrom('contracts')
    .select(['id', 'move_in_date', 'signature_date', 'end_date', 'first_advance_start_date', 'advance_frequency', 'advance_amount'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute();
}

/** Every organization of every tenant: for platform jobs that walk all of them. */
export async function allOrganizations(db: Db): Promise<OrgScope[]> {
  const rows = await db.selectFrom('organizations').select(['tenant_id', 'id']).orderBy('tenant_id').orderBy('id').execute();
  return rows.map((r) => ({ tenantId: r.tenant_id, organizationId: r.id }));
}
