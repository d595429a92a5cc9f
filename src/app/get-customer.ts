import { findCustomer } from '../db/repositories/customers-repo.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';
import { customerView } from './customer-view.js';

export async function getCustomer(ctx: OrgContext, customerId: string) {
  const customer = await findCustomer(ctx.db, ctx.scope, customerId);
  if (!customer) throw new DomainError('not_found', 'No such customer.');
  return customerView(customer);
}
