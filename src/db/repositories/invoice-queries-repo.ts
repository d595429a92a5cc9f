import { sql } from 'kysely';
import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import { isUuid } from '../../domain/ids.js';

export type InvoiceFilter = {
  status?: 'draft' | 'final' | undefined;
  contractId?: string | undefined;
  customerId?: string | undefined;
  billingRunId?: string | undefined;
};

function invoices(db: Db, scope: OrgScope, filter: InvoiceFilter) {
  let query = db
    .selectFrom('invoices as i')
    .where('i.tenant_id', '=', scope.tenantId)
    .where('i.organization_id', '=', scope.organizationId);
  if (filter.status) query = query.where('i.status', '=', filter.status);
  // an id that can't name a row filters everything out, as an unknown one does
  for (const [column, value] of [
    ['i.contract_id', filter.contractId],
    ['i.customer_id', filter.customerId],
    ['i.billing_run_id', filter.billingRunId],
  ] as const) {
    if (value !== undefined) query = isUuid(value) ? query.where(column, '=', value.toLowerCase()) : query.where(sql<boolean>`false`);
  }
  return query;
}

const LIST_COLUMNS = [
  'i.id',
  'i.number',
  'i.kind',
  'i.status',
  'i.customer_id',
  'i.contract_id',
  'i.advance_period_id',
  'i.issue_date',
  'i.due_date',
  'i.period_start',
  'i.period_end',
  'i.net',
  'i.vat',
  'i.gross',
  'i.payment_reference',
  'i.language',
  'i.created_at',
] as const;

/** Invoices, newest first (by creation: drafts have no issue date yet). */
export async function listInvoices(db: Db, scope: OrgScope, filter: InvoiceFilter, page: Page) {
  let query = invoices(db, scope, filter)
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.customer_id'))
    .select(LIST_COLUMNS)
    .select(['c.name as customer_name', sql<string>`i.created_at::text`.as('created_at_key')]);
  if (page.cursor) {
    const [createdAt, id] = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    query = query.where(sql<boolean>`(i.created_at, i.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows, page.limit, (r) => [r.created_at_key, r.id]);
}

export async function invoiceTotals(db: Db, scope: OrgScope, filter: InvoiceFilter) {
  return invoices(db, scope, filter)
    .select([
      sql<number>`count(*)::int`.as('count'),
      sql<string>`coalesce(sum(i.net), 0)::text`.as('net'),
      sql<string>`coalesce(sum(i.vat), 0)::text`.as('vat'),
      sql<string>`coalesce(sum(i.gross), 0)::text`.as('gross'),
    ])
    .executeTakeFirstOrThrow();
}

export async function draftIds(db: Db, scope: OrgScope, filter: Omit<InvoiceFilter, 'status'>, max: number): Promise<string[]> {
  const rows = await invoices(db, scope, { ...filter, status: 'draft' })
    .select('i.id')
    .orderBy('i.created_at')
    .orderBy('i.id')
    .limit(max)
    .execute();
  return rows.map((r) => r.id);
}

export async function findInvoice(db: Db, scope: OrgScope, invoiceId: string) {
  if (!isUuid(invoiceId)) return undefined;
  return db
    .selectFrom('invoices as i')
    .innerJoin('contracts as k', (j) => j.onRef('k.tenant_id', '=', 'i.tenant_id').onRef('k.id', '=', 'i.contract_id'))
    .innerJoin('connection_points as cp', (j) => j.onRef('cp.tenant_id', '=', 'k.tenant_id').onRef('cp.id', '=', 'k.connection_point_id'))
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.customer_id'))
    .select(LIST_COLUMNS)
    .select(['i.seller', 'i.buyer', 'i.finalized_at', 'cp.ean', 'cp.energy', 'c.name as customer_name', 'c.language as customer_language'])
    .select(['c.vat_number as customer_vat_number', 'c.address_line1', 'c.postal_code', 'c.city', 'c.country'])
    .where('i.tenant_id', '=', scope.tenantId)
    .where('i.organization_id', '=', scope.organizationId)
    .where('i.id', '=', invoiceId.toLowerCase())
    .executeTakeFirst();
}

export async function invoiceLines(db: Db, scope: OrgScope, invoiceIds: readonly string[]) {
  if (invoiceIds.length === 0) return [];
  return db
    .selectFrom('invoice_lines')
    .select(['invoice_id', 'position', 'description', 'quantity', 'unit_price', 'vat_rate', 'net'])
    .where('tenant_id', '=', scope.tenantId)
    .where('invoice_id', '=', sql<string>`ANY(${invoiceIds}::uuid[])`)
    .orderBy('invoice_id')
    .orderBy('position')
    .execute();
}

/** A customer's account: every booking, oldest first, and their final invoices (to allocate payments to). */
export async function customerAccount(db: Db, scope: OrgScope, customerId: string) {
  const entries = await db
    .selectFrom('ledger_entries as e')
    .leftJoin('invoices as i', (j) => j.onRef('i.tenant_id', '=', 'e.tenant_id').onRef('i.id', '=', 'e.invoice_id'))
    .select(['e.id', 'e.kind', 'e.amount', 'e.booked_on', 'e.invoice_id', 'i.number', 'i.contract_id', 'i.due_date', 'e.created_at'])
    .where('e.tenant_id', '=', scope.tenantId)
    .where('e.organization_id', '=', scope.organizationId)
    .where('e.customer_id', '=', customerId)
    .orderBy('e.booked_on')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  return entries;
}
