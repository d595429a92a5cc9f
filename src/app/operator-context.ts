import type { Db } from '../db/connection.js';
import { organizationsNamed } from '../db/repositories/organizations-repo.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { DomainError } from '../domain/domain-error.js';
import type { OrgContext } from './context.js';

/** The context of the platform operator acting in one organization, named by its id or its name (the command line). */
export async function operatorContext(db: Db, organization: string, today: CalendarDate): Promise<OrgContext> {
  const found = await organizationsNamed(db, organization);
  if (found.length !== 1) throw new DomainError('not_found', `No single organization is named or identified by ${organization}.`);
  const { tenant_id: tenantId, id: organizationId } = found[0]!;
  return { db, actor: { tenantId, userId: null }, scope: { tenantId, organizationId }, today };
}
