import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { executeBillingRun } from '../app/execute-billing-run.js';
import { startBillingRun } from '../app/start-billing-run.js';
import { isValidStructuredCommunication } from '../domain/structured-communication.js';
import { openDemoApi, type DemoApi } from '../../test/support/test-api.js';
import { TEST_TODAY } from '../../test/support/template-database.js';

let demo: DemoApi;
let scope: { tenantId: string; organizationId: string };
beforeAll(async () => {
  demo = await openDemoApi();
  const org = await sql<{ tenant_id: string }>`SELECT tenant_id FROM organizations WHERE id = ${demo.org}`.execute(demo.handle.db);
  scope = { tenantId: org.rows[0]!.tenant_id, organizationId: demo.org };
});
afterAll(() => demo.handle.close());

const orgPath = (path: string) => `/api/v1/organizations/${demo.org}${path}`;
const call = (method: string, path: string, body?: unknown) => demo.api.call(method, orgPath(path), { token: demo.admin, body });
const db = () => demo.handle.db;
const ctx = () => ({ db: db(), actor: { tenantId: scope.tenantId, userId: null }, scope, today: TEST_TODAY });

/** Due periods a run may invoice: planned, started by the run date, open billing period, contract not ended before. */
async function invoiceable(runDate: string, contractId?: string) {
  const { rows } = await sql<{ id: string; amount: string }>`
    SELECT ap.id, ap.amount::text FROM advance_periods ap
    JOIN billing_periods bp ON bp.id = ap.billing_period_id JOIN contracts k ON k.id = ap.contract_id
    WHERE ap.organization_id = ${demo.org} AND ap.status = 'planned' AND ap.start_date <= ${runDate}
      AND bp.status = 'open' AND (k.end_date IS NULL OR k.end_date >= ap.start_date)
      AND (${contractId ?? null}::uuid IS NULL OR ap.contract_id = ${contractId ?? null}::uuid)`.execute(db());
  return rows;
}
async function runToEnd(body: object) {
  const started = await call('POST', '/billing-runs', { kind: 'advance', ...body });
  expect(started.status).toBe(202);
  await demo.api.billingRuns.idle();
  return (await call('GET', `/billing-runs/${started.json.id}`)).json;
}
const invoicesPerPeriod = async () =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT advance_period_id FROM invoices WHERE advance_period_id IS NOT NULL
      GROUP BY advance_period_id HAVING count(*) > 1) d`.execute(db())
  ).rows[0]!.n;
const contractWithDue = async () =>
  (
    await sql<{ contract_id: string }>`SELECT ap.contract_id FROM advance_periods ap JOIN billing_periods bp ON bp.id = ap.billing_period_id
      WHERE ap.organization_id = ${demo.org} AND ap.status = 'planned' AND ap.start_date <= '2026-12-03' AND bp.status = 'open'
      GROUP BY ap.contract_id HAVING count(*) >= 2 ORDER BY ap.contract_id LIMIT 1 OFFSET ${Math.floor(Math.random() * 20)}`.execute(db())
  ).rows[0]!.contract_id;

/**
 * Another transaction that locks periods, waits `ms`, then does `then` and ends: answers once the
 * locks are held, with the transaction's end (its error's message when `then` throws).
 */
async function holdingPeriods(ids: readonly string[], ms: number, then: (tx: ReturnType<typeof db>) => Promise<unknown>) {
  let locked!: () => void;
  const held = new Promise<void>((resolve) => (locked = resolve));
  const ended = db()
    .transaction()
    .execute(async (tx) => {
      await sql`SELECT id FROM advance_periods WHERE id = ANY(${ids}::uuid[]) FOR UPDATE`.execute(tx);
      locked();
      await new Promise((resolve) => setTimeout(resolve, ms));
      await then(tx);
    })
    .then(
      () => 'committed',
      (e: Error) => e.message,
    );
  await held;
  return { ended };
}

describe('advance billing runs', () => {
  it('makes a draft per invoiceable period of a contract, keeping each gross exactly, with no number and no booking', async () => {
    const contractId = await contractWithDue();
    const due = await invoiceable('2026-12-03', contractId);
    const run = await runToEnd({ runDate: '2026-12-03', filter: { contractId } });
    expect(run).toMatchObject({ status: 'done', finalize: false, created: { drafts: due.length, invoices: 0 } });
    const drafts = (await call('GET', `/invoices?billingRunId=${run.id}&limit=500`)).json;
    expect(drafts.items).toHaveLength(due.length);
    const cents = due.reduce((total, p) => total + Math.round(Number(p.amount) * 100), 0);
    expect(drafts.totals).toMatchObject({ count: due.length, gross: (cents / 100).toFixed(2) });
    for (const item of drafts.items) {
      const period = due.find((p) => p.id === item.advancePeriodId)!;
      expect(item).toMatchObject({ status: 'draft', number: null, paymentReference: null, issueDate: null });
      expect(item.totals.gross).toBe(period.amount);
      const vat = Math.round((Number(period.amount) * 6 * 100) / 106) / 100;
      expect(Number(item.totals.vat)).toBeCloseTo(vat, 2);
      expect(Math.round(Number(item.totals.net) * 100) + Math.round(Number(item.totals.vat) * 100)).toBe(
        Math.round(Number(period.amount) * 100),
      );
    }
    const booked = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger_entries WHERE invoice_id IN (
      SELECT id FROM invoices WHERE billing_run_id = ${run.id})`.execute(db());
    expect(booked.rows[0]!.n).toBe(0);
    const analysis = (await call('GET', `/contracts/${contractId}/billing-analysis`)).json;
    const statuses = analysis.billingPeriods.flatMap((bp: { advancePeriods: { id: string; status: string }[] }) => bp.advancePeriods);
    expect(due.every((p) => statuses.find((s: { id: string }) => s.id === p.id).status === 'draft')).toBe(true);
  });

  it('finalizes drafts in order with the next numbers, no gap, a due date 15 days on, a structured reference and a debit', async () => {
    const contractId = await contractWithDue();
    const run = await runToEnd({ runDate: '2026-12-03', filter: { contractId } });
    const before = await sql<{
      last_value: string;
    }>`SELECT last_value FROM sequences WHERE organization_id = ${demo.org} AND name = 'invoice:AC-2026'`.execute(db());
    const last = Number(before.rows[0]!.last_value);
    const finalized = await call('POST', '/invoices/finalize', { filter: { billingRunId: run.id } });
    expect(finalized.json.finalized).toBe(run.created.drafts);
    const items = (await call('GET', `/invoices?billingRunId=${run.id}&limit=500`)).json.items;
    const numbers = items.map((i: { number: string }) => i.number).sort();
    expect(numbers).toEqual(Array.from({ length: items.length }, (_, k) => `AC-2026-${String(last + 1 + k).padStart(6, '0')}`));
    const invoice = (await call('GET', `/invoices/${items[0].id}`)).json;
    expect(invoice).toMatchObject({ status: 'final', issueDate: '2026-12-03', dueDate: '2026-12-18', outstanding: invoice.totals.gross });
    expect(isValidStructuredCommunication(invoice.paymentReference)).toBe(true);
    expect(invoice.seller).toMatchObject({ name: 'Wattbill Energie Vlaanderen NV', vatNumber: 'BE0123456749', iban: 'BE68539007547034' });
    expect(invoice.vatBreakdown).toEqual([{ rate: '6.00', base: invoice.totals.net, vat: invoice.totals.vat }]);
    const account = (await call('GET', `/customers/${invoice.customerId}/account?contractId=${contractId}`)).json;
    expect(account.invoices.find((i: { invoiceId: string }) => i.invoiceId === invoice.id)).toMatchObject({
      gross: invoice.totals.gross,
      paid: '0.00',
    });
  });

  it('never changes a final invoice: deleting it answers 409; deleting a draft puts its period back to planned', async () => {
    const contractId = await contractWithDue();
    const run = await runToEnd({ runDate: '2026-12-03', filter: { contractId } });
    const [first, second] = (await call('GET', `/invoices?billingRunId=${run.id}`)).json.items;
    expect((await call('POST', `/invoices/${first.id}/finalize`)).json.status).toBe('final');
    expect((await call('DELETE', `/invoices/${first.id}`)).json.error.code).toBe('invoice_final');
    expect((await call('DELETE', `/invoices/${second.id}`)).status).toBe(204);
    const period = await sql<{ status: string }>`SELECT status FROM advance_periods WHERE id = ${second.advancePeriodId}`.execute(db());
    expect(period.rows[0]!.status).toBe('planned');
    await expect(sql`UPDATE invoices SET gross = gross + 1, net = net + 1 WHERE id = ${first.id}`.execute(db())).rejects.toThrow(/final/);
    expect((await call('POST', `/invoices/${first.id}/finalize`)).json.number).toBe(
      first.number ?? (await call('GET', `/invoices/${first.id}`)).json.number,
    );
  });

  it('invoices a period once with two runs at once, and a run resumed after it stopped mid-way finishes without doubles', async () => {
    const due = await invoiceable('2026-10-31');
    const a = await startBillingRun(ctx(), { runDate: '2026-10-31' });
    const b = await startBillingRun(ctx(), { runDate: '2026-10-31' });
    let batches = 0;
    const crashing = executeBillingRun(db(), scope, a.id, TEST_TODAY, {
      batchSize: 40,
      onProgress: () => {
        if (++batches === 2) throw new Error('the process died');
      },
    }).catch((e: Error) => e.message);
    await Promise.all([crashing, executeBillingRun(db(), scope, b.id, TEST_TODAY, { batchSize: 40 })]);
    expect(await crashing).toBe('the process died');
    await executeBillingRun(db(), scope, a.id, TEST_TODAY, { batchSize: 40 }); // resumed
    expect(await invoicesPerPeriod()).toBe(0);
    const made = await sql<{ n: number }>`SELECT count(*)::int AS n FROM invoices WHERE billing_run_id IN (${a.id}, ${b.id})`.execute(db());
    expect(made.rows[0]!.n).toBe(due.length);
    expect(await invoiceable('2026-10-31')).toEqual([]);
  });

  it('takes again, before it ends, a period put back to planned behind it (a deleted draft, a failed worker)', async () => {
    expect((await invoiceable('2026-11-30')).length).toBeGreaterThan(40);
    const run = await startBillingRun(ctx(), { runDate: '2026-11-30' });
    let putBack: string | undefined;
    const done = await executeBillingRun(db(), scope, run.id, TEST_TODAY, {
      batchSize: 40,
      onProgress: async () => {
        if (putBack) return;
        const first = await sql<{ id: string; period: string }>`SELECT id, advance_period_id AS period FROM invoices
          WHERE billing_run_id = ${run.id} ORDER BY period_start, advance_period_id LIMIT 1`.execute(db());
        putBack = first.rows[0]!.period;
        expect((await call('DELETE', `/invoices/${first.rows[0]!.id}`)).status).toBe(204);
      },
    });
    expect(done.status).toBe('done');
    const again = await sql<{ n: number }>`SELECT count(*)::int AS n FROM invoices
      WHERE billing_run_id = ${run.id} AND advance_period_id = ${putBack!}`.execute(db());
    expect(again.rows[0]!.n).toBe(1);
    expect(await invoicesPerPeriod()).toBe(0);
    expect(await invoiceable('2026-11-30')).toEqual([]);
  });

  it('waits, in its last walk, for periods another transaction held and then let go planned', async () => {
    const due = await invoiceable('2026-12-31');
    expect(due.length).toBeGreaterThan(5);
    const heldIds = due.slice(0, 5).map((p) => p.id);
    const run = await startBillingRun(ctx(), { runDate: '2026-12-31' });
    // as a failed worker or a bulk skip that rolls back
    const holder = await holdingPeriods(heldIds, 1500, () => Promise.reject(new Error('rolled back')));
    const done = await executeBillingRun(db(), scope, run.id, TEST_TODAY, { batchSize: 40 });
    expect(await holder.ended).toBe('rolled back');
    expect(done.status).toBe('done');
    const held = await sql<{ status: string }>`SELECT status FROM advance_periods WHERE id = ANY(${heldIds}::uuid[])`.execute(db());
    expect(held.rows.map((r) => r.status)).toEqual(heldIds.map(() => 'draft'));
    expect(await invoiceable('2026-12-31')).toEqual([]);
  });

  it("a correction of a contract's terms and a batch invoicing its periods don't deadlock", async () => {
    const planned = await sql<{ contract_id: string; ids: string[] }>`SELECT contract_id, array_agg(id) AS ids FROM advance_periods
      WHERE organization_id = ${demo.org} AND status = 'planned' GROUP BY contract_id HAVING count(*) >= 2 LIMIT 1`.execute(db());
    const { contract_id: contractId, ids: periods } = planned.rows[0]!;
    // what a run's batch does: it holds the periods, then its invoice's foreign key takes a key share on the contract
    const batch = await holdingPeriods(periods, 300, (tx) =>
      sql`SELECT id FROM contracts WHERE id = ${contractId} FOR KEY SHARE`.execute(tx),
    );
    const [correction, ended] = await Promise.all([call('PATCH', `/contracts/${contractId}`, { advanceAmount: '91.00' }), batch.ended]);
    expect([correction.status, ended]).toEqual([200, 'committed']);
  });

  it('leaves out skipped periods, those of closed billing periods and of contracts ended before them, saying why', async () => {
    const closed = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM advance_periods ap JOIN billing_periods bp ON bp.id = ap.billing_period_id
      WHERE ap.organization_id = ${demo.org} AND ap.status = 'planned' AND bp.status = 'closed' AND ap.start_date <= '2026-12-03'`.execute(
      db(),
    );
    const run = await runToEnd({ runDate: '2026-12-03' });
    expect(run.status).toBe('done');
    expect(run.leftOut.billingPeriodClosed).toBe(closed.rows[0]!.n);
    const wrong = await sql<{ n: number }>`SELECT count(*)::int AS n FROM invoices i JOIN advance_periods ap ON ap.id = i.advance_period_id
      JOIN billing_periods bp ON bp.id = ap.billing_period_id JOIN contracts k ON k.id = ap.contract_id
      WHERE i.billing_run_id = ${run.id} AND (bp.status = 'closed' OR k.end_date < ap.start_date OR ap.start_date > '2026-12-03')`.execute(
      db(),
    );
    expect(wrong.rows[0]!.n).toBe(0);
    const skippedWithInvoice = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM advance_periods ap JOIN invoices i ON i.advance_period_id = ap.id
      WHERE ap.status = 'skipped'`.execute(db());
    expect(skippedWithInvoice.rows[0]!.n).toBe(0);
  });

  it('a run racing a bulk skip leaves each period either skipped without invoice or invoiced once', async () => {
    const due = await invoiceable('2027-01-31');
    const ids = due.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(200);
    const run = await startBillingRun(ctx(), { runDate: '2027-01-31', finalize: true });
    const [, skip] = await Promise.all([
      executeBillingRun(db(), scope, run.id, TEST_TODAY, { batchSize: 25 }),
      demo.api.call('POST', orgPath('/advance-periods/skip'), {
        token: demo.admin,
        body: { advancePeriodIds: ids.slice(0, 200), reason: 'race' },
      }),
    ]);
    expect(skip.status).toBe(200);
    const { rows } = await sql<{ status: string; invoices: number; booked: number }>`
      SELECT ap.status, count(i.id)::int AS invoices, count(e.id)::int AS booked FROM advance_periods ap
      LEFT JOIN invoices i ON i.advance_period_id = ap.id LEFT JOIN ledger_entries e ON e.invoice_id = i.id
      WHERE ap.id = ANY(${ids}::uuid[]) GROUP BY ap.id, ap.status`.execute(db());
    for (const row of rows) {
      if (row.status === 'skipped') expect([row.invoices, row.booked]).toEqual([0, 0]);
      else expect([row.status, row.invoices, row.booked]).toEqual(['invoiced', 1, 1]);
    }
    expect(rows.filter((r) => r.status === 'skipped').length + rows.filter((r) => r.status === 'invoiced').length).toBe(ids.length);
  });

  it('numbers parallel finalizations without a gap or a number used twice', async () => {
    const run = await startBillingRun(ctx(), { runDate: '2027-03-31' });
    await executeBillingRun(db(), scope, run.id, TEST_TODAY);
    const drafts = (await call('GET', `/invoices?billingRunId=${run.id}&limit=500`)).json.items.map((i: { id: string }) => i.id);
    expect(drafts.length).toBeGreaterThan(20);
    const before = Number(
      (
        await sql<{
          v: string;
        }>`SELECT last_value AS v FROM sequences WHERE organization_id = ${demo.org} AND name = 'invoice:AC-2026'`.execute(db())
      ).rows[0]!.v,
    );
    const slices = [0, 1, 2, 3].map((k) => drafts.filter((_: string, i: number) => i % 4 === k));
    const answers = await Promise.all([
      ...slices.map((invoiceIds) => call('POST', '/invoices/finalize', { invoiceIds })),
      call('POST', '/invoices/finalize', { invoiceIds: drafts }),
    ]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.reduce((n, a) => n + a.json.finalized, 0)).toBe(drafts.length);
    const { rows } = await sql<{
      number: string;
    }>`SELECT number FROM invoices WHERE organization_id = ${demo.org} AND number LIKE 'AC-2026-%'
      AND number > ${`AC-2026-${String(before).padStart(6, '0')}`} ORDER BY number`.execute(db());
    expect(rows.map((r) => r.number)).toEqual(
      Array.from({ length: drafts.length }, (_, k) => `AC-2026-${String(before + 1 + k).padStart(6, '0')}`),
    );
  });

  it("answers 404 for another organization's invoices and runs, and refuses bad run requests", async () => {
    const orgs = (await demo.api.call('GET', '/api/v1/organizations', { token: demo.admin })).json.items;
    const mine = (await call('GET', '/invoices?limit=1')).json.items[0];
    const other = `/api/v1/organizations/${orgs[1].id}`;
    expect((await demo.api.call('GET', `${other}/invoices/${mine.id}`, { token: demo.admin })).status).toBe(404);
    expect((await demo.api.call('POST', `${other}/invoices/${mine.id}/finalize`, { token: demo.admin })).status).toBe(404);
    expect((await demo.api.call('DELETE', `${other}/invoices/${mine.id}`, { token: demo.admin })).status).toBe(404);
    for (const body of [{ kind: 'settlement', runDate: '2026-12-03' }, { kind: 'advance', runDate: '2026-02-30' }, { kind: 'advance' }]) {
      const answer = await call('POST', '/billing-runs', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('books a payment: the oldest due invoice is paid first, the balance follows', async () => {
    const invoice = (await call('GET', '/invoices?status=final&limit=1')).json.items[0];
    const before = (await call('GET', `/customers/${invoice.customerId}/account`)).json;
    const paid = await call('POST', `/customers/${invoice.customerId}/payments`, {
      amount: '10.00',
      bookedOn: '2026-12-03',
      reference: 'bank 42',
    });
    expect(paid.status).toBe(201);
    expect(Number(paid.json.balance)).toBeCloseTo(Number(before.balance) - 10, 2);
    // oldest due first, invoices due the same day in id order (as the allocation takes them)
    const oldestOpen = before.invoices
      .filter((i: { outstanding: string }) => Number(i.outstanding) > 0)
      .sort((a: { dueDate: string; invoiceId: string }, b: { dueDate: string; invoiceId: string }) =>
        a.dueDate === b.dueDate ? (a.invoiceId < b.invoiceId ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1,
      )[0];
    if (oldestOpen) {
      const after = paid.json.invoices.find((i: { invoiceId: string }) => i.invoiceId === oldestOpen.invoiceId);
      expect(Number(after.paid)).toBeCloseTo(Number(oldestOpen.paid) + Math.min(10, Number(oldestOpen.outstanding)), 2);
    }
    expect((await call('POST', `/customers/${invoice.customerId}/payments`, { amount: '-5', bookedOn: '2026-12-03' })).status).toBe(400);
  });
});
