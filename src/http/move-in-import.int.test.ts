import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withCheckDigit } from '../domain/ean.js';
import { IMPORT_COLUMNS } from '../domain/move-in-import-row.js';
import { openDemoApi, type DemoApi } from '../../test/support/test-api.js';

let demo: DemoApi;
let eanSerial = 0;
beforeAll(async () => {
  demo = await openDemoApi();
});
afterAll(() => demo.handle.close());

const freshEan = () => withCheckDigit(`5414${String(600_000_000_0000 + ++eanSerial).padStart(13, '0')}`);
const HEADER: string[] = IMPORT_COLUMNS.map((c) => c.name);

function row(overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    customer_number: `K-${eanSerial + 1}`,
    customer_name: 'Lotte Maes',
    email: 'lotte.maes@example.be',
    language: 'nl',
    street: 'Veldstraat 3',
    postal_code: '9000',
    city: 'Gent',
    country: 'BE',
    ean: freshEan(),
    energy: 'electricity',
    product_code: 'EL-VAR-FL-2026-10',
    move_in_date: '2022-03-15',
    signature_date: '2022-03-01',
    estimated_annual_consumption_kwh: '3500',
    advance_frequency: 'monthly',
    advance_amount: '85.00',
    first_advance_start_date: '2026-10-15',
    iban: 'BE68539007547034',
    direct_debit: 'yes',
    meter_reading: '12345.6',
    ...overrides,
  };
  return HEADER.map((h) => values[h] ?? '');
}
const csv = (rows: string[][], separator = ',', header = HEADER) => [header, ...rows].map((r) => r.join(separator)).join('\n') + '\n';

type ImportEvent = { type: string; [key: string]: unknown };
async function importFile(body: string | Uint8Array, dryRun: boolean, token = demo.admin) {
  const answer = await demo.api.call('POST', `/api/v1/organizations/${demo.org}/move-ins/import?dryRun=${dryRun}`, {
    token,
    body,
    headers: { 'content-type': 'text/csv' },
  });
  const events: ImportEvent[] =
    answer.status === 200
      ? answer.text
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
      : [];
  return { status: answer.status, events, result: events.at(-1) as ImportEvent & Record<string, any>, json: answer.json }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const count = async (table: 'contracts' | 'customers' | 'advance_periods') =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(demo.handle.db)).rows[0]!.n;

describe('importing existing customers and contracts', () => {
  it('checks a file in a dry run without writing, imports it, and leaves it unchanged when imported again', async () => {
    const shared = row({ customer_number: 'K-SHARED' });
    const gas = row({ customer_number: 'K-SHARED', energy: 'gas', product_code: 'GAS-VAR-FL-2026-10', advance_amount: '' });
    const historic = row({ first_advance_start_date: '2024-01-15', advance_frequency: 'quarterly', advance_amount: '240.00' });
    const file = csv([shared, gas, historic]);
    const before = { contracts: await count('contracts'), customers: await count('customers') };

    const dry = await importFile(file, true);
    expect(dry.result).toMatchObject({ type: 'result', dryRun: true, committed: false, rows: 3, created: 3, unchanged: 0, errorCount: 0 });
    expect(await count('contracts')).toBe(before.contracts);

    const real = await importFile(file, false);
    expect(real.result).toMatchObject({ type: 'result', dryRun: false, committed: true, rows: 3, created: 3, errorCount: 0 });
    expect(await count('contracts')).toBe(before.contracts + 3);
    expect(await count('customers')).toBe(before.customers + 2); // the two K-SHARED contracts share a customer

    const imported = await sql<{ ean: string; advance_amount: string; missing: number; iban: string }>`
      SELECT cp.ean, k.advance_amount, k.iban,
        (SELECT count(*)::int FROM advance_periods ap WHERE ap.contract_id = k.id AND ap.status = 'planned' AND ap.start_date <= '2026-12-03') AS missing
      FROM contracts k JOIN connection_points cp ON cp.id = k.connection_point_id
      WHERE cp.ean IN (${gas[HEADER.indexOf('ean')]}, ${historic[HEADER.indexOf('ean')]}) ORDER BY cp.ean`.execute(demo.handle.db);
    expect(imported.rows[0]!.advance_amount).toMatch(/^\d+\.\d{2}$/); // proposed from the gas product
    expect(imported.rows[1]).toMatchObject({ advance_amount: '240.00', missing: 12, iban: 'BE68539007547034' }); // 2024-01-15 .. 2026-10-15

    const again = await importFile(file, false);
    expect(again.result).toMatchObject({ committed: true, rows: 3, created: 0, unchanged: 3, errorCount: 0 });
    expect(await count('contracts')).toBe(before.contracts + 3);
  });

  it('lists every error with its row and column and imports nothing when one row is wrong', async () => {
    const before = await count('contracts');
    const file = csv([row(), row({ ean: '541448820000000009', advance_frequency: 'weekly' }), row(), row({ product_code: 'NOPE' })]);
    const answer = await importFile(file, false);
    expect(answer.result).toMatchObject({ committed: false, rows: 4, errorCount: 3 });
    expect(answer.result.errors).toEqual([
      { row: 3, column: 'ean', message: 'The EAN check digit is wrong.' },
      { row: 3, column: 'advance_frequency', message: 'must be one of none, monthly, bimonthly, quarterly, semiannual, annual.' },
      { row: 5, column: 'product_code', message: 'No product with the code NOPE in this organization.' },
    ]);
    expect(await count('contracts')).toBe(before);
  });

  it('reads semicolon-separated files with decimal commas and Belgian dates', async () => {
    const file = csv([row({ advance_amount: '85,50', move_in_date: '15/03/2022', meter_reading: '100,5' })], ';');
    const answer = await importFile(file, false);
    expect(answer.result).toMatchObject({ committed: true, created: 1, errorCount: 0 });
  });

  it('refuses rows that overlap each other or a contract already supplying the EAN', async () => {
    const ean = freshEan();
    const known = (await demo.api.call('GET', `/api/v1/organizations/${demo.org}/contracts?limit=1`, { token: demo.admin })).json.items[0];
    const answer = await importFile(
      csv([
        row({ ean, move_in_date: '2022-03-15', end_date: '2023-03-14', first_advance_start_date: '' }),
        row({ ean, move_in_date: '2023-01-01', signature_date: '2022-12-01', end_date: '2023-01-31', first_advance_start_date: '' }),
        row({ ean, move_in_date: '2023-03-15', signature_date: '2023-03-01', first_advance_start_date: '' }),
        row({
          ean: known.ean,
          energy: known.energy,
          product_code: known.energy === 'gas' ? 'GAS-VAR-FL-2026-10' : 'EL-VAR-FL-2026-10',
          move_in_date: '2026-01-01',
          signature_date: '2025-12-01',
          first_advance_start_date: '',
        }),
      ]),
      true,
    );
    expect(answer.result.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'move_in_date'],
      [5, 'move_in_date'],
    ]);
    expect(answer.result.errors[0].message).toBe('The supply overlaps row 2 of this file at the same EAN.');
  });

  it('reports a bad header, an empty file and a broken CSV as errors, never a 5xx', async () => {
    const badHeader = await importFile(csv([row()], ',', [...HEADER.slice(1), 'colour']), true);
    expect(badHeader.result.errors).toEqual([{ row: 1, column: null, message: 'Unknown columns: colour.' }]);
    expect((await importFile('', true)).result.errors[0].message).toMatch(/empty/);
    const broken = await importFile(`${HEADER.join(',')}\n"unclosed,${row().slice(1).join(',')}\n`, true);
    expect(broken.result).toMatchObject({ type: 'result', committed: false });
    expect(broken.result.errors[0].message).toMatch(/^Not a readable CSV file/);
  });

  it('refuses what would silently change a row: a stray quote, extra fields, a column twice, bytes that are not UTF-8', async () => {
    const before = await count('contracts');
    const strayQuote = await importFile(csv([row({ customer_name: 'Café "De Kroon"' })]), false);
    expect(strayQuote.result).toMatchObject({ type: 'result', committed: false });
    expect(strayQuote.result.errors[0].message).toMatch(/^Not a readable CSV file/);
    const extra = await importFile(csv([row({ meter_reading: '12345,6' })]), false);
    expect(extra.result.errors).toEqual([
      { row: 2, column: null, message: `The row has ${HEADER.length + 1} fields, the header ${HEADER.length}.` },
    ]);
    const twice = await importFile(`${HEADER.join(',')},advance_amount\n${row().join(',')},850.00\n`, false);
    expect(twice.result.errors).toEqual([{ row: 1, column: null, message: 'Columns given twice: advance_amount.' }]);
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER.join(',')}\n`),
      Buffer.from(csv([row({ customer_name: 'Bad\u00ffName' })]).split('\n')[1]!, 'latin1'),
    ]);
    const broken = await importFile(new Uint8Array(latin1), false);
    expect(broken.result.errors[0]).toMatchObject({ row: 2, column: 'customer_name' });
    expect(broken.result.committed).toBe(false);
    expect(await count('contracts')).toBe(before);
  });

  it('streams progress while it reads a larger file', async () => {
    const rows = Array.from({ length: 2500 }, () => row({ customer_number: '', first_advance_start_date: '2026-11-15' }));
    const answer = await importFile(csv(rows), false);
    const progress = answer.events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.map((p) => p.rowsRead)).toEqual([...progress.map((p) => p.rowsRead)].sort((a, b) => Number(a) - Number(b)));
    expect(answer.result).toMatchObject({ committed: true, rows: 2500, created: 2500 });
  });

  it('checks each batch against the rows of earlier batches, which are written while it is read', async () => {
    const first = freshEan();
    const filler = () => row({ customer_number: '', first_advance_start_date: '2026-11-15' });
    const rows = Array.from({ length: 2400 }, filler);
    rows[0] = row({ customer_number: 'BATCHES-1', ean: first });
    rows[1500] = row({ customer_number: 'BATCHES-1' }); // a second contract of the same customer, two batches on
    const overlapping = row({ ean: first, move_in_date: '2024-01-01', signature_date: '2023-12-01', first_advance_start_date: '' });
    const refused = await importFile(csv([...rows.slice(0, 2000), overlapping, ...rows.slice(2000)]), false);
    expect(refused.result).toMatchObject({ committed: false, errorCount: 1 });
    expect(refused.result.errors[0]).toMatchObject({
      row: 2002,
      column: 'move_in_date',
      message: 'The supply overlaps row 2 of this file at the same EAN.',
    });

    const answer = await importFile(csv(rows), false);
    expect(answer.result).toMatchObject({ committed: true, created: 2400, errorCount: 0 });
    const owners = await sql<{ customers: number; contracts: number }>`
      SELECT count(DISTINCT k.customer_id)::int AS customers, count(*)::int AS contracts FROM contracts k
      JOIN customers c ON c.id = k.customer_id WHERE c.customer_number = 'BATCHES-1'`.execute(demo.handle.db);
    expect(owners.rows[0]).toEqual({ customers: 1, contracts: 2 });
  });

  it('refuses a JSON body with 415, importing nothing', async () => {
    const answer = await demo.api.call('POST', `/api/v1/organizations/${demo.org}/move-ins/import`, {
      token: demo.admin,
      body: { rows: [] },
    });
    expect(answer.status).toBe(415);
    expect(answer.json.error.code).toBe('unsupported_media_type');
  });

  it('forbids Read-only users to import', async () => {
    const answer = await importFile(csv([row()]), false, demo.viewer);
    expect(answer.status).toBe(403);
  });

  it('serves the template, which imports as it is in a dry run', async () => {
    const template = await demo.api.call('GET', `/api/v1/organizations/${demo.org}/move-ins/import/template`, { token: demo.admin });
    expect(template.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(template.text.split('\n')[0]).toBe(HEADER.join(','));
    const answer = await importFile(template.text, true);
    expect(answer.result).toMatchObject({ rows: 1, errorCount: 0 });
  });
});
