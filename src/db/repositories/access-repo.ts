import { sql } from 'kysely';
import type { Db } from '../connection.js';

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['tenant_id', 'id', 'email', 'name', 'password_hash']).where('email', '=', email).executeTakeFirst();
}

export async function findUser(db: Db, tenantId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['tenant_id', 'id', 'email', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function insertSession(db: Db, session: { tokenHash: string; tenantId: string; userId: string; expiresAt: Date }) {
  await db
    .insertInto('sessions')
    .values({ token_hash: session.tokenHash, tenant_id: session.tenantId, user_id: session.userId, expires_at: session.expiresAt })
    .execute();
}

export async function findLiveSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .select(['tenant_id', 'user_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function findTenant(db: Db, tenantId: string) {
  return db.selectFrom('tenants').select(['id', 'name', 'plan']).where('id', '=', tenantId).executeTakeFirst();
}

/** The organizations a user can access, each with the user's role there and its grants. */
export async function userMemberships(db: Db, tenantId: string, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.organization_id'))
    .innerJoin('roles as r', (j) => j.onRef('r.tenant_id', '=', 'm.tenant_id').onRef('r.id', '=', 'm.role_id'))
    .select(['o.id as organization_id', 'o.name as organization_name', 'r.id as role_id', 'r.name as role_name', 'r.permissions'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

/** The user's role grants in one organization, or undefined when the user has no access there. */
export async function membershipGrants(db: Db, tenantId: string, userId: string, organizationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('roles as r', (j) => j.onRef('r.tenant_id', '=', 'm.tenant_id').onRef('r.id', '=', 'm.role_id'))
    .select(['r.permissions'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.user_id', '=', userId)
    .where('m.organization_id', '=', organizationId)
    .executeTakeFirst();
}
