import type { Db } from '../connection.js';
import type { OrgScope } from '../scope.js';

export type AuditEntry = {
  actorUserId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

export async function insertAudit(db: Db, scope: OrgScope, entry: AuditEntry) {
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
