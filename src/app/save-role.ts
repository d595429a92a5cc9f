import type { Db } from '../db/connection.js';
import * as admin from '../db/repositories/access-admin-repo.js';
import { permissionProblems, roleDeletionRefusal } from '../domain/access-rules.js';
import { DomainError } from '../domain/domain-error.js';
import type { PermissionMap } from '../domain/permissions.js';
import type { Actor } from './context.js';
import { roleView } from './role-view.js';
import { assertCustomRolesIncluded, loadTenantAccess, recordAccessChange } from './tenant-access.js';

export type NewRole = { name: string; permissions?: PermissionMap | undefined; copyFromRoleId?: string | undefined };

function assertValidPermissions(permissions: PermissionMap) {
  const problems = permissionProblems(permissions);
  if (problems.length > 0) throw new DomainError('validation_failed', problems.map((p) => p.message).join(' '), problems);
}

const UNIQUE_VIOLATION = '23505';
async function uniqueName<T>(write: Promise<T>, name: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION)
      throw new DomainError('role_name_taken', `A role named ${name} exists already.`);
    throw error;
  }
}

/** A custom role from scratch, or a copy of another (built-in ones too): every permission, none of its memberships. */
export async function createRole(db: Db, actor: Actor, role: NewRole) {
  return db.transaction().execute(async (tx) => {
    await loadTenantAccess(tx, actor);
    await assertCustomRolesIncluded(tx, actor.tenantId);
    let permissions = role.permissions ?? {};
    if (role.copyFromRoleId !== undefined) {
      const source = await admin.findRole(tx, actor.tenantId, role.copyFromRoleId);
      if (!source)
        throw new DomainError('validation_failed', 'No such role to copy.', [{ path: 'copyFromRoleId', message: 'No such role.' }]);
      permissions = role.permissions ?? source.permissions;
    }
    assertValidPermissions(permissions);
    const created = await uniqueName(admin.insertCustomRole(tx, actor.tenantId, { name: role.name, permissions }), role.name);
    await recordAccessChange(tx, actor, {
      entity: 'role',
      entityId: created.id,
      action: 'create',
      after: { name: role.name, permissions, copiedFrom: role.copyFromRoleId ?? null },
    });
    return roleView(created, 0);
  });
}

export async function updateRole(
  db: Db,
  actor: Actor,
  roleId: string,
  change: { name?: string | undefined; permissions?: PermissionMap | undefined },
) {
  return db.transaction().execute(async (tx) => {
    await loadTenantAccess(tx, actor);
    const role = await admin.findRole(tx, actor.tenantId, roleId);
    if (!role) throw new DomainError('not_found', 'No such role.');
    if (role.built_in) throw new DomainError('built_in_role', 'Built-in roles can not be changed; copy one instead.');
    await assertCustomRolesIncluded(tx, actor.tenantId);
    const after = { name: change.name ?? role.name, permissions: change.permissions ?? role.permissions };
    assertValidPermissions(after.permissions);
    const updated = await uniqueName(admin.updateCustomRole(tx, actor.tenantId, roleId, after), after.name);
    await recordAccessChange(tx, actor, {
      entity: 'role',
      entityId: roleId,
      action: 'update',
      before: { name: role.name, permissions: role.permissions },
      after,
    });
    return roleView(updated, (await admin.roleMembershipCounts(tx, actor.tenantId)).get(roleId) ?? 0);
  });
}

export async function deleteRole(db: Db, actor: Actor, roleId: string) {
  await db.transaction().execute(async (tx) => {
    await loadTenantAccess(tx, actor);
    const role = await admin.findRole(tx, actor.tenantId, roleId);
    if (!role) throw new DomainError('not_found', 'No such role.');
    const memberships = (await admin.roleMembershipCounts(tx, actor.tenantId)).get(roleId) ?? 0;
    const refusal = roleDeletionRefusal({ builtIn: role.built_in, memberships });
    if (refusal === 'built_in_role') throw new DomainError(refusal, 'Built-in roles can not be deleted.');
    if (refusal === 'role_in_use')
      throw new DomainError(refusal, `The role is used by ${memberships} memberships; give them another role first.`, { memberships });
    await admin.deleteCustomRole(tx, actor.tenantId, roleId);
    await recordAccessChange(tx, actor, {
      entity: 'role',
      entityId: roleId,
      action: 'delete',
      before: { name: role.name, permissions: role.permissions },
    });
  });
}
