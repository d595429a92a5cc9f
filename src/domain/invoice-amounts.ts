import { money, roundToCent, sum, vatOfGross, type Money } from './money.js';

export type InvoiceLineAmounts = { description: string; quantity: Money; unitPrice: Money; net: Money };
export type InvoiceAmounts = { lines: InvoiceLineAmounts[]; net: Money; vat: Money; gross: Money };

/**
 * An advance invoice keeps the communicated gross exactly: VAT = round(gross x rate / (1 + rate)),
 * net = gross - VAT, in one line.
 */
export function advanceInvoiceAmounts(description: string, gross: Money, vatRatePercent: Money): InvoiceAmounts {
  const { net, vat } = vatOfGross(gross, vatRatePercent);
  return { lines: [{ description, quantity: money('1'), unitPrice: net, net }], net, vat, gross };
}

/**
 * A settlement bills the actual cost (VAT included) minus the advances invoiced (their nets); VAT is
 * computed once on the sum of the lines at the rate (EN 16931), so lines and totals reconcile. It may
 * be negative: a refund.
 */
export function settlementInvoiceAmounts(
  cost: { description: string; gross: Money },
  advances: { description: string; net: Money }[],
  vatRatePercent: Money,
): InvoiceAmounts {
  const costNet = vatOfGross(cost.gross, vatRatePercent).net;
  const lines: InvoiceLineAmounts[] = [
    { description: cost.description, quantity: money('1'), unitPrice: costNet, net: costNet },
    ...advances.map((a) => ({ description: a.description, quantity: money('1'), unitPrice: a.net.negated(), net: a.net.negated() })),
  ];
  const net = sum(lines.map((l) => l.net));
  const vat = roundToCent(net.times(vatRatePercent).dividedBy(100));
  return { lines, net, vat, gross: net.plus(vat) };
}
