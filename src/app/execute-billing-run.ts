import type { Db } from '../db/connection.js';
import { retryOnDeadlock } from '../db/retry.js';
import type { OrgScope } from '../db/scope.js';
import {
  invoiceableBatch,
  summarizeUnbilled,
  uninvoiceableCounts,
  type RunCursor,
  type UnbilledFilter,
} from '../db/repositories/advance-periods-repo.js';
import { countBatch, findBillingRun, finishedRun, joinRun, leaveRun } from '../db/repositories/billing-runs-repo.js';
import {
  claimAdvancePeriods,
  insertAdvanceInvoices,
  invoiceBuyers,
  takeFromSequence,
  type ClaimedPeriod,
} from '../db/repositories/invoices-repo.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { DomainError } from '../domain/domain-error.js';
import { invoiceSeries, PAYMENT_REFERENCE_SEQUENCE } from '../domain/invoice-numbering.js';
import type { OrganizationSettings } from '../domain/organization-settings.js';
import { advanceInvoiceDrafts, finalInvoices } from './advance-invoices.js';
import { loadSettings } from './load-settings.js';

/** Periods per transaction: small enough that no lock is held for long, large enough to write in bulk. */
export const RUN_BATCH_PERIODS = 2000;

export type RunProgress = { done: number; total: number; drafts: number; finalized: number };

/**
 * Works on a billing run until none of its periods is left: a batch at a time, each batch in its own
 * transaction (invoices, lines, bookings and progress together). Any number of workers (processes)
 * may work on one run at once: a batch locks its periods and the others pass them over. Running it
 * again after a crash finishes the job: a period is taken only while planned, so never twice. The
 * last worker to leave writes the summary.
 */
export async function executeBillingRun(
  db: Db,
  scope: OrgScope,
  runId: string,
  today: CalendarDate,
  { onProgress, batchSize = RUN_BATCH_PERIODS }: { onProgress?: (progress: RunProgress) => void | Promise<void>; batchSize?: number } = {},
) {
  const run = await findBillingRun(db, scope, runId);
  if (!run) throw new DomainError('not_found', 'No such billing run.');
  const filter: UnbilledFilter = { ...(run.filter as Omit<UnbilledFilter, 'today'>), today: run.run_date as CalendarDate };
  const settings = await loadSettings(db, scope);
  if (!(await joinRun(db, scope, runId, async (tx) => (await summarizeUnbilled(tx, scope, filter)).count))) return run;
  try {
    // Each worker walks the periods in order from where it left off, passing over those another
    // transaction holds (another worker's batch, a skip, a correction). Those may be planned again
    // when it lets go (a failed worker, a rollback), so a last walk from the start waits for every
    // lock it meets, and the run is done when that walk finds nothing.
    let after: RunCursor | null = null;
    let lastWalk = false;
    for (;;) {
      const made = await retryOnDeadlock(() =>
        db.transaction().execute(async (tx) => {
          const batch = invoiceableBatch(tx, scope, filter, batchSize, { after, skipLocked: !lastWalk });
          const claimed = await claimAdvancePeriods(tx, scope, batch, run.finalize ? 'invoiced' : 'draft');
          if (claimed.length === 0) return null;
          await invoiceBatch(tx, scope, { id: runId, finalize: run.finalize, settings, issueDate: today }, claimed);
          const n = claimed.length;
          const progress = await countBatch(tx, scope, runId, { seen: n, drafts: run.finalize ? 0 : n, finalized: run.finalize ? n : 0 });
          return { progress, last: claimed[n - 1]! };
        }),
      );
      if (made !== null) {
        after = { startDate: made.last.start_date, id: made.last.id };
        await onProgress?.(made.progress);
      } else if (lastWalk) break;
      else [lastWalk, after] = [true, null];
    }
  } catch (error) {
    if (await leaveRun(db, scope, runId))
      await finishedRun(db, scope, runId, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  if (await leaveRun(db, scope, runId)) {
    const { billing_period_closed, contract_ended } = await uninvoiceableCounts(db, scope, filter);
    await finishedRun(db, scope, runId, {
      status: 'done',
      leftOut: { billingPeriodClosed: billing_period_closed, contractEnded: contract_ended },
    });
  }
  return (await findBillingRun(db, scope, runId))!;
}

/** Makes the invoices of claimed periods: final ones numbered and booked. */
async function invoiceBatch(
  tx: Db,
  scope: OrgScope,
  run: { id: string; finalize: boolean; settings: OrganizationSettings; issueDate: CalendarDate },
  claimed: readonly ClaimedPeriod[],
): Promise<void> {
  const buyers = await invoiceBuyers(
    tx,
    scope,
    claimed.map((p) => p.customer_id),
  );
  const drafts = advanceInvoiceDrafts(claimed, buyers, run.id);
  if (!run.finalize) return insertAdvanceInvoices(tx, scope, drafts.invoices, drafts.lines, []);
  // numbers last, so that the counters' row locks are held for as short a time as possible
  const numbers = {
    firstNumber: await takeFromSequence(tx, scope, `invoice:${invoiceSeries(run.settings.invoicing, run.issueDate)}`, claimed.length),
    firstReference: await takeFromSequence(tx, scope, PAYMENT_REFERENCE_SEQUENCE, claimed.length),
  };
  const { invoices, ledger } = finalInvoices(drafts.invoices, buyers, { ...run, numbers });
  await insertAdvanceInvoices(tx, scope, invoices, drafts.lines, ledger);
}
