import { describe, expect, it } from 'vitest';
import { membershipChangeRefusal, permissionProblems, roleDeletionRefusal } from './access-rules.js';

const ADMIN_ROLE = 'role-admin';
const base = {
  actorId: 'alice',
  actorAdminOrganizations: new Set(['org-1']),
  userId: 'bob',
  before: [{ userId: 'bob', organizationId: 'org-1', roleId: 'role-user' }],
  after: [{ userId: 'bob', organizationId: 'org-1', roleId: 'role-readonly' }],
  isAdminRole: (roleId: string) => roleId === ADMIN_ROLE,
  tenantAdminMemberships: [{ userId: 'alice', organizationId: 'org-1', roleId: ADMIN_ROLE }],
};

describe('membershipChangeRefusal', () => {
  it('lets an Admin change the role of another user in an organization where the Admin is Admin', () => {
    expect(membershipChangeRefusal(base)).toBeNull();
  });

  it('refuses a change in an organization where the actor is not Admin (given or taken)', () => {
    expect(
      membershipChangeRefusal({ ...base, after: [...base.after, { userId: 'bob', organizationId: 'org-2', roleId: 'role-user' }] }),
    ).toBe('forbidden');
    expect(membershipChangeRefusal({ ...base, before: [{ userId: 'bob', organizationId: 'org-2', roleId: 'role-user' }], after: [] })).toBe(
      'forbidden',
    );
  });

  it("refuses a change of one's own access, even by an Admin", () => {
    expect(
      membershipChangeRefusal({
        ...base,
        userId: 'alice',
        before: [{ userId: 'alice', organizationId: 'org-1', roleId: ADMIN_ROLE }],
        after: [],
      }),
    ).toBe('cannot_change_own_access');
  });

  it('refuses to leave the tenant without an Admin', () => {
    const onlyAdminIsBob = {
      ...base,
      before: [{ userId: 'bob', organizationId: 'org-1', roleId: ADMIN_ROLE }],
      after: [{ userId: 'bob', organizationId: 'org-1', roleId: 'role-user' }],
      tenantAdminMemberships: [{ userId: 'bob', organizationId: 'org-1', roleId: ADMIN_ROLE }],
    };
    expect(membershipChangeRefusal(onlyAdminIsBob)).toBe('last_admin');
  });

  it('accepts a request that changes nothing', () => {
    expect(membershipChangeRefusal({ ...base, after: base.before, actorAdminOrganizations: new Set() })).toBeNull();
  });
});

describe('permissionProblems and roleDeletionRefusal', () => {
  it('names each entity or action outside the catalog', () => {
    expect(permissionProblems({ contracts: ['read'], advancePeriods: ['skip'] })).toEqual([]);
    expect(permissionProblems({ rockets: ['read'], invoices: ['print'] }).map((p) => p.path)).toEqual([
      'permissions.rockets',
      'permissions.invoices',
    ]);
  });

  it('refuses to delete a built-in role or one in use', () => {
    expect(roleDeletionRefusal({ builtIn: true, memberships: 0 })).toBe('built_in_role');
    expect(roleDeletionRefusal({ builtIn: false, memberships: 3 })).toBe('role_in_use');
    expect(roleDeletionRefusal({ builtIn: false, memberships: 0 })).toBeNull();
  });
});
