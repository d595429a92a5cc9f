import { lockAdvancePeriods, markSkipped, unbilledIds } from '../db/repositories/advance-periods-repo.js';
import { SKIP_REFUSAL_MESSAGES, skipRefusal, type SkipRefusal } from '../domain/advance-period-state.js';
import { DomainError } from '../domain/domain-error.js';
import { isUuid } from '../domain/ids.js';
import type { OrgContext } from './context.js';
import type { UnbilledQuery } from './list-unbilled.js';

export type SkipSelection = { advancePeriodIds: readonly string[] } | { filter: UnbilledQuery };
export type SkipResult =
  | { advancePeriodId: string; ok: true; status: 'skipped' }
  | { advancePeriodId: string; ok: false; error: { code: SkipRefusal | 'not_found'; message: string } };

/** The most periods one request may skip by filter: larger selections are split by the caller. */
export const MAX_SKIP_SELECTION = 50_000;

/**
 * Skips each selected period on its own: the allowed ones are skipped even when others are refused.
 * Locking the periods first makes concurrent skips and other changes to them serialize.
 */
export async function skipAdvancePeriods(ctx: OrgContext, selection: SkipSelection, reason: string | null) {
  return ctx.db.transaction().execute(async (tx) => {
    const ids =
      'advancePeriodIds' in selection
        ? [...new Set(selection.advancePeriodIds.map((id) => id.toLowerCase()))]
        : await selectByFilter(ctx, tx, selection.filter);
    const periods = await lockAdvancePeriods(tx, ctx.scope, ids.filter(isUuid));
    const results: SkipResult[] = ids.map((id) => {
      const period = periods.get(id);
      const refusal = period ? skipRefusal({ status: period.status, billingPeriodStatus: period.billing_period_status }) : 'not_found';
      return refusal === null
        ? { advancePeriodId: id, ok: true, status: 'skipped' }
        : { advancePeriodId: id, ok: false, error: { code: refusal, message: SKIP_REFUSAL_MESSAGES[refusal] } };
    });
    const skipped = results.filter((r) => r.ok).map((r) => r.advancePeriodId);
    await markSkipped(tx, ctx.scope, { ids: skipped, by: ctx.actor.userId, reason });
    return { results, skipped: skipped.length, refused: results.length - skipped.length };
  });
}

async function selectByFilter(ctx: OrgContext, tx: OrgContext['db'], filter: UnbilledQuery): Promise<string[]> {
  const ids = await unbilledIds(tx, ctx.scope, { ...filter, today: ctx.today }, MAX_SKIP_SELECTION + 1);
  if (ids.length > MAX_SKIP_SELECTION) {
    throw new DomainError('selection_too_large', `A filter may select at most ${MAX_SKIP_SELECTION} periods; narrow it down.`, {
      max: MAX_SKIP_SELECTION,
    });
  }
  return ids;
}
