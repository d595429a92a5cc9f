import { PERMISSION_CATALOG, type PermissionMap } from './permissions.js';

export type MembershipGrant = { userId: string; organizationId: string; roleId: string };
export type AccessRefusal = 'forbidden' | 'cannot_change_own_access' | 'last_admin';

/**
 * Whether an actor may replace a user's memberships (DOMAIN.md "Users, organizations and roles"):
 * only an Admin, only in organizations where the actor is Admin (both the memberships removed and
 * the ones given), never their own, and never leaving the tenant without an Admin.
 */
export function membershipChangeRefusal(change: {
  actorId: string;
  actorAdminOrganizations: ReadonlySet<string>;
  userId: string;
  before: readonly MembershipGrant[];
  after: readonly MembershipGrant[];
  isAdminRole: (roleId: string) => boolean;
  /** Every membership of the tenant with the Admin role, before the change. */
  tenantAdminMemberships: readonly MembershipGrant[];
}): AccessRefusal | null {
  const key = (m: MembershipGrant) => `${m.organizationId}/${m.roleId}`;
  const afterKeys = new Set(change.after.map(key));
  const beforeKeys = new Set(change.before.map(key));
  const touched = [...change.before.filter((m) => !afterKeys.has(key(m))), ...change.after.filter((m) => !beforeKeys.has(key(m)))];
  if (touched.length === 0) return null;
  if (touched.some((m) => !change.actorAdminOrganizations.has(m.organizationId))) return 'forbidden';
  if (change.userId === change.actorId) return 'cannot_change_own_access';
  const adminsAfter =
    change.tenantAdminMemberships.filter((m) => m.userId !== change.userId).length +
    change.after.filter((m) => change.isAdminRole(m.roleId)).length;
  return adminsAfter === 0 ? 'last_admin' : null;
}

/** The problems of a role's permissions: entities and actions outside the catalog, as field paths. */
export function permissionProblems(permissions: PermissionMap): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [entity, actions] of Object.entries(permissions)) {
    const known: readonly string[] | undefined = (PERMISSION_CATALOG as Record<string, readonly string[]>)[entity];
    if (!known) {
      problems.push({ path: `permissions.${entity}`, message: `${entity} is not an entity of the permission catalog.` });
      continue;
    }
    for (const action of actions ?? []) {
      if (!known.includes(action)) problems.push({ path: `permissions.${entity}`, message: `${entity} has no action ${action}.` });
    }
  }
  return problems;
}

/** A role may be deleted only when no membership uses it. */
export function roleDeletionRefusal(role: { builtIn: boolean; memberships: number }): 'built_in_role' | 'role_in_use' | null {
  if (role.builtIn) return 'built_in_role';
  return role.memberships > 0 ? 'role_in_use' : null;
}
