import type { Energy } from './tariff.js';

export type Language = 'en' | 'fr' | 'nl';

/** What an invoice says, in the customer's language. */
export const INVOICE_TEXTS = {
  en: {
    advanceLine: (energy: string, from: string, to: string) => `Advance payment ${energy}, ${from} to ${to}`,
    energy: { electricity: 'electricity', gas: 'natural gas', heat: 'heat' },
    invoice: { advance: 'Advance invoice', settlement: 'Settlement invoice', credit_note: 'Credit note' },
    number: 'Invoice number',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    period: 'Period',
    customer: 'Customer',
    supplier: 'Supplier',
    vatNumber: 'VAT number',
    companyNumber: 'Company number',
    ean: 'Connection (EAN)',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    vatRate: 'VAT',
    net: 'Net',
    vatBreakdown: 'VAT breakdown',
    base: 'Base',
    vat: 'VAT',
    total: 'Total to pay',
    totalNet: 'Total excl. VAT',
    pay: (amount: string, iban: string, due: string) => `Please pay ${amount} to ${iban} by ${due}, with the structured reference`,
    draft: 'DRAFT – not an invoice',
  },
  fr: {
    advanceLine: (energy: string, from: string, to: string) => `Acompte ${energy}, du ${from} au ${to}`,
    energy: { electricity: 'électricité', gas: 'gaz naturel', heat: 'chaleur' },
    invoice: { advance: "Facture d'acompte", settlement: 'Facture de régularisation', credit_note: 'Note de crédit' },
    number: 'Numéro de facture',
    issueDate: "Date d'émission",
    dueDate: "Date d'échéance",
    period: 'Période',
    customer: 'Client',
    supplier: 'Fournisseur',
    vatNumber: 'Numéro de TVA',
    companyNumber: "Numéro d'entreprise",
    ean: 'Point de raccordement (EAN)',
    description: 'Description',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire',
    vatRate: 'TVA',
    net: 'Hors TVA',
    vatBreakdown: 'Récapitulatif TVA',
    base: 'Base',
    vat: 'TVA',
    total: 'Total à payer',
    totalNet: 'Total hors TVA',
    pay: (amount: string, iban: string, due: string) =>
      `Veuillez payer ${amount} sur le compte ${iban} au plus tard le ${due}, avec la communication structurée`,
    draft: 'PROJET – pas une facture',
  },
  nl: {
    advanceLine: (energy: string, from: string, to: string) => `Voorschot ${energy}, van ${from} tot ${to}`,
    energy: { electricity: 'elektriciteit', gas: 'aardgas', heat: 'warmte' },
    invoice: { advance: 'Voorschotfactuur', settlement: 'Afrekeningsfactuur', credit_note: 'Creditnota' },
    number: 'Factuurnummer',
    issueDate: 'Factuurdatum',
    dueDate: 'Vervaldatum',
    period: 'Periode',
    customer: 'Klant',
    supplier: 'Leverancier',
    vatNumber: 'Btw-nummer',
    companyNumber: 'Ondernemingsnummer',
    ean: 'Aansluiting (EAN)',
    description: 'Omschrijving',
    quantity: 'Aantal',
    unitPrice: 'Eenheidsprijs',
    vatRate: 'Btw',
    net: 'Excl. btw',
    vatBreakdown: 'Btw-overzicht',
    base: 'Basis',
    vat: 'Btw',
    total: 'Te betalen',
    totalNet: 'Totaal excl. btw',
    pay: (amount: string, iban: string, due: string) =>
      `Gelieve ${amount} te betalen op ${iban} uiterlijk op ${due}, met de gestructureerde mededeling`,
    draft: 'ONTWERP – geen factuur',
  },
} as const satisfies Record<Language, unknown>;

/** An advance invoice's line, in the customer's language (dates as the customer reads them). */
export function advanceLineDescription(language: Language, energy: Energy, from: string, to: string): string {
  const texts = INVOICE_TEXTS[language];
  return texts.advanceLine(texts.energy[energy], formatDate(language, from), formatDate(language, to));
}

/** A calendar date as a customer of that language writes it: 2026-12-03, 03/12/2026, 03-12-2026. */
export function formatDate(language: Language, date: string): string {
  const [y, m, d] = date.split('-');
  return language === 'en' ? date : language === 'fr' ? `${d}/${m}/${y}` : `${d}-${m}-${y}`;
}

/** An amount (a decimal string) as a customer of that language reads it: € 1.234,56, 1 234,56 €, €1,234.56. */
export function formatAmount(language: Language, amount: string): string {
  const negative = amount.startsWith('-');
  const [whole = '0', cents = '00'] = amount.replace('-', '').split('.');
  const group = language === 'en' ? ',' : language === 'fr' ? '\u202f' : '.';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const number = `${negative ? '-' : ''}${grouped}${language === 'en' ? '.' : ','}${cents.padEnd(2, '0')}`;
  return language === 'fr' ? `${number}\u00a0€` : language === 'nl' ? `€\u00a0${number}` : `€${number}`;
}
