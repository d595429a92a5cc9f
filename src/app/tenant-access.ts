import type { Db } from '../db/connection.js';
import { bumpAccessVersion, tenantMemberships } from '../db/repositories/access-admin-repo.js';
import { insertAudit, type AuditEntry } from '../db/repositories/audit-repo.js';
import { findTenant } from '../db/repositories/access-repo.js';
import { DomainError } from '../domain/domain-error.js';
import type { Actor } from './context.js';

/**
 * Who is Admin where in the actor's tenant, read with row locks inside the caller's transaction,
 * for the rules of access management (only Admins, only where they are Admin, never the last Admin).
 */
export async function loadTenantAccess(tx: Db, actor: Actor) {
  const memberships = await tenantMemberships(tx, actor.tenantId);
  const actorAdminOrganizations = new Set(
    memberships.filter((m) => m.user_id === actor.userId && m.is_admin).map((m) => m.organization_id),
  );
  if (actorAdminOrganizations.size === 0) throw new DomainError('forbidden', 'Only an Admin manages users and roles.');
  const tenantAdminMemberships = memberships
    .filter((m) => m.is_admin)
    .map((m) => ({ userId: m.user_id, organizationId: m.organization_id, roleId: m.role_id }));
  const membershipsOf = (userId: string) =>
    memberships.filter((m) => m.user_id === userId).map((m) => ({ userId, organizationId: m.organization_id, roleId: m.role_id }));
  return { actorAdminOrganizations, tenantAdminMemberships, membershipsOf };
}

/** Custom roles come with the professional plan; the basic plan has the built-in roles only. */
export async function assertCustomRolesIncluded(db: Db, tenantId: string) {
  const tenant = await findTenant(db, tenantId);
  if (tenant?.plan !== 'professional') {
    throw new DomainError(
      'plan_feature_unavailable',
      'Custom roles are not included in your plan; ask your Wattbill provider for the professional plan.',
    );
  }
}

/**
 * Records a change of users, memberships or roles inside its transaction: bumps the tenant's access
 * version (so cached permissions are read again) and writes the audit entry.
 */
export async function recordAccessChange(tx: Db, actor: Actor, entry: Omit<AuditEntry, 'actorUserId'>) {
  await bumpAccessVersion(tx, actor.tenantId);
  await insertAudit(tx, { tenantId: actor.tenantId, organizationId: null }, { ...entry, actorUserId: actor.userId });
}
