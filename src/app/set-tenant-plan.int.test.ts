import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { openTestDatabase } from '../../test/support/test-database.js';
import { setTenantPlan } from './set-tenant-plan.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("setting a tenant's plan", () => {
  it('sets the plan by name or id, and refuses an unknown plan or tenant', async () => {
    expect(await setTenantPlan(handle.db, 'Basic Power', 'professional')).toMatchObject({ name: 'Basic Power', plan: 'professional' });
    const tenant = await handle.db.selectFrom('tenants').select('id').where('name', '=', 'Basic Power').executeTakeFirstOrThrow();
    expect((await setTenantPlan(handle.db, tenant.id, 'basic')).plan).toBe('basic');
    await expect(setTenantPlan(handle.db, 'Basic Power', 'gold')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(setTenantPlan(handle.db, 'Nobody', 'basic')).rejects.toMatchObject({ code: 'not_found' });
  });
});
