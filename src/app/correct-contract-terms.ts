import { insertAudit } from '../db/repositories/audit-repo.js';
import { findContract, lockContract, updateContractTerms } from '../db/repositories/contracts-repo.js';
import { findProduct } from '../db/repositories/products-repo.js';
import { contractAdvancePeriods, deletePeriods, saveSchedules, setPlannedAmount } from '../db/repositories/schedule-repo.js';
import type { AdvanceFrequency } from '../domain/advance-frequency.js';
import { contractSchedule, type ScheduleTerms } from '../domain/billing-schedule.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { DomainError } from '../domain/domain-error.js';
import { formatMoney } from '../domain/money.js';
import { moveInProblems } from '../domain/move-in-rules.js';
import { planScheduleCorrection } from '../domain/schedule-correction.js';
import { proposedAdvanceAmount, type ProductPrices } from '../domain/tariff.js';
import type { OrgContext } from './context.js';
import { invalidMoveIn } from './create-contract-from-move-in.js';
import { getContract } from './get-contract.js';

/** A correction of a contract's advance terms; a field left out keeps its value, `null` clears the first advance date. */
export type ContractTermsCorrection = {
  signatureDate?: string | undefined;
  firstAdvanceStartDate?: string | null | undefined;
  advanceFrequency?: AdvanceFrequency | undefined;
  advanceAmount?: string | undefined;
};

/**
 * Corrects the terms a schedule is made of and regenerates it: planned periods are replaced, and a
 * correction that would move a period with an invoice, a draft or a skip is refused, naming them.
 */
export async function correctContractTerms(ctx: OrgContext, contractId: string, correction: ContractTermsCorrection) {
  await ctx.db.transaction().execute(async (tx) => {
    const contract = await lockContract(tx, ctx.scope, contractId);
    const shown = contract && (await findContract(tx, ctx.scope, contractId, ctx.today));
    if (!contract || !shown) throw new DomainError('not_found', 'No such contract.');
    const advanceFrequency = correction.advanceFrequency ?? contract.advance_frequency;
    const terms: ScheduleTerms = {
      moveInDate: contract.move_in_date as CalendarDate,
      signatureDate: (correction.signatureDate ?? contract.signature_date) as CalendarDate,
      endDate: contract.end_date as CalendarDate | null,
      firstAdvanceStartDate: (advanceFrequency === 'none'
        ? null
        : correction.firstAdvanceStartDate === undefined
          ? contract.first_advance_start_date
          : correction.firstAdvanceStartDate) as CalendarDate | null,
      advanceFrequency,
    };
    const advanceAmount = await amountAfter(ctx, tx, contract, advanceFrequency, correction.advanceAmount);
    const problems = moveInProblems(ctx.today, {
      ...terms,
      ean: shown.ean,
      country: shown.country,
      advanceAmount: advanceFrequency === 'none' ? (correction.advanceAmount ?? null) : advanceAmount,
      firstAdvanceStartDate:
        advanceFrequency === 'none' ? ((correction.firstAdvanceStartDate ?? null) as CalendarDate | null) : terms.firstAdvanceStartDate,
      iban: null,
      directDebitConsent: false,
    });
    if (problems.length > 0) throw invalidMoveIn(problems);

    const schedule = contractSchedule(terms, ctx.today);
    const existing = (await contractAdvancePeriods(tx, ctx.scope, contractId)).map((p) => ({
      id: p.id,
      status: p.status,
      startDate: p.start_date as CalendarDate,
      endDate: p.end_date as CalendarDate,
    }));
    const plan = planScheduleCorrection(existing, schedule.advancePeriods);
    if ('refusal' in plan) throw new DomainError('schedule_locked', plan.refusal.message, { periodIds: plan.refusal.periodIds });
    await deletePeriods(tx, ctx.scope, 'advance_periods', plan.deletePlannedIds);
    await updateContractTerms(tx, ctx.scope, contractId, {
      signature_date: terms.signatureDate,
      first_advance_start_date: terms.firstAdvanceStartDate,
      advance_frequency: advanceFrequency,
      advance_amount: advanceAmount,
    });
    if (advanceAmount !== null) await setPlannedAmount(tx, ctx.scope, contractId, advanceAmount);
    await saveSchedules(tx, ctx.scope, [{ contractId, schedule, advanceAmount }]);
    await insertAudit(tx, ctx.scope, {
      actorUserId: ctx.actor.userId,
      entity: 'contract',
      entityId: contractId,
      action: 'correct_terms',
      before: {
        signatureDate: contract.signature_date,
        firstAdvanceStartDate: contract.first_advance_start_date,
        advanceFrequency: contract.advance_frequency,
        advanceAmount: contract.advance_amount,
      },
      after: { signatureDate: terms.signatureDate, firstAdvanceStartDate: terms.firstAdvanceStartDate, advanceFrequency, advanceAmount },
    });
  });
  return getContract(ctx, contractId);
}

/** The advance amount after a correction: as given, else kept while the frequency stays, else proposed from the product. */
async function amountAfter(
  ctx: OrgContext,
  tx: OrgContext['db'],
  contract: {
    product_id: string;
    advance_frequency: AdvanceFrequency;
    advance_amount: string | null;
    estimated_annual_consumption_kwh: number;
  },
  frequency: AdvanceFrequency,
  given: string | undefined,
): Promise<string | null> {
  if (frequency === 'none') return null;
  if (given !== undefined) return given;
  if (contract.advance_amount !== null && frequency === contract.advance_frequency) return contract.advance_amount;
  const product = await findProduct(tx, ctx.scope, contract.product_id);
  return formatMoney(proposedAdvanceAmount(product!.prices as ProductPrices, contract.estimated_annual_consumption_kwh, frequency));
}
