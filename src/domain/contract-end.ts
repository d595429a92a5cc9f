import type { AdvancePeriodStatus } from './advance-period-state.js';
import type { CalendarDate } from './calendar-date.js';

export type DatedPeriod<S extends string> = { id: string; startDate: CalendarDate; endDate: CalendarDate; status: S };

/** What ending a contract on a date does to its schedule. */
export type ContractEndPlan = {
  deleteAdvancePeriodIds: string[];
  truncateAdvancePeriodIds: string[];
  deleteBillingPeriodIds: string[];
  truncateBillingPeriodIds: string[];
};

export type ContractEndRefusal = { message: string; periodIds: string[] };

/**
 * Ending a contract on `endDate` (DOMAIN.md): the periods after it disappear and the ones it falls in
 * are truncated at it. Refused when something after it can't disappear: an invoice, a skip, or a
 * closed billing period.
 */
export function planContractEnd(
  endDate: CalendarDate,
  advancePeriods: readonly DatedPeriod<AdvancePeriodStatus>[],
  billingPeriods: readonly DatedPeriod<'open' | 'closed'>[],
): { plan: ContractEndPlan } | { refusal: ContractEndRefusal } {
  const after = advancePeriods.filter((p) => p.startDate > endDate);
  const kept = after.filter((p) => p.status !== 'planned');
  if (kept.length > 0)
    return {
      refusal: { message: `Advance periods after ${endDate} are invoiced, in draft or skipped.`, periodIds: kept.map((p) => p.id) },
    };
  const closed = billingPeriods.filter((bp) => bp.status === 'closed' && bp.endDate > endDate);
  if (closed.length > 0)
    return { refusal: { message: `A billing period running past ${endDate} is closed.`, periodIds: closed.map((p) => p.id) } };
  const straddling = <S extends string>(p: DatedPeriod<S>) => p.startDate <= endDate && p.endDate > endDate;
  return {
    plan: {
      deleteAdvancePeriodIds: after.map((p) => p.id),
      truncateAdvancePeriodIds: advancePeriods.filter(straddling).map((p) => p.id),
      deleteBillingPeriodIds: billingPeriods.filter((bp) => bp.startDate > endDate).map((p) => p.id),
      truncateBillingPeriodIds: billingPeriods.filter(straddling).map((p) => p.id),
    },
  };
}
