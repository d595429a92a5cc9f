import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withCheckDigit } from '../domain/ean.js';
import { PUBLIC_FORM_LIMIT } from '../domain/public-form-limits.js';
import { openDemoApi, type DemoApi, productId } from '../../test/support/test-api.js';

let demo: DemoApi;
let electricity: string;
let eanSerial = 0;
let addressSerial = 0;
beforeAll(async () => {
  demo = await openDemoApi();
  electricity = await productId(demo.api, demo.admin, demo.org);
});
afterAll(() => demo.handle.close());

const freshEan = () => withCheckDigit(`5414${String(800_000_000_0000 + ++eanSerial).padStart(13, '0')}`);
// each test sends from its own address, so the per-address limit only bites where it is tested
const freshAddress = () => `192.0.2.${++addressSerial}`;

function form(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Jonas Peeters',
    email: 'jonas.peeters@example.be',
    phone: '+32 470 12 34 56',
    language: 'nl',
    address: { line1: 'Lange Nieuwstraat 5', postalCode: '2000', city: 'Antwerpen', country: 'BE' },
    ean: freshEan(),
    energy: 'electricity',
    moveInDate: '2026-12-15',
    meterReadingAtMoveIn: '10234.5',
    householdSize: 3,
    iban: 'BE68 5390 0754 7034',
    directDebitConsent: true,
    website: '',
    ...overrides,
  };
}
const submit = (body: unknown, remoteAddress = freshAddress(), orgId = () => demo.org) =>
  demo.api.call('POST', `/api/v1/public/move-in-forms/${orgId()}`, { body, remoteAddress });
const orgPath = (path: string) => `/api/v1/organizations/${demo.org}${path}`;
const newRequests = async () =>
  (await demo.api.call('GET', orgPath('/move-ins?status=new&limit=500'), { token: demo.admin })).json.items as {
    id: string;
    request: { connection: { ean: string } };
  }[];
const requestFor = async (ean: string) => (await newRequests()).find((m) => m.request.connection.ean === ean);
const countMoveIns = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM move_ins`.execute(demo.handle.db)).rows[0]!.n;

describe('the public move-in form', () => {
  it('shows the organization and the energies it sells, without a login', async () => {
    const answer = await demo.api.call('GET', `/api/v1/public/move-in-forms/${demo.org}`);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ organizationName: 'Wattbill Energie Vlaanderen', energies: ['electricity', 'gas'] });
    expect((await demo.api.call('GET', '/api/v1/public/move-in-forms/3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90')).status).toBe(404);
  });

  it('files a move request for staff, with the IBAN in its electronic form', async () => {
    const body = form();
    const answer = await submit(body);
    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({ status: 'received' });
    const filed = await requestFor(body.ean);
    expect(filed?.request).toMatchObject({
      customer: { name: 'Jonas Peeters', email: 'jonas.peeters@example.be', language: 'nl' },
      householdSize: 3,
      meterReadingAtMoveIn: '10234.5',
      iban: 'BE68539007547034',
      directDebitConsent: true,
    });
  });

  it('answers the same for a known EAN and email as for new ones', async () => {
    const known = (await demo.api.call('GET', orgPath('/contracts?limit=1'), { token: demo.admin })).json.items[0];
    const fresh = await submit(form());
    const again = await submit(form({ ean: known.ean, email: 'admin@demo.example' }));
    expect([again.status, again.text]).toEqual([fresh.status, fresh.text]);
  });

  it('drops what a bot sends through the honeypot, answering as to a person', async () => {
    const before = await countMoveIns();
    const answer = await submit(form({ website: 'http://spam.example' }));
    expect([answer.status, answer.json]).toEqual([202, { status: 'received' }]);
    expect(await countMoveIns()).toBe(before);
  });

  it(`answers 429 with Retry-After after ${PUBLIC_FORM_LIMIT.requests} requests from one address, and spares other addresses`, async () => {
    const address = freshAddress();
    for (let i = 0; i < PUBLIC_FORM_LIMIT.requests; i++) expect((await submit(form(), address)).status).toBe(202);
    const before = await countMoveIns();
    const blocked = await submit(form(), address);
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await countMoveIns()).toBe(before);
    expect((await submit(form())).status).toBe(202);
  });

  it('refuses bad fields with their paths and files nothing', async () => {
    const before = await countMoveIns();
    const cases: [Record<string, unknown>, string][] = [
      [{ ean: '541448820000000009' }, 'ean'],
      [{ ean: '8712345678901234' }, 'ean'],
      [{ iban: 'BE69 5390 0754 7034' }, 'iban'],
      [{ email: 'not-an-email' }, 'email'],
      [{ moveInDate: '2020-01-01' }, 'moveInDate'],
      [{ moveInDate: '2026-02-30' }, 'moveInDate'],
      [{ householdSize: undefined }, 'estimatedAnnualConsumptionKwh'],
      [{ householdSize: 12 }, 'householdSize'],
      [{ meterReadingAtMoveIn: '-5' }, 'meterReadingAtMoveIn'],
      [{ phone: 'call me' }, 'phone'],
      [{ language: 'de' }, 'language'],
    ];
    for (const [change, path] of cases) {
      const answer = await submit(form(change));
      expect(answer.status, JSON.stringify(change)).toBe(400);
      expect(answer.json.error.code).toBe('validation_failed');
      expect(
        answer.json.error.details.map((d: { path: string }) => d.path),
        JSON.stringify(change),
      ).toContain(path);
    }
    expect(await countMoveIns()).toBe(before);
  });
});

describe('staff review move requests', () => {
  async function filed(overrides: Record<string, unknown> = {}) {
    const body = form(overrides);
    expect((await submit(body)).status).toBe(202);
    return (await requestFor(body.ean))!;
  }
  const detail = async (id: string) => (await demo.api.call('GET', orgPath(`/move-ins/${id}`), { token: demo.admin })).json;
  const put = (id: string, body: unknown) => demo.api.call('PUT', orgPath(`/move-ins/${id}`), { token: demo.admin, body });
  const accept = (id: string, headers: Record<string, string> = {}) =>
    demo.api.call('POST', orgPath(`/move-ins/${id}/accept`), { token: demo.admin, headers });
  const complete = (request: Record<string, unknown>) => ({
    ...request,
    signatureDate: '2026-12-01',
    productId: electricity,
    advanceFrequency: 'monthly',
  });

  it('says what a request lacks, refuses to accept it until completed, then accepts it with its estimate', async () => {
    const moveIn = await filed();
    const before = await detail(moveIn.id);
    expect(before.problems.map((p: { path: string }) => p.path)).toEqual(['signatureDate', 'productId', 'advanceFrequency']);
    const early = await accept(moveIn.id);
    expect(early.status).toBe(400);
    expect(early.json.error.code).toBe('validation_failed');

    const corrected = await put(moveIn.id, complete(before.request));
    expect(corrected.status).toBe(200);
    expect(corrected.json.problems).toEqual([]);
    const accepted = await accept(moveIn.id);
    expect(accepted.status).toBe(200);
    expect(accepted.json.status).toBe('accepted');
    const contract = (await demo.api.call('GET', orgPath(`/contracts/${accepted.json.contractId}`), { token: demo.admin })).json;
    expect(contract).toMatchObject({ moveInDate: '2026-12-15', signatureDate: '2026-12-01', estimatedAnnualConsumptionKwh: 3200 });
    const stored = await sql<{ iban: string; consented: boolean; reading: string }>`
      SELECT k.iban, k.direct_debit_consented_at IS NOT NULL AS consented, r.value AS reading
      FROM contracts k JOIN meter_readings r ON r.tenant_id = k.tenant_id AND r.connection_point_id = k.connection_point_id
      WHERE k.id = ${accepted.json.contractId}`.execute(demo.handle.db);
    expect(stored.rows).toEqual([{ iban: 'BE68539007547034', consented: true, reading: '10234.500' }]);
  });

  it('refuses a correction that breaks a rule, keeping the request as it was', async () => {
    const moveIn = await filed();
    const answer = await put(moveIn.id, { ...complete(moveIn.request), signatureDate: '2027-01-01' });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details.map((d: { path: string }) => d.path)).toContain('signatureDate');
    expect((await detail(moveIn.id)).request).toEqual(moveIn.request);
  });

  it('creates one contract for simultaneous accepts and for a retried accept', async () => {
    const moveIn = await filed();
    await put(moveIn.id, complete(moveIn.request));
    const answers = await Promise.all([accept(moveIn.id), accept(moveIn.id), accept(moveIn.id, { 'idempotency-key': 'accept-1' })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.json.contractId)).size).toBe(1);
    const retried = await accept(moveIn.id, { 'idempotency-key': 'accept-1' });
    expect(retried.json.contractId).toBe(answers[0]!.json.contractId);
    const contracts = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM contracts k JOIN connection_points cp ON cp.id = k.connection_point_id
      WHERE cp.ean = ${moveIn.request.connection.ean}`.execute(demo.handle.db);
    expect(contracts.rows[0]!.n).toBe(1);
  });

  it('rejects with a reason; a rejected request can be neither corrected nor accepted', async () => {
    const moveIn = await filed();
    const rejected = await demo.api.call('POST', orgPath(`/move-ins/${moveIn.id}/reject`), {
      token: demo.admin,
      body: { reason: 'Duplicate of an earlier request' },
    });
    expect(rejected.json.status).toBe('rejected');
    expect((await detail(moveIn.id)).rejectionReason).toBe('Duplicate of an earlier request');
    expect((await put(moveIn.id, complete(moveIn.request))).json.error.code).toBe('move_in_decided');
    expect((await accept(moveIn.id)).json.error.code).toBe('move_in_rejected');
  });

  it('lets Read-only users read requests but not correct or decide them', async () => {
    const moveIn = await filed();
    const token = demo.viewer;
    expect((await demo.api.call('GET', orgPath(`/move-ins/${moveIn.id}`), { token })).status).toBe(200);
    expect((await demo.api.call('PUT', orgPath(`/move-ins/${moveIn.id}`), { token, body: moveIn.request })).status).toBe(403);
    expect((await demo.api.call('POST', orgPath(`/move-ins/${moveIn.id}/accept`), { token })).status).toBe(403);
  });

  it("answers 404 for another organization's move request", async () => {
    const moveIn = await filed();
    const orgs = (await demo.api.call('GET', '/api/v1/organizations', { token: demo.admin })).json.items;
    const other = `/api/v1/organizations/${orgs[1].id}/move-ins/${moveIn.id}`;
    expect((await demo.api.call('GET', other, { token: demo.admin })).status).toBe(404);
    expect((await demo.api.call('POST', `${other}/accept`, { token: demo.admin })).status).toBe(404);
  });

  it('proposes the advance from a household size or a consumption', async () => {
    const proposal = async (query: string) =>
      (await demo.api.call('GET', orgPath(`/products/${electricity}/advance-proposal?${query}`), { token: demo.admin })).json;
    const byHousehold = await proposal('advanceFrequency=monthly&householdSize=3');
    const byKwh = await proposal('advanceFrequency=monthly&estimatedAnnualConsumptionKwh=3200');
    expect(byHousehold).toEqual(byKwh);
    expect(byHousehold.estimatedAnnualConsumptionKwh).toBe(3200);
    expect(byHousehold.advanceAmount).toMatch(/^\d+\.\d{2}$/);
    expect((await proposal('advanceFrequency=none&householdSize=3')).advanceAmount).toBeNull();
    const missing = await demo.api.call('GET', orgPath(`/products/${electricity}/advance-proposal?advanceFrequency=monthly`), {
      token: demo.admin,
    });
    expect(missing.status).toBe(400);
    for (const bad of ['estimatedAnnualConsumptionKwh=', 'estimatedAnnualConsumptionKwh=1e3', 'estimatedAnnualConsumptionKwh=0x10'])
      expect(
        (
          await demo.api.call('GET', orgPath(`/products/${electricity}/advance-proposal?advanceFrequency=monthly&${bad}`), {
            token: demo.admin,
          })
        ).status,
        bad,
      ).toBe(400);
  });
});
