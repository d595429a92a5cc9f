import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection.js';
import { withCheckDigit } from '../domain/ean.js';
import { openTestDatabase } from '../../test/support/test-database.js';
import { ADMIN, BASIC_ADMIN, VIEWER, testApi, productId } from '../../test/support/test-api.js';

let handle: DatabaseHandle;
let api: ReturnType<typeof testApi>;
let admin: string;
let org: string;
let electricity: string;
let eanSerial = 0;
beforeAll(async () => {
  handle = await openTestDatabase();
  api = testApi(handle);
  admin = await api.login(ADMIN.email, ADMIN.password);
  org = (await api.call('GET', '/api/v1/organizations', { token: admin })).json.items[0].id;
  electricity = await productId(api, admin, org);
});
afterAll(() => handle.close());

const freshEan = () => withCheckDigit(`5414${String(900_000_000_0000 + ++eanSerial).padStart(13, '0')}`);

function moveIn(overrides: Record<string, unknown> = {}) {
  return {
    source: 'manual',
    customer: { name: 'Marie Claes', email: 'marie.claes@example.be', language: 'nl' },
    connection: {
      ean: freshEan(),
      energy: 'electricity',
      address: { line1: 'Kerkstraat 12', postalCode: '2000', city: 'Antwerpen', country: 'BE' },
    },
    moveInDate: '2024-01-31',
    signatureDate: '2024-01-20',
    productId: electricity,
    estimatedAnnualConsumptionKwh: 3500,
    advanceFrequency: 'monthly',
    advanceAmount: '85.00',
    ...overrides,
  };
}
const post = (body: unknown, token = admin, headers: Record<string, string> = {}) =>
  api.call('POST', `/api/v1/organizations/${org}/move-ins`, { token, body, headers });
const analysisOf = async (contractId: string) =>
  (await api.call('GET', `/api/v1/organizations/${org}/contracts/${contractId}/billing-analysis`, { token: admin })).json;
const advanceStarts = (analysis: { billingPeriods: { advancePeriods: { startDate: string }[] }[] }) =>
  analysis.billingPeriods.flatMap((bp) => bp.advancePeriods.map((ap) => ap.startDate));

describe('manual move-ins', () => {
  it('creates the contract with a historic schedule anchored on the custom first advance start date, all past periods missing', async () => {
    const answer = await post(moveIn({ firstAdvanceStartDate: '2024-01-31' }));
    expect(answer.status).toBe(201);
    expect(answer.json.status).toBe('accepted');
    const analysis = await analysisOf(answer.json.contractId);
    expect(analysis.billingPeriods.map((bp: { startDate: string; endDate: string }) => [bp.startDate, bp.endDate])).toEqual([
      ['2024-01-31', '2025-01-30'],
      ['2025-01-31', '2026-01-30'],
      ['2026-01-31', '2027-01-30'],
      ['2027-01-31', '2028-01-30'],
    ]);
    const starts = advanceStarts(analysis);
    expect(starts.slice(0, 5)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    expect(starts.at(-1)).toBe('2027-12-31');
    const periods = analysis.billingPeriods.flatMap((bp: { advancePeriods: unknown[] }) => bp.advancePeriods);
    expect(periods.every((p: { amount: string }) => p.amount === '85.00')).toBe(true);
    expect(periods.filter((p: { missing: boolean }) => p.missing)).toHaveLength(35); // 2024-01-31 .. 2026-11-30
  });

  it('anchors on the signature date when no custom first advance start date is given', async () => {
    const answer = await post(moveIn({ advanceFrequency: 'quarterly', advanceAmount: '240.00' }));
    const starts = advanceStarts(await analysisOf(answer.json.contractId));
    expect(starts.slice(0, 3)).toEqual(['2024-01-20', '2024-04-20', '2024-07-20']);
    const first = (await analysisOf(answer.json.contractId)).billingPeriods[0];
    expect(first.advancePeriods[0].startDate).toBe('2024-01-20'); // before the move-in: belongs to the first billing period
  });

  it('creates no period before a future first advance start date', async () => {
    const answer = await post(moveIn({ moveInDate: '2026-11-01', signatureDate: '2026-10-15', firstAdvanceStartDate: '2027-02-01' }));
    const starts = advanceStarts(await analysisOf(answer.json.contractId));
    expect(starts[0]).toBe('2027-02-01');
    expect(starts.every((s) => s >= '2027-02-01')).toBe(true);
  });

  it('proposes the advance amount from the product prices and consumption when none is given', async () => {
    const answer = await post(moveIn({ advanceAmount: undefined }));
    const contract = (await api.call('GET', `/api/v1/organizations/${org}/contracts/${answer.json.contractId}`, { token: admin })).json;
    // EL-VAR-FL-2026-10 at 3,500 kWh: 1,458.61 a year (src/domain/tariff.test.ts) / 12 = 121.55
    expect(contract.advanceAmount).toBe('121.55');
  });

  it('has no advance periods with frequency none', async () => {
    const answer = await post(moveIn({ advanceFrequency: 'none', advanceAmount: undefined }));
    expect(answer.status).toBe(201);
    expect(advanceStarts(await analysisOf(answer.json.contractId))).toEqual([]);
  });

  it('lets one of several simultaneous move-ins on a connection point through, and refuses the others', async () => {
    const body = moveIn({ moveInDate: '2026-06-01', signatureDate: '2026-05-01' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post({ ...body, customer: { name: 'Racing Occupant' } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const count = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM contracts k JOIN connection_points cp ON cp.id = k.connection_point_id WHERE cp.ean = ${body.connection.ean}`.execute(
      handle.db,
    );
    expect(count.rows[0]!.n).toBe(1);
  });

  it('refuses a second contract on a supplied connection point with connection_already_supplied', async () => {
    const body = moveIn();
    expect((await post(body)).status).toBe(201);
    const again = await post({ ...body, customer: { name: 'Someone Else' }, moveInDate: '2025-01-01', signatureDate: '2024-12-01' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('connection_already_supplied');
  });

  it('creates one contract for a retried request with the same Idempotency-Key', async () => {
    const body = moveIn();
    const headers = { 'idempotency-key': 'move-in-once' };
    const first = await post(body, admin, headers);
    const retry = await post(body, admin, headers);
    expect(retry.json).toEqual(first.json);
    const count = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM contracts k JOIN connection_points cp ON cp.id = k.connection_point_id WHERE cp.ean = ${body.connection.ean}`.execute(
      handle.db,
    );
    expect(count.rows[0]!.n).toBe(1);
  });

  it('keeps a move request for review, then accepts it once (a double accept answers the same contract)', async () => {
    const request = await post(moveIn({ source: 'move_request' }));
    expect(request.json).toMatchObject({ status: 'new', contractId: null });
    const accept = () => api.call('POST', `/api/v1/organizations/${org}/move-ins/${request.json.id}/accept`, { token: admin });
    const [first, second] = [await accept(), await accept()];
    expect(first.json.status).toBe('accepted');
    expect(second.json.contractId).toBe(first.json.contractId);
    const reject = await api.call('POST', `/api/v1/organizations/${org}/move-ins/${request.json.id}/reject`, {
      token: admin,
      body: { reason: 'late' },
    });
    expect(reject.status).toBe(409);
    const listed = (await api.call('GET', `/api/v1/organizations/${org}/move-ins?status=accepted`, { token: admin })).json.items;
    expect(listed.map((m: { id: string }) => m.id)).toContain(request.json.id);
  });

  it('forbids Read-only users to create move-ins and writes nothing', async () => {
    const viewer = await api.login(VIEWER.email, VIEWER.password);
    const body = moveIn();
    const answer = await post(body, viewer);
    expect(answer.status).toBe(403);
    const points = await sql<{ n: number }>`SELECT count(*)::int AS n FROM connection_points WHERE ean = ${body.connection.ean}`.execute(
      handle.db,
    );
    expect(points.rows[0]!.n).toBe(0);
  });
});

describe('bad move-in input answers 4xx in the error format and writes nothing', () => {
  const cases: [string, () => unknown, string][] = [
    ['malformed JSON', () => '{"source":', 'validation_failed'],
    ['a wrong type', () => moveIn({ estimatedAnnualConsumptionKwh: '3500' }), 'validation_failed'],
    ['an unknown enum value', () => moveIn({ advanceFrequency: 'weekly' }), 'validation_failed'],
    ['an unknown energy', () => moveIn({ connection: { ...(moveIn().connection as object), energy: 'steam' } }), 'validation_failed'],
    [
      'a bad EAN check digit',
      () => moveIn({ connection: { ...(moveIn().connection as object), ean: '541448000000000001' } }),
      'validation_failed',
    ],
    ['a short EAN', () => moveIn({ connection: { ...(moveIn().connection as object), ean: '5414' } }), 'validation_failed'],
    [
      'a non-Belgian EAN in Belgium',
      () => moveIn({ connection: { ...(moveIn().connection as object), ean: withCheckDigit('87144800000000001') } }),
      'validation_failed',
    ],
    ['a signature after the move-in', () => moveIn({ signatureDate: '2024-02-15' }), 'validation_failed'],
    ['an end before the move-in', () => moveIn({ endDate: '2023-12-31' }), 'validation_failed'],
    [
      'a first advance date with frequency none',
      () => moveIn({ advanceFrequency: 'none', advanceAmount: undefined, firstAdvanceStartDate: '2024-02-01' }),
      'validation_failed',
    ],
    ['a first advance date before the move-in', () => moveIn({ firstAdvanceStartDate: '2024-01-30' }), 'validation_failed'],
    [
      'a first advance date after the end',
      () => moveIn({ endDate: '2024-12-31', firstAdvanceStartDate: '2025-01-15' }),
      'validation_failed',
    ],
    ['an impossible date', () => moveIn({ moveInDate: '2023-02-29' }), 'validation_failed'],
    ['an amount with 3 decimals', () => moveIn({ advanceAmount: '85.001' }), 'validation_failed'],
    ['a negative amount', () => moveIn({ advanceAmount: '-5.00' }), 'validation_failed'],
    ['a zero amount', () => moveIn({ advanceAmount: '0.00' }), 'validation_failed'],
    ['an amount as a number', () => moveIn({ advanceAmount: 85 }), 'validation_failed'],
    ['an unknown product', () => moveIn({ productId: '3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90' }), 'validation_failed'],
    ['a malformed product id', () => moveIn({ productId: 'x' }), 'validation_failed'],
    ['an unknown customer', () => moveIn({ customer: { customerId: '3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90' } }), 'validation_failed'],
    ['a bad email', () => moveIn({ customer: { name: 'X', email: 'not-an-email' } }), 'validation_failed'],
    ['an empty body', () => ({}), 'validation_failed'],
    ['a NUL character in a name', () => moveIn({ customer: { name: 'Marie\u0000Claes' } }), 'validation_failed'],
    [
      'an unpaired surrogate in a street',
      () =>
        moveIn({
          connection: {
            ...(moveIn().connection as object),
            address: { line1: '\ud800', postalCode: '2000', city: 'Antwerpen', country: 'BE' },
          },
        }),
      'validation_failed',
    ],
    ['a year out of range', () => moveIn({ moveInDate: '0999-12-31' }), 'validation_failed'],
    ['a five-digit year', () => moveIn({ endDate: '10000-01-01' }), 'validation_failed'],
    [
      'a schedule starting more than 10 years ago',
      () => moveIn({ moveInDate: '2015-01-01', signatureDate: '2015-01-01' }),
      'validation_failed',
    ],
    [
      'a move request naming an unknown product',
      () => moveIn({ source: 'move_request', productId: '3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90' }),
      'validation_failed',
    ],
    ['a body that is not JSON', () => ({ raw: 'source=manual' }), 'validation_failed'],
    ['an array body', () => [], 'validation_failed'],
  ];

  it.each(cases)('%s', async (_, body, code) => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM move_ins`.execute(handle.db);
    const payload = body() as { raw?: string };
    const answer = payload.raw
      ? await post(payload.raw, admin, { 'content-type': 'application/x-www-form-urlencoded' })
      : await post(payload);
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe(code);
    expect(answer.json.error.details).toBeDefined();
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM move_ins`.execute(handle.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('names the failing field in details', async () => {
    const answer = await post(moveIn({ advanceFrequency: 'none', advanceAmount: undefined, firstAdvanceStartDate: '2024-02-01' }));
    expect(answer.json.error.details).toEqual([{ path: 'firstAdvanceStartDate', message: expect.stringContaining('frequency') }]);
  });

  it('refuses a 10 MB body with 413', async () => {
    const answer = await post(JSON.stringify({ ...moveIn(), padding: 'x'.repeat(10 * 1024 * 1024) }));
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe('payload_too_large');
  });

  it("refuses another tenant's product id (404 for its organization, validation for its product)", async () => {
    const other = await api.login(BASIC_ADMIN.email, BASIC_ADMIN.password);
    const otherOrg = (await api.call('GET', '/api/v1/organizations', { token: other })).json.items[0].id;
    const otherProduct = (await api.call('GET', `/api/v1/organizations/${otherOrg}/products`, { token: other })).json.items[0].id;
    const answer = await post(moveIn({ productId: otherProduct }));
    expect(answer.status).toBe(400);
    expect(answer.json.error.details[0].path).toBe('productId');
    expect((await post(moveIn(), other)).status).toBe(404);
  });
});
