import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY } from '../../test/support/template-database.js';
import { sql } from 'kysely';
import { hashToken } from '../app/sessions.js';
import type { DatabaseHandle } from '../db/connection.js';
import { openTestDatabase } from '../../test/support/test-database.js';
import { ADMIN, testApi } from '../../test/support/test-api.js';

let handle: DatabaseHandle;
let api: ReturnType<typeof testApi>;
const app = () => api.app;
beforeAll(async () => {
  handle = await openTestDatabase();
  api = testApi(handle);
});
afterAll(() => handle.close());

describe('authentication', () => {
  it('logs in with the demo admin and answers a token, the user and an http-only session cookie', async () => {
    const answer = await api.call('POST', '/api/v1/auth/login', { body: ADMIN });
    expect(answer.status).toBe(200);
    expect(answer.json.user).toMatchObject({ email: 'admin@demo.example', name: 'Demo Admin' });
    expect(answer.json.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`wattbill_session=${answer.json.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('answers the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await api.call('POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: 'nope' } });
    const unknown = await api.call('POST', '/api/v1/auth/login', { body: { email: 'nobody@demo.example', password: 'nope' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.error.code).toBe('unauthenticated');
  });

  it('refuses requests without credentials or with a bad token', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }] as Record<string, string>[]) {
      const answer = await api.call('GET', '/api/v1/organizations', { headers });
      expect(answer.status).toBe(401);
      expect(answer.json.error.code).toBe('unauthenticated');
    }
  });

  it('accepts the session cookie instead of the bearer token', async () => {
    const token = await api.login(ADMIN.email, ADMIN.password);
    const answer = await api.call('GET', '/api/v1/organizations', { headers: { cookie: `wattbill_session=${token}` } });
    expect(answer.status).toBe(200);
    expect(answer.json.items.map((o: { name: string }) => o.name)).toEqual(['Wattbill Energie Vlaanderen', 'Wattbill Gaz Wallonie']);
  });

  it('ends the session on logout: the token stops working', async () => {
    const token = await api.login(ADMIN.email, ADMIN.password);
    expect((await api.call('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await api.call('GET', '/api/v1/me', { token })).status).toBe(401);
  });

  it('ends each session on its own logout, even with a reused Idempotency-Key', async () => {
    const first = await api.login(ADMIN.email, ADMIN.password);
    const second = await api.login(ADMIN.email, ADMIN.password);
    const headers = { 'idempotency-key': 'bye' };
    await api.call('POST', '/api/v1/auth/logout', { token: first, headers });
    await api.call('POST', '/api/v1/auth/logout', { token: second, headers });
    expect((await api.call('GET', '/api/v1/me', { token: second })).status).toBe(401);
  });

  it("tells the signed-in caller the server's billing day", async () => {
    const token = await api.login(ADMIN.email, ADMIN.password);
    expect((await api.call('GET', '/api/v1/me', { token })).json.today).toBe(TEST_TODAY);
  });

  it('answers a login with NUL characters or without a JSON content type with 400', async () => {
    const nul = await api.call('POST', '/api/v1/auth/login', { body: { email: 'admin@demo.example\u0000', password: 'x' } });
    expect(nul.status).toBe(400);
    const noType = await app().request('/api/v1/auth/login', { method: 'POST', body: JSON.stringify(ADMIN) });
    expect(noType.status).toBe(400);
    const upperCaseType = await api.call('POST', '/api/v1/auth/login', {
      body: { email: 'a\u0000@x.be', password: 'x' },
      headers: { 'content-type': 'Application/JSON' },
    });
    expect(upperCaseType.status).toBe(400);
  });

  it('refuses a cross-site form post made with the session cookie', async () => {
    const token = await api.login(ADMIN.email, ADMIN.password);
    const answer = await api.call('POST', '/api/v1/auth/logout', {
      headers: { cookie: `wattbill_session=${token}`, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(answer.status).toBe(403);
    expect((await api.call('GET', '/api/v1/me', { token })).status).toBe(200);
  });

  it('refuses a session once it has expired', async () => {
    const token = await api.login(ADMIN.email, ADMIN.password);
    await sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = ${hashToken(token)}`.execute(handle.db);
    expect((await api.call('GET', '/api/v1/me', { token })).status).toBe(401);
  });

  it('marks the session cookie Secure behind HTTPS', async () => {
    const answer = await api.call('POST', '/api/v1/auth/login', { body: ADMIN, headers: { 'x-forwarded-proto': 'https' } });
    expect(answer.headers.get('set-cookie')).toMatch(/; Secure/);
    const plain = await api.call('POST', '/api/v1/auth/login', { body: ADMIN });
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});
