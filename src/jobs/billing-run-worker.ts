import type { Db } from '../db/connection.js';
import type { OrgScope } from '../db/scope.js';
import { executeBillingRun } from '../app/execute-billing-run.js';
import { abandonedRuns } from '../db/repositories/billing-runs-repo.js';
import type { CalendarDate } from '../domain/calendar-date.js';

/** A run is taken for abandoned when its heartbeat (each batch) is older than this. */
export const ABANDONED_AFTER_SECONDS = 120;

export type BillingRunWorker = {
  /** Works a queued run off in the background (a run already in hand is not started twice). */
  start(scope: OrgScope, runId: string): void;
  /** Resumes the runs that a stopped process left unfinished. */
  resumeAbandoned(): Promise<void>;
  /** Resolves once every run in hand is finished (tests, shutdown). */
  idle(): Promise<void>;
};

/**
 * Billing runs in this process: each run's batches one after another, several runs side by side.
 * A run's state lives in the database, so another process can resume it after a crash.
 */
export function billingRunWorker(db: Db, today: () => CalendarDate, log: { error(obj: unknown, msg?: string): void }): BillingRunWorker {
  const inHand = new Map<string, Promise<unknown>>();
  const start = (scope: OrgScope, runId: string) => {
    if (inHand.has(runId)) return;
    const work = executeBillingRun(db, scope, runId, today())
      .catch((error: unknown) => log.error({ err: error, runId }, 'billing run failed'))
      .finally(() => inHand.delete(runId));
    inHand.set(runId, work);
  };
  return {
    start,
    async resumeAbandoned() {
      for (const run of await abandonedRuns(db, ABANDONED_AFTER_SECONDS))
        start({ tenantId: run.tenant_id, organizationId: run.organization_id }, run.id);
    },
    async idle() {
      while (inHand.size > 0) await Promise.all(inHand.values());
    },
  };
}
