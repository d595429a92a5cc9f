import type { DatabaseHandle } from '../../src/db/connection.js';
import { buildApp } from '../../src/http/app.js';
import { billingRunWorker } from '../../src/jobs/billing-run-worker.js';
import { TEST_TODAY } from './template-database.js';
import { openTestDatabase } from './test-database.js';

/** The real HTTP app over a test database, driven in-process through app.request(). */
export function testApi(handle: DatabaseHandle) {
  const errors: unknown[] = [];
  const log = { error: (e: unknown) => errors.push(e), info: () => {} };
  const billingRuns = billingRunWorker(handle.db, () => TEST_TODAY, log);
  const { app, routeTable } = buildApp({ db: handle.db, today: () => TEST_TODAY, log, billingRuns });

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; remoteAddress?: string } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body =
        typeof options.body === 'string' || options.body instanceof Uint8Array
          ? (options.body as string | Uint8Array<ArrayBuffer>)
          : JSON.stringify(options.body);
    }
    // the socket a Node server would hand over, for the address-keyed limits
    const env = options.remoteAddress ? { incoming: { socket: { remoteAddress: options.remoteAddress } } } : undefined;
    const response = await app.request(path, { method, headers, body }, env);
    const text = await response.text();
    let json: any = null; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any answer
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, json, text, headers: response.headers };
  }

  async function login(email: string, password: string): Promise<string> {
    const answer = await call('POST', '/api/v1/auth/login', { body: { email, password } });
    if (answer.status !== 200) throw new Error(`login ${email} failed: ${answer.text}`);
    return answer.json.token as string;
  }

  return { app, routeTable, call, login, errors, billingRuns };
}

export const ADMIN = { email: 'admin@demo.example', password: 'demo-admin' };
export const VIEWER = { email: 'viewer@demo.example', password: 'demo-viewer' };
export const BASIC_ADMIN = { email: 'admin@basic.example', password: 'demo-admin' };

export type TestApi = ReturnType<typeof testApi>;
export type DemoApi = { handle: DatabaseHandle; api: TestApi; admin: string; viewer: string; org: string };

/** A fresh copy of the demo database, the API over it, the Admin's and the viewer's tokens, and the first organization. */
export async function openDemoApi(): Promise<DemoApi> {
  const handle = await openTestDatabase();
  const api = testApi(handle);
  const admin = await api.login(ADMIN.email, ADMIN.password);
  const viewer = await api.login(VIEWER.email, VIEWER.password);
  const org = (await api.call('GET', '/api/v1/organizations', { token: admin })).json.items[0].id as string;
  return { handle, api, admin, viewer, org };
}

/** The id of the demo product with this code in an organization (the tests' electricity: `EL-VAR-FL-2026-10`). */
export async function productId(api: TestApi, token: string, organizationId: string, code = 'EL-VAR-FL-2026-10'): Promise<string> {
  const products = (await api.call('GET', `/api/v1/organizations/${organizationId}/products`, { token })).json.items as {
    id: string;
    code: string;
  }[];
  return products.find((p) => p.code === code)!.id;
}
