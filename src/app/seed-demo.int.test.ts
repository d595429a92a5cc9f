import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection.js';
import { eanProblem } from '../domain/ean.js';
import { proposedAdvanceAmount, DEMO_PRODUCTS } from '../domain/tariff.js';
import { formatMoney } from '../domain/money.js';
import type { Frequency } from '../domain/advance-frequency.js';
import { openTestDatabase, TEST_TODAY } from '../../test/support/test-database.js';
import { seedDemo } from './seed-demo.js';
import { demoContracts } from './demo/demo-plan.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase(); // the template was seeded with seedDemo(db, TEST_TODAY)
});
afterAll(() => handle.close());

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(handle.db)).rows[0]!;

describe('the demo tenant', () => {
  it('seeds nothing twice', async () => {
    const before = await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM contracts`);
    expect(await seedDemo(handle.db, TEST_TODAY)).toBe(false);
    expect(await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM contracts`)).toEqual(before);
  });

  it('plans the same contracts for the same seed and day', () => {
    expect(demoContracts(7, 50, 'flanders', TEST_TODAY, 0)).toEqual(demoContracts(7, 50, 'flanders', TEST_TODAY, 0));
  });

  it('has two organizations with about 500 contracts of electricity and gas across every advance frequency', async () => {
    const rows = await sql<{ name: string; energy: string; frequency: string; n: number }>`
      SELECT o.name, cp.energy, k.advance_frequency AS frequency, count(*)::int AS n
      FROM contracts k JOIN organizations o ON o.id = k.organization_id JOIN connection_points cp ON cp.id = k.connection_point_id
      JOIN tenants t ON t.id = o.tenant_id WHERE t.name = 'Demo Energy Group' GROUP BY 1, 2, 3`.execute(handle.db);
    expect(new Set(rows.rows.map((r) => r.name)).size).toBe(2);
    expect(rows.rows.reduce((total, r) => total + r.n, 0)).toBe(500);
    expect(new Set(rows.rows.map((r) => r.energy))).toEqual(new Set(['electricity', 'gas']));
    expect(new Set(rows.rows.map((r) => r.frequency))).toEqual(
      new Set(['none', 'monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual']),
    );
  });

  it('spreads signatures over two years, some in the future, with historic custom first advance dates', async () => {
    const dates = await one(sql<{ earliest: string; future: number; historic: number }>`
      SELECT min(signature_date)::text AS earliest, count(*) FILTER (WHERE signature_date > ${TEST_TODAY})::int AS future,
        count(*) FILTER (WHERE first_advance_start_date < ${TEST_TODAY})::int AS historic FROM contracts`);
    expect(dates.earliest >= '2024-12-03').toBe(true);
    expect(dates.future).toBeGreaterThan(0);
    expect(dates.historic).toBeGreaterThan(20);
  });

  it('has invoiced, skipped and missing periods and at least one closed billing period with its settlement', async () => {
    const states = await one(sql<{ invoiced: number; skipped: number; missing: number; closed: number; settlements: number }>`
      SELECT count(*) FILTER (WHERE status = 'invoiced')::int AS invoiced, count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
        count(*) FILTER (WHERE status = 'planned' AND start_date <= ${TEST_TODAY})::int AS missing,
        (SELECT count(*)::int FROM billing_periods WHERE status = 'closed') AS closed,
        (SELECT count(*)::int FROM invoices WHERE kind = 'settlement') AS settlements
      FROM advance_periods`);
    expect(states.invoiced).toBeGreaterThan(1000);
    expect(states.skipped).toBeGreaterThan(50);
    expect(states.missing).toBeGreaterThan(300);
    expect(states.closed).toBeGreaterThan(0);
    expect(states.settlements).toBe(states.closed);
  });

  it('gives every connection a valid Belgian EAN and every contract the advance its consumption and prices give', async () => {
    const contracts = await sql<{ ean: string; code: string; kwh: number; frequency: Frequency | 'none'; amount: string | null }>`
      SELECT cp.ean, p.code, k.estimated_annual_consumption_kwh AS kwh, k.advance_frequency AS frequency, k.advance_amount AS amount
      FROM contracts k JOIN connection_points cp ON cp.id = k.connection_point_id JOIN products p ON p.id = k.product_id`.execute(
      handle.db,
    );
    for (const k of contracts.rows) {
      expect(eanProblem(k.ean, 'BE')).toBeNull();
      const product = DEMO_PRODUCTS.find((p) => p.code === k.code)!;
      expect(k.amount).toBe(k.frequency === 'none' ? null : formatMoney(proposedAdvanceAmount(product.prices, k.kwh, k.frequency)));
    }
  });

  it('numbers final invoices without gaps per series and books each once on the ledger', async () => {
    const series = await sql<{ series: string; n: number; max: number }>`
      SELECT organization_id || left(number, 7) AS series, count(*)::int AS n, max(right(number, 6)::int) AS max FROM invoices GROUP BY 1`.execute(
      handle.db,
    );
    for (const s of series.rows) expect(s.max).toBe(s.n);
    const unbooked = await one(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM invoices i WHERE i.gross <> 0 AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.invoice_id = i.id)`);
    expect(unbooked.n).toBe(0);
  });

  it('names both parties on every final invoice, and continues each counter after the demo', async () => {
    const unnamed = await one(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM invoices WHERE status = 'final' AND (seller->>'name' IS NULL OR buyer->>'name' IS NULL
        OR buyer->'address'->>'city' IS NULL OR language IS NULL)`);
    expect(unnamed.n).toBe(0);
    const behind = await one(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT organization_id, 'invoice:' || left(number, 7) AS name, max(right(number, 6)::int) AS last
        FROM invoices GROUP BY 1, 2) i
      LEFT JOIN sequences s ON s.organization_id = i.organization_id AND s.name = i.name WHERE s.last_value IS DISTINCT FROM i.last`);
    expect(behind.n).toBe(0);
  });
});
