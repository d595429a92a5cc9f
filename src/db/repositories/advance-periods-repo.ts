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
function unbilled(db: Db, scope: OrgScope, filter: UnbilledFilter) {
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
  return pageOf(
    rows,
    page.limit,
    (r) => r,
    (r) => [r.start_date, r.id],
  );
}

export async function summarizeUnbilled(db: Db, scope: OrgScope, filter: UnbilledFilter) {
  return unbilled(db, scope, filter)
    .select([sql<number>`count(*)::int`.as('count'), sql<string>`coalesce(sum(ap.amount), 0)::numeric(14, 2)::text`.as('total_amount')])
    .executeTakeFirstOrThrow();
}

export async function unbilledIds(db: Db, scope: OrgScope, filter: UnbilledFilter, max: number): Promise<string[]> {
  const rows = await unbilled(db, scope, filter).select('ap.id').orderBy('ap.start_date').orderBy('ap.id').limit(max).execute();
  return rows.map((r) => r.id);
}

export type LockedAdvancePeriod = {
  id: string;
  contract_id: string;
  status: AdvancePeriodStatus;
  start_date: CalendarDate;
  billing_period_status: BillingPeriodStatus;
};

/**
 * Locks the periods (in id order, so concurrent callers can't deadlock) and reads their state.
 * Joining the id list (rather than `= ANY`) keeps it an index lookup per id on a large table.
 */
export async function lockAdvancePeriods(db: Db, scope: OrgScope, ids: readonly string[]): Promise<Map<string, LockedAdvancePeriod>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<LockedAdvancePeriod>`
    SELECT ap.id, ap.contract_id, ap.status, ap.start_date, bp.status AS billing_period_status
    FROM unnest(${sql.val(ids)}::uuid[]) AS selected (id)
    JOIN advance_periods ap ON ap.tenant_id = ${scope.tenantId} AND ap.id = selected.id
    JOIN billing_periods bp ON bp.tenant_id = ap.tenant_id AND bp.id = ap.billing_period_id
    WHERE ap.organization_id = ${scope.organizationId}
    ORDER BY ap.id
    FOR UPDATE OF ap`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r]));
}

export type Skip = { ids: readonly string[]; by: string; reason: string | null };

/** Marks locked, skippable periods as skipped, with one audit entry each. */
export async function markSkipped(db: Db, scope: OrgScope, skip: Skip): Promise<void> {
  if (skip.ids.length === 0) return;
  await sql`
    WITH skipped AS (
      UPDATE advance_periods ap SET status = 'skipped', skipped_at = now(), skipped_by = ${skip.by}, skip_reason = ${skip.reason}
      FROM unnest(${sql.val(skip.ids)}::uuid[]) AS selected (id)
      WHERE ap.tenant_id = ${scope.tenantId} AND ap.organization_id = ${scope.organizationId} AND ap.id = selected.id AND ap.status = 'planned'
      RETURNING ap.id
    )
    INSERT INTO audit_log (tenant_id, organization_id, actor_user_id, entity, entity_id, action, before, after)
    SELECT ${scope.tenantId}, ${scope.organizationId}, ${skip.by}, 'advancePeriod', id, 'skip',
           '{"status":"planned"}'::jsonb, jsonb_build_object('status', 'skipped', 'reason', ${skip.reason}::text)
    FROM skipped`.execute(db);
}
