import PDFDocument from 'pdfkit';
import { formatAmount, formatDate, INVOICE_TEXTS, type Language } from '../domain/invoice-texts.js';
import type { Address } from '../domain/party.js';
import type { getInvoice } from './get-invoice.js';

export type InvoiceForPdf = Awaited<ReturnType<typeof getInvoice>>;

type Party = { name?: string; vatNumber?: string | null; companyNumber?: string | null; address?: Address | null };
type Seller = Party & { iban?: string | null; bic?: string | null; email?: string | null; phone?: string | null; logo?: string | null };

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN; // A4

const addressLines = (address: Address | null | undefined) =>
  address ? [address.line1, `${address.postalCode} ${address.city}`, address.country === 'BE' ? '' : address.country].filter(Boolean) : [];
const spacedIban = (iban: string) => iban.replace(/(.{4})/g, '$1 ').trim();
/** A stored decimal without its trailing zeros, keeping at least `min` decimals: 80.190000 -> 80.19, 1.000 -> 1. */
const decimals = (value: string, min: number) => {
  const [whole, fraction = ''] = value.split('.');
  const kept = fraction.replace(/0+$/, '').padEnd(min, '0');
  return kept ? `${whole}.${kept}` : whole!;
};

/**
 * The invoice as a PDF in its language (EN, FR or NL), with what Belgian law asks an invoice to say:
 * both parties and their VAT numbers, number, issue date, period, lines, VAT per rate, totals, due
 * date, and the structured payment reference. Drafts carry a DRAFT mark and no number.
 */
export function renderInvoicePdf(invoice: InvoiceForPdf, supplier: Seller): Promise<Buffer> {
  const language = invoice.language as Language;
  const t = INVOICE_TEXTS[language];
  // a final invoice names the supplier as it was then; a draft, as it is now
  const seller = (invoice.seller as Seller | null) ?? supplier;
  const buyer = (invoice.buyer as Party | null) ?? { name: invoice.customerName };
  const money = (amount: string) => formatAmount(language, amount);
  const date = (value: string | null) => (value ? formatDate(language, value) : '–');

  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${t.invoice[invoice.kind]} ${invoice.number ?? ''}`.trim() } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // the supplier, top right; its logo, top left
  if (supplier.logo) {
    const [, base64] = supplier.logo.split(',');
    try {
      doc.image(Buffer.from(base64 ?? '', 'base64'), MARGIN, MARGIN, { fit: [150, 60] });
    } catch {
      // a logo PDFKit can't read is left out rather than failing the invoice
    }
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(seller.name ?? '', MARGIN + WIDTH / 2, MARGIN, { width: WIDTH / 2, align: 'right' });
  doc.font('Helvetica').fontSize(9);
  for (const line of [
    ...addressLines(seller.address),
    seller.vatNumber ? `${t.vatNumber}: ${seller.vatNumber}` : '',
    seller.companyNumber ? `${t.companyNumber}: ${seller.companyNumber}` : '',
    seller.email ?? '',
    seller.phone ?? '',
    seller.iban ? `IBAN ${spacedIban(seller.iban)}${seller.bic ? ` · BIC ${seller.bic}` : ''}` : '',
  ].filter(Boolean))
    doc.text(line, { width: WIDTH / 2, align: 'right' });

  // the customer
  const top = Math.max(doc.y, MARGIN + 70) + 20;
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(buyer.name ?? '', MARGIN + WIDTH / 2, top, { width: WIDTH / 2 });
  doc.font('Helvetica').fontSize(9);
  for (const line of [...addressLines(buyer.address), buyer.vatNumber ? `${t.vatNumber}: ${buyer.vatNumber}` : ''].filter(Boolean))
    doc.text(line, { width: WIDTH / 2 });

  // title and facts
  doc.font('Helvetica-Bold').fontSize(16).text(t.invoice[invoice.kind], MARGIN, top);
  if (invoice.status === 'draft') doc.fillColor('#c92a2a').fontSize(11).text(t.draft).fillColor('black');
  doc.moveDown(0.5).font('Helvetica').fontSize(9);
  const facts: [string, string][] = [
    [t.number, invoice.number ?? '–'],
    [t.issueDate, date(invoice.issueDate)],
    [t.dueDate, date(invoice.dueDate)],
    [t.period, `${date(invoice.periodStart)} – ${date(invoice.periodEnd)}`],
    [t.ean, invoice.ean],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('Helvetica').text(label, MARGIN, y, { width: 130 });
    doc.font('Helvetica-Bold').text(value, MARGIN + 130, y, { width: WIDTH / 2 - 130 });
  }

  // lines
  const columns = [
    { label: t.description, width: WIDTH - 280, align: 'left' as const },
    { label: t.quantity, width: 50, align: 'right' as const },
    { label: t.unitPrice, width: 90, align: 'right' as const },
    { label: t.vatRate, width: 50, align: 'right' as const },
    { label: t.net, width: 90, align: 'right' as const },
  ];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = MARGIN;
    let bottom = y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: columns[i]!.width, align: columns[i]!.align });
      bottom = Math.max(bottom, doc.y);
      x += columns[i]!.width;
    });
    doc.y = bottom + 4;
  };
  doc.y = Math.max(doc.y, top + 110) + 20;
  row(
    columns.map((c) => c.label),
    true,
  );
  doc
    .moveTo(MARGIN, doc.y - 2)
    .lineTo(MARGIN + WIDTH, doc.y - 2)
    .stroke();
  for (const line of invoice.lines)
    row([
      line.description,
      decimals(line.quantity, 0),
      money(decimals(line.unitPrice, 2)),
      `${decimals(line.vatRate, 0)} %`,
      money(line.net),
    ]);

  // VAT per rate, totals, payment
  doc.moveDown(1).font('Helvetica-Bold').text(t.vatBreakdown, MARGIN);
  doc.font('Helvetica');
  for (const vat of invoice.vatBreakdown)
    doc.text(`${decimals(vat.rate, 0)} %: ${t.base} ${money(vat.base)} · ${t.vat} ${money(vat.vat)}`, MARGIN);
  const totals: [string, string, boolean][] = [
    [t.totalNet, money(invoice.totals.net), false],
    [t.vat, money(invoice.totals.vat), false],
    [t.total, money(invoice.totals.gross), true],
  ];
  doc.moveDown(0.5);
  for (const [label, value, bold] of totals) {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 11 : 9);
    doc.text(label, MARGIN + WIDTH - 260, y, { width: 160, align: 'right' });
    doc.text(value, MARGIN + WIDTH - 100, y, { width: 100, align: 'right' });
  }
  if (invoice.status === 'final' && invoice.paymentReference && seller.iban) {
    doc.moveDown(1.5).font('Helvetica').fontSize(9);
    doc.text(t.pay(money(invoice.totals.gross), spacedIban(seller.iban), date(invoice.dueDate)), MARGIN, doc.y, { width: WIDTH });
    doc.font('Helvetica-Bold').fontSize(12).text(invoice.paymentReference, MARGIN);
  }
  doc.end();
  return done;
}
