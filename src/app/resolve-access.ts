import type { Db } from '../db/connection.js';
import { membershipGrants, userMemberships } from '../db/repositories/access-repo.js';
import { isAllowed, resolvePermissions, type Permission } from '../domain/permissions.js';
import type { Actor } from './context.js';

const CACHE_LIMIT = 10_000;
const cache = new Map<string, ReadonlySet<string> | null>();

/**
 * The actor's resolved permissions in an organization, or null when the actor can't access it.
 * Cached per tenant access version: any change of roles or memberships bumps it, so the next request
 * of every server reads the new grants.
 */
export async function resolveAccess(db: Db, actor: Actor, organizationId: string): Promise<ReadonlySet<string> | null> {
  const key = actor.accessVersion === undefined ? null : `${actor.tenantId}/${actor.accessVersion}/${actor.userId}/${organizationId}`;
  if (key !== null && cache.has(key)) return cache.get(key)!;
  const membership = await membershipGrants(db, actor.tenantId, actor.userId, organizationId);
  const granted = membership ? resolvePermissions(membership.permissions) : null;
  if (key !== null) {
    if (cache.size >= CACHE_LIMIT) cache.clear(); // old versions are never asked for again
    cache.set(key, granted);
  }
  return granted;
}

/** The organizations in which the actor's role grants the permission (tenant-level routes act within them). */
export async function organizationsGranting(db: Db, actor: Actor, permission: Permission): Promise<string[]> {
  const memberships = await userMemberships(db, actor.tenantId, actor.userId);
  return memberships.filter((m) => isAllowed(resolvePermissions(m.permissions), permission)).map((m) => m.organization_id);
}
