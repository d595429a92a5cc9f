import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withCheckDigit } from '../domain/ean.js';
import { openDemoApi, type DemoApi, productId } from '../../test/support/test-api.js';

let demo: DemoApi;
let electricity: string;
let eanSerial = 0;
beforeAll(async () => {
  demo = await openDemoApi();
  electricity = await productId(demo.api, demo.admin, demo.org);
});
afterAll(() => demo.handle.close());

const freshEan = () => withCheckDigit(`5414${String(700_000_000_0000 + ++eanSerial).padStart(13, '0')}`);
const orgPath = (path: string) => `/api/v1/organizations/${demo.org}${path}`;
type Analysis = {
  billingPeriods: {
    startDate: string;
    endDate: string;
    advancePeriods: { id: string; startDate: string; endDate: string; status: string; amount: string }[];
  }[];
};
const analysisOf = async (contractId: string): Promise<Analysis> =>
  (await demo.api.call('GET', orgPath(`/contracts/${contractId}/billing-analysis`), { token: demo.admin })).json;
const advances = (a: Analysis) => a.billingPeriods.flatMap((bp) => bp.advancePeriods);
const contract = async (id: string) => (await demo.api.call('GET', orgPath(`/contracts/${id}`), { token: demo.admin })).json;

function moveIn(ean: string, overrides: Record<string, unknown> = {}) {
  return {
    source: 'manual',
    customer: { name: 'Sofie Wouters', language: 'nl' },
    connection: { ean, energy: 'electricity', address: { line1: 'Meir 1', postalCode: '2000', city: 'Antwerpen', country: 'BE' } },
    moveInDate: '2025-06-01',
    signatureDate: '2025-05-20',
    productId: electricity,
    estimatedAnnualConsumptionKwh: 3000,
    advanceFrequency: 'monthly',
    advanceAmount: '80.00',
    firstAdvanceStartDate: '2025-06-01',
    ...overrides,
  };
}
const post = (body: unknown) => demo.api.call('POST', orgPath('/move-ins'), { token: demo.admin, body });
const contractCount = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM contracts`.execute(demo.handle.db)).rows[0]!.n;

/** Marks an advance period invoiced with a final invoice and its booking, as a billing run would. */
async function invoice(periodId: string) {
  await demo.handle.db.transaction().execute(async (tx) => {
    await sql`UPDATE advance_periods SET status = 'invoiced' WHERE id = ${periodId}`.execute(tx);
    const { rows } = await sql<{ id: string }>`INSERT INTO invoices (tenant_id, organization_id, kind, status, customer_id, contract_id,
        advance_period_id, number, issue_date, period_start, period_end, net, vat, gross, finalized_at)
      SELECT ap.tenant_id, ap.organization_id, 'advance', 'final', k.customer_id, ap.contract_id, ap.id, 'TEST-' || ap.id,
        ap.start_date, ap.start_date, ap.end_date, 75.47, 4.53, 80.00, now()
      FROM advance_periods ap JOIN contracts k ON k.id = ap.contract_id WHERE ap.id = ${periodId} RETURNING id`.execute(tx);
    await sql`INSERT INTO ledger_entries (tenant_id, organization_id, customer_id, invoice_id, kind, amount, booked_on)
      SELECT tenant_id, organization_id, customer_id, id, 'invoice', gross, issue_date FROM invoices WHERE id = ${rows[0]!.id}`.execute(tx);
  });
}
const skip = (ids: string[]) =>
  demo.api.call('POST', orgPath('/advance-periods/skip'), { token: demo.admin, body: { advancePeriodIds: ids } });

describe('change of occupant', () => {
  it("refuses the overlap, offering to end the previous occupant's contract the day before, and writes nothing", async () => {
    const ean = freshEan();
    const previous = (await post(moveIn(ean))).json.contractId;
    const before = await contractCount();
    const answer = await post(moveIn(ean, { moveInDate: '2026-12-15', signatureDate: '2026-12-01', firstAdvanceStartDate: undefined }));
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatchObject({
      code: 'connection_already_supplied',
      details: { contractIds: [previous], previousContractEndDate: '2026-12-14' },
    });
    expect(await contractCount()).toBe(before);
    expect((await contract(previous)).endDate).toBeNull();
  });

  it('ends the previous contract the day before: its last advance period truncated (even invoiced), later ones gone', async () => {
    const ean = freshEan();
    const previous = (await post(moveIn(ean))).json.contractId;
    const straddling = advances(await analysisOf(previous)).find((p) => p.startDate === '2026-12-01')!;
    await invoice(straddling.id);
    const answer = await post(
      moveIn(ean, { moveInDate: '2026-12-15', signatureDate: '2026-12-01', firstAdvanceStartDate: undefined, endPreviousContract: true }),
    );
    expect(answer.status).toBe(201);
    expect((await contract(previous)).endDate).toBe('2026-12-14');
    const after = await analysisOf(previous);
    expect(after.billingPeriods.map((bp) => [bp.startDate, bp.endDate])).toEqual([
      ['2025-06-01', '2026-05-31'],
      ['2026-06-01', '2026-12-14'],
    ]);
    const last = advances(after).at(-1)!;
    expect(last).toMatchObject({ id: straddling.id, startDate: '2026-12-01', endDate: '2026-12-14', status: 'invoiced', amount: '80.00' });
    expect(advances(after)).toHaveLength(19); // 2025-06 .. 2026-12
    expect(advances(await analysisOf(answer.json.contractId))[0]).toMatchObject({ startDate: '2026-12-01' });
  });

  it('refuses to end a contract whose periods after the end are skipped, and creates nothing', async () => {
    const ean = freshEan();
    const previous = (await post(moveIn(ean))).json.contractId;
    const later = advances(await analysisOf(previous)).find((p) => p.startDate === '2026-11-01')!;
    expect((await skip([later.id])).status).toBe(200);
    const before = await contractCount();
    const answer = await post(
      moveIn(ean, { moveInDate: '2026-10-15', signatureDate: '2026-10-01', firstAdvanceStartDate: undefined, endPreviousContract: true }),
    );
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatchObject({ code: 'contract_end_conflict', details: { periodIds: [later.id] } });
    expect(await contractCount()).toBe(before);
    expect((await contract(previous)).endDate).toBeNull();
  });

  it('never ends a contract that starts on or after the new move-in', async () => {
    const ean = freshEan();
    await post(moveIn(ean));
    const answer = await post(moveIn(ean, { moveInDate: '2025-06-01', endPreviousContract: true }));
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatchObject({ code: 'connection_already_supplied', details: { previousContractEndDate: null } });
  });
});

describe('correcting the first advance start date', () => {
  const patch = (id: string, body: unknown) => demo.api.call('PATCH', orgPath(`/contracts/${id}`), { token: demo.admin, body });

  it('replaces the planned periods when nothing is invoiced or skipped', async () => {
    const id = (await post(moveIn(freshEan()))).json.contractId;
    const answer = await patch(id, { firstAdvanceStartDate: '2025-09-15' });
    expect(answer.status).toBe(200);
    expect(answer.json.firstAdvanceStartDate).toBe('2025-09-15');
    const periods = advances(await analysisOf(id));
    expect(periods[0]).toMatchObject({ startDate: '2025-09-15', endDate: '2025-10-14' });
    expect(periods.every((p) => p.startDate.slice(8) === '15')).toBe(true);
    expect(new Set(periods.map((p) => p.startDate)).size).toBe(periods.length);
  });

  it('clears the custom date back to the signature date with null, and changes the amount of planned periods', async () => {
    const id = (await post(moveIn(freshEan(), { moveInDate: '2025-05-20' }))).json.contractId;
    const answer = await patch(id, { firstAdvanceStartDate: null, advanceAmount: '92.50' });
    expect(answer.json).toMatchObject({ firstAdvanceStartDate: null, advanceAmount: '92.50' });
    const periods = advances(await analysisOf(id));
    expect(periods[0]!.startDate).toBe('2025-05-20');
    expect(periods.every((p) => p.amount === '92.50')).toBe(true);
  });

  it('refuses a correction that would move a skipped or invoiced period, naming it, and changes nothing', async () => {
    const id = (await post(moveIn(freshEan()))).json.contractId;
    const periods = advances(await analysisOf(id));
    await invoice(periods[0]!.id);
    await skip([periods[1]!.id]);
    const answer = await patch(id, { firstAdvanceStartDate: '2025-06-10' });
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('schedule_locked');
    expect(answer.json.error.details.periodIds.sort()).toEqual([periods[0]!.id, periods[1]!.id].sort());
    const statusAfter = (i: number) => (i === 0 ? 'invoiced' : i === 1 ? 'skipped' : 'planned');
    expect(advances(await analysisOf(id)).map((p) => [p.id, p.startDate, p.status])).toEqual(
      periods.map((p, i) => [p.id, p.startDate, statusAfter(i)]),
    );
    // a new amount moves nothing: it applies to the planned periods only
    expect((await patch(id, { advanceAmount: '70.00' })).status).toBe(200);
    const after = advances(await analysisOf(id));
    expect(after.slice(0, 2).map((p) => p.amount)).toEqual(['80.00', '80.00']);
    expect(after.slice(2).every((p) => p.amount === '70.00')).toBe(true);
  });

  it('refuses bad corrections with 400 and changes nothing', async () => {
    const id = (await post(moveIn(freshEan()))).json.contractId;
    const before = await analysisOf(id);
    for (const body of [
      { firstAdvanceStartDate: '2025-05-01' },
      { advanceFrequency: 'none', firstAdvanceStartDate: '2025-07-01' },
      { advanceAmount: '12.345' },
      { advanceFrequency: 'weekly' },
    ]) {
      const answer = await patch(id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error.code).toBe('validation_failed');
    }
    expect(await analysisOf(id)).toEqual(before);
  });
});
