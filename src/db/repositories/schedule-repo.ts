import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import type { ContractSchedule } from '../../domain/billing-schedule.js';
import type { CalendarDate } from '../../domain/calendar-date.js';

export type ContractScheduleToSave = { contractId: string; schedule: ContractSchedule; advanceAmount: string | null };

const BATCH_ROWS = 4000; // well under PostgreSQL's 65,535 bind parameters per statement

/**
 * Writes the billing and advance periods of contracts. Idempotent: the unique (contract, start date)
 * keys make a regeneration add only what is new, never a duplicate, and never touch existing periods.
 */
export async function saveSchedules(db: Db, scope: OrgScope, items: readonly ContractScheduleToSave[]): Promise<void> {
  const base = { tenant_id: scope.tenantId, organization_id: scope.organizationId };
  const billingRows = items.flatMap(({ contractId, schedule }) =>
    schedule.billingPeriods.map((bp) => ({ ...base, contract_id: contractId, start_date: bp.startDate, end_date: bp.endDate })),
  );
  for (let i = 0; i < billingRows.length; i += BATCH_ROWS) {
    await db
      .insertInto('billing_periods')
      .values(billingRows.slice(i, i + BATCH_ROWS))
      .onConflict((oc) => oc.columns(['tenant_id', 'contract_id', 'start_date']).doNothing())
      .execute();
  }
  const contractIds = items.map((item) => item.contractId);
  if (contractIds.length === 0) return;
  const billingPeriodIds = new Map<string, string>();
  for (let i = 0; i < contractIds.length; i += BATCH_ROWS) {
    const rows = await db
      .selectFrom('billing_periods')
      .select(['id', 'contract_id', 'start_date'])
      .where('tenant_id', '=', scope.tenantId)
      .where('organization_id', '=', scope.organizationId)
      .where('contract_id', 'in', contractIds.slice(i, i + BATCH_ROWS))
      .execute();
    for (const row of rows) billingPeriodIds.set(`${row.contract_id}/${row.start_date}`, row.id);
  }
  const advanceRows = items.flatMap(({ contractId, schedule, advanceAmount }) =>
    advanceAmount === null
      ? []
      : schedule.advancePeriods.map((ap) => ({
          ...base,
          contract_id: contractId,
          billing_period_id: billingPeriodIds.get(`${contractId}/${schedule.billingPeriods[ap.billingPeriodIndex]!.startDate}`)!,
          start_date: ap.startDate,
          end_date: ap.endDate,
          amount: advanceAmount,
        })),
  );
  for (let i = 0; i < advanceRows.length; i += BATCH_ROWS) {
    await db
      .insertInto('advance_periods')
      .values(advanceRows.slice(i, i + BATCH_ROWS))
      .onConflict((oc) => oc.columns(['tenant_id', 'contract_id', 'start_date']).doNothing())
      .execute();
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

/** Removes planned advance periods (the database refuses any other). */
export async function deleteAdvancePeriods(db: Db, scope: OrgScope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('advance_periods')
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

export async function deleteBillingPeriods(db: Db, scope: OrgScope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('billing_periods')
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
