import type { Db } from '../db/connection.js';
import type { Page } from '../db/pagination.js';
import { listUsersOfOrganizations } from '../db/repositories/access-repo.js';
import type { Actor } from './context.js';

/** The users of the organizations where the actor may read users, with their memberships there (others stay hidden). */
export async function listUsers(db: Db, actor: Actor, organizationIds: readonly string[], page: Page) {
  const result = await listUsersOfOrganizations(db, actor.tenantId, organizationIds, page);
  return {
    items: result.items.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      memberships: u.memberships.map((m) => ({ organizationId: m.organization_id, roleId: m.role_id })),
      invitationPending: u.invitation_pending,
    })),
    nextCursor: result.nextCursor,
  };
}
