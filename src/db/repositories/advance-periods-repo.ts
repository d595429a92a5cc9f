import { sql } from 'kysely';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import { escapeLike } from './contracts-repo.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import { isUuid } from '../../domain/ids.js';
import type { AdvancePeriodStatus, BillingPeriodStatus } from '../../domain/advance-period-state.js';

export type UnbilledFilter = {
  today: CalendarDate;
  contractId?: string | undefined;
  q?: string | undefined;
  from?: CalendarDate | undefined;
  to?: CalendarDate | undefined;
};

/** Due advance periods without an invoice: planned, starting today or earlier (and within the filter). */
export function unbilled(db: Db, scope: OrgScope, filter: UnbilledFilter) {
  let query = db
    .selectFrom('advance_periods as ap')
    .where('ap.tenant_id', '=', scope.tenantId)
    .where('ap.organization_id', '=', scope.organizationId)
    .where('ap.status', '=', 'planned')
    .where('ap.start_date', '<=', filter.to !== undefined && filter.to < filter.today ? filter.to : filter.today);
  if (filter.from) query = query.where('ap.start_date', '>=', filter.from);
  // an id that can't name a row filters everything out, as an unknown one does
  if (filter.contractId)
    query = isUuid(filter.contractId) ? query.where('ap.contract_id', '=', filter.contractId) : query.where(sql<boolean>`false`);
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('contracts as k')
          .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.customer_id'))
          .innerJoin('connection_points as cp', (j) =>
            j.onRef('cp.tenant_id', '=', 'k.tenant_id').onRef('cp.id', '=', 'k.connection_point_id'),
          )
          .whereRef('k.tenant_id', '=', 'ap.tenant_id')
          .whereRef('k.id', '=', 'ap.contract_id')
          .where((eb) => eb.or([eb('c.name', 'ilike', like), eb('cp.ean', 'like', like)]))
          .select(sql`1`.as('one')),
      ),
    );
  }
  return query;
}

export async function listUnbilled(db: Db, scope: OrgScope, filter: UnbilledFilter, page: Page) {
  let query = unbilled(db, scope, filter);
  if (page.cursor) {
    const [startDate, id] = decodeCursor(page.cursor, ['date', 'uuid']);
    query = query.where(sql<boolean>`(ap.start_date, ap.id) > (${startDate}::date, ${id}::uuid)`);
  }
  const rows = await query
    .innerJoin('contracts as k', (j) => j.onRef('k.tenant_id', '=', 'ap.tenant_id').onRef('k.id', '=', 'ap.contract_id'))
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.customer_id'))
    .innerJoin('connection_points as cp', (j) => j.onRef('cp.tenant_id', '=', 'k.tenant_id').onRef('cp.id', '=', 'k.connection_point_id'))
    .select(['ap.id', 'ap.contract_id', 'c.name as customer_name', 'cp.ean', 'cp.energy', 'ap.start_date', 'ap.end_date', 'ap.amount'])
    .orderBy('ap.start_date')
    .orderBy('ap.id')
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows, page.limit, (r) => [r.start_date, r.id]);
}

export async function summarizeUnbilled(db: Db, scope: OrgScope, filter: UnbilledFilter) {
  return unbilled(db, scope, filter)
    .select([sql<number>`count(*)::int`.as('count'), sql<string>`coalesce(sum(ap.amount), 0)::numeric(14, 2)::text`.as('total_amount')])
    .executeTakeFirstOrThrow();
}

/** Where a billing run's worker left off: the last period it took, in the order periods are taken. */
export type RunCursor = { startDate: CalendarDate; id: string };

/**
 * The next due periods a billing run can invoice (open billing period, contract not ended before
 * them), oldest first and after `after`, locked. With `skipLocked`, periods another transaction
 * holds are passed over, so workers share a run; without, the lock is waited for and the period
 * re-checked. A subquery of `claimAdvancePeriods`.
 */
export function invoiceableBatch(
  db: Db,
  scope: OrgScope,
  filter: UnbilledFilter,
  limit: number,
  { after, skipLocked }: { after: RunCursor | null; skipLocked: boolean },
) {
  let query = unbilled(db, scope, filter)
    .innerJoin('contracts as k', (j) => j.onRef('k.tenant_id', '=', 'ap.tenant_id').onRef('k.id', '=', 'ap.contract_id'))
    .innerJoin('billing_periods as bp', (j) => j.onRef('bp.tenant_id', '=', 'ap.tenant_id').onRef('bp.id', '=', 'ap.billing_period_id'))
    .where('bp.status', '=', 'open')
    .where((eb) => eb.or([eb('k.end_date', 'is', null), eb('k.end_date', '>=', eb.ref('ap.start_date'))]));
  // a keyset: the index entries of periods already taken are not walked again by every batch
  if (after) query = query.where(sql<boolean>`(ap.start_date, ap.id) > (${after.startDate}::date, ${after.id}::uuid)`);
  const locked = query.select('ap.id').orderBy('ap.start_date').orderBy('ap.id').limit(limit).forUpdate('ap');
  return skipLocked ? locked.skipLocked() : locked;
}
export type InvoiceableBatch = ReturnType<typeof invoiceableBatch>;

/** Due planned periods a run can't invoice, by reason: their billing period is closed, or their contract ended before them. */
export async function uninvoiceableCounts(db: Db, scope: OrgScope, filter: UnbilledFilter) {
  return unbilled(db, scope, filter)
    .innerJoin('contracts as k', (j) => j.onRef('k.tenant_id', '=', 'ap.tenant_id').onRef('k.id', '=', 'ap.contract_id'))
    .innerJoin('billing_periods as bp', (j) => j.onRef('bp.tenant_id', '=', 'ap.tenant_id').onRef('bp.id', '=', 'ap.billing_period_id'))
    .select([
      sql<number>`count(*) FILTER (WHERE bp.status = 'closed')::int`.as('billing_period_closed'),
      sql<number>`count(*) FILTER (WHERE bp.status = 'open' AND k.end_date < ap.start_date)::int`.as('contract_ended'),
    ])
    .executeTakeFirstOrThrow();
}

export async function unbilledIds(db: Db, scope: OrgScope, filter: UnbilledFilter, max: number): Promise<string[]> {
  const rows = await unbilled(db, scope, filter).select('ap.id').orderBy('ap.start_date').orderBy('ap.id').limit(max).execute();
  return rows.map((r) => r.id);
}

export type AdvancePeriodState = {
  id: string;
  status: AdvancePeriodStatus;
  billing_period_status: BillingPeriodStatus;
};

export type Skip = { ids: readonly string[]; by: string | null; reason: string | null };

/**
 * Skips, in one statement, the periods that are in the skippable state (`skippable`, from the domain),
 * each with its audit entry; answers the ids it skipped. The row locks make a concurrent change wait,
 * and a period changed meanwhile is re-checked against the state before it is skipped.
 */
export async function skipWhereSkippable(
  db: Db,
  scope: OrgScope,
  skippable: { status: AdvancePeriodStatus; billingPeriodStatus: BillingPeriodStatus },
  skip: Skip,
): Promise<Set<string>> {
  if (skip.ids.length === 0) return new Set();
  const rows = await sql<{ id: string }>`
    WITH skipped AS (
      UPDATE advance_periods ap SET status = 'skipped', skipped_at = now(), skipped_by = ${skip.by}, skip_reason = ${skip.reason}
      FROM unnest(${sql.val(skip.ids)}::uuid[]) AS selected (id), billing_periods bp
      WHERE ap.tenant_id = ${scope.tenantId} AND ap.organization_id = ${scope.organizationId} AND ap.id = selected.id
        AND ap.status = ${skippable.status} AND bp.tenant_id = ap.tenant_id AND bp.id = ap.billing_period_id
        AND bp.status = ${skippable.billingPeriodStatus}
      RETURNING ap.id
    ), audited AS (
      INSERT INTO audit_log (tenant_id, organization_id, actor_user_id, entity, entity_id, action, before, after)
      SELECT ${scope.tenantId}, ${scope.organizationId}, ${skip.by}, 'advancePeriod', id, 'skip',
             '{"status":"planned"}'::jsonb, jsonb_build_object('status', 'skipped', 'reason', ${skip.reason}::text)
      FROM skipped
    )
    SELECT id FROM skipped`.execute(db);
  return new Set(rows.rows.map((r) => r.id));
}

/** The state of periods (and of their billing periods), to say why those that were not skipped were not. */
export async function advancePeriodStates(db: Db, scope: OrgScope, ids: readonly string[]): Promise<Map<string, AdvancePeriodState>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<AdvancePeriodState>`
    SELECT ap.id, ap.status, bp.status AS billing_period_status
    FROM unnest(${sql.val(ids)}::uuid[]) AS selected (id)
    JOIN advance_periods ap ON ap.tenant_id = ${scope.tenantId} AND ap.id = selected.id
    JOIN billing_periods bp ON bp.tenant_id = ap.tenant_id AND bp.id = ap.billing_period_id
    WHERE ap.organization_id = ${scope.organizationId}`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r]));
}
