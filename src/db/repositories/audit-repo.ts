import type { Db } from '../connection.js';

export type AuditEntry = {
  actorUserId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

/** One audit entry; `organizationId` null for tenant-level changes (users, memberships, roles). */
export async function insertAudit(db: Db, scope: { tenantId: string; organizationId: string | null }, entry: AuditEntry) {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: scope.tenantId,
      organization_id: scope.organizationId,
      actor_user_id: entry.actorUserId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
