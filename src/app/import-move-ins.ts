import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { timeOrderedId } from '../db/time-ordered-id.js';
import { insertAudit } from '../db/repositories/audit-repo.js';
import { lockConnectionPoints } from '../db/repositories/connection-points-repo.js';
import { contractsAtConnectionPoints, insertContracts } from '../db/repositories/contracts-repo.js';
import { customersByNumber, insertCustomers } from '../db/repositories/customers-repo.js';
import { insertMeterReadings } from '../db/repositories/meter-readings-repo.js';
import { listProducts } from '../db/repositories/products-repo.js';
import { saveSchedules } from '../db/repositories/schedule-repo.js';
import { contractSchedule } from '../domain/billing-schedule.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { formatMoney } from '../domain/money.js';
import { importHeaderProblems, parseImportRow, type ImportRow, type ImportRowError } from '../domain/move-in-import-row.js';
import { proposedAdvanceAmount, type ProductPrices } from '../domain/tariff.js';
import type { OrgContext } from './context.js';
import { csvRecords, UnreadableCsvError } from './csv-records.js';

export type ImportProgress = { rowsRead: number; bytesRead: number };
export type ImportResult = {
  dryRun: boolean;
  committed: boolean;
  rows: number;
  created: number;
  unchanged: number;
  errorCount: number;
  errors: ImportRowError[];
};

const BATCH_ROWS = 1000;
/** Errors listed in the answer; the count says how many there are in all. */
export const MAX_LISTED_ERRORS = 1000;

class RollBack extends Error {}

type Supply = { row: number; start: CalendarDate; end: CalendarDate | null };
const overlaps = (a: Supply, b: { start: CalendarDate; end: CalendarDate | null }) =>
  (a.end === null || b.start <= a.end) && (b.end === null || a.start <= b.end);

/**
 * Imports existing customers and contracts from a CSV file (one row per contract), streaming it.
 * Every row is checked as a manual move-in is; the import commits only when no row is in error, all
 * in one transaction. A row whose EAN and move-in date are already supplied is left unchanged, so
 * the same file can be imported again. A dry run checks everything and writes nothing.
 */
export async function importMoveIns(
  ctx: OrgContext,
  file: AsyncIterable<Uint8Array | string>,
  options: { dryRun: boolean; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportResult> {
  const result: ImportResult = { dryRun: options.dryRun, committed: false, rows: 0, created: 0, unchanged: 0, errorCount: 0, errors: [] };
  const report = (error: ImportRowError) => {
    result.errorCount++;
    if (result.errors.length < MAX_LISTED_ERRORS) result.errors.push(error);
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      // imports of one organization take turns: each sees what the other wrote
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`move-in-import:${ctx.scope.organizationId}`}))`.execute(tx);
      const writer = await batchWriter(ctx, tx);
      let bytesRead = 0;
      let header: string[] | null = null;
      let batch: { line: number; row: ImportRow }[] = [];
      // While a batch is written, the next one is read and checked: the file's parsing overlaps the database's work.
      let writing: Promise<void> = Promise.resolve();
      const flush = async () => {
        const rows = batch;
        batch = [];
        await writing; // its rows are in the database before the next batch is checked against it
        const outcome = await writer.check(rows, report);
        result.unchanged += outcome.unchanged;
        result.created += outcome.toCreate.length;
        if (!options.dryRun && result.errorCount === 0) {
          writing = writer.write(outcome.toCreate);
          writing.catch(() => {}); // awaited by the next flush
        }
        options.onProgress?.({ rowsRead: result.rows, bytesRead });
      };
      try {
        for await (const record of csvRecords(file, (bytes) => (bytesRead = bytes))) {
          if (header === null) {
            header = record.values.map((h) => h.trim().toLowerCase());
            const problems = importHeaderProblems(header);
            if (problems.length > 0) {
              problems.forEach((message) => report({ row: record.line, column: null, message }));
              break;
            }
            continue;
          }
          result.rows++;
          if (record.values.length !== header.length) {
            report({ row: record.line, column: null, message: `The row has ${record.values.length} fields, the header ${header.length}.` });
            continue;
          }
          const values = Object.fromEntries(header.map((name, i) => [name, record.values[i]]));
          const parsed = parseImportRow(ctx.today, record.line, values);
          if ('errors' in parsed) parsed.errors.forEach(report);
          else batch.push({ line: record.line, row: parsed.row });
          if (batch.length >= BATCH_ROWS) await flush();
        }
      } catch (error) {
        if (!(error instanceof UnreadableCsvError)) throw error;
        report({ row: error.line ?? result.rows + 1, column: null, message: `Not a readable CSV file: ${error.message}` });
      }
      if (header === null) report({ row: 1, column: null, message: 'The file is empty: it needs a header line and a row per contract.' });
      await flush();
      await writing;
      if (options.dryRun || result.errorCount > 0) throw new RollBack();
      await insertAudit(tx, ctx.scope, {
        actorUserId: ctx.actor.userId,
        entity: 'import',
        entityId: timeOrderedId(),
        action: 'import_move_ins',
        after: { rows: result.rows, created: result.created, unchanged: result.unchanged },
      });
    });
    result.committed = true;
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return result;
}

/** Checks a batch of rows against the organization's data and the file's earlier rows, and writes what is new. */
async function batchWriter(ctx: OrgContext, tx: Db) {
  const products = new Map((await listProducts(tx, ctx.scope)).map((p) => [p.code, p]));
  const supplies = new Map<string, Supply[]>(); // by EAN: the rows of the file so far
  const customerIds = new Map<string, string>(); // by customer number: known or created in this import
  type Checked = { line: number; row: ImportRow; product: NonNullable<ReturnType<typeof products.get>>; pointId: string };

  async function check(batch: readonly { line: number; row: ImportRow }[], report: (e: ImportRowError) => void) {
    const toCreate: Checked[] = [];
    let unchanged = 0;
    if (batch.length === 0) return { toCreate, unchanged };
    const byEan = new Map<string, ImportRow>();
    for (const { row } of batch) if (!byEan.has(row.ean)) byEan.set(row.ean, row);
    const proposed = [...byEan.values()].map((r) => ({
      id: timeOrderedId(),
      ean: r.ean,
      energy: r.energy,
      address_line1: r.street,
      postal_code: r.postalCode,
      city: r.city,
      country: r.country,
    }));
    const points = await lockConnectionPoints(tx, ctx.scope, proposed);
    const pointOf = new Map(points.map((p) => [p.ean, p]));
    // a point made now has no contract yet (the file's own earlier rows are checked in memory)
    const made = new Set(proposed.map((p) => p.id));
    const existing = new Map<string, { move_in_date: string; end_date: string | null }[]>();
    for (const k of await contractsAtConnectionPoints(
      tx,
      ctx.scope,
      points.filter((p) => !made.has(p.id)).map((p) => p.id),
    ))
      existing.set(k.connection_point_id, [...(existing.get(k.connection_point_id) ?? []), k]);
    const numbers = [...new Set(batch.map((b) => b.row.customerNumber).filter((n): n is string => n !== null && !customerIds.has(n)))];
    for (const c of await customersByNumber(tx, ctx.scope, numbers)) customerIds.set(c.customer_number!, c.id);

    for (const { line, row } of batch) {
      const fail = (column: ImportRowError['column'], message: string) => report({ row: line, column, message });
      const product = products.get(row.productCode);
      const point = pointOf.get(row.ean)!;
      const supply: Supply = { row: line, start: row.moveInDate, end: row.endDate };
      const earlier = supplies.get(row.ean) ?? [];
      supplies.set(row.ean, [...earlier, supply]);
      if (!product) {
        fail('product_code', `No product with the code ${row.productCode} in this organization.`);
        continue;
      }
      if (product.energy !== row.energy) {
        fail('product_code', `The product ${row.productCode} is for ${product.energy}, the row is ${row.energy}.`);
        continue;
      }
      if (point.energy !== row.energy) {
        fail('energy', `EAN ${row.ean} is a ${point.energy} connection.`);
        continue;
      }
      const twin = earlier.find((s) => overlaps(s, supply));
      if (twin) {
        fail('move_in_date', `The supply overlaps row ${twin.row} of this file at the same EAN.`);
        continue;
      }
      const atPoint = existing.get(point.id) ?? [];
      if (atPoint.some((k) => k.move_in_date === row.moveInDate)) {
        unchanged++;
        continue;
      }
      if (
        atPoint.some((k) => overlaps({ row: 0, start: k.move_in_date as CalendarDate, end: k.end_date as CalendarDate | null }, supply))
      ) {
        fail('move_in_date', 'Another contract supplies this connection point on these dates.');
        continue;
      }
      toCreate.push({ line, row, product, pointId: point.id });
    }
    return { toCreate, unchanged };
  }

  async function write(rows: readonly Checked[]): Promise<void> {
    const customers = [];
    const contracts = [];
    const schedules = [];
    const readings = [];
    for (const { row, product, pointId } of rows) {
      let customerId = row.customerNumber === null ? undefined : customerIds.get(row.customerNumber);
      if (customerId === undefined) {
        customerId = timeOrderedId();
        if (row.customerNumber !== null) customerIds.set(row.customerNumber, customerId);
        customers.push({
          id: customerId,
          customer_number: row.customerNumber,
          name: row.customerName,
          email: row.email,
          phone: row.phone,
          language: row.language,
          vat_number: row.vatNumber,
          address_line1: row.street,
          postal_code: row.postalCode,
          city: row.city,
          country: row.country,
        });
      }
      const advanceAmount =
        row.advanceFrequency === 'none'
          ? null
          : (row.advanceAmount ??
            formatMoney(proposedAdvanceAmount(product.prices as ProductPrices, row.estimatedAnnualConsumptionKwh, row.advanceFrequency)));
      const id = timeOrderedId();
      contracts.push({
        id,
        customer_id: customerId,
        connection_point_id: pointId,
        product_id: product.id,
        move_in_date: row.moveInDate,
        signature_date: row.signatureDate,
        end_date: row.endDate,
        advance_frequency: row.advanceFrequency,
        advance_amount: advanceAmount,
        first_advance_start_date: row.firstAdvanceStartDate,
        estimated_annual_consumption_kwh: row.estimatedAnnualConsumptionKwh,
        iban: row.iban,
        direct_debit_consented_at: row.directDebit ? new Date() : null,
      });
      schedules.push({ contractId: id, schedule: contractSchedule(row, ctx.today), advanceAmount });
      if (row.meterReading !== null)
        readings.push({ connection_point_id: pointId, read_on: row.moveInDate, value: row.meterReading, reason: 'move_in' as const });
    }
    await insertCustomers(tx, ctx.scope, customers);
    await insertContracts(tx, ctx.scope, contracts);
    await insertMeterReadings(tx, ctx.scope, readings);
    await saveSchedules(tx, ctx.scope, schedules, { newContracts: true });
  }

  return { check, write };
}
