import { findBillingRun, listBillingRuns as listRows } from '../db/repositories/billing-runs-repo.js';
import type { Page } from '../db/pagination.js';
import { DomainError } from '../domain/domain-error.js';
import { billingRunView } from './billing-run-view.js';
import type { OrgContext } from './context.js';

export async function getBillingRun(ctx: OrgContext, runId: string) {
  const row = await findBillingRun(ctx.db, ctx.scope, runId);
  if (!row) throw new DomainError('not_found', 'No such billing run.');
  return billingRunView(row);
}

/** Billing runs, newest first. */
export async function listBillingRuns(ctx: OrgContext, page: Page) {
  const result = await listRows(ctx.db, ctx.scope, page);
  return { items: result.items.map(billingRunView), nextCursor: result.nextCursor };
}
