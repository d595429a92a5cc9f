import type { Db } from '../db/connection.js';
import { membershipGrants } from '../db/repositories/access-repo.js';
import { resolvePermissions } from '../domain/permissions.js';
import type { Actor } from './context.js';

/** The actor's resolved permissions in an organization, or null when the actor can't access it. */
export async function resolveAccess(db: Db, actor: Actor, organizationId: string): Promise<ReadonlySet<string> | null> {
  const membership = await membershipGrants(db, actor.tenantId, actor.userId, organizationId);
  return membership ? resolvePermissions(membership.permissions) : null;
}
