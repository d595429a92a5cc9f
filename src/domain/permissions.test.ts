import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, ENTITIES, isAllowed, PERMISSION_CATALOG, resolvePermissions, type Permission } from './permissions.js';

const CATALOG_PERMISSIONS = ENTITIES.flatMap((entity) => PERMISSION_CATALOG[entity].map((action) => `${entity}:${action}`));
const permission = (key: string) => {
  const [entity, action] = key.split(':');
  return { entity, action } as Permission;
};
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('BUILT_IN_ROLES', () => {
  it('gives Admin every action of the catalog, configuration and users included', () => {
    expect(sorted(resolvePermissions(BUILT_IN_ROLES.Admin))).toEqual([...CATALOG_PERMISSIONS].sort());
    expect(BUILT_IN_ROLES.Admin).toEqual(PERMISSION_CATALOG);
  });

  it('gives Read-only exactly read on every entity', () => {
    expect(sorted(resolvePermissions(BUILT_IN_ROLES['Read-only']))).toEqual(ENTITIES.map((e) => `${e}:read`).sort());
  });

  it('gives User everything except changing settings, users and roles (it may read them)', () => {
    const expected = CATALOG_PERMISSIONS.filter((p) => {
      const [entity, action] = p.split(':');
      return !['settings', 'users', 'roles'].includes(entity!) || action === 'read';
    });
    expect(sorted(resolvePermissions(BUILT_IN_ROLES.User))).toEqual(expected.sort());
    for (const p of ['settings:update', 'users:create', 'users:update', 'roles:create', 'roles:update', 'roles:delete']) {
      expect(isAllowed(resolvePermissions(BUILT_IN_ROLES.User), permission(p))).toBe(false);
    }
    for (const p of [
      'advancePeriods:skip',
      'invoices:finalize',
      'invoices:delete',
      'billingRuns:create',
      'moveIns:create',
      'settings:read',
    ]) {
      expect(isAllowed(resolvePermissions(BUILT_IN_ROLES.User), permission(p))).toBe(true);
    }
  });

  it('lists the three built-in roles of DOMAIN.md', () => {
    expect(Object.keys(BUILT_IN_ROLES)).toEqual(['Admin', 'User', 'Read-only']);
  });
});

describe('resolvePermissions', () => {
  it('keeps the granted catalog actions as entity:action', () => {
    expect(sorted(resolvePermissions({ advancePeriods: ['read', 'skip'], invoices: ['read'] }))).toEqual([
      'advancePeriods:read',
      'advancePeriods:skip',
      'invoices:read',
    ]);
  });

  it('ignores unknown entities and actions the entity does not have', () => {
    expect(
      sorted(
        resolvePermissions({
          planets: ['read'],
          advancePeriods: ['delete', 'skip', 'SKIP'],
          products: ['create', 'read'],
        } as never),
      ),
    ).toEqual(['advancePeriods:skip', 'products:read']);
  });

  it('resolves an empty role to nothing', () => {
    expect(resolvePermissions({}).size).toBe(0);
  });

  it('resolves only catalog permissions, and every granted catalog permission (property)', () => {
    const wordArb = fc.oneof(
      fc.constantFrom(...ENTITIES, 'planets', 'toString'),
      fc.constantFrom('read', 'create', 'update', 'delete', 'skip', 'finalize', 'launch'),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ENTITIES, 'planets', 'meters'), fc.array(wordArb, { maxLength: 6 })), (grants) => {
        const resolved = resolvePermissions(grants);
        const expected = new Set(
          Object.entries(grants).flatMap(([entity, actions]) =>
            (actions ?? []).map((a) => `${entity}:${a}`).filter((p) => CATALOG_PERMISSIONS.includes(p)),
          ),
        );
        expect(sorted(resolved)).toEqual(sorted(expected));
      }),
    );
  });
});

describe('isAllowed', () => {
  it('allows exactly the resolved permissions', () => {
    const resolved = resolvePermissions({ invoices: ['read', 'finalize'] });
    expect(isAllowed(resolved, { entity: 'invoices', action: 'finalize' })).toBe(true);
    expect(isAllowed(resolved, { entity: 'invoices', action: 'read' })).toBe(true);
    expect(isAllowed(resolved, { entity: 'invoices', action: 'delete' })).toBe(false);
    expect(isAllowed(resolved, { entity: 'advancePeriods', action: 'read' })).toBe(false);
  });

  it('lets Read-only read but never change anything', () => {
    const readOnly = resolvePermissions(BUILT_IN_ROLES['Read-only']);
    for (const p of CATALOG_PERMISSIONS) expect([p, isAllowed(readOnly, permission(p))]).toEqual([p, p.endsWith(':read')]);
  });
});
