import { resolvePermissions, type PermissionMap } from '../domain/permissions.js';
import { permissionMap } from './permission-map.js';

/** A role as the API shows it: the permissions it grants (catalog order), and how many memberships use it. */
export function roleView(role: { id: string; name: string; built_in: boolean; permissions: PermissionMap }, memberships: number) {
  return {
    id: role.id,
    name: role.name,
    builtIn: role.built_in,
    permissions: permissionMap(resolvePermissions(role.permissions)),
    memberships,
  };
}
