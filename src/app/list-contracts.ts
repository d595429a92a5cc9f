import { listContracts as listContractRows, type ContractFilter } from '../db/repositories/contracts-repo.js';
import type { Page } from '../db/pagination.js';
import type { OrgContext } from './context.js';
import { contractView } from './contract-view.js';

export async function listContracts(ctx: OrgContext, filter: ContractFilter, page: Page) {
  const result = await listContractRows(ctx.db, ctx.scope, filter, page, ctx.today);
  return { items: result.items.map((row) => contractView(row, ctx.today)), nextCursor: result.nextCursor };
}
