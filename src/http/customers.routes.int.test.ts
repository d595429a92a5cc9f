import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { type TestApi, openDemoApi } from '../../test/support/test-api.js';

let handle: DatabaseHandle;
let api: TestApi;
let token: string;
let org: string;
beforeAll(async () => {
  ({ handle, api, admin: token, org } = await openDemoApi());
});
afterAll(() => handle.close());

const path = (p: string) => `/api/v1/organizations/${org}${p}`;

describe('customers', () => {
  it('creates a customer and reads it back', async () => {
    const body = {
      name: 'Anna De Wilde',
      email: 'Anna.DeWilde@Example.be',
      language: 'nl',
      address: { line1: 'Kerkstraat 3', postalCode: '2000', city: 'Antwerpen', country: 'BE' },
    };
    const created = await api.call('POST', path('/customers'), { token, body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Anna De Wilde', email: 'anna.dewilde@example.be', vatNumber: null, address: body.address });
    expect((await api.call('GET', path(`/customers/${created.json.id}`), { token })).json).toEqual(created.json);
  });

  it('pages through customers by name without overlap', async () => {
    const names: string[] = [];
    const ids = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { json: { items: { id: string; name: string }[]; nextCursor: string | null } } = await api.call(
        'GET',
        path(`/customers?limit=70${cursor ? `&cursor=${cursor}` : ''}`),
        { token },
      );
      for (const c of page.json.items) {
        names.push(c.name);
        ids.add(c.id);
      }
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(ids.size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(320);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('refuses a customer without a name or with a bad country, and answers 404 for an unknown one', async () => {
    const bad = await api.call('POST', path('/customers'), {
      token,
      body: { name: ' ', address: { line1: 'x', postalCode: '1', city: 'y', country: 'Belgium' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['address.country', 'name']);
    expect((await api.call('GET', path('/customers/3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90'), { token })).status).toBe(404);
  });
});
