import { money, sum, ZERO, type Money } from './money.js';

export type OpenInvoice = { id: string; dueDate: string; gross: Money };
export type Allocation = { paid: Money; outstanding: Money };

/**
 * Payments and credits allocated to the invoices oldest due date first (DOMAIN.md); what is left is
 * a credit on the account, never a negative open amount. A refund (negative invoice) only adds credit.
 */
export function allocatePayments(invoices: readonly OpenInvoice[], credits: Money) {
  let left = credits.plus(sum(invoices.filter((i) => i.gross.isNegative()).map((i) => i.gross.negated())));
  const allocations = new Map<string, Allocation>();
  const byDue = [...invoices].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1));
  for (const invoice of byDue) {
    if (invoice.gross.isNegative()) {
      allocations.set(invoice.id, { paid: ZERO, outstanding: ZERO });
      continue;
    }
    const paid = invoice.gross.lessThan(left) ? invoice.gross : left;
    left = left.minus(paid);
    allocations.set(invoice.id, { paid, outstanding: invoice.gross.minus(paid) });
  }
  return { allocations, credit: left };
}

/** The balance of an account: what the customer owes (positive) or is owed (negative). */
export function balance(entries: readonly { amount: string }[]): Money {
  return sum(entries.map((e) => money(e.amount)));
}
