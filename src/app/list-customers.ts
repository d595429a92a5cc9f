import { listCustomers as listCustomerRows } from '../db/repositories/customers-repo.js';
import type { Page } from '../db/pagination.js';
import type { OrgContext } from './context.js';
import { customerView } from './customer-view.js';

export async function listCustomers(ctx: OrgContext, q: string | undefined, page: Page) {
  const result = await listCustomerRows(ctx.db, ctx.scope, q, page);
  return { items: result.items.map(customerView), nextCursor: result.nextCursor };
}
