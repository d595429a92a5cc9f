import type { Address } from './party.js';

/** How an organization invoices, and who it is on its invoices (Belgian law: identity, VAT number, bank account). */
export type InvoicingSettings = {
  /** the series of advance invoice numbers, e.g. AC for AC-2026-000123 */
  numberPrefix: string;
  /** whether the number carries the issue year (a new series each year) */
  numberWithYear: boolean;
  paymentTermDays: number;
  /** finalize the invoices a billing run makes, instead of leaving drafts to review */
  finalizeInRun: boolean;
  /** day of the month (1–28) an advance billing run starts by itself, or null */
  advanceRunDayOfMonth: number | null;
};

export type SupplierIdentity = {
  legalName: string;
  vatNumber: string | null;
  companyNumber: string | null;
  address: Address | null;
  iban: string | null;
  bic: string | null;
  email: string | null;
  phone: string | null;
  /** a PNG or JPEG data URL printed on the invoices */
  logo: string | null;
};

export type OrganizationSettings = { invoicing: InvoicingSettings; supplier: SupplierIdentity };

export const DEFAULT_INVOICING: InvoicingSettings = {
  numberPrefix: 'AC',
  numberWithYear: true,
  paymentTermDays: 15,
  finalizeInRun: false,
  advanceRunDayOfMonth: null,
};

/** The settings as stored (partial, or from before a setting existed) completed with the defaults. */
export function organizationSettings(stored: unknown, organizationName: string): OrganizationSettings {
  const s = (stored ?? {}) as { invoicing?: Partial<InvoicingSettings>; supplier?: Partial<SupplierIdentity> };
  return {
    invoicing: { ...DEFAULT_INVOICING, ...s.invoicing },
    supplier: {
      legalName: organizationName,
      vatNumber: null,
      companyNumber: null,
      address: null,
      iban: null,
      bic: null,
      email: null,
      phone: null,
      logo: null,
      ...s.supplier,
    },
  };
}
