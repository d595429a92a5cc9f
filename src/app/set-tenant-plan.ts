import type { Db } from '../db/connection.js';
import { setTenantPlan as savePlan } from '../db/repositories/access-admin-repo.js';
import { DomainError } from '../domain/domain-error.js';

export const PLANS = ['basic', 'professional'] as const;
export type Plan = (typeof PLANS)[number];

/** The platform operator's switch: a tenant's plan decides, for one, whether it may have custom roles. */
export async function setTenantPlan(db: Db, tenant: string, plan: string) {
  if (!(PLANS as readonly string[]).includes(plan)) throw new DomainError('validation_failed', `A plan is one of ${PLANS.join(', ')}.`);
  const updated = await savePlan(db, tenant, plan as Plan);
  if (updated.length !== 1) throw new DomainError('not_found', `No single tenant is named or identified by ${tenant}.`);
  return updated[0]!;
}
