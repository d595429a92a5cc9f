import type { CustomerRow } from '../db/repositories/customers-repo.js';

/** A customer as the API shows it. */
export function customerView(
  c: Pick<CustomerRow, 'id' | 'name' | 'email' | 'language' | 'vat_number' | 'address_line1' | 'postal_code' | 'city' | 'country'>,
) {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    language: c.language,
    vatNumber: c.vat_number,
    address: { line1: c.address_line1, postalCode: c.postal_code, city: c.city, country: c.country },
  };
}
