import type { Db } from '../db/connection.js';
import type { OrgScope } from '../db/scope.js';
import {
  lockInvoiceableBatch,
  summarizeUnbilled,
  uninvoiceableCounts,
  type UnbilledFilter,
} from '../db/repositories/advance-periods-repo.js';
import { countBatch, findBillingRun, finishedRun, joinRun, leaveRun } from '../db/repositories/billing-runs-repo.js';
import { claimAdvancePeriods, insertAdvanceInvoices, invoiceBuyers, takeFromSequence } from '../db/repositories/invoices-repo.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { DomainError } from '../domain/domain-error.js';
import { invoiceSeries, PAYMENT_REFERENCE_SEQUENCE } from '../domain/invoice-numbering.js';
import type { OrganizationSettings } from '../domain/organization-settings.js';
import { advanceInvoices } from './advance-invoices.js';
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
  { onProgress, batchSize = RUN_BATCH_PERIODS }: { onProgress?: (progress: RunProgress) => void; batchSize?: number } = {},
) {
  const run = await findBillingRun(db, scope, runId);
  if (!run) throw new DomainError('not_found', 'No such billing run.');
  const filter: UnbilledFilter = { ...(run.filter as Omit<UnbilledFilter, 'today'>), today: run.run_date as CalendarDate };
  const settings = await loadSettings(db, scope);
  if (!(await joinRun(db, scope, runId, async (tx) => (await summarizeUnbilled(tx, scope, filter)).count))) return run;
  try {
    for (;;) {
      const made = await db.transaction().execute(async (tx) => {
        const batch = await lockInvoiceableBatch(tx, scope, filter, batchSize);
        if (batch.length === 0) return null;
        const n = await invoiceBatch(
          tx,
          scope,
          { id: runId, finalize: run.finalize, settings, issueDate: today },
          batch.map((p) => p.id),
        );
        return countBatch(tx, scope, runId, { seen: batch.length, drafts: run.finalize ? 0 : n, finalized: run.finalize ? n : 0 });
      });
      if (made === null) break;
      onProgress?.(made);
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

/** One batch: takes the periods still due, makes their invoices (final ones numbered and booked). Answers how many. */
async function invoiceBatch(
  tx: Db,
  scope: OrgScope,
  run: { id: string; finalize: boolean; settings: OrganizationSettings; issueDate: CalendarDate },
  periodIds: string[],
): Promise<number> {
  const claimed = await claimAdvancePeriods(tx, scope, periodIds, run.finalize ? 'invoiced' : 'draft');
  if (claimed.length === 0) return 0;
  const buyers = await invoiceBuyers(
    tx,
    scope,
    claimed.map((p) => p.customer_id),
  );
  // numbers last, so that the counters' row locks are held for as short a time as possible
  const numbers = run.finalize
    ? {
        firstNumber: await takeFromSequence(tx, scope, `invoice:${invoiceSeries(run.settings.invoicing, run.issueDate)}`, claimed.length),
        firstReference: await takeFromSequence(tx, scope, PAYMENT_REFERENCE_SEQUENCE, claimed.length),
      }
    : null;
  const { invoices, lines, ledger } = advanceInvoices(claimed, buyers, { ...run, numbers });
  await insertAdvanceInvoices(tx, scope, invoices, lines, ledger);
  return claimed.length;
}
