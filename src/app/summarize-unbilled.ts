import { summarizeUnbilled as summarizeRows } from '../db/repositories/advance-periods-repo.js';
import type { OrgContext } from './context.js';
import type { UnbilledQuery } from './list-unbilled.js';

/** How many due periods the unbilled filter matches, and their total: for "select all N matching". */
export async function summarizeUnbilled(ctx: OrgContext, query: UnbilledQuery) {
  const summary = await summarizeRows(ctx.db, ctx.scope, { ...query, today: ctx.today });
  return { count: summary.count, totalAmount: summary.total_amount };
}
