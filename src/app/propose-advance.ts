import { findProduct } from '../db/repositories/products-repo.js';
import type { AdvanceFrequency } from '../domain/advance-frequency.js';
import { DomainError } from '../domain/domain-error.js';
import { formatMoney } from '../domain/money.js';
import { proposedAdvanceAmount, type ProductPrices } from '../domain/tariff.js';
import type { OrgContext } from './context.js';
import { consumptionOf } from './create-contract-from-move-in.js';

export type AdvanceProposalQuery = {
  advanceFrequency: AdvanceFrequency;
  estimatedAnnualConsumptionKwh?: number | undefined;
  householdSize?: number | undefined;
};

/** The advance a move-in form proposes (DOMAIN.md): the year's estimated cost divided over its advance periods. */
export async function proposeAdvance(ctx: OrgContext, productId: string, query: AdvanceProposalQuery) {
  const product = await findProduct(ctx.db, ctx.scope, productId);
  if (!product) throw new DomainError('not_found', 'No such product.');
  const kwh = consumptionOf(query, product.energy);
  if (kwh === undefined) {
    throw new DomainError('validation_failed', 'Give an estimated annual consumption or a household size.', [
      { path: 'estimatedAnnualConsumptionKwh', message: 'Give an estimated annual consumption or a household size.' },
    ]);
  }
  return {
    estimatedAnnualConsumptionKwh: kwh,
    advanceAmount:
      query.advanceFrequency === 'none'
        ? null
        : formatMoney(proposedAdvanceAmount(product.prices as ProductPrices, kwh, query.advanceFrequency)),
  };
}
