import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { hashPassword } from '../app/sessions.js';
import { BUILT_IN_ROLES, PERMISSION_CATALOG } from '../domain/permissions.js';
import { BASIC_ADMIN, type TestApi, openDemoApi } from '../../test/support/test-api.js';

let handle: DatabaseHandle;
let api: TestApi;
let admin: string;
let viewer: string;
beforeAll(async () => {
  ({ handle, api, admin, viewer } = await openDemoApi());
});
afterAll(() => handle.close());

describe('the permission catalog and roles', () => {
  it('serves every entity of the catalog with its actions, the domain verbs included', async () => {
    const answer = await api.call('GET', '/api/v1/permission-entities', { token: viewer });
    expect(answer.json.items).toEqual(Object.entries(PERMISSION_CATALOG).map(([entity, actions]) => ({ entity, actions })));
    expect(answer.json.items.find((e: { entity: string }) => e.entity === 'advancePeriods').actions).toContain('skip');
  });

  it("lists the tenant's built-in roles with exactly their permissions", async () => {
    const roles = (await api.call('GET', '/api/v1/roles', { token: admin })).json.items;
    expect(roles.map((r: { name: string; builtIn: boolean }) => [r.name, r.builtIn])).toEqual([
      ['Admin', true],
      ['Read-only', true],
      ['User', true],
    ]);
    for (const role of roles) expect(role.permissions).toEqual(BUILT_IN_ROLES[role.name as keyof typeof BUILT_IN_ROLES]);
  });

  it("shows another tenant's admin only that tenant's roles", async () => {
    const other = await api.login(BASIC_ADMIN.email, BASIC_ADMIN.password);
    const theirs = (await api.call('GET', '/api/v1/roles', { token: other })).json.items.map((r: { id: string }) => r.id);
    const ours = (await api.call('GET', '/api/v1/roles', { token: admin })).json.items.map((r: { id: string }) => r.id);
    expect(theirs).toHaveLength(3);
    expect(theirs.filter((id: string) => ours.includes(id))).toEqual([]);
  });
});

describe('users', () => {
  it('lists the users of the tenant by email with their role in each organization', async () => {
    const users = (await api.call('GET', '/api/v1/users', { token: admin })).json;
    expect(users.nextCursor).toBeNull();
    expect(users.items.map((u: { email: string }) => u.email)).toEqual(['admin@demo.example', 'viewer@demo.example']);
    const roles = (await api.call('GET', '/api/v1/roles', { token: admin })).json.items;
    const roleName = (id: string) => roles.find((r: { id: string }) => r.id === id).name;
    for (const [user, role] of [
      [users.items[0], 'Admin'],
      [users.items[1], 'Read-only'],
    ]) {
      expect(user.memberships).toHaveLength(2);
      expect(user.memberships.every((m: { roleId: string }) => roleName(m.roleId) === role)).toBe(true);
    }
  });

  it('pages through users one at a time without overlap', async () => {
    const first = (await api.call('GET', '/api/v1/users?limit=1', { token: admin })).json;
    const second = (await api.call('GET', `/api/v1/users?limit=1&cursor=${first.nextCursor}`, { token: admin })).json;
    expect([first.items[0].email, second.items[0].email]).toEqual(['admin@demo.example', 'viewer@demo.example']);
    expect(second.nextCursor).toBeNull();
  });

  it("never shows another tenant's users", async () => {
    const other = await api.login(BASIC_ADMIN.email, BASIC_ADMIN.password);
    expect((await api.call('GET', '/api/v1/users', { token: other })).json.items.map((u: { email: string }) => u.email)).toEqual([
      'admin@basic.example',
    ]);
  });
});

describe('tenant-level authorization', () => {
  it('forbids the tenant routes to a role that grants them in no organization', async () => {
    const adminRow = await handle.db
      .selectFrom('users')
      .select(['tenant_id'])
      .where('email', '=', 'admin@demo.example')
      .executeTakeFirstOrThrow();
    const org = await handle.db
      .selectFrom('organizations')
      .select('id')
      .where('tenant_id', '=', adminRow.tenant_id)
      .executeTakeFirstOrThrow();
    const role = await handle.db
      .insertInto('roles')
      .values({ tenant_id: adminRow.tenant_id, name: 'Contracts only', permissions: JSON.stringify({ contracts: ['read'] }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await handle.db
      .insertInto('users')
      .values({
        tenant_id: adminRow.tenant_id,
        email: 'clerk@demo.example',
        name: 'Clerk',
        password_hash: await hashPassword('clerk-pass'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto('memberships')
      .values({ tenant_id: adminRow.tenant_id, user_id: user.id, organization_id: org.id, role_id: role.id })
      .execute();
    const clerk = await api.login('clerk@demo.example', 'clerk-pass');
    for (const path of ['/api/v1/users', '/api/v1/roles']) {
      const answer = await api.call('GET', path, { token: clerk });
      expect(answer.status, path).toBe(403);
      expect(answer.json.error.code).toBe('forbidden');
    }
    expect((await api.call('GET', `/api/v1/organizations/${org.id}/contracts?limit=1`, { token: clerk })).status).toBe(200);
    expect((await api.call('GET', `/api/v1/organizations/${org.id}/unbilled`, { token: clerk })).status).toBe(403);
  });
});
