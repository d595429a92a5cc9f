import { insertBillingRun } from '../db/repositories/billing-runs-repo.js';
import type { UnbilledFilter } from '../db/repositories/advance-periods-repo.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';
import { loadSettings } from './load-settings.js';

export type BillingRunRequest = {
  runDate: string;
  finalize?: boolean | undefined;
  /** the Unbilled dashboard's filter (dates as YYYY-MM-DD) */
  filter?: { [K in keyof Omit<UnbilledFilter, 'today'>]?: string | undefined } | undefined;
};

/** Queues an advance billing run; the job runner works it off in the background. Answers its id. */
export async function startBillingRun(ctx: OrgContext, request: BillingRunRequest, scheduledFor: string | null = null) {
  const settings = await loadSettings(ctx.db, ctx.scope);
  const row = await insertBillingRun(ctx.db, ctx.scope, {
    runDate: request.runDate,
    filter: request.filter ?? {},
    finalize: request.finalize ?? settings.invoicing.finalizeInRun,
    createdBy: ctx.actor.userId,
    scheduledFor,
  });
  if (!row) throw new DomainError('billing_run_exists', `The run scheduled for ${scheduledFor} exists already.`);
  return { id: row.id };
}
