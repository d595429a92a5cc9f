import { sql } from 'kysely';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import type { CalendarDate } from '../../domain/calendar-date.js';
import type { Energy } from '../../domain/tariff.js';
import type { Language } from '../../domain/invoice-texts.js';
import type { InvoiceableBatch } from './advance-periods-repo.js';

/** An advance period a billing run took, with what its invoice needs. */
export type ClaimedPeriod = {
  id: string;
  contract_id: string;
  customer_id: string;
  start_date: CalendarDate;
  end_date: CalendarDate;
  amount: string;
  vat_rate: string;
  energy: Energy;
  ean: string;
};

/**
 * Takes a batch of due advance periods for invoicing, in one statement: the batch's subquery locks
 * them (re-checked against their latest state, so a period skipped or invoiced meanwhile by another
 * run or a bulk skip is not taken), and the update moves them on.
 */
export async function claimAdvancePeriods(
  db: Db,
  scope: OrgScope,
  batch: InvoiceableBatch,
  to: 'draft' | 'invoiced',
): Promise<ClaimedPeriod[]> {
  const { rows } = await sql<ClaimedPeriod>`
    WITH batch AS (${batch}), taken AS (
      UPDATE advance_periods ap SET status = ${to} FROM batch
      WHERE ap.tenant_id = ${scope.tenantId} AND ap.id = batch.id AND ap.status = 'planned'
      RETURNING ap.id, ap.contract_id, ap.start_date, ap.end_date, ap.amount
    )
    SELECT t.id, t.contract_id, k.customer_id, t.start_date, t.end_date, t.amount::text AS amount,
      p.prices->>'vatRatePercent' AS vat_rate, cp.energy, cp.ean
    FROM taken t
    JOIN contracts k ON k.tenant_id = ${scope.tenantId} AND k.id = t.contract_id
    JOIN products p ON p.tenant_id = k.tenant_id AND p.id = k.product_id
    JOIN connection_points cp ON cp.tenant_id = k.tenant_id AND cp.id = k.connection_point_id
    ORDER BY t.start_date, t.id`.execute(db);
  return rows;
}

/** The next `count` values of an organization's counter (created at 0): answers the first. Locks it until commit. */
export async function takeFromSequence(db: Db, scope: OrgScope, name: string, count: number): Promise<number> {
  const row = await db
    .insertInto('sequences')
    .values({ tenant_id: scope.tenantId, organization_id: scope.organizationId, name, last_value: count })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'organization_id', 'name']).doUpdateSet({ last_value: sql`sequences.last_value + ${count}` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value) - count + 1;
}

/** The buyers of invoices: customers as they are now (a final invoice keeps a copy). */
export async function invoiceBuyers(db: Db, scope: OrgScope, customerIds: readonly string[]) {
  if (customerIds.length === 0) return new Map<string, BuyerRow>();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name', 'vat_number', 'language', 'address_line1', 'postal_code', 'city', 'country'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', sql<string>`ANY(${[...new Set(customerIds)]}::uuid[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r as BuyerRow]));
}
export type BuyerRow = {
  id: string;
  name: string;
  vat_number: string | null;
  language: Language;
  address_line1: string;
  postal_code: string;
  city: string;
  country: string;
};

export type NewInvoice = {
  id: string;
  status: 'draft' | 'final';
  customer_id: string;
  contract_id: string;
  advance_period_id: string;
  billing_run_id: string | null;
  period_start: string;
  period_end: string;
  net: string;
  vat: string;
  gross: string;
  language: Language;
  final: FinalFields | null;
};
/** What a final invoice has and a draft has not. */
export type FinalFields = {
  number: string;
  issue_date: string;
  due_date: string;
  payment_reference: string;
  seller: string;
  buyer: string;
};
export type NewInvoiceLine = {
  invoice_id: string;
  position: number;
  description: string;
  quantity: string;
  unit_price: string;
  vat_rate: string;
  net: string;
};
export type NewLedgerEntry = { id: string; customer_id: string; invoice_id: string; amount: string; booked_on: string };

const column = <T, K extends keyof T>(rows: readonly T[], key: K) => rows.map((r) => r[key]);

/** Advance invoices with their lines and, for final ones, their ledger entries: a few statements for a whole batch. */
export async function insertAdvanceInvoices(
  db: Db,
  scope: OrgScope,
  invoices: readonly NewInvoice[],
  lines: readonly NewInvoiceLine[],
  ledger: readonly NewLedgerEntry[],
): Promise<void> {
  if (invoices.length === 0) return;
  const final = (key: keyof NonNullable<NewInvoice['final']>) => invoices.map((i) => i.final?.[key] ?? null);
  await sql`INSERT INTO invoices (tenant_id, organization_id, id, kind, status, customer_id, contract_id, advance_period_id,
      billing_run_id, period_start, period_end, net, vat, gross, language, number, issue_date, due_date, payment_reference,
      seller, buyer, finalized_at)
    SELECT ${scope.tenantId}::uuid, ${scope.organizationId}::uuid, i.id, 'advance', i.status, i.customer_id, i.contract_id,
      i.advance_period_id, i.billing_run_id, i.period_start, i.period_end, i.net, i.vat, i.gross, i.language, i.number,
      i.issue_date, i.due_date, i.payment_reference, i.seller, i.buyer, CASE WHEN i.status = 'final' THEN now() END
    FROM unnest(${column(invoices, 'id')}::uuid[], ${column(invoices, 'status')}::text[], ${column(invoices, 'customer_id')}::uuid[],
      ${column(invoices, 'contract_id')}::uuid[], ${column(invoices, 'advance_period_id')}::uuid[],
      ${column(invoices, 'billing_run_id')}::uuid[], ${column(invoices, 'period_start')}::date[], ${column(invoices, 'period_end')}::date[],
      ${column(invoices, 'net')}::numeric[], ${column(invoices, 'vat')}::numeric[], ${column(invoices, 'gross')}::numeric[],
      ${column(invoices, 'language')}::text[], ${final('number')}::text[], ${final('issue_date')}::date[], ${final('due_date')}::date[],
      ${final('payment_reference')}::text[], ${final('seller')}::jsonb[], ${final('buyer')}::jsonb[])
      AS i(id, status, customer_id, contract_id, advance_period_id, billing_run_id, period_start, period_end, net, vat, gross,
        language, number, issue_date, due_date, payment_reference, seller, buyer)`.execute(db);
  await insertLines(db, scope, lines);
  await insertLedgerEntries(db, scope, ledger);
}

export async function insertLines(db: Db, scope: OrgScope, lines: readonly NewInvoiceLine[]): Promise<void> {
  if (lines.length === 0) return;
  await sql`INSERT INTO invoice_lines (tenant_id, invoice_id, position, description, quantity, unit_price, vat_rate, net)
    SELECT ${scope.tenantId}::uuid, l.* FROM unnest(${column(lines, 'invoice_id')}::uuid[], ${column(lines, 'position')}::int[],
      ${column(lines, 'description')}::text[], ${column(lines, 'quantity')}::numeric[], ${column(lines, 'unit_price')}::numeric[],
      ${column(lines, 'vat_rate')}::numeric[], ${column(lines, 'net')}::numeric[]) AS l`.execute(db);
}

export async function insertLedgerEntries(db: Db, scope: OrgScope, entries: readonly NewLedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await sql`INSERT INTO ledger_entries (tenant_id, organization_id, id, customer_id, invoice_id, kind, amount, booked_on)
    SELECT ${scope.tenantId}::uuid, ${scope.organizationId}::uuid, e.id, e.customer_id, e.invoice_id, 'invoice', e.amount, e.booked_on
    FROM unnest(${column(entries, 'id')}::uuid[], ${column(entries, 'customer_id')}::uuid[], ${column(entries, 'invoice_id')}::uuid[],
      ${column(entries, 'amount')}::numeric[], ${column(entries, 'booked_on')}::date[]) AS e(id, customer_id, invoice_id, amount, booked_on)`.execute(
    db,
  );
}

/** Drafts among `ids`, locked, oldest first: the order their numbers follow. */
export async function lockDrafts(db: Db, scope: OrgScope, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('invoices')
    .select(['id', 'customer_id', 'advance_period_id', 'gross', 'language'])
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
    .where('status', '=', 'draft')
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .execute();
}

export type Finalization = FinalFields & { id: string };

/** Makes drafts final with their numbers, and their periods invoiced. */
export async function finalizeDrafts(db: Db, scope: OrgScope, rows: readonly Finalization[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`UPDATE advance_periods ap SET status = 'invoiced' FROM invoices i
    WHERE i.tenant_id = ${scope.tenantId} AND i.id = ANY(${column(rows, 'id')}::uuid[])
      AND ap.tenant_id = i.tenant_id AND ap.id = i.advance_period_id`.execute(db);
  await sql`UPDATE invoices i SET status = 'final', number = f.number, issue_date = f.issue_date, due_date = f.due_date,
      payment_reference = f.payment_reference, seller = f.seller, buyer = f.buyer, finalized_at = now()
    FROM unnest(${column(rows, 'id')}::uuid[], ${column(rows, 'number')}::text[], ${column(rows, 'issue_date')}::date[],
      ${column(rows, 'due_date')}::date[], ${column(rows, 'payment_reference')}::text[], ${column(rows, 'seller')}::jsonb[],
      ${column(rows, 'buyer')}::jsonb[]) AS f(id, number, issue_date, due_date, payment_reference, seller, buyer)
    WHERE i.tenant_id = ${scope.tenantId} AND i.organization_id = ${scope.organizationId} AND i.id = f.id AND i.status = 'draft'`.execute(
    db,
  );
}

/** Deletes a draft (its lines go with it) and puts its period back to planned; answers whether there was one. */
export async function deleteDraft(db: Db, scope: OrgScope, invoiceId: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom('invoices')
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', invoiceId)
    .where('status', '=', 'draft')
    .returning('advance_period_id')
    .executeTakeFirst();
  if (!deleted) return false;
  if (deleted.advance_period_id)
    await db
      .updateTable('advance_periods')
      .set({ status: 'planned' })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', deleted.advance_period_id)
      .where('status', '=', 'draft')
      .execute();
  return true;
}
