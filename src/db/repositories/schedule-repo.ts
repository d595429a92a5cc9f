import { sql } from 'kysely';
import type { Db } from '../connection.js';
import { timeOrderedId } from '../time-ordered-id.js';
import type { OrgScope } from '../scope.js';
import type { ContractSchedule } from '../../domain/billing-schedule.js';
import type { CalendarDate } from '../../domain/calendar-date.js';

export type ContractScheduleToSave = { contractId: string; schedule: ContractSchedule; advanceAmount: string | null };

// rows per statement: the columns travel as one array each, so only memory bounds a batch
const BATCH_ROWS = 20_000;

/**
 * Writes the billing and advance periods of contracts. Idempotent: the unique (contract, start date)
 * keys make a regeneration add only what is new, never a duplicate, and never touch existing periods.
 * `newContracts` (contracts made in this transaction, so without periods yet) skips the conflict
 * handling, which costs a third of a bulk insert's time.
 */
export async function saveSchedules(
  db: Db,
  scope: OrgScope,
  items: readonly ContractScheduleToSave[],
  { newContracts = false } = {},
): Promise<void> {
  if (items.length === 0) return;
  const onConflict = newContracts ? sql`` : sql`ON CONFLICT (tenant_id, contract_id, start_date) DO NOTHING`;
  const billing = { ids: [] as string[], contractIds: [] as string[], starts: [] as string[], ends: [] as string[] };
  const billingPeriodIds = new Map<string, string>();
  for (const { contractId, schedule } of items)
    for (const bp of schedule.billingPeriods) {
      const id = timeOrderedId();
      billing.ids.push(id);
      billing.contractIds.push(contractId);
      billing.starts.push(bp.startDate);
      billing.ends.push(bp.endDate);
      billingPeriodIds.set(`${contractId}/${bp.startDate}`, id);
    }
  for (let i = 0; i < billing.ids.length; i += BATCH_ROWS) {
    const slice = (values: string[]) => values.slice(i, i + BATCH_ROWS);
    await sql`INSERT INTO billing_periods (tenant_id, organization_id, id, contract_id, start_date, end_date)
      SELECT ${scope.tenantId}::uuid, ${scope.organizationId}::uuid, b.* FROM unnest(${slice(billing.ids)}::uuid[],
        ${slice(billing.contractIds)}::uuid[], ${slice(billing.starts)}::date[], ${slice(billing.ends)}::date[]) AS b
      ${onConflict}`.execute(db);
  }
  // a regenerated schedule's billing periods may exist already, with their own ids
  if (!newContracts) {
    const contractIds = items.map((item) => item.contractId);
    for (let i = 0; i < contractIds.length; i += BATCH_ROWS) {
      const rows = await db
        .selectFrom('billing_periods')
        .select(['id', 'contract_id', 'start_date'])
        .where('tenant_id', '=', scope.tenantId)
        .where('organization_id', '=', scope.organizationId)
        .where('contract_id', '=', sql<string>`ANY(${contractIds.slice(i, i + BATCH_ROWS)}::uuid[])`)
        .execute();
      for (const row of rows) billingPeriodIds.set(`${row.contract_id}/${row.start_date}`, row.id);
    }
  }
  const advance = {
    ids: [] as string[],
    contractIds: [] as string[],
    billingPeriodIds: [] as string[],
    starts: [] as string[],
    ends: [] as string[],
    amounts: [] as string[],
  };
  for (const { contractId, schedule, advanceAmount } of items) {
    if (advanceAmount === null) continue;
    const idOfBillingPeriod = schedule.billingPeriods.map((bp) => billingPeriodIds.get(`${contractId}/${bp.startDate}`)!);
    for (const ap of schedule.advancePeriods) {
      advance.ids.push(timeOrderedId());
      advance.contractIds.push(contractId);
      advance.billingPeriodIds.push(idOfBillingPeriod[ap.billingPeriodIndex]!);
      advance.starts.push(ap.startDate);
      advance.ends.push(ap.endDate);
      advance.amounts.push(advanceAmount);
    }
  }
  for (let i = 0; i < advance.ids.length; i += BATCH_ROWS) {
    const slice = (values: string[]) => values.slice(i, i + BATCH_ROWS);
    await sql`INSERT INTO advance_periods (tenant_id, organization_id, id, contract_id, billing_period_id, start_date, end_date, amount)
      SELECT ${scope.tenantId}::uuid, ${scope.organizationId}::uuid, a.* FROM unnest(${slice(advance.ids)}::uuid[],
        ${slice(advance.contractIds)}::uuid[], ${slice(advance.billingPeriodIds)}::uuid[], ${slice(advance.starts)}::date[],
        ${slice(advance.ends)}::date[], ${slice(advance.amounts)}::numeric[]) AS a
      ${onConflict}`.execute(db);
  }
}

export async function contractBillingPeriods(db: Db, scope: OrgScope, contractId: string) {
  return db
    .selectFrom('billing_periods')
    .select(['id', 'start_date', 'end_date', 'status'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('contract_id', '=', contractId)
    .orderBy('start_date')
    .execute();
}

export async function contractAdvancePeriods(db: Db, scope: OrgScope, contractId: string) {
  return db
    .selectFrom('advance_periods as ap')
    .leftJoin('invoices as i', (j) => j.onRef('i.tenant_id', '=', 'ap.tenant_id').onRef('i.advance_period_id', '=', 'ap.id'))
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'ap.tenant_id').onRef('u.id', '=', 'ap.skipped_by'))
    .select([
      'ap.id',
      'ap.billing_period_id',
      'ap.start_date',
      'ap.end_date',
      'ap.amount',
      'ap.status',
      'ap.skipped_at',
      'ap.skip_reason',
      'u.name as skipped_by_name',
      'i.id as invoice_id',
      'i.number as invoice_number',
    ])
    .where('ap.tenant_id', '=', scope.tenantId)
    .where('ap.organization_id', '=', scope.organizationId)
    .where('ap.contract_id', '=', contractId)
    .orderBy('ap.start_date')
    .execute();
}

/** Removes periods a schedule no longer has (the database refuses to remove an advance period that isn't planned). */
export async function deletePeriods(
  db: Db,
  scope: OrgScope,
  table: 'advance_periods' | 'billing_periods',
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom(table)
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', 'in', ids)
    .execute();
}

/** Truncates periods at a contract's new end. */
export async function truncatePeriods(
  db: Db,
  scope: OrgScope,
  table: 'advance_periods' | 'billing_periods',
  ids: readonly string[],
  endDate: CalendarDate,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable(table)
    .set({ end_date: endDate })
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', 'in', ids)
    .execute();
}

/** A new advance amount applies to the periods not invoiced yet. */
export async function setPlannedAmount(db: Db, scope: OrgScope, contractId: string, amount: string): Promise<void> {
  await db
    .updateTable('advance_periods')
    .set({ amount })
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('contract_id', '=', contractId)
    .where('status', '=', 'planned')
    .where('amount', '<>', amount)
    .execute();
}
