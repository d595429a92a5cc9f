import { findCustomer } from '../db/repositories/customers-repo.js';
import { insertPayment } from '../db/repositories/payments-repo.js';
import { DomainError } from '../domain/domain-error.js';
import { formatMoney, money } from '../domain/money.js';
import type { OrgContext } from './context.js';
import { getCustomerAccount } from './get-customer-account.js';

/** Books a payment received from a customer: a credit on their account, allocated to the oldest due invoices. */
export async function recordPayment(
  ctx: OrgContext,
  customerId: string,
  payment: { amount: string; bookedOn: string; reference?: string | undefined },
) {
  if (!(await findCustomer(ctx.db, ctx.scope, customerId))) throw new DomainError('not_found', 'No such customer.');
  await insertPayment(ctx.db, ctx.scope, {
    customerId,
    amount: formatMoney(money(payment.amount).negated()),
    bookedOn: payment.bookedOn,
    reference: payment.reference ?? null,
    createdBy: ctx.actor.userId,
  });
  return getCustomerAccount(ctx, customerId);
}
