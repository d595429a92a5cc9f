import { deleteDraft } from '../db/repositories/invoices-repo.js';
import { findInvoice } from '../db/repositories/invoice-queries-repo.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';

/** Deletes a draft; its advance period goes back to planned. A final invoice never goes (credit notes correct it). */
export async function deleteDraftInvoice(ctx: OrgContext, invoiceId: string) {
  await ctx.db.transaction().execute(async (tx) => {
    if (await deleteDraft(tx, ctx.scope, invoiceId)) return;
    const invoice = await findInvoice(tx, ctx.scope, invoiceId);
    if (!invoice) throw new DomainError('not_found', 'No such invoice.');
    throw new DomainError('invoice_final', `Invoice ${invoice.number} is final: only a credit note can correct it.`);
  });
}
