import { findCustomer } from '../db/repositories/customers-repo.js';
import { customerAccount } from '../db/repositories/invoice-queries-repo.js';
import { DomainError } from '../domain/domain-error.js';
import { allocatePayments } from '../domain/ledger.js';
import { formatMoney, money, sum } from '../domain/money.js';
import type { OrgContext } from './context.js';

/**
 * A customer's account (ledger): every final invoice a debit, every payment or credit a credit, the
 * balance after each, and each invoice's paid and outstanding amounts (payments go to the oldest due
 * first). With `contractId`, the invoices and bookings of that contract (payments are the customer's).
 */
export async function getCustomerAccount(ctx: OrgContext, customerId: string, contractId?: string) {
  if (!(await findCustomer(ctx.db, ctx.scope, customerId))) throw new DomainError('not_found', 'No such customer.');
  const entries = await customerAccount(ctx.db, ctx.scope, customerId);
  const debits = entries.filter((e) => e.kind === 'invoice');
  const credits = sum(entries.filter((e) => e.kind !== 'invoice').map((e) => money(e.amount).negated()));
  const { allocations, credit } = allocatePayments(
    debits.map((e) => ({ id: e.invoice_id!, dueDate: e.due_date ?? e.booked_on, gross: money(e.amount) })),
    credits,
  );
  let running = money('0');
  const booked = entries.map((e) => {
    running = running.plus(money(e.amount));
    return {
      id: e.id,
      kind: e.kind,
      bookedOn: e.booked_on,
      amount: e.amount,
      invoiceId: e.invoice_id,
      invoiceNumber: e.number,
      contractId: e.contract_id,
      balanceAfter: formatMoney(running),
    };
  });
  const mine = (e: { contractId: string | null }) => contractId === undefined || e.contractId === contractId;
  return {
    customerId,
    balance: formatMoney(running),
    credit: formatMoney(credit),
    entries: booked.filter((e) => contractId === undefined || e.contractId === contractId || e.kind !== 'invoice'),
    invoices: debits
      .map((e) => ({
        invoiceId: e.invoice_id!,
        number: e.number!,
        contractId: e.contract_id,
        dueDate: e.due_date,
        gross: e.amount,
        paid: formatMoney(allocations.get(e.invoice_id!)!.paid),
        outstanding: formatMoney(allocations.get(e.invoice_id!)!.outstanding),
      }))
      .filter(mine),
  };
}
