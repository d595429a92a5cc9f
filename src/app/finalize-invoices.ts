import type { Db } from '../db/connection.js';
import type { OrgScope } from '../db/scope.js';
import { timeOrderedId } from '../db/time-ordered-id.js';
import { draftIds } from '../db/repositories/invoice-queries-repo.js';
import { finalizeDrafts, insertLedgerEntries, invoiceBuyers, lockDrafts, takeFromSequence } from '../db/repositories/invoices-repo.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { invoiceSeries, PAYMENT_REFERENCE_SEQUENCE } from '../domain/invoice-numbering.js';
import type { OrganizationSettings } from '../domain/organization-settings.js';
import { finalization } from './advance-invoices.js';
import type { OrgContext } from './context.js';
import { loadSettings } from './load-settings.js';

const BATCH = 1000;
/** How many drafts one request may finalize by filter; larger selections go through a billing run with finalize. */
export const MAX_FINALIZE = 50_000;

export type DraftSelection = { invoiceIds: string[] } | { filter: { billingRunId?: string | undefined; contractId?: string | undefined } };

/**
 * Finalizes drafts: each takes the next number of the organization's series (in the drafts' order,
 * no gap, no reuse: the counter moves in the same transaction), its payment reference, its due date,
 * and a debit on the customer's account. A batch at a time; one already final is left as it is.
 */
export async function finalizeInvoices(ctx: OrgContext, selection: DraftSelection) {
  const ids = 'invoiceIds' in selection ? selection.invoiceIds : await draftIds(ctx.db, ctx.scope, selection.filter, MAX_FINALIZE);
  const settings = await loadSettings(ctx.db, ctx.scope);
  let finalized = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    finalized += await ctx.db.transaction().execute((tx) => finalizeBatch(tx, ctx.scope, ids.slice(i, i + BATCH), settings, ctx.today));
  }
  return { finalized };
}

async function finalizeBatch(tx: Db, scope: OrgScope, ids: string[], settings: OrganizationSettings, issueDate: CalendarDate) {
  const drafts = await lockDrafts(tx, scope, ids);
  if (drafts.length === 0) return 0;
  const buyers = await invoiceBuyers(
    tx,
    scope,
    drafts.map((d) => d.customer_id),
  );
  const numbers = {
    firstNumber: await takeFromSequence(tx, scope, `invoice:${invoiceSeries(settings.invoicing, issueDate)}`, drafts.length),
    firstReference: await takeFromSequence(tx, scope, PAYMENT_REFERENCE_SEQUENCE, drafts.length),
  };
  await finalizeDrafts(
    tx,
    scope,
    drafts.map((d, k) => ({ id: d.id, ...finalization(settings, issueDate, numbers, k, buyers.get(d.customer_id)!) })),
  );
  await insertLedgerEntries(
    tx,
    scope,
    drafts
      .filter((d) => Number(d.gross) !== 0)
      .map((d) => ({ id: timeOrderedId(), customer_id: d.customer_id, invoice_id: d.id, amount: d.gross, booked_on: issueDate })),
  );
  return drafts.length;
}
