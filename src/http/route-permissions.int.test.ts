import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection.js';
import { type TestApi, openDemoApi } from '../../test/support/test-api.js';

let handle: DatabaseHandle;
let api: TestApi;
let admin: string;
let viewer: string;
let org: string;
beforeAll(async () => {
  ({ handle, api, admin, viewer, org } = await openDemoApi());
});
afterAll(() => handle.close());

/** A row count of every business table: a refused request must leave them all as they were. */
async function tableCounts() {
  const rows = await sql<{ total: string }>`
    SELECT concat_ws(',', (SELECT count(*) FROM contracts), (SELECT count(*) FROM customers), (SELECT count(*) FROM move_ins),
      (SELECT count(*) FROM advance_periods WHERE status = 'skipped'), (SELECT count(*) FROM audit_log)) AS total`.execute(handle.db);
  return rows.rows[0]!.total;
}

const withParams = (path: string, id: string) => path.replace('{orgId}', org).replace(/\{\w+\}/g, id);

describe('every route declares its permission and goes through one authorization point', () => {
  it('lists every route of the API in the route table (the OpenAPI document has no route outside it)', async () => {
    const document = (await api.call('GET', '/api/openapi.json')).json;
    const documented = Object.entries(document.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const declared = api.routeTable.map((r) => `${r.method} ${r.path}`);
    expect(documented.filter((r) => !declared.includes(r)).sort()).toEqual([
      'GET /api/health',
      'GET /api/v1/public/move-in-forms/{orgId}',
      'POST /api/v1/auth/invitations/{token}',
      'POST /api/v1/auth/login',
      'POST /api/v1/public/move-in-forms/{orgId}',
    ]);
    expect(declared.every((r) => documented.includes(r))).toBe(true);
  });

  it('answers 403 to the Read-only role on every route that needs more than read, and changes nothing', async () => {
    const guarded = api.routeTable.filter((r) => r.permission !== 'session' && r.permission.action !== 'read');
    expect(guarded.length).toBeGreaterThanOrEqual(5);
    const before = await tableCounts();
    for (const route of guarded) {
      const answer = await api.call(route.method, withParams(route.path, '3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90'), {
        token: viewer,
        body: route.method === 'GET' ? undefined : {},
      });
      expect(answer.status, `${route.method} ${route.path}`).toBe(403);
      expect(answer.json.error.code).toBe('forbidden');
    }
    expect(await tableCounts()).toBe(before);
  });

  it('lets the Read-only role read every list of the organization', async () => {
    // GET routes whose only parameter is the organization
    const lists = api.routeTable.filter(
      (r) =>
        r.method === 'GET' &&
        r.path.replace('{orgId}', '').match(/\{/) === null &&
        (r.permission === 'session' || r.permission.action === 'read'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(6);
    for (const route of lists) {
      const answer = await api.call('GET', withParams(route.path, ''), { token: viewer });
      expect(answer.status, route.path).toBe(200);
    }
  });

  it('never answers 5xx to garbage ids, garbage queries or garbage bodies on any route', async () => {
    const garbage = ['x', '3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90', "1'; DROP TABLE contracts; --", '%00', '9'.repeat(90)];
    const bodies: unknown[] = ['{"', 'null', '[]', '{"advancePeriodIds":[null]}', { reason: 5 }, { filter: { contractId: 'x' } }];
    for (const route of api.routeTable.filter((r) => r.path !== '/api/v1/auth/logout')) {
      for (const id of garbage) {
        const path = `${withParams(route.path, encodeURIComponent(id))}?limit=${encodeURIComponent(id)}&cursor=${encodeURIComponent(id)}&contractId=${encodeURIComponent(id)}&customerId=${encodeURIComponent(id)}`;
        const answer = await api.call(route.method, path, {
          token: admin,
          body: route.method === 'GET' ? undefined : bodies[garbage.indexOf(id)],
        });
        expect(answer.status, `${route.method} ${path}`).toBeLessThan(500);
        expect(answer.status, `${route.method} ${path}`).not.toBe(401);
        expect(
          typeof answer.json?.error?.code === 'string' || answer.status < 300,
          `${route.method} ${path}: ${answer.text.slice(0, 80)}`,
        ).toBe(true);
      }
    }
    expect(api.errors).toEqual([]);
  });
});

describe('the API documentation', () => {
  it('serves an OpenAPI 3.1 document that asks for the bearer token and documents Idempotency-Key on writes', async () => {
    const document = (await api.call('GET', '/api/openapi.json')).json;
    expect(document.openapi).toBe('3.1.0');
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/auth/login'].post.security).toEqual([]);
    const skip = document.paths['/api/v1/organizations/{orgId}/advance-periods/skip'].post;
    expect(skip.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key');
    expect(skip.tags).toEqual(['advance-periods']);
  });

  it('serves the browsable docs and their assets from the server itself', async () => {
    const page = await api.app.request('/api/docs');
    expect(await page.text()).toContain('/api/docs/swagger-ui-bundle.js');
    const bundle = await api.app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
  });
});
