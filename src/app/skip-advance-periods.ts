import { advancePeriodStates, skipWhereSkippable, unbilledIds } from '../db/repositories/advance-periods-repo.js';
import { retryOnDeadlock } from '../db/retry.js';
import { SKIPPABLE, SKIP_REFUSAL_MESSAGES, skipRefusal, type SkipRefusal } from '../domain/advance-period-state.js';
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
 * Skips each selected period on its own: the allowed ones are skipped even when others are refused,
 * and each refused one says why. One statement skips what the domain allows, under row locks, so
 * concurrent skips and other changes to the same periods serialize.
 */
export async function skipAdvancePeriods(ctx: OrgContext, selection: SkipSelection, reason: string | null) {
  return retryOnDeadlock(() =>
    ctx.db.transaction().execute(async (tx) => {
      const ids =
        'advancePeriodIds' in selection
          ? [...new Set(selection.advancePeriodIds.map((id) => id.toLowerCase()))]
          : await selectByFilter(ctx, tx, selection.filter);
      const candidates = ids.filter(isUuid).sort(); // one lock order for every caller
      const skipped = await skipWhereSkippable(tx, ctx.scope, SKIPPABLE, { ids: candidates, by: ctx.actor.userId, reason });
      const others = await advancePeriodStates(
        tx,
        ctx.scope,
        candidates.filter((id) => !skipped.has(id)),
      );
      const results: SkipResult[] = ids.map((id) => {
        if (skipped.has(id)) return { advancePeriodId: id, ok: true, status: 'skipped' };
        const period = others.get(id);
        // a period that was skippable a moment ago was skipped by a concurrent request
        const refusal = period
          ? (skipRefusal({ status: period.status, billingPeriodStatus: period.billing_period_status }) ?? 'already_skipped')
          : 'not_found';
        return { advancePeriodId: id, ok: false, error: { code: refusal, message: SKIP_REFUSAL_MESSAGES[refusal] } };
      });
      return { results, skipped: skipped.size, refused: results.length - skipped.size };
    }),
  );
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
