import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduledRuns } from '../app/start-scheduled-runs.js';
import { openDemoApi, type DemoApi } from '../../test/support/test-api.js';
import { TEST_TODAY } from '../../test/support/template-database.js';

let demo: DemoApi;
beforeAll(async () => {
  demo = await openDemoApi();
});
afterAll(() => demo.handle.close());

const call = (method: string, path: string, body?: unknown, token = demo.admin) =>
  demo.api.call(method, `/api/v1/organizations/${demo.org}${path}`, { token, body });

describe('organization settings', () => {
  it('shows the defaults and the demo supplier, and changes some settings keeping the others', async () => {
    const before = (await call('GET', '/settings')).json;
    expect(before.invoicing).toEqual({
      numberPrefix: 'AC',
      numberWithYear: true,
      paymentTermDays: 15,
      finalizeInRun: false,
      advanceRunDayOfMonth: null,
    });
    expect(before.supplier).toMatchObject({ legalName: 'Wattbill Energie Vlaanderen NV', iban: 'BE68539007547034' });
    const changed = await call('PATCH', '/settings', { invoicing: { paymentTermDays: 30 }, supplier: { phone: '+32 3 999 99 99' } });
    expect(changed.status).toBe(200);
    expect(changed.json.invoicing).toMatchObject({ numberPrefix: 'AC', paymentTermDays: 30 });
    expect(changed.json.supplier).toMatchObject({ legalName: 'Wattbill Energie Vlaanderen NV', phone: '+32 3 999 99 99' });
  });

  it('refuses bad settings with 400 and changes nothing; Read-only may read but not change them', async () => {
    const before = (await call('GET', '/settings')).json;
    for (const body of [
      { invoicing: { numberPrefix: 'ac-' } },
      { invoicing: { paymentTermDays: -1 } },
      { invoicing: { advanceRunDayOfMonth: 31 } },
      { supplier: { vatNumber: 'nope' } },
      { supplier: { logo: 'data:text/html;base64,PHNjcmlwdD4=' } },
    ]) {
      const answer = await call('PATCH', '/settings', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect((await call('GET', '/settings', undefined, demo.viewer)).json).toEqual(before);
    expect((await call('PATCH', '/settings', { invoicing: { paymentTermDays: 1 } }, demo.viewer)).status).toBe(403);
  });

  it('finalizes in the run when the organization says so, and numbers with its prefix', async () => {
    await call('PATCH', '/settings', { invoicing: { finalizeInRun: true, numberPrefix: 'VF', paymentTermDays: 10 } });
    const contractId = (await call('GET', '/unbilled?kind=advance&limit=1')).json.items[0].contractId;
    const started = await call('POST', '/billing-runs', { kind: 'advance', runDate: '2026-12-03', filter: { contractId } });
    await demo.api.billingRuns.idle();
    const run = (await call('GET', `/billing-runs/${started.json.id}`)).json;
    expect(run).toMatchObject({ finalize: true, status: 'done' });
    const invoices = (await call('GET', `/invoices?billingRunId=${run.id}`)).json.items;
    expect(invoices.every((i: { status: string; dueDate: string }) => i.status === 'final' && i.dueDate === '2026-12-13')).toBe(true);
    expect(invoices.map((i: { number: string }) => i.number).sort()).toEqual(
      invoices.map((_: unknown, k: number) => `VF-2026-${String(k + 1).padStart(6, '0')}`),
    );
  });

  it('starts a scheduled run once on its day of the month, however often the day ticks', async () => {
    await call('PATCH', '/settings', { invoicing: { advanceRunDayOfMonth: Number(TEST_TODAY.slice(8)) } });
    const first = await startScheduledRuns(demo.handle.db, TEST_TODAY);
    const again = await startScheduledRuns(demo.handle.db, TEST_TODAY);
    expect(first.filter((r) => r.scope.organizationId === demo.org)).toHaveLength(1);
    expect(again).toEqual([]);
    const other = await startScheduledRuns(demo.handle.db, '2026-12-04' as typeof TEST_TODAY);
    expect(other).toEqual([]);
  });
});
