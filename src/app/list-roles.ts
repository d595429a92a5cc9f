import type { Db } from '../db/connection.js';
import { roleMembershipCounts } from '../db/repositories/access-admin-repo.js';
import { listRoles as listRoleRows } from '../db/repositories/access-repo.js';
import type { Actor } from './context.js';
import { roleView } from './role-view.js';

/** The tenant's roles, built-in ones first, each with the permissions it grants and how many memberships use it. */
export async function listRoles(db: Db, actor: Actor) {
  const [roles, counts] = await Promise.all([listRoleRows(db, actor.tenantId), roleMembershipCounts(db, actor.tenantId)]);
  return { items: roles.map((r) => roleView(r, counts.get(r.id) ?? 0)) };
}
