import type { Db } from '../db/connection.js';
import { userMemberships } from '../db/repositories/access-repo.js';
import type { Actor } from './context.js';

/** The organizations the caller can access. */
export async function listOrganizations(db: Db, actor: Actor) {
  const memberships = await userMemberships(db, actor.tenantId, actor.userId);
  return { items: memberships.map((m) => ({ id: m.organization_id, name: m.organization_name })) };
}
