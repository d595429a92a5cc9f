import {
  findInvoice,
  invoiceLines,
  invoiceTotals,
  listInvoices as listRows,
  type InvoiceFilter,
} from '../db/repositories/invoice-queries-repo.js';
import type { Page } from '../db/pagination.js';
import { DomainError } from '../domain/domain-error.js';
import { formatMoney, money, sum } from '../domain/money.js';
import type { OrgContext } from './context.js';
import { getCustomerAccount } from './get-customer-account.js';

type InvoiceRow = NonNullable<Awaited<ReturnType<typeof findInvoice>>>;
type ListRow = Awaited<ReturnType<typeof listRows>>['items'][number];

function invoiceSummary(row: ListRow | InvoiceRow) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    customerId: row.customer_id,
    customerName: row.customer_name,
    contractId: row.contract_id,
    advancePeriodId: row.advance_period_id,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    totals: { net: row.net, vat: row.vat, gross: row.gross },
    paymentReference: row.payment_reference,
  };
}

/** Invoices with the totals of all that match (the drafts list shows them). */
export async function listInvoices(ctx: OrgContext, filter: InvoiceFilter, page: Page) {
  const [result, totals] = await Promise.all([listRows(ctx.db, ctx.scope, filter, page), invoiceTotals(ctx.db, ctx.scope, filter)]);
  return {
    items: result.items.map(invoiceSummary),
    nextCursor: result.nextCursor,
    totals: {
      count: totals.count,
      net: formatMoney(money(totals.net)),
      vat: formatMoney(money(totals.vat)),
      gross: formatMoney(money(totals.gross)),
    },
  };
}

/** An invoice with its lines, VAT per rate, parties, and (final ones) what is paid and still due. */
export async function getInvoice(ctx: OrgContext, invoiceId: string) {
  const row = await findInvoice(ctx.db, ctx.scope, invoiceId);
  if (!row) throw new DomainError('not_found', 'No such invoice.');
  const lines = await invoiceLines(ctx.db, ctx.scope, [row.id]);
  const rates = [...new Set(lines.map((l) => l.vat_rate))];
  const account = row.status === 'final' ? await getCustomerAccount(ctx, row.customer_id) : null;
  const allocation = account?.invoices.find((i) => i.invoiceId === row.id);
  return {
    ...invoiceSummary(row),
    language: row.language ?? row.customer_language,
    ean: row.ean,
    energy: row.energy,
    seller: row.seller,
    // a final invoice names the customer as they were then; a draft (or an invoice from before), as they are now
    buyer: row.buyer ?? {
      name: row.customer_name,
      vatNumber: row.customer_vat_number,
      address: { line1: row.address_line1, postalCode: row.postal_code, city: row.city, country: row.country },
    },
    lines: lines.map((l) => ({
      position: l.position,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      vatRate: l.vat_rate,
      net: l.net,
    })),
    vatBreakdown: rates.map((rate) => {
      const base = sum(lines.filter((l) => l.vat_rate === rate).map((l) => money(l.net)));
      // an advance invoice's VAT comes from its gross (DOMAIN.md); its one rate carries the invoice's VAT
      return { rate, base: formatMoney(base), vat: rates.length === 1 ? row.vat : formatMoney(base.times(rate).dividedBy(100)) };
    }),
    paid: allocation?.paid ?? '0.00',
    outstanding: allocation?.outstanding ?? (row.status === 'final' ? row.gross : '0.00'),
  };
}
