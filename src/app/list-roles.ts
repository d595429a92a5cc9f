import type { Db } from '../db/connection.js';
import { listRoles as listRoleRows } from '../db/repositories/access-repo.js';
import { resolvePermissions } from '../domain/permissions.js';
import type { Actor } from './context.js';
import { permissionMap } from './permission-map.js';

/** The tenant's roles, built-in ones first, each with the permissions it grants. */
export async function listRoles(db: Db, actor: Actor) {
  const roles = await listRoleRows(db, actor.tenantId);
  return {
    items: roles.map((r) => ({
      id: r.id,
      name: r.name,
      builtIn: r.built_in,
      permissions: permissionMap(resolvePermissions(r.permissions)),
    })),
  };
}
