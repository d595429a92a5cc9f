import { listCustomers as listCustomerRows, findCustomer } from '../db/repositories/customers-repo.js';
import { listProducts as listProductRows } from '../db/repositories/products-repo.js';
import type { Page } from '../db/pagination.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';

export async function listProducts(ctx: OrgContext) {
  const rows = await listProductRows(ctx.db, ctx.scope);
  return { items: rows.map((p) => ({ id: p.id, code: p.code, name: p.name, energy: p.energy, prices: p.prices })) };
}

function customerView(c: NonNullable<Awaited<ReturnType<typeof findCustomer>>>) {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    language: c.language,
    vatNumber: c.vat_number,
    address: { line1: c.address_line1, postalCode: c.postal_code, city: c.city, country: c.country },
  };
}

export async function listCustomers(ctx: OrgContext, q: string | undefined, page: Page) {
  const result = await listCustomerRows(ctx.db, ctx.scope, q, page);
  return { items: result.items.map(customerView), nextCursor: result.nextCursor };
}

export async function getCustomer(ctx: OrgContext, customerId: string) {
  const customer = await findCustomer(ctx.db, ctx.scope, customerId);
  if (!customer) throw new DomainError('not_found', 'No such customer.');
  return customerView(customer);
}
