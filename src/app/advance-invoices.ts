import { timeOrderedId } from '../db/time-ordered-id.js';
import type { ClaimedPeriod, NewInvoice, NewInvoiceLine, NewLedgerEntry, BuyerRow, FinalFields } from '../db/repositories/invoices-repo.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { advanceInvoiceAmounts } from '../domain/invoice-amounts.js';
import { dueDate, invoiceNumber, invoiceSeries, paymentReference } from '../domain/invoice-numbering.js';
import { advanceLineDescription } from '../domain/invoice-texts.js';
import { formatMoney, money } from '../domain/money.js';
import type { OrganizationSettings } from '../domain/organization-settings.js';
import type { InvoiceParty } from '../domain/party.js';

/** Numbers a batch of invoices takes: the first of each series counter. */
export type NumberBlock = { firstNumber: number; firstReference: number };

/** The supplier as a final invoice keeps it (the logo stays in the settings: it is not part of what the invoice says). */
export function sellerParty(settings: OrganizationSettings): InvoiceParty & Omit<OrganizationSettings['supplier'], 'legalName' | 'logo'> {
  const { legalName, vatNumber, companyNumber, address, iban, bic, email, phone } = settings.supplier;
  return { name: legalName, vatNumber, companyNumber, address, iban, bic, email, phone };
}

export function buyerParty(buyer: BuyerRow): InvoiceParty {
  return {
    name: buyer.name,
    vatNumber: buyer.vat_number,
    address: { line1: buyer.address_line1, postalCode: buyer.postal_code, city: buyer.city, country: buyer.country },
  };
}

/** What makes a draft final: its number and payment reference in order, the issue and due dates, the parties. */
export function finalization(
  settings: OrganizationSettings,
  issueDate: CalendarDate,
  numbers: NumberBlock,
  k: number,
  buyer: BuyerRow,
): FinalFields {
  return {
    number: invoiceNumber(invoiceSeries(settings.invoicing, issueDate), numbers.firstNumber + k),
    issue_date: issueDate,
    due_date: dueDate(issueDate, settings.invoicing),
    payment_reference: paymentReference(numbers.firstReference + k),
    seller: JSON.stringify(sellerParty(settings)),
    buyer: JSON.stringify(buyerParty(buyer)),
  };
}

/**
 * The draft advance invoices of claimed periods (DOMAIN.md: the invoice keeps the advance's gross
 * exactly), one line each in the customer's language.
 */
export function advanceInvoiceDrafts(periods: readonly ClaimedPeriod[], buyers: ReadonlyMap<string, BuyerRow>, runId: string | null) {
  const invoices: NewInvoice[] = [];
  const lines: NewInvoiceLine[] = [];
  for (const period of periods) {
    const buyer = buyers.get(period.customer_id)!;
    const description = advanceLineDescription(buyer.language, period.energy, period.start_date, period.end_date);
    const amounts = advanceInvoiceAmounts(description, money(period.amount), money(period.vat_rate));
    const id = timeOrderedId();
    invoices.push({
      id,
      status: 'draft',
      customer_id: period.customer_id,
      contract_id: period.contract_id,
      advance_period_id: period.id,
      billing_run_id: runId,
      period_start: period.start_date,
      period_end: period.end_date,
      net: formatMoney(amounts.net),
      vat: formatMoney(amounts.vat),
      gross: formatMoney(amounts.gross),
      language: buyer.language,
      final: null,
    });
    amounts.lines.forEach((line, position) =>
      lines.push({
        invoice_id: id,
        position: position + 1,
        description: line.description,
        quantity: line.quantity.toFixed(3),
        unit_price: line.unitPrice.toFixed(6),
        vat_rate: money(period.vat_rate).toFixed(2),
        net: formatMoney(line.net),
      }),
    );
  }
  return { invoices, lines };
}

/**
 * Drafts made final as they are created, numbered in their order from the block taken, each with its
 * ledger debit. Kept apart from making the drafts so that the numbers are taken as late as possible.
 */
export function finalInvoices(
  drafts: readonly NewInvoice[],
  buyers: ReadonlyMap<string, BuyerRow>,
  run: { issueDate: CalendarDate; settings: OrganizationSettings; numbers: NumberBlock },
) {
  const invoices = drafts.map((draft, k): NewInvoice => ({
    ...draft,
    status: 'final',
    final: finalization(run.settings, run.issueDate, run.numbers, k, buyers.get(draft.customer_id)!),
  }));
  const ledger = invoices.map((invoice): NewLedgerEntry => ({
    id: timeOrderedId(),
    customer_id: invoice.customer_id,
    invoice_id: invoice.id,
    amount: invoice.gross,
    booked_on: run.issueDate,
  }));
  return { invoices, ledger };
}
