export type Address = { line1: string; postalCode: string; city: string; country: string };

/** A party of an invoice as it stood when the invoice became final. */
export type InvoiceParty = {
  name: string;
  vatNumber: string | null;
  address: Address | null;
};
