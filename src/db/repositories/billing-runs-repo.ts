import { sql, type Selectable } from 'kysely';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import type { BillingRunTable } from '../schema.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';

export type BillingRunRow = Selectable<BillingRunTable>;

export async function insertBillingRun(
  db: Db,
  scope: OrgScope,
  run: { runDate: string; filter: object; finalize: boolean; createdBy: string | null; scheduledFor: string | null },
) {
  return db
    .insertInto('billing_runs')
    .values({
      tenant_id: scope.tenantId,
      organization_id: scope.organizationId,
      kind: 'advance',
      run_date: run.runDate,
      filter: JSON.stringify(run.filter),
      finalize: run.finalize,
      status: 'queued',
      created_by: run.createdBy,
      scheduled_for: run.scheduledFor,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'organization_id', 'scheduled_for']).where('scheduled_for', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function findBillingRun(db: Db, scope: OrgScope, runId: string) {
  return db
    .selectFrom('billing_runs')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', runId)
    .executeTakeFirst();
}

export async function listBillingRuns(db: Db, scope: OrgScope, page: Page) {
  let query = db
    .selectFrom('billing_runs')
    .selectAll()
    .select(sql<string>`created_at::text`.as('created_at_key'))
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId);
  if (page.cursor) {
    const [createdAt, id] = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows, page.limit, (r) => [r.created_at_key, r.id]);
}

/**
 * A worker joins a run: the first one marks it running with how many periods it has to go through.
 * Answers false when the run is over already.
 */
export async function joinRun(db: Db, scope: OrgScope, runId: string, total: (tx: Db) => Promise<number>): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const run = await tx
      .selectFrom('billing_runs')
      .select(['status'])
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run || run.status === 'done') return false;
    await tx
      .updateTable('billing_runs')
      .set({
        status: 'running',
        workers: sql`workers + 1`,
        ...(run.status === 'queued' ? { total: await total(tx), started_at: sql`now()` } : {}),
        heartbeat_at: sql`now()`,
        error: null,
      })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', runId)
      .execute();
    return true;
  });
}

/** A worker leaves a run; answers whether it was the last one (who then finishes the run). */
export async function leaveRun(db: Db, scope: OrgScope, runId: string): Promise<boolean> {
  const row = await db
    .updateTable('billing_runs')
    .set({ workers: sql`greatest(workers - 1, 0)` })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', runId)
    .returning('workers')
    .executeTakeFirstOrThrow();
  return row.workers === 0;
}

/** Counts a batch's outcome into its run, in the batch's own transaction: progress never runs ahead of what was written. */
export async function countBatch(db: Db, scope: OrgScope, runId: string, batch: { seen: number; drafts: number; finalized: number }) {
  const row = await db
    .updateTable('billing_runs')
    .set({
      done: sql`least(total, done + ${batch.seen})`,
      drafts_created: sql`drafts_created + ${batch.drafts}`,
      invoices_finalized: sql`invoices_finalized + ${batch.finalized}`,
      heartbeat_at: sql`now()`,
    })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', runId)
    .returning(['done', 'total', 'drafts_created', 'invoices_finalized'])
    .executeTakeFirstOrThrow();
  return { done: row.done, total: row.total, drafts: row.drafts_created, finalized: row.invoices_finalized };
}

export async function finishedRun(
  db: Db,
  scope: OrgScope,
  runId: string,
  outcome: { status: 'done'; leftOut: Record<string, number> } | { status: 'failed'; error: string },
) {
  await db
    .updateTable('billing_runs')
    .set({
      status: outcome.status,
      ...(outcome.status === 'done' ? { left_out: JSON.stringify(outcome.leftOut), done: sql`total` } : { error: outcome.error }),
      finished_at: sql`now()`,
    })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', runId)
    .execute();
}

/** Runs that stopped without finishing (their processes died): no heartbeat for a while. Their workers are gone. */
export async function abandonedRuns(db: Db, staleAfterSeconds: number) {
  return db
    .updateTable('billing_runs')
    .set({ workers: 0 })
    .where('status', 'in', ['queued', 'running'])
    .where(sql<boolean>`coalesce(heartbeat_at, created_at) < now() - make_interval(secs => ${staleAfterSeconds})`)
    .returning(['tenant_id', 'organization_id', 'id'])
    .execute();
}
