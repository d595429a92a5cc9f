import type { OrgContext } from '../app/context.js';
import { executeBillingRun, type RunProgress } from '../app/execute-billing-run.js';
import { startBillingRun } from '../app/start-billing-run.js';
import { billingRunView } from '../app/billing-run-view.js';
import type { Output } from './output.js';
import { terminal } from './output.js';

const BAR = 30;

/** A progress line: a bar, the share done, and what was made so far. */
export function progressLine(progress: RunProgress): string {
  const share = progress.total === 0 ? 1 : progress.done / progress.total;
  const filled = Math.round(share * BAR);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${Math.floor(share * 100)} % (${progress.done}/${progress.total} periods; ${progress.drafts} drafts, ${progress.finalized} final)`;
}

/**
 * `wattbill billing-run`: starts an advance run (or, with a run id, resumes one or joins it as one
 * more worker) and works on it in this process with a progress bar; then the summary.
 */
export async function billingRunCommand(
  ctx: OrgContext,
  options: { runDate?: string | undefined; finalize?: boolean | undefined; runId?: string | undefined; output?: Output },
) {
  const output = options.output ?? terminal;
  const runId = options.runId ?? (await startBillingRun(ctx, { runDate: options.runDate!, finalize: options.finalize })).id;
  output.out(`Billing run ${runId}`);
  const run = billingRunView(
    await executeBillingRun(ctx.db, ctx.scope, runId, ctx.today, { onProgress: (p) => output.progress(progressLine(p)) }),
  );
  output.endProgress();
  const leftOut = Object.entries(run.leftOut).filter(([, n]) => n > 0);
  output.out(
    `${run.status === 'done' ? 'Done' : `Not finished (${run.status})`}: ${run.created.drafts} drafts, ${run.created.invoices} final invoices` +
      (leftOut.length ? `; left out: ${leftOut.map(([why, n]) => `${n} (${why})`).join(', ')}` : '') +
      '.',
  );
  return run;
}
