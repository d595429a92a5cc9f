/**
 * Seeds a benchmark tenant with N due advance periods: COPY on a PostgreSQL server, multi-row
 * INSERTs on PGlite (COPY through the PGlite adapter kills PGlite). Real schedules from the domain.
 */
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { seededRandom } from '../src/app/demo/random.js';
import { hashPassword } from '../src/app/sessions.js';
import type { DatabaseHandle } from '../src/db/connection.js';
import * as seed from '../src/db/repositories/seed-repo.js';
import { contractSchedule } from '../src/domain/billing-schedule.js';
import { addDays, type CalendarDate } from '../src/domain/calendar-date.js';
import { withCheckDigit } from '../src/domain/ean.js';
import { BUILT_IN_ROLES } from '../src/domain/permissions.js';
import { DEMO_PRODUCTS } from '../src/domain/tariff.js';

export const BENCH_ADMIN = { email: 'bench-admin@bench.example', password: 'bench-admin' };

type Row = (string | number | null)[];
const COLUMNS = {
  customers: ['tenant_id', 'organization_id', 'id', 'name', 'language', 'address_line1', 'postal_code', 'city', 'country'],
  connection_points: ['tenant_id', 'organization_id', 'id', 'ean', 'energy', 'address_line1', 'postal_code', 'city', 'country'],
  products: ['tenant_id', 'organization_id', 'id', 'code', 'name', 'energy', 'prices'],
  contracts: [
    'tenant_id',
    'organization_id',
    'id',
    'customer_id',
    'connection_point_id',
    'product_id',
    'move_in_date',
    'signature_date',
    'advance_frequency',
    'advance_amount',
    'estimated_annual_consumption_kwh',
  ],
  billing_periods: ['tenant_id', 'organization_id', 'id', 'contract_id', 'start_date', 'end_date'],
  advance_periods: ['tenant_id', 'organization_id', 'id', 'contract_id', 'billing_period_id', 'start_date', 'end_date', 'amount'],
} as const;
type Table = keyof typeof COLUMNS;

/** Every period starts on or before today: a worst case for the unbilled list (all are missing). */
export async function seedBenchTenant(handle: DatabaseHandle, periods: number, today: CalendarDate, adminEmail = BENCH_ADMIN.email) {
  const random = seededRandom(42);
  const tenantId = await seed.insertTenant(handle.db, { name: `Bench ${randomUUID().slice(0, 8)}`, plan: 'professional' });
  const organizationId = await seed.insertOrganization(handle.db, tenantId, 'Bench Energy', {});
  const roleId = await seed.insertRole(handle.db, tenantId, { name: 'Admin', builtIn: true, permissions: BUILT_IN_ROLES.Admin });
  await handle.db.deleteFrom('users').where('email', '=', adminEmail).execute();
  const userId = await seed.insertUser(handle.db, tenantId, {
    email: adminEmail,
    name: 'Bench Admin',
    passwordHash: await hashPassword(BENCH_ADMIN.password),
  });
  await seed.insertMembership(handle.db, tenantId, { userId, organizationId, roleId });

  const rows: Record<Table, Row[]> = {
    customers: [],
    connection_points: [],
    products: [],
    contracts: [],
    billing_periods: [],
    advance_periods: [],
  };
  const scope = [tenantId, organizationId];
  const productId = randomUUID();
  const product = DEMO_PRODUCTS.find((p) => p.energy === 'electricity')!;
  rows.products.push([...scope, productId, 'BENCH', 'Bench electricity', 'electricity', JSON.stringify(product.prices)]);
  let contractCount = 0;
  while (rows.advance_periods.length < periods) {
    const contractId = randomUUID();
    const customerId = randomUUID();
    const pointId = randomUUID();
    const signatureDate = addDays(today, -random.int(60, 1400));
    const terms = {
      moveInDate: signatureDate,
      signatureDate,
      firstAdvanceStartDate: null,
      endDate: null,
      advanceFrequency: 'monthly' as const,
    };
    const schedule = contractSchedule(terms, today);
    const amount = `${random.int(40, 250)}.${String(random.int(0, 99)).padStart(2, '0')}`;
    rows.customers.push([...scope, customerId, `Customer ${contractCount}`, 'nl', 'Kerkstraat 1', '2000', 'Antwerpen', 'BE']);
    rows.connection_points.push([
      ...scope,
      pointId,
      withCheckDigit(`54144${String(7e11 + contractCount).padStart(12, '0')}`),
      'electricity',
      'Kerkstraat 1',
      '2000',
      'Antwerpen',
      'BE',
    ]);
    rows.contracts.push([...scope, contractId, customerId, pointId, productId, terms.moveInDate, signatureDate, 'monthly', amount, 3500]);
    const billingIds = schedule.billingPeriods.map((bp) => {
      const id = randomUUID();
      rows.billing_periods.push([...scope, id, contractId, bp.startDate, bp.endDate]);
      return id;
    });
    for (const ap of schedule.advancePeriods) {
      if (ap.startDate > today || rows.advance_periods.length >= periods) continue;
      rows.advance_periods.push([...scope, randomUUID(), contractId, billingIds[ap.billingPeriodIndex]!, ap.startDate, ap.endDate, amount]);
    }
    contractCount++;
  }
  for (const table of Object.keys(COLUMNS) as Table[])
    await (handle.kind === 'postgres' ? copyRows : insertRows)(handle, table, rows[table]);
  await sql`ANALYZE`.execute(handle.db);
  return { tenantId, organizationId, contracts: contractCount, periods: rows.advance_periods.length };
}

async function copyRows(handle: DatabaseHandle, table: Table, rows: Row[]) {
  const client = await handle.pool.connect();
  try {
    const text = (value: string | number | null) => (value === null ? '\\N' : String(value).replace(/[\\\t\n]/g, (c) => `\\${c}`));
    const lines = function* () {
      for (const row of rows) yield `${row.map(text).join('\t')}\n`;
    };
    await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} (${COLUMNS[table].join(', ')}) FROM STDIN`)));
  } finally {
    client.release();
  }
}

async function insertRows(handle: DatabaseHandle, table: Table, rows: Row[]) {
  const columns = COLUMNS[table];
  const batch = Math.floor(60_000 / columns.length);
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows.slice(i, i + batch).map((row) => sql`(${sql.join(row)})`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES ${sql.join(values)}`.execute(handle.db);
  }
}
