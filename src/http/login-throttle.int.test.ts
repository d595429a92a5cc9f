import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { LOGIN_THROTTLE } from '../domain/login-throttle.js';
import { openTestDatabase } from '../../test/support/test-database.js';
import { ADMIN, testApi, type TestApi } from '../../test/support/test-api.js';

let handle: DatabaseHandle;
let api: TestApi;
beforeAll(async () => {
  handle = await openTestDatabase();
  api = testApi(handle);
});
afterAll(() => handle.close());

describe('login throttling per address', () => {
  it('blocks an address that failed too often, whatever the accounts it tried', async () => {
    for (let i = 0; i < LOGIN_THROTTLE.addressFailures; i++) {
      const answer = await api.call('POST', '/api/v1/auth/login', { body: { email: `guess${i}@demo.example`, password: 'x' } });
      expect(answer.status).toBe(401);
    }
    const blocked = await api.call('POST', '/api/v1/auth/login', { body: ADMIN });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
