import { findContract } from '../db/repositories/contracts-repo.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';
import { contractView } from './contract-view.js';

export async function getContract(ctx: OrgContext, contractId: string) {
  const row = await findContract(ctx.db, ctx.scope, contractId, ctx.today);
  if (!row) throw new DomainError('not_found', 'No such contract.');
  return {
    ...contractView(row, ctx.today),
    address: { line1: row.address_line1, postalCode: row.postal_code, city: row.city, country: row.country },
  };
}
