import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection.js';
import { BUILT_IN_ROLES } from '../domain/permissions.js';
import { BASIC_ADMIN, VIEWER, type TestApi, openDemoApi } from '../../test/support/test-api.js';

let handle: DatabaseHandle;
let api: TestApi;
let admin: string;
let viewer: string;
let org: string;
let otherOrg: string;
let roleIds: Record<string, string>;
beforeAll(async () => {
  ({ handle, api, admin, viewer, org } = await openDemoApi());
  otherOrg = (await api.call('GET', '/api/v1/organizations', { token: admin })).json.items[1].id;
  roleIds = Object.fromEntries(
    (await api.call('GET', '/api/v1/roles', { token: admin })).json.items.map((r: { name: string; id: string }) => [r.name, r.id]),
  );
});
afterAll(() => handle.close());

const userByEmail = async (email: string) =>
  (await api.call('GET', '/api/v1/users', { token: admin })).json.items.find((u: { email: string }) => u.email === email);

async function invite(email: string, memberships: { organizationId: string; roleId: string }[]) {
  const answer = await api.call('POST', '/api/v1/users', { token: admin, body: { email, name: email.split('@')[0], memberships } });
  expect(answer.status).toBe(201);
  return answer.json;
}

async function acceptInvitation(invitationUrl: string, password = 'a-long-password') {
  const token = invitationUrl.split('/').at(-1)!;
  return api.call('POST', `/api/v1/auth/invitations/${token}`, { body: { password } });
}

describe('custom roles', () => {
  it('copies a role with every permission and none of its memberships; editing the copy leaves the original as it was', async () => {
    const copy = await api.call('POST', '/api/v1/roles', {
      token: admin,
      body: { name: 'Read-only + skip', copyFromRoleId: roleIds['Read-only'] },
    });
    expect(copy.status).toBe(201);
    expect(copy.json).toMatchObject({ builtIn: false, memberships: 0, permissions: BUILT_IN_ROLES['Read-only'] });
    const edited = await api.call('PATCH', `/api/v1/roles/${copy.json.id}`, {
      token: admin,
      body: { permissions: { ...BUILT_IN_ROLES['Read-only'], advancePeriods: ['read', 'skip'] } },
    });
    expect(edited.json.permissions.advancePeriods).toEqual(['read', 'skip']);
    const original = (await api.call('GET', '/api/v1/roles', { token: admin })).json.items.find(
      (r: { name: string }) => r.name === 'Read-only',
    );
    expect(original.permissions).toEqual(BUILT_IN_ROLES['Read-only']);
    roleIds['Read-only + skip'] = copy.json.id;
  });

  it('refuses permissions outside the catalog, a taken name, and changes to built-in roles', async () => {
    const unknown = await api.call('POST', '/api/v1/roles', {
      token: admin,
      body: { name: 'Odd', permissions: { rockets: ['launch'], invoices: ['print'] } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details.map((d: { path: string }) => d.path)).toEqual(['permissions.rockets', 'permissions.invoices']);
    expect((await api.call('POST', '/api/v1/roles', { token: admin, body: { name: 'Admin', permissions: {} } })).json.error.code).toBe(
      'role_name_taken',
    );
    for (const [method, body] of [
      ['PATCH', { name: 'Boss' }],
      ['DELETE', undefined],
    ] as const) {
      const answer = await api.call(method, `/api/v1/roles/${roleIds.Admin}`, { token: admin, body });
      expect(answer.status).toBe(409);
      expect(answer.json.error.code).toBe('built_in_role');
    }
  });

  it('refuses to delete a role in use, with the number of memberships using it, and deletes it once unused', async () => {
    const role = (
      await api.call('POST', '/api/v1/roles', { token: admin, body: { name: 'Temporary', permissions: { contracts: ['read'] } } })
    ).json;
    const user = await invite('temp@demo.example', [
      { organizationId: org, roleId: role.id },
      { organizationId: otherOrg, roleId: role.id },
    ]);
    const refused = await api.call('DELETE', `/api/v1/roles/${role.id}`, { token: admin });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: 'role_in_use', details: { memberships: 2 } });
    await api.call('PATCH', `/api/v1/users/${user.id}`, { token: admin, body: { memberships: [] } });
    expect((await api.call('DELETE', `/api/v1/roles/${role.id}`, { token: admin })).status).toBe(204);
  });

  it('refuses custom roles on a plan without them', async () => {
    const basic = await api.login(BASIC_ADMIN.email, BASIC_ADMIN.password);
    const answer = await api.call('POST', '/api/v1/roles', {
      token: basic,
      body: { name: 'Custom', permissions: { contracts: ['read'] } },
    });
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('plan_feature_unavailable');
  });
});

describe('users and memberships', () => {
  it('invites a user who sets a password, logs in, and can do exactly what the custom role allows', async () => {
    const user = await invite('clerk@demo.example', [{ organizationId: org, roleId: roleIds['Read-only + skip']! }]);
    expect(user.invitationPending).toBe(true);
    expect(user.invitationUrl).toMatch(/^\/#\/invitation\/[A-Za-z0-9_-]{43}$/);
    const accepted = await acceptInvitation(user.invitationUrl);
    expect(accepted.status).toBe(200);
    expect((await acceptInvitation(user.invitationUrl)).status).toBe(404); // once only
    const clerk = await api.login('clerk@demo.example', 'a-long-password');
    const [period] = (await api.call('GET', `/api/v1/organizations/${org}/unbilled?limit=1`, { token: clerk })).json.items;
    const skip = await api.call('POST', `/api/v1/organizations/${org}/advance-periods/skip`, {
      token: clerk,
      body: { advancePeriodIds: [period.advancePeriodId] },
    });
    expect(skip.json.skipped).toBe(1);
    expect((await api.call('GET', `/api/v1/organizations/${otherOrg}/contracts`, { token: clerk })).status).toBe(404);
    expect(
      (await api.call('POST', '/api/v1/users', { token: clerk, body: { email: 'x@demo.example', name: 'X', memberships: [] } })).status,
    ).toBe(403);
  });

  it("applies a change of a role's permissions to the very next request of the users who have it", async () => {
    const clerk = await api.login('clerk@demo.example', 'a-long-password');
    const skipRoute = `/api/v1/organizations/${org}/advance-periods/skip`;
    const body = { advancePeriodIds: ['3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90'] };
    expect((await api.call('POST', skipRoute, { token: clerk, body })).status).toBe(200);
    await api.call('PATCH', `/api/v1/roles/${roleIds['Read-only + skip']}`, {
      token: admin,
      body: { permissions: BUILT_IN_ROLES['Read-only'] },
    });
    expect((await api.call('POST', skipRoute, { token: clerk, body })).status).toBe(403);
  });

  it("applies a change of role to the user's very next request", async () => {
    const viewerUser = await userByEmail(VIEWER.email);
    const skipRoute = `/api/v1/organizations/${org}/advance-periods/skip`;
    const body = { advancePeriodIds: ['3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90'] };
    expect((await api.call('POST', skipRoute, { token: viewer, body })).status).toBe(403);
    const memberships = [
      { organizationId: org, roleId: roleIds.User },
      { organizationId: otherOrg, roleId: roleIds['Read-only'] },
    ];
    expect((await api.call('PATCH', `/api/v1/users/${viewerUser.id}`, { token: admin, body: { memberships } })).status).toBe(200);
    expect((await api.call('POST', skipRoute, { token: viewer, body })).status).toBe(200);
  });

  it('lets nobody change their own access, so the tenant always keeps its Admin', async () => {
    const me = await userByEmail('admin@demo.example');
    const answer = await api.call('PATCH', `/api/v1/users/${me.id}`, { token: admin, body: { memberships: [] } });
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('cannot_change_own_access');
    expect((await userByEmail('admin@demo.example')).memberships).toHaveLength(2);
  });

  it("refuses another tenant's organizations and roles in a body, and answers 404 for its users", async () => {
    const basic = await api.login(BASIC_ADMIN.email, BASIC_ADMIN.password);
    const basicOrg = (await api.call('GET', '/api/v1/organizations', { token: basic })).json.items[0].id;
    const basicRole = (await api.call('GET', '/api/v1/roles', { token: basic })).json.items[0].id;
    const foreign = await api.call('POST', '/api/v1/users', {
      token: admin,
      body: { email: 'spy@demo.example', name: 'Spy', memberships: [{ organizationId: basicOrg, roleId: basicRole }] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.details.map((d: { path: string }) => d.path)).toEqual([
      'memberships.0.organizationId',
      'memberships.0.roleId',
    ]);
    expect(await userByEmail('spy@demo.example')).toBeUndefined();
    const basicAdmin = (await api.call('GET', '/api/v1/users', { token: basic })).json.items[0];
    expect((await api.call('PATCH', `/api/v1/users/${basicAdmin.id}`, { token: admin, body: { name: 'Renamed' } })).status).toBe(404);
  });

  it('records who changed which membership or role, from what to what', async () => {
    const entries = await sql<{ entity: string; action: string; actor: string }>`
      SELECT entity, action, (SELECT email FROM users WHERE id = actor_user_id) AS actor FROM audit_log WHERE organization_id IS NULL ORDER BY id`.execute(
      handle.db,
    );
    const seen = entries.rows.map((e) => `${e.entity}:${e.action}:${e.actor}`);
    expect(seen).toContain('role:create:admin@demo.example');
    expect(seen).toContain('role:update:admin@demo.example');
    expect(seen).toContain('user:change_memberships:admin@demo.example');
    const change = await sql<{
      before: unknown;
      after: unknown;
    }>`SELECT before, after FROM audit_log WHERE action = 'change_memberships' ORDER BY id DESC LIMIT 1`.execute(handle.db);
    expect(change.rows[0]!.before).toEqual([
      { organizationId: expect.any(String), roleId: roleIds['Read-only'] },
      { organizationId: expect.any(String), roleId: roleIds['Read-only'] },
    ]);
  });
});

describe('the access audit log', () => {
  it('shows Admins who changed what, newest first, page by page, and nobody else', async () => {
    const first = await api.call('GET', '/api/v1/audit-log?limit=2', { token: admin });
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(first.json.items[0].at >= first.json.items[1].at).toBe(true);
    expect(first.json.items[0].actor.name).toBe('Demo Admin');
    const next = await api.call('GET', `/api/v1/audit-log?limit=2&cursor=${first.json.nextCursor}`, { token: admin });
    expect(next.json.items[0].at <= first.json.items[1].at).toBe(true);
    expect((await api.call('GET', '/api/v1/audit-log', { token: viewer })).status).toBe(403);
  });
});

describe('login throttling', () => {
  it('answers 429 with Retry-After after 10 failed logins of an account, even to the right password, and spares other accounts', async () => {
    for (let i = 0; i < 10; i++)
      expect((await api.call('POST', '/api/v1/auth/login', { body: { email: 'clerk@demo.example', password: 'wrong' } })).status).toBe(401);
    const blocked = await api.call('POST', '/api/v1/auth/login', { body: { email: 'clerk@demo.example', password: 'a-long-password' } });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await api.call('POST', '/api/v1/auth/login', { body: { email: 'admin@demo.example', password: 'demo-admin' } })).status).toBe(
      200,
    );
  });
});
