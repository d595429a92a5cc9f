import { isUuid } from '../../domain/ids.js';
import type { Db } from '../connection.js';

/** An organization by its id alone: for its public pages, which come without a session (and so a tenant). */
export async function findPublicOrganization(db: Db, organizationId: string) {
  if (!isUuid(organizationId)) return undefined;
  return db
    .selectFrom('organizations')
    .select(['tenant_id', 'id', 'name'])
    .where('id', '=', organizationId.toLowerCase())
    .executeTakeFirst();
}

/** The energies an organization sells (those of its products). */
export async function organizationEnergies(db: Db, scope: { tenantId: string; organizationId: string }) {
  const rows = await db
    .selectFrom('products')
    .select('energy')
    .distinct()
    .where('tenant_id', '=', scope.tenantId)
    .where('organization_id', '=', scope.organizationId)
    .orderBy('energy')
    .execute();
  return rows.map((r) => r.energy);
}

/** Organizations whose id or name is the given text (the operator names one on the command line). */
export async function organizationsNamed(db: Db, idOrName: string) {
  return db
    .selectFrom('organizations')
    .select(['tenant_id', 'id', 'name'])
    .where((eb) => {
      const named = eb(eb.fn('lower', ['name']), '=', idOrName.toLowerCase());
      return isUuid(idOrName) ? eb.or([eb('id', '=', idOrName.toLowerCase()), named]) : named;
    })
    .execute();
}

/** An organization's name and stored settings; locked when they are about to change. */
export async function findOrganizationSettings(db: Db, scope: { tenantId: string; organizationId: string }, lock = false) {
  const query = db
    .selectFrom('organizations')
    .select(['name', 'settings'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', scope.organizationId);
  return (lock ? query.forUpdate() : query).executeTakeFirstOrThrow();
}

export async function saveOrganizationSettings(db: Db, scope: { tenantId: string; organizationId: string }, settings: object) {
  await db
    .updateTable('organizations')
    .set({ settings: JSON.stringify(settings) })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', scope.organizationId)
    .execute();
}
