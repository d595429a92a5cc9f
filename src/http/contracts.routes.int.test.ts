import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { withCheckDigit } from '../domain/ean.js';
import { BASIC_ADMIN, type TestApi, openDemoApi } from '../../test/support/test-api.js';

let handle: DatabaseHandle;
let api: TestApi;
let token: string;
let org: string;
beforeAll(async () => {
  ({ handle, api, admin: token, org } = await openDemoApi());
});
afterAll(() => handle.close());

const contractsOf = (path: string) => api.call('GET', `/api/v1/organizations/${org}${path}`, { token });

describe('contracts', () => {
  it('pages through every contract of the organization once, by customer name', async () => {
    const seen: string[] = [];
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { id: string }[]; nextCursor: string | null } } = await contractsOf(
        `/contracts?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.json.items.map((k) => k.id));
      names.push(...page.json.items.map((k) => (k as unknown as { customerName: string }).customerName));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(320);
    expect(new Set(seen).size).toBe(320);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('searches by customer name or EAN', async () => {
    const first = (await contractsOf('/contracts?limit=1')).json.items[0];
    const byEan = await contractsOf(`/contracts?q=${first.ean}`);
    expect(byEan.json.items.map((k: { id: string }) => k.id)).toEqual([first.id]);
    const byName = await contractsOf(`/contracts?q=${encodeURIComponent(first.customerName.toUpperCase())}&limit=500`);
    expect(byName.json.items.every((k: { customerName: string }) => k.customerName === first.customerName)).toBe(true);
  });

  it('answers 400 for a limit out of range and a forged cursor', async () => {
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const query of [
      'limit=0',
      'limit=501',
      'limit=abc',
      'cursor=bm90LWEtY3Vyc29y',
      `cursor=${forged(['x'])}`,
      `cursor=${forged(['a\u0000b', '3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90'])}`,
      `cursor=${forged(['2024-01-01', 'y'])}`,
      'q=%00',
    ]) {
      const answer = await contractsOf(`/contracts?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.json.error.code).toBe('validation_failed');
    }
  });

  it('shows the billing analysis: periods grouped by billing period, each with state, missing badge and skip refusal', async () => {
    const list = (await contractsOf('/contracts?limit=500')).json.items as { id: string; missingCount: number }[];
    const contract = list.find((k) => k.missingCount > 0)!;
    const analysis = (await contractsOf(`/contracts/${contract.id}/billing-analysis`)).json;
    const periods = analysis.billingPeriods.flatMap((bp: { advancePeriods: unknown[] }) => bp.advancePeriods);
    expect(periods.filter((p: { missing: boolean }) => p.missing)).toHaveLength(contract.missingCount);
    for (const p of periods) {
      expect(p.missing).toBe(p.status === 'planned' && p.startDate <= '2026-12-03');
      expect(p.skipRefusal).toBe(p.status === 'skipped' ? 'already_skipped' : p.status === 'planned' ? null : 'invoice_exists');
      expect(p.invoiceId !== null).toBe(p.status === 'invoiced' || p.status === 'draft');
    }
  });

  it('answers 404 for an unknown contract, a malformed id and another organization id', async () => {
    expect((await contractsOf('/contracts/3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90')).status).toBe(404);
    expect((await contractsOf('/contracts/not-an-id')).status).toBe(404);
    expect((await api.call('GET', '/api/v1/organizations/not-an-org/contracts', { token })).status).toBe(404);
  });

  it("hides another tenant's organization and contracts: 404, never their data", async () => {
    const other = await api.login(BASIC_ADMIN.email, BASIC_ADMIN.password);
    const contract = (await contractsOf('/contracts?limit=1')).json.items[0];
    for (const path of [`/contracts`, `/contracts/${contract.id}`, `/contracts/${contract.id}/billing-analysis`, `/unbilled`]) {
      const answer = await api.call('GET', `/api/v1/organizations/${org}${path}`, { token: other });
      expect(answer.status, path).toBe(404);
      expect(answer.json.error.code).toBe('not_found');
    }
    const basicOrg = (await api.call('GET', '/api/v1/organizations', { token: other })).json.items[0].id;
    const foreign = await api.call('GET', `/api/v1/organizations/${basicOrg}/contracts/${contract.id}`, { token: other });
    expect(foreign.status).toBe(404);
  });
});

describe('contracts of customers with long names', () => {
  it('pages past a customer whose 200-character accented name makes a long cursor', async () => {
    const products = (await api.call('GET', `/api/v1/organizations/${org}/products`, { token })).json.items;
    const electricity = products.find((p: { code: string }) => p.code === 'EL-VAR-FL-2026-10').id;
    const name = 'é'.repeat(200);
    const created = await api.call('POST', `/api/v1/organizations/${org}/move-ins`, {
      token,
      body: {
        source: 'manual',
        customer: { name },
        connection: {
          ean: withCheckDigit('54144899999999999'),
          energy: 'electricity',
          address: { line1: 'Kerkstraat 1', postalCode: '2000', city: 'Antwerpen', country: 'BE' },
        },
        moveInDate: '2026-01-01',
        signatureDate: '2026-01-01',
        productId: electricity,
        estimatedAnnualConsumptionKwh: 3500,
        advanceFrequency: 'monthly',
      },
    });
    expect(created.status).toBe(201);
    const page = await contractsOf(`/contracts?q=${encodeURIComponent(name)}&limit=1`);
    const withCursor = await contractsOf(
      `/contracts?limit=1&cursor=${encodeURIComponent(Buffer.from(JSON.stringify([name, page.json.items[0].id])).toString('base64url'))}`,
    );
    expect(withCursor.status).toBe(200);
  });
});
