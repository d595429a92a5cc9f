/**
 * Advance billing runs that create and finalize every due period (invoice, line, ledger entry):
 * on PostgreSQL with 1,000,000 due periods, with one worker process and with two, against a raw
 * COPY of the same rows into the same tables; on PGlite with 10,000. And 1,000 invoice PDFs.
 * Run: npx tsx bench/billing-run.ts [postgres|pglite|pdf] [periods]
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { executeBillingRun } from '../src/app/execute-billing-run.js';
import { getInvoice } from '../src/app/get-invoice.js';
import { renderInvoicePdf } from '../src/app/invoice-pdf.js';
import { startBillingRun } from '../src/app/start-billing-run.js';
import type { DatabaseHandle } from '../src/db/connection.js';
import { timeOrderedId } from '../src/db/time-ordered-id.js';
import type { CalendarDate } from '../src/domain/calendar-date.js';
import { advanceInvoiceAmounts } from '../src/domain/invoice-amounts.js';
import { invoiceNumber, paymentReference } from '../src/domain/invoice-numbering.js';
import { formatMoney, money } from '../src/domain/money.js';
import { openBenchDatabase, benchDatabaseUrl } from './bench-database.js';
import { seedBenchTenant } from './bench-tenant.js';

const TODAY = '2026-12-03' as CalendarDate;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function benchTenant(handle: DatabaseHandle, periods: number, n: number) {
  const bench = await seedBenchTenant(handle, periods, TODAY, `bench-${n}@bench.example`);
  const scope = { tenantId: bench.tenantId, organizationId: bench.organizationId };
  return { scope, ctx: { db: handle.db, actor: { tenantId: scope.tenantId, userId: null }, scope, today: TODAY }, periods: bench.periods };
}

/** A run worked by `workers` processes at once (each `bench/billing-run-worker.ts`), or in this process. */
async function timedRun(handle: DatabaseHandle, tenant: Awaited<ReturnType<typeof benchTenant>>, workers: number) {
  const { id } = await startBillingRun(tenant.ctx, { runDate: TODAY, finalize: true });
  const started = performance.now();
  if (workers === 0) await executeBillingRun(handle.db, tenant.scope, id, TODAY);
  else {
    const args = [tenant.scope.tenantId, tenant.scope.organizationId, id, benchDatabaseUrl(handle)!];
    await Promise.all(
      Array.from({ length: workers }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'bench/billing-run-worker.ts', ...args], { stdio: 'inherit' });
        return new Promise<void>((resolve, reject) =>
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`)))),
        );
      }),
    );
  }
  const ms = performance.now() - started;
  const run = await handle.db.selectFrom('billing_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (run.status !== 'done' || run.invoices_finalized !== tenant.periods)
    throw new Error(`run ended ${run.status} with ${run.invoices_finalized}`);
  return ms;
}

/** The rows a run writes (the periods invoiced, and an invoice, a line and a booking each), by COPY in one transaction. */
async function timedCopy(handle: DatabaseHandle, tenant: Awaited<ReturnType<typeof benchTenant>>) {
  const { tenantId, organizationId } = tenant.scope;
  const periods = (
    await sql<{ id: string; contract_id: string; customer_id: string; start_date: string; end_date: string; amount: string }>`
      SELECT ap.id, ap.contract_id, k.customer_id, ap.start_date, ap.end_date, ap.amount::text FROM advance_periods ap
      JOIN contracts k ON k.tenant_id = ap.tenant_id AND k.id = ap.contract_id WHERE ap.tenant_id = ${tenantId}`.execute(handle.db)
  ).rows;
  const line = (values: (string | number | null)[]) => `${values.map((v) => (v === null ? '\\N' : String(v))).join('\t')}\n`;
  const seller = JSON.stringify({ name: 'Bench Energy', vatNumber: 'BE0123456749', iban: 'BE68539007547034' });
  const rows = periods.map((p, k) => {
    const amounts = advanceInvoiceAmounts(`Advance ${p.start_date}..${p.end_date}`, money(p.amount), money('6'));
    return { p, k, id: timeOrderedId(), amounts };
  });
  const client = await handle.pool.connect();
  const started = performance.now();
  try {
    await client.query('BEGIN');
    await client.query(`UPDATE advance_periods SET status = 'invoiced' WHERE tenant_id = $1`, [tenantId]);
    const copy = async (table: string, columns: string, lines: () => Generator<string>) =>
      pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
    await copy(
      'invoices',
      'tenant_id, organization_id, id, kind, status, customer_id, contract_id, advance_period_id, number, issue_date, due_date, period_start, period_end, net, vat, gross, payment_reference, seller, buyer, language, finalized_at',
      function* () {
        for (const { p, k, id, amounts } of rows)
          yield line([
            tenantId,
            organizationId,
            id,
            'advance',
            'final',
            p.customer_id,
            p.contract_id,
            p.id,
            invoiceNumber('CP-2026', k + 1),
            TODAY,
            '2026-12-18',
            p.start_date,
            p.end_date,
            formatMoney(amounts.net),
            formatMoney(amounts.vat),
            formatMoney(amounts.gross),
            paymentReference(k + 1),
            seller,
            JSON.stringify({ name: `Customer ${k}` }),
            'nl',
            new Date().toISOString(),
          ]);
      },
    );
    await copy('invoice_lines', 'tenant_id, invoice_id, position, description, quantity, unit_price, vat_rate, net', function* () {
      for (const { id, amounts } of rows)
        yield line([tenantId, id, 1, amounts.lines[0]!.description, '1.000', amounts.net.toFixed(6), '6.00', formatMoney(amounts.net)]);
    });
    await copy('ledger_entries', 'tenant_id, organization_id, id, customer_id, invoice_id, kind, amount, booked_on', function* () {
      for (const { p, id, amounts } of rows)
        yield line([tenantId, organizationId, timeOrderedId(), p.customer_id, id, 'invoice', formatMoney(amounts.gross), TODAY]);
    });
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return performance.now() - started;
}

export async function benchBillingRun(kind: 'postgres' | 'pglite', periods = kind === 'postgres' ? 1_000_000 : 10_000) {
  const handle = await openBenchDatabase(kind);
  try {
    const one = await benchTenant(handle, periods, 1);
    await sql`CHECKPOINT`.execute(handle.db).catch(() => {});
    const oneWorkerMs = await timedRun(handle, one, kind === 'postgres' ? 1 : 0);
    // rows written per period: the period's new state, an invoice, its line and its booking
    const rowsPerSecond = (4 * one.periods) / (oneWorkerMs / 1000);
    console.log(
      `${kind}: run of ${one.periods} periods, created and finalized, one worker: ${seconds(oneWorkerMs)} (${Math.round(rowsPerSecond)} rows/s)`,
    );
    if (kind === 'pglite') return { oneWorkerSeconds: oneWorkerMs / 1000 };

    const two = await benchTenant(handle, periods, 2);
    await sql`CHECKPOINT`.execute(handle.db);
    const twoWorkersMs = await timedRun(handle, two, 2);
    console.log(
      `${kind}: the same with two worker processes: ${seconds(twoWorkersMs)} (${(oneWorkerMs / twoWorkersMs).toFixed(2)}x one worker)`,
    );

    const raw = await benchTenant(handle, periods, 3);
    await sql`CHECKPOINT`.execute(handle.db);
    const copyMs = await timedCopy(handle, raw);
    const ratio = copyMs / Math.min(oneWorkerMs, twoWorkersMs);
    console.log(
      `${kind}: raw COPY of the same rows into the same tables: ${seconds(copyMs)}; run rows/s ÷ COPY rows/s = ${ratio.toFixed(2)}`,
    );
    return { oneWorkerSeconds: oneWorkerMs / 1000, twoWorkersSeconds: twoWorkersMs / 1000, copySeconds: copyMs / 1000, copyRatio: ratio };
  } finally {
    await handle.close();
  }
}

/** 1,000 invoice PDFs rendered one after another from the database (what a print run does). */
export async function benchInvoicePdfs(count = 1000) {
  const handle = await openBenchDatabase('pglite');
  try {
    const tenant = await benchTenant(handle, count, 1);
    const { id } = await startBillingRun(tenant.ctx, { runDate: TODAY, finalize: true });
    await executeBillingRun(handle.db, tenant.scope, id, TODAY);
    const ids = (
      await handle.db.selectFrom('invoices').select('id').where('tenant_id', '=', tenant.scope.tenantId).limit(count).execute()
    ).map((r) => r.id);
    const supplier = { name: 'Bench Energy', iban: 'BE68539007547034', logo: null };
    const started = performance.now();
    let bytes = 0;
    for (const invoiceId of ids) bytes += (await renderInvoicePdf(await getInvoice(tenant.ctx, invoiceId), supplier)).length;
    const ms = performance.now() - started;
    console.log(
      `pdf: ${ids.length} invoice PDFs in ${seconds(ms)} (${(ms / ids.length).toFixed(1)} ms each, ${Math.round(bytes / ids.length / 1024)} KB each)`,
    );
    return { seconds: ms / 1000 };
  } finally {
    await handle.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kind = process.argv[2] ?? 'postgres';
  const periods = process.argv[3] ? Number(process.argv[3]) : undefined;
  if (kind === 'pdf') await benchInvoicePdfs(periods);
  else await benchBillingRun(kind === 'pglite' ? 'pglite' : 'postgres', periods);
}
