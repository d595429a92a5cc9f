import type { Db } from '../db/connection.js';
import type { OrgScope } from '../db/scope.js';
import { findOrganizationSettings } from '../db/repositories/organizations-repo.js';
import { organizationSettings } from '../domain/organization-settings.js';

export async function loadSettings(db: Db, scope: OrgScope) {
  const row = await findOrganizationSettings(db, scope);
  return organizationSettings(row.settings, row.name);
}
