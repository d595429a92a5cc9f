import { listUnbilled as listUnbilledRows, type UnbilledFilter } from '../db/repositories/advance-periods-repo.js';
import type { Page } from '../db/pagination.js';
import type { OrgContext } from './context.js';

export type UnbilledQuery = Omit<UnbilledFilter, 'today'>;

/** Due advance periods without an invoice across the organization, oldest first; each is missing by definition. */
export async function listUnbilled(ctx: OrgContext, query: UnbilledQuery, page: Page) {
  const result = await listUnbilledRows(ctx.db, ctx.scope, { ...query, today: ctx.today }, page);
  return {
    items: result.items.map((r) => ({
      advancePeriodId: r.id,
      contractId: r.contract_id,
      customerName: r.customer_name,
      ean: r.ean,
      energy: r.energy,
      startDate: r.start_date,
      endDate: r.end_date,
      amount: r.amount,
      missing: true,
    })),
    nextCursor: result.nextCursor,
  };
}
