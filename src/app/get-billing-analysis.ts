import { findContract } from '../db/repositories/contracts-repo.js';
import { contractAdvancePeriods, contractBillingPeriods } from '../db/repositories/schedule-repo.js';
import { isMissing, skipRefusal } from '../domain/advance-period-state.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';

/** A contract's billing periods with their advance periods, each with its state and whether it can be skipped. */
export async function getBillingAnalysis(ctx: OrgContext, contractId: string) {
  const contract = await findContract(ctx.db, ctx.scope, contractId, ctx.today);
  if (!contract) throw new DomainError('not_found', 'No such contract.');
  const [billingPeriods, advancePeriods] = await Promise.all([
    contractBillingPeriods(ctx.db, ctx.scope, contractId),
    contractAdvancePeriods(ctx.db, ctx.scope, contractId),
  ]);
  return {
    billingPeriods: billingPeriods.map((bp) => ({
      id: bp.id,
      startDate: bp.start_date,
      endDate: bp.end_date,
      status: bp.status,
      advancePeriods: advancePeriods
        .filter((ap) => ap.billing_period_id === bp.id)
        .map((ap) => ({
          id: ap.id,
          startDate: ap.start_date,
          endDate: ap.end_date,
          amount: ap.amount,
          status: ap.status,
          missing: isMissing({ status: ap.status, startDate: ap.start_date as CalendarDate }, ctx.today),
          invoiceId: ap.invoice_id,
          invoiceNumber: ap.invoice_number,
          skipRefusal: skipRefusal({ status: ap.status, billingPeriodStatus: bp.status }),
          skipped: ap.skipped_at ? { at: new Date(ap.skipped_at).toISOString(), by: ap.skipped_by_name, reason: ap.skip_reason } : null,
        })),
    })),
  };
}
