import type { Db } from '../db/connection.js';
import * as access from '../db/repositories/access-repo.js';
import { DomainError } from '../domain/domain-error.js';
import { resolvePermissions } from '../domain/permissions.js';
import type { Actor } from './context.js';
import { permissionMap } from './permission-map.js';

/** Who the caller is and, per accessible organization, the role and what it allows (the UI hides the rest). */
export async function describeMe(db: Db, actor: Actor) {
  const [user, tenant, memberships] = await Promise.all([
    access.findUser(db, actor.tenantId, actor.userId),
    access.findTenant(db, actor.tenantId),
    access.userMemberships(db, actor.tenantId, actor.userId),
  ]);
  if (!user || !tenant) throw new DomainError('unauthenticated', 'The session has no user.');
  return {
    user: { id: user.id, email: user.email, name: user.name },
    tenant: { id: tenant.id, name: tenant.name, plan: tenant.plan },
    organizations: memberships.map((m) => ({
      id: m.organization_id,
      name: m.organization_name,
      role: { id: m.role_id, name: m.role_name },
      permissions: permissionMap(resolvePermissions(m.permissions)),
    })),
  };
}
