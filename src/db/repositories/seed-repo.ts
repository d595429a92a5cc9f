import { sql, type Insertable } from 'kysely';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import type { Database } from '../schema.js';

// Bulk writes for seeding: multi-row INSERTs in batches (COPY through the PGlite adapter kills PGlite).
const BATCH_ROWS = 2000;

type Scoped<T extends keyof Database> = Omit<Insertable<Database[T]>, 'tenant_id' | 'organization_id'>;

export async function insertTenant(db: Db, tenant: { name: string; plan: 'basic' | 'professional' }) {
  return (await db.insertInto('tenants').values(tenant).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertOrganization(db: Db, tenantId: string, name: string, settings: object) {
  return (
    await db
      .insertInto('organizations')
      .values({ tenant_id: tenantId, name, settings: JSON.stringify(settings) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertRole(db: Db, tenantId: string, role: { name: string; builtIn: boolean; permissions: object }) {
  return (
    await db
      .insertInto('roles')
      .values({ tenant_id: tenantId, name: role.name, built_in: role.builtIn, permissions: JSON.stringify(role.permissions) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertUser(db: Db, tenantId: string, user: { email: string; name: string; passwordHash: string }) {
  return (
    await db
      .insertInto('users')
      .values({ tenant_id: tenantId, email: user.email, name: user.name, password_hash: user.passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertMembership(db: Db, tenantId: string, membership: { userId: string; organizationId: string; roleId: string }) {
  await db
    .insertInto('memberships')
    .values({ tenant_id: tenantId, user_id: membership.userId, organization_id: membership.organizationId, role_id: membership.roleId })
    .execute();
}

/** Inserts rows of an organization's table in batches and returns the generated ids in input order. */
export async function insertMany<T extends 'products' | 'customers' | 'connection_points' | 'contracts' | 'invoices' | 'ledger_entries'>(
  db: Db,
  scope: OrgScope,
  table: T,
  rows: Scoped<T>[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = rows
      .slice(i, i + BATCH_ROWS)
      .map((row) => ({ ...row, tenant_id: scope.tenantId, organization_id: scope.organizationId }));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic insert for the seeded tables
    const inserted = await (db.insertInto(table) as any).values(batch).returning('id').execute();
    ids.push(...inserted.map((r: { id: string }) => r.id));
  }
  return ids;
}

export async function insertInvoiceLines(db: Db, tenantId: string, rows: Omit<Insertable<Database['invoice_lines']>, 'tenant_id'>[]) {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await db
      .insertInto('invoice_lines')
      .values(rows.slice(i, i + BATCH_ROWS).map((r) => ({ ...r, tenant_id: tenantId })))
      .execute();
  }
}

export async function advancePeriodIds(db: Db, scope: OrgScope, contractIds: readonly string[]) {
  const rows = [];
  for (let i = 0; i < contractIds.length; i += BATCH_ROWS) {
    rows.push(
      ...(await db
        .selectFrom('advance_periods as ap')
        .innerJoin('billing_periods as bp', (j) => j.onRef('bp.tenant_id', '=', 'ap.tenant_id').onRef('bp.id', '=', 'ap.billing_period_id'))
        .select([
          'ap.id',
          'ap.contract_id',
          'ap.start_date',
          'ap.end_date',
          'ap.amount',
          'ap.billing_period_id',
          'bp.start_date as bp_start',
          'bp.end_date as bp_end',
        ])
        .where('ap.tenant_id', '=', scope.tenantId)
        .where('ap.organization_id', '=', scope.organizationId)
        .where('ap.contract_id', 'in', contractIds.slice(i, i + BATCH_ROWS))
        .orderBy('ap.contract_id')
        .orderBy('ap.start_date')
        .execute()),
    );
  }
  return rows;
}

export async function setPeriodStatus(
  db: Db,
  scope: OrgScope,
  ids: readonly string[],
  status: 'invoiced' | 'skipped',
  skippedBy: string | null,
) {
  for (let i = 0; i < ids.length; i += BATCH_ROWS) {
    await db
      .updateTable('advance_periods')
      .set(
        status === 'skipped'
          ? // skipped when the period began, as staff would have done, not at seeding time
            {
              status,
              skipped_at: sql`(start_date + 2 + time '09:00') AT TIME ZONE 'Europe/Brussels'`,
              skipped_by: skippedBy,
              skip_reason: 'Demo: agreed with the customer',
            }
          : { status },
      )
      .where('tenant_id', '=', scope.tenantId)
      .where('organization_id', '=', scope.organizationId)
      .where('id', 'in', ids.slice(i, i + BATCH_ROWS))
      .execute();
  }
}

export async function closeBillingPeriods(db: Db, scope: OrgScope, ids: readonly string[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('billing_periods')
    .set({ status: 'closed', closed_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', 'in', ids)
    .execute();
}

export async function demoExists(db: Db, adminEmail: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('email', '=', adminEmail).executeTakeFirst()) !== undefined;
}

export async function insertSequences(db: Db, scope: OrgScope, sequences: { name: string; lastValue: number }[]) {
  if (sequences.length === 0) return;
  await db
    .insertInto('sequences')
    .values(
      sequences.map((s) => ({ tenant_id: scope.tenantId, organization_id: scope.organizationId, name: s.name, last_value: s.lastValue })),
    )
    .execute();
}
