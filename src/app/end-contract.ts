import { insertAudit } from '../db/repositories/audit-repo.js';
import { lockContract, updateContractTerms } from '../db/repositories/contracts-repo.js';
import { contractAdvancePeriods, contractBillingPeriods, deletePeriods, truncatePeriods } from '../db/repositories/schedule-repo.js';
import type { Db } from '../db/connection.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { planContractEnd } from '../domain/contract-end.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';

/**
 * Ends a running contract on a date (the day before a new occupant moves in): its schedule stops
 * there, the last advance period truncated. Runs inside the caller's transaction.
 */
export async function endContract(ctx: OrgContext, tx: Db, contractId: string, endDate: CalendarDate): Promise<void> {
  const contract = await lockContract(tx, ctx.scope, contractId);
  if (!contract) throw new DomainError('not_found', 'No such contract.');
  if (endDate < contract.move_in_date || (contract.first_advance_start_date !== null && contract.first_advance_start_date > endDate)) {
    throw new DomainError('contract_end_conflict', `The contract's supply or advances start after ${endDate}.`, { contractId });
  }
  const periods = <S extends string>(rows: { id: string; start_date: string; end_date: string; status: S }[]) =>
    rows.map((r) => ({ id: r.id, status: r.status, startDate: r.start_date as CalendarDate, endDate: r.end_date as CalendarDate }));
  const result = planContractEnd(
    endDate,
    periods(await contractAdvancePeriods(tx, ctx.scope, contractId)),
    periods(await contractBillingPeriods(tx, ctx.scope, contractId)),
  );
  if ('refusal' in result) {
    throw new DomainError('contract_end_conflict', result.refusal.message, { contractId, periodIds: result.refusal.periodIds });
  }
  const { plan } = result;
  await deletePeriods(tx, ctx.scope, 'advance_periods', plan.deleteAdvancePeriodIds);
  await truncatePeriods(tx, ctx.scope, 'advance_periods', plan.truncateAdvancePeriodIds, endDate);
  await deletePeriods(tx, ctx.scope, 'billing_periods', plan.deleteBillingPeriodIds);
  await truncatePeriods(tx, ctx.scope, 'billing_periods', plan.truncateBillingPeriodIds, endDate);
  await updateContractTerms(tx, ctx.scope, contractId, { end_date: endDate });
  await insertAudit(tx, ctx.scope, {
    actorUserId: ctx.actor.userId,
    entity: 'contract',
    entityId: contractId,
    action: 'end',
    before: { endDate: contract.end_date },
    after: { endDate },
  });
}
