import { insertCustomer } from '../db/repositories/customers-repo.js';
import { insertAudit } from '../db/repositories/audit-repo.js';
import type { OrgContext } from './context.js';
import type { Address } from '../domain/party.js';
import { getCustomer } from './get-customer.js';

export type NewCustomer = {
  name: string;
  email?: string | undefined;
  language: 'en' | 'fr' | 'nl';
  vatNumber?: string | undefined;
  address: Address;
};

export async function createCustomer(ctx: OrgContext, customer: NewCustomer) {
  const id = await ctx.db.transaction().execute(async (tx) => {
    const row = await insertCustomer(tx, ctx.scope, {
      name: customer.name,
      email: customer.email?.toLowerCase() ?? null,
      language: customer.language,
      vat_number: customer.vatNumber ?? null,
      address_line1: customer.address.line1,
      postal_code: customer.address.postalCode,
      city: customer.address.city,
      country: customer.address.country,
    });
    await insertAudit(tx, ctx.scope, {
      actorUserId: ctx.actor.userId,
      entity: 'customer',
      entityId: row.id,
      action: 'create',
      after: customer,
    });
    return row.id;
  });
  return getCustomer(ctx, id);
}
