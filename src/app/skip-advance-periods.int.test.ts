import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection.js';
import { openTestDatabase, TEST_TODAY } from '../../test/support/test-database.js';
import type { OrgContext } from './context.js';
import { skipAdvancePeriods } from './skip-advance-periods.js';

let handle: DatabaseHandle;
let ctx: OrgContext;
beforeAll(async () => {
  handle = await openTestDatabase();
  const admin = await handle.db
    .selectFrom('users')
    .select(['id', 'tenant_id'])
    .where('email', '=', 'admin@demo.example')
    .executeTakeFirstOrThrow();
  const org = await handle.db
    .selectFrom('organizations')
    .select('id')
    .where('tenant_id', '=', admin.tenant_id)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  ctx = {
    db: handle.db,
    actor: { tenantId: admin.tenant_id, userId: admin.id },
    scope: { tenantId: admin.tenant_id, organizationId: org.id },
    today: TEST_TODAY,
  };
});
afterAll(() => handle.close());

async function plannedPeriods(n: number, offset = 0) {
  const rows = await sql<{ id: string }>`
    SELECT id FROM advance_periods WHERE organization_id = ${ctx.scope.organizationId} AND status = 'planned' AND start_date <= ${TEST_TODAY}
    ORDER BY start_date DESC, id LIMIT ${n} OFFSET ${offset}`.execute(handle.db);
  return rows.rows.map((r) => r.id);
}

async function stateOf(ids: string[]) {
  const rows = await sql<{ id: string; status: string; audits: number; invoices: number }>`
    SELECT ap.id, ap.status,
      (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = ap.id AND a.action = 'skip') AS audits,
      (SELECT count(*)::int FROM invoices i WHERE i.advance_period_id = ap.id) AS invoices
    FROM advance_periods ap WHERE ap.id = ANY(${ids}::uuid[])`.execute(handle.db);
  return rows.rows;
}

/** What a billing run does to a period: moves it to draft and creates its draft invoice, in one transaction. */
async function draftInvoice(periodId: string, holdMs: number) {
  return handle.db.transaction().execute(async (tx) => {
    const moved = await sql`UPDATE advance_periods SET status = 'draft' WHERE id = ${periodId} AND status = 'planned'`.execute(tx);
    if (Number(moved.numAffectedRows) !== 1) return false;
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    await sql`INSERT INTO invoices (tenant_id, organization_id, kind, status, customer_id, contract_id, advance_period_id, period_start, period_end, net, vat, gross)
      SELECT ap.tenant_id, ap.organization_id, 'advance', 'draft', k.customer_id, ap.contract_id, ap.id, ap.start_date, ap.end_date, 80.19, 4.81, 85.00
      FROM advance_periods ap JOIN contracts k ON k.id = ap.contract_id WHERE ap.id = ${periodId}`.execute(tx);
    return true;
  });
}

describe('skipping under concurrency', () => {
  it('two simultaneous skips of the same periods skip each once, with one audit entry each', async () => {
    const ids = await plannedPeriods(40);
    const [first, second] = await Promise.all([
      skipAdvancePeriods(ctx, { advancePeriodIds: ids }, 'first'),
      skipAdvancePeriods(ctx, { advancePeriodIds: [...ids].reverse() }, 'second'),
    ]);
    expect(first.skipped + second.skipped).toBe(40);
    const refusals = [...first.results, ...second.results].filter((r) => !r.ok);
    expect(refusals).toHaveLength(40);
    expect(refusals.every((r) => !r.ok && r.error.code === 'already_skipped')).toBe(true);
    for (const row of await stateOf(ids)) expect(row).toMatchObject({ status: 'skipped', audits: 1, invoices: 0 });
  });

  it('a skip racing a billing run leaves each period either skipped without invoice or draft with its invoice', async () => {
    const ids = await plannedPeriods(10, 100);
    const [runs, skip] = await Promise.all([
      Promise.all(ids.filter((_, i) => i % 2 === 0).map((id) => draftInvoice(id, 50))),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return skipAdvancePeriods(ctx, { advancePeriodIds: ids }, 'race');
      })(),
    ]);
    expect(runs.filter(Boolean).length + skip.skipped).toBe(10);
    for (const row of await stateOf(ids)) {
      expect([
        { status: 'skipped', audits: 1, invoices: 0 },
        { status: 'draft', audits: 0, invoices: 1 },
      ]).toContainEqual({ status: row.status, audits: row.audits, invoices: row.invoices });
    }
    for (const result of skip.results) if (!result.ok) expect(result.error.code).toBe('invoice_exists');
  });

  it('a billing run that comes after a skip creates no invoice for it', async () => {
    const [id] = await plannedPeriods(1, 200);
    await skipAdvancePeriods(ctx, { advancePeriodIds: [id!] }, null);
    expect(await draftInvoice(id!, 0)).toBe(false);
    expect(await stateOf([id!])).toEqual([{ id, status: 'skipped', audits: 1, invoices: 0 }]);
  });
});
