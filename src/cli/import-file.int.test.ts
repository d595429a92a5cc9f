import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorContext } from '../app/operator-context.js';
import type { DatabaseHandle } from '../db/connection.js';
import { withCheckDigit } from '../domain/ean.js';
import { IMPORT_COLUMNS } from '../domain/move-in-import-row.js';
import { TEST_TODAY } from '../../test/support/template-database.js';
import { openTestDatabase } from '../../test/support/test-database.js';
import { importFile } from './import-file.js';

let handle: DatabaseHandle;
let dir: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wattbill-cli-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await handle.close();
});

function file(rows: Record<string, string>[]) {
  const name = path.join(dir, `${rows.length}-${Date.now()}.csv`);
  const header = IMPORT_COLUMNS.map((c) => c.name);
  fs.writeFileSync(name, [header.join(';'), ...rows.map((r) => header.map((h) => r[h] ?? '').join(';'))].join('\n'));
  return name;
}
const row = (serial: number, change: Record<string, string> = {}) => ({
  customer_name: `Klant ${serial}`,
  street: 'Kerkstraat 1',
  postal_code: '2000',
  city: 'Antwerpen',
  ean: withCheckDigit(`54144${String(5e11 + serial).padStart(12, '0')}`),
  energy: 'electricity',
  product_code: 'EL-VAR-FL-2026-10',
  move_in_date: '2023-05-01',
  signature_date: '2023-04-15',
  estimated_annual_consumption_kwh: '3000',
  advance_frequency: 'monthly',
  first_advance_start_date: '2026-11-01',
  ...change,
});

describe('wattbill import move-ins', () => {
  it('finds the organization by name, shows progress, and says what it did', async () => {
    const ctx = await operatorContext(handle.db, 'Wattbill Energie Vlaanderen', TEST_TODAY);
    const lines: string[] = [];
    const progress: string[] = [];
    const output = { out: (l: string) => lines.push(l), progress: (l: string) => progress.push(l), endProgress: () => {} };
    const csv = file([row(1), row(2)]);
    await importFile(ctx, csv, { dryRun: true, output });
    await importFile(ctx, csv, { dryRun: false, output });
    await importFile(ctx, csv, { dryRun: false, output });
    expect(lines).toEqual([
      '2 rows: 2 new contracts, 0 imported before. Dry run: nothing imported.',
      '2 rows: 2 new contracts, 0 imported before. Imported.',
      '2 rows: 0 new contracts, 2 imported before. Nothing new to import.',
    ]);
    expect(progress.at(-1)).toBe('Importing: 100 % (2 rows)');
  });

  it('lists the errors by row and column and imports nothing', async () => {
    const ctx = await operatorContext(handle.db, 'Wattbill Energie Vlaanderen', TEST_TODAY);
    const lines: string[] = [];
    const result = await importFile(ctx, file([row(3), row(4, { iban: 'BE00 1234' })]), {
      dryRun: false,
      output: { out: (l) => lines.push(l), progress: () => {}, endProgress: () => {} },
    });
    expect(result.committed).toBe(false);
    expect(lines).toEqual(['row 3, iban: is not a valid IBAN.', '2 rows: 1 new contract, 0 imported before; 1 error, nothing imported.']);
  });

  it('says so when the file does not exist', async () => {
    const ctx = await operatorContext(handle.db, 'Wattbill Energie Vlaanderen', TEST_TODAY);
    await expect(importFile(ctx, path.join(dir, 'missing.csv'), { dryRun: true })).rejects.toThrow(/No file/);
  });

  it('finds the organization whatever the letter case of its name', async () => {
    expect((await operatorContext(handle.db, 'wattbill energie VLAANDEREN', TEST_TODAY)).scope.organizationId).toBeTruthy();
  });

  it('refuses an organization that no single one is named by', async () => {
    await expect(operatorContext(handle.db, 'Nobody Energy', TEST_TODAY)).rejects.toThrow(/No single organization/);
  });
});
