import type { Db } from '../db/connection.js';
import type { Page } from '../db/pagination.js';
import { listAccessAudit as listRows } from '../db/repositories/access-admin-repo.js';
import type { Actor } from './context.js';
import { loadTenantAccess } from './tenant-access.js';

/** Who changed which user, membership or role, when, from what to what: for the tenant's Admins. */
export async function listAccessAudit(db: Db, actor: Actor, page: Page) {
  await db.transaction().execute((tx) => loadTenantAccess(tx, actor)); // Admins only
  const result = await listRows(db, actor.tenantId, page);
  return {
    items: result.items.map((r) => ({
      at: new Date(r.at).toISOString(),
      actor: r.actor_user_id ? { id: r.actor_user_id, name: r.actor_name } : null,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    nextCursor: result.nextCursor,
  };
}
