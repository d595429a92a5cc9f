import type { Db } from '../db/connection.js';
import { membershipGrants, userMemberships } from '../db/repositories/access-repo.js';
import { isAllowed, resolvePermissions, type Permission } from '../domain/permissions.js';
import type { Actor } from './context.js';

/** The actor's resolved permissions in an organization, or null when the actor can't access it. */
export async function resolveAccess(db: Db, actor: Actor, organizationId: string): Promise<ReadonlySet<string> | null> {
  const membership = await membershipGrants(db, actor.tenantId, actor.userId, organizationId);
  return membership ? resolvePermissions(membership.permissions) : null;
}

/** The organizations in which the actor's role grants the permission (tenant-level routes act within them). */
export async function organizationsGranting(db: Db, actor: Actor, permission: Permission): Promise<string[]> {
  const memberships = await userMemberships(db, actor.tenantId, actor.userId);
  return memberships.filter((m) => isAllowed(resolvePermissions(m.permissions), permission)).map((m) => m.organization_id);
}
