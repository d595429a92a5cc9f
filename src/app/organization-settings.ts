import { findOrganizationSettings, saveOrganizationSettings } from '../db/repositories/organizations-repo.js';
import { insertAudit } from '../db/repositories/audit-repo.js';
import { organizationSettings, type InvoicingSettings, type SupplierIdentity } from '../domain/organization-settings.js';
import type { OrgContext } from './context.js';

export async function getSettings(ctx: OrgContext) {
  const row = await findOrganizationSettings(ctx.db, ctx.scope);
  return organizationSettings(row.settings, row.name);
}

export type SettingsChange = { invoicing?: Partial<InvoicingSettings> | undefined; supplier?: Partial<SupplierIdentity> | undefined };

/** Changes some settings, keeping the others (and whatever later issues store beside them). */
export async function updateSettings(ctx: OrgContext, change: SettingsChange) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findOrganizationSettings(tx, ctx.scope, true);
    const stored = row.settings as { invoicing?: object; supplier?: object };
    const next = {
      ...stored,
      invoicing: { ...stored.invoicing, ...change.invoicing },
      supplier: { ...stored.supplier, ...change.supplier },
    };
    await saveOrganizationSettings(tx, ctx.scope, next);
    await insertAudit(tx, ctx.scope, {
      actorUserId: ctx.actor.userId,
      entity: 'settings',
      entityId: ctx.scope.organizationId,
      action: 'update',
      before: stored,
      after: next,
    });
  });
  return getSettings(ctx);
}
