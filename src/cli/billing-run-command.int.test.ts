import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorContext } from '../app/operator-context.js';
import type { DatabaseHandle } from '../db/connection.js';
import { TEST_TODAY } from '../../test/support/template-database.js';
import { openTestDatabase } from '../../test/support/test-database.js';
import { billingRunCommand, progressLine } from './billing-run-command.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe('wattbill billing-run', () => {
  it('draws a progress bar', () => {
    expect(progressLine({ done: 50, total: 200, drafts: 40, finalized: 0 })).toBe(
      '[########......................] 25 % (50/200 periods; 40 drafts, 0 final)',
    );
    expect(progressLine({ done: 0, total: 0, drafts: 0, finalized: 0 })).toMatch(/^\[#{30}\] 100 %/);
  });

  it('runs an organization for a date with progress, says what it made, and a second run finds nothing left', async () => {
    const ctx = await operatorContext(handle.db, 'Basic Power Energie', TEST_TODAY);
    const lines: string[] = [];
    const progress: string[] = [];
    const output = { out: (l: string) => lines.push(l), progress: (l: string) => progress.push(l), endProgress: () => {} };
    const run = await billingRunCommand(ctx, { runDate: '2026-12-03', finalize: true, output });
    expect(run.status).toBe('done');
    expect(run.created.invoices).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatch(/\] 100 % /);
    expect(lines.at(-1)).toMatch(new RegExp(`^Done: 0 drafts, ${run.created.invoices} final invoices`));
    const again = await billingRunCommand(ctx, { runDate: '2026-12-03', finalize: true, output });
    expect(again.created).toEqual({ drafts: 0, invoices: 0 });
  });
});
