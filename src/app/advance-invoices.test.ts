import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BuyerRow, ClaimedPeriod } from '../db/repositories/invoices-repo.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { money } from '../domain/money.js';
import { organizationSettings } from '../domain/organization-settings.js';
import { isValidStructuredCommunication } from '../domain/structured-communication.js';
import { advanceInvoiceDrafts, finalInvoices } from './advance-invoices.js';

const buyer: BuyerRow = {
  id: 'c1',
  name: 'Lotte Maes',
  vat_number: null,
  language: 'nl',
  address_line1: 'Veldstraat 3',
  postal_code: '9000',
  city: 'Gent',
  country: 'BE',
};
const period = (k: number, amount: string, vatRate: string): ClaimedPeriod => ({
  id: `p${k}`,
  contract_id: 'k1',
  customer_id: 'c1',
  start_date: '2026-12-01' as CalendarDate,
  end_date: '2026-12-31' as CalendarDate,
  amount,
  vat_rate: vatRate,
  energy: 'electricity',
  ean: '541448820000000008',
});
const settings = organizationSettings({ supplier: { iban: 'BE68539007547034' } }, 'Wattbill Energie Vlaanderen');
const centsArb = fc.integer({ min: 1, max: 10_000_000 }).map((c) => (c / 100).toFixed(2));
const rateArb = fc.oneof(
  fc.constantFrom('6', '21', '0'),
  fc.integer({ min: 0, max: 2100 }).map((h) => (h / 100).toFixed(2)),
);

describe('advance invoices', () => {
  it('keeps each gross exactly; line, VAT and totals reconcile to the cent (property over amounts and rates)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(centsArb, rateArb), { minLength: 1, maxLength: 30 }), (rows) => {
        const periods = rows.map(([amount, rate], k) => period(k, amount, rate));
        const { invoices, lines } = advanceInvoiceDrafts(periods, new Map([['c1', buyer]]), 'r1');
        invoices.forEach((invoice, k) => {
          const [amount, rate] = rows[k]!;
          expect(invoice.gross).toBe(amount);
          expect(money(invoice.net).plus(invoice.vat).toFixed(2)).toBe(amount);
          // DOMAIN.md: VAT = round(gross x rate / (1 + rate)), half away from zero
          const expectedVat = money(amount).times(rate).dividedBy(money(rate).plus(100)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
          expect(invoice.vat).toBe(expectedVat.toFixed(2));
          const own = lines.filter((l) => l.invoice_id === invoice.id);
          expect(own.map((l) => l.net)).toEqual([invoice.net]);
          expect(invoice).toMatchObject({ status: 'draft', final: null });
        });
      }),
    );
  });

  it('numbers final invoices in order from the block taken, each with a valid reference and a debit of its gross', () => {
    const periods = [period(0, '85.00', '6'), period(1, '120.50', '6'), period(2, '0.01', '6')];
    const buyers = new Map([['c1', buyer]]);
    const drafts = advanceInvoiceDrafts(periods, buyers, 'r1');
    const { invoices, ledger } = finalInvoices(drafts.invoices, buyers, {
      issueDate: '2026-12-03' as CalendarDate,
      settings,
      numbers: { firstNumber: 41, firstReference: 7001 },
    });
    expect(invoices.map((i) => [i.id, i.gross, i.status])).toEqual(drafts.invoices.map((d) => [d.id, d.gross, 'final']));
    expect(invoices.map((i) => i.final?.number)).toEqual(['AC-2026-000041', 'AC-2026-000042', 'AC-2026-000043']);
    expect(invoices.every((i) => isValidStructuredCommunication(i.final!.payment_reference))).toBe(true);
    expect(new Set(invoices.map((i) => i.final!.payment_reference)).size).toBe(3);
    expect(invoices.map((i) => i.final!.due_date)).toEqual(['2026-12-18', '2026-12-18', '2026-12-18']);
    expect(ledger.map((e) => [e.invoice_id, e.amount])).toEqual(invoices.map((i) => [i.id, i.gross]));
    expect(JSON.parse(invoices[0]!.final!.buyer)).toEqual({
      name: 'Lotte Maes',
      vatNumber: null,
      address: { line1: 'Veldstraat 3', postalCode: '9000', city: 'Gent', country: 'BE' },
    });
  });
});
