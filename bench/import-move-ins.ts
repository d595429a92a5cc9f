/**
 * Importing existing customers and contracts: 100,000 rows on a PostgreSQL server (target < 60 s,
 * memory < 500 MB) and 10,000 on PGlite (< 30 s), streamed from a file; and a manual move-in with a
 * 5-year historic schedule (< 100 ms).
 * Run: npx tsx bench/import-move-ins.ts [postgres|pglite] [rows]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.js';
import { seededRandom } from '../src/app/demo/random.js';
import { createMoveIn } from '../src/app/create-move-in.js';
import { importMoveIns } from '../src/app/import-move-ins.js';
import * as seed from '../src/db/repositories/seed-repo.js';
import { addDays, type CalendarDate } from '../src/domain/calendar-date.js';
import { DEMO_PRODUCTS } from '../src/domain/tariff.js';
import { withCheckDigit } from '../src/domain/ean.js';
import { IMPORT_COLUMNS } from '../src/domain/move-in-import-row.js';
import { openBenchDatabase } from './bench-database.js';
import { ms, timeRuns } from './measure.js';

const TODAY = '2026-12-03' as CalendarDate;

/**
 * A supplier's book as it moves onto Wattbill: customers who moved in over the last 8 years, their
 * advances billed by the old system until recently (first advance date in the last 2 months), one in
 * ten with a year or two of history to bill here.
 */
async function writeImportFile(file: string, rows: number, productCode: string) {
  const random = seededRandom(7);
  const out = fs.createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${IMPORT_COLUMNS.map((c) => c.name).join(';')}\n`);
  for (let i = 0; i < rows; i++) {
    const moveIn = addDays(TODAY, -random.int(400, 2900));
    const firstAdvance = random.int(0, 9) === 0 ? addDays(TODAY, -random.int(365, 730)) : addDays(TODAY, -random.int(0, 60));
    const values: Record<string, string> = {
      customer_number: `C${String(i).padStart(7, '0')}`,
      customer_name: `Klant ${i}`,
      email: `klant${i}@example.be`,
      language: ['nl', 'fr', 'en'][i % 3]!,
      street: `Kerkstraat ${(i % 200) + 1}`,
      postal_code: '2000',
      city: 'Antwerpen',
      country: 'BE',
      ean: withCheckDigit(`54144${String(3e11 + i).padStart(12, '0')}`),
      energy: 'electricity',
      product_code: productCode,
      move_in_date: moveIn,
      signature_date: addDays(moveIn, -random.int(0, 30)),
      estimated_annual_consumption_kwh: String(random.int(1500, 6000)),
      advance_frequency: 'monthly',
      advance_amount: `${random.int(40, 200)},${String(random.int(0, 99)).padStart(2, '0')}`,
      first_advance_start_date: firstAdvance < moveIn ? moveIn : firstAdvance,
      iban: 'BE68539007547034',
      direct_debit: i % 2 === 0 ? 'yes' : 'no',
      meter_reading: `${random.int(1000, 90000)},5`,
    };
    await write(`${IMPORT_COLUMNS.map((c) => values[c.name] ?? '').join(';')}\n`);
  }
  out.end();
  await once(out, 'finish');
}

/** The tables an import writes, in the order their keys need. */
const IMPORTED_TABLES = ['customers', 'connection_points', 'contracts', 'meter_readings', 'billing_periods', 'advance_periods'] as const;

/**
 * The rows the import wrote, written again into the same tables inside the server, for a fresh tenant
 * with the same organization and product, in one transaction (INSERT … SELECT: no parsing, no
 * transfer, no lookups; the same keys and triggers): what writing these rows costs this server.
 */
async function timedServerCopy(db: Db, tenantId: string) {
  const copyId = await seed.insertTenant(db, { name: 'Import bench copy', plan: 'professional' });
  const columnsOf = async (table: string) =>
    (
      await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table} AND column_name <> 'tenant_id' ORDER BY ordinal_position`.execute(
        db,
      )
    ).rows.map((r) => sql.ref(r.name));
  const copy = async (tx: Db, table: string) => {
    const columns = sql.join(await columnsOf(table));
    await sql`INSERT INTO ${sql.table(table)} (tenant_id, ${columns})
      SELECT ${copyId}::uuid, ${columns} FROM ${sql.table(table)} WHERE tenant_id = ${tenantId}`.execute(tx);
  };
  await copy(db, 'organizations');
  await copy(db, 'products');
  await sql`CHECKPOINT`.execute(db);
  const started = performance.now();
  await db.transaction().execute(async (tx) => {
    for (const table of IMPORTED_TABLES) await copy(tx, table);
  });
  return performance.now() - started;
}

export async function benchImportMoveIns(kind: 'postgres' | 'pglite', rows = kind === 'postgres' ? 100_000 : 10_000) {
  const handle = await openBenchDatabase(kind);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wattbill-import-')), 'move-ins.csv');
  try {
    const tenantId = await seed.insertTenant(handle.db, { name: 'Import bench', plan: 'professional' });
    const organizationId = await seed.insertOrganization(handle.db, tenantId, 'Import Energy', {});
    const product = DEMO_PRODUCTS.find((p) => p.energy === 'electricity')!;
    const [productId] = await seed.insertMany(handle.db, { tenantId, organizationId }, 'products', [
      { code: product.code, name: product.name, energy: product.energy, prices: JSON.stringify(product.prices) },
    ]);
    const ctx = { db: handle.db, actor: { tenantId, userId: crypto.randomUUID() }, scope: { tenantId, organizationId }, today: TODAY };
    await writeImportFile(file, rows, product.code);
    console.log(`${kind}: ${rows} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    let lastShown = 0;
    const result = await importMoveIns(ctx, fs.createReadStream(file), {
      dryRun: false,
      onProgress: ({ rowsRead }) => {
        if (rowsRead - lastShown < rows / 10) return;
        console.log(`  ${rowsRead} rows…`);
        lastShown = rowsRead;
      },
    });
    const importMs = performance.now() - started;
    clearInterval(sampler);
    if (!result.committed) throw new Error(`import not committed: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const periods = await handle.db
      .selectFrom('advance_periods')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `${kind}: imported ${result.created} contracts with ${periods.n} advance periods in ${(importMs / 1000).toFixed(1)} s` +
        ` (${Math.round(rows / (importMs / 1000))} rows/s); peak RSS ${(peak / 1e6).toFixed(0)} MB (${((peak - baseline) / 1e6).toFixed(0)} MB above the start)`,
    );

    const serverCopyMs = kind === 'postgres' ? await timedServerCopy(handle.db, tenantId) : null;
    if (serverCopyMs !== null)
      console.log(
        `${kind}: the same rows written again inside the server (INSERT … SELECT, one transaction): ${(serverCopyMs / 1000).toFixed(1)} s`,
      );

    const again = performance.now();
    const rerun = await importMoveIns(ctx, fs.createReadStream(file), { dryRun: true });
    console.log(`${kind}: dry run of the same file: ${rerun.unchanged} unchanged in ${((performance.now() - again) / 1000).toFixed(1)} s`);

    let serial = 0;
    const historic = await timeRuns(
      20,
      () =>
        createMoveIn(ctx, {
          source: 'manual',
          customer: { name: `Historic ${++serial}` },
          connection: {
            ean: withCheckDigit(`54144${String(4e11 + serial).padStart(12, '0')}`),
            energy: 'electricity',
            address: { line1: 'Meir 1', postalCode: '2000', city: 'Antwerpen', country: 'BE' },
          },
          moveInDate: '2021-12-01',
          signatureDate: '2021-11-20',
          productId,
          estimatedAnnualConsumptionKwh: 3500,
          advanceFrequency: 'monthly',
          firstAdvanceStartDate: '2021-12-01',
        }),
      5,
    );
    console.log(
      `${kind}: manual move-in with a 5-year historic schedule (61 periods): median ${ms(historic.median)}, p95 ${ms(historic.p95)}`,
    );
    return {
      importSeconds: importMs / 1000,
      serverCopySeconds: serverCopyMs === null ? null : serverCopyMs / 1000,
      peakRssMb: peak / 1e6,
      historicMoveInMedianMs: historic.median,
    };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    await handle.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
  await benchImportMoveIns(kind, process.argv[3] ? Number(process.argv[3]) : undefined);
}
