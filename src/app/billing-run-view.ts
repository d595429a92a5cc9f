import type { BillingRunRow } from '../db/repositories/billing-runs-repo.js';

/** A billing run as the API shows it (API.md, with the summary the back office shows). */
export function billingRunView(row: BillingRunRow) {
  return {
    id: row.id,
    kind: row.kind,
    runDate: row.run_date,
    finalize: row.finalize,
    status: row.status,
    progress: { done: row.done, total: row.total },
    created: { drafts: row.drafts_created, invoices: row.invoices_finalized },
    leftOut: row.left_out,
    filter: row.filter,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
