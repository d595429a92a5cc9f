import { sql } from 'kysely';
import type { Db } from '../connection.js';
import { DomainError } from '../../domain/domain-error.js';
import { isUuid } from '../../domain/ids.js';
import { decodeCursor, pageOf } from '../pagination.js';
import type { MembershipGrant } from '../../domain/access-rules.js';

// Tenant-level access management: roles, users, memberships, invitations. Every query is scoped by tenant.

export async function findRole(db: Db, tenantId: string, roleId: string) {
  if (!isUuid(roleId)) return undefined;
  return db
    .selectFrom('roles')
    .select(['id', 'name', 'built_in', 'permissions'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', roleId)
    .executeTakeFirst();
}

export async function roleMembershipCounts(db: Db, tenantId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('memberships')
    .select(['role_id', sql<number>`count(*)::int`.as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy('role_id')
    .execute();
  return new Map(rows.map((r) => [r.role_id, r.n]));
}

export async function insertCustomRole(db: Db, tenantId: string, role: { name: string; permissions: object }) {
  return db
    .insertInto('roles')
    .values({ tenant_id: tenantId, name: role.name, built_in: false, permissions: JSON.stringify(role.permissions) })
    .returning(['id', 'name', 'built_in', 'permissions'])
    .executeTakeFirstOrThrow();
}

export async function updateCustomRole(db: Db, tenantId: string, roleId: string, role: { name: string; permissions: object }) {
  return db
    .updateTable('roles')
    .set({ name: role.name, permissions: JSON.stringify(role.permissions) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', roleId)
    .where('built_in', '=', false)
    .returning(['id', 'name', 'built_in', 'permissions'])
    .executeTakeFirstOrThrow();
}

export async function deleteCustomRole(db: Db, tenantId: string, roleId: string) {
  await db.deleteFrom('roles').where('tenant_id', '=', tenantId).where('id', '=', roleId).where('built_in', '=', false).execute();
}

/** Every membership of the tenant, with whether its role is the built-in Admin role. */
export async function tenantMemberships(db: Db, tenantId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('roles as r', (j) => j.onRef('r.tenant_id', '=', 'm.tenant_id').onRef('r.id', '=', 'm.role_id'))
    .select(['m.user_id', 'm.organization_id', 'm.role_id', sql<boolean>`r.built_in AND r.name = 'Admin'`.as('is_admin')])
    .where('m.tenant_id', '=', tenantId)
    .forUpdate('m') // a concurrent change of access waits: "the last Admin" is decided on current data
    .execute();
}

export async function builtInRoleId(db: Db, tenantId: string, name: string): Promise<string> {
  return (
    await db
      .selectFrom('roles')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('built_in', '=', true)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
}

export async function tenantOrganizationIds(db: Db, tenantId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('organizations').select('id').where('tenant_id', '=', tenantId).execute();
  return new Set(rows.map((r) => r.id));
}

export async function tenantRoleIds(db: Db, tenantId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('roles').select('id').where('tenant_id', '=', tenantId).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertUserAccount(db: Db, tenantId: string, user: { email: string; name: string; passwordHash: string | null }) {
  return db
    .insertInto('users')
    .values({ tenant_id: tenantId, email: user.email, name: user.name, password_hash: user.passwordHash })
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow();
}

export async function findTenantUser(db: Db, tenantId: string, userId: string) {
  if (!isUuid(userId)) return undefined;
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function renameUser(db: Db, tenantId: string, userId: string, name: string) {
  await db.updateTable('users').set({ name }).where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
}

/** Replaces a user's memberships with `after` (the complete new list). */
export async function replaceMemberships(db: Db, tenantId: string, userId: string, after: readonly MembershipGrant[]) {
  await db.deleteFrom('memberships').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  if (after.length === 0) return;
  await db
    .insertInto('memberships')
    .values(after.map((m) => ({ tenant_id: tenantId, user_id: userId, organization_id: m.organizationId, role_id: m.roleId })))
    .execute();
}

export async function insertInvitation(db: Db, invitation: { tokenHash: string; tenantId: string; userId: string; expiresAt: Date }) {
  await db
    .insertInto('invitations')
    .values({
      token_hash: invitation.tokenHash,
      tenant_id: invitation.tenantId,
      user_id: invitation.userId,
      expires_at: invitation.expiresAt,
    })
    .execute();
}

/** The open invitation of this token, locked: accepting it twice at once sets one password. */
export async function lockOpenInvitation(db: Db, tokenHash: string) {
  return db
    .selectFrom('invitations')
    .select(['tenant_id', 'user_id'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .forUpdate()
    .executeTakeFirst();
}

export async function useInvitation(db: Db, tokenHash: string, tenantId: string, userId: string, passwordHash: string) {
  await db
    .updateTable('invitations')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .execute();
  await db.updateTable('users').set({ password_hash: passwordHash }).where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
}

/** Every change of roles or memberships bumps the tenant's access version, in the same transaction. */
export async function bumpAccessVersion(db: Db, tenantId: string) {
  await db
    .updateTable('tenants')
    .set({ access_version: sql`access_version + 1` })
    .where('id', '=', tenantId)
    .execute();
}

export async function setTenantPlan(db: Db, tenant: string, plan: 'basic' | 'professional') {
  const byId = isUuid(tenant) ? sql<boolean>`id = ${tenant}::uuid` : sql<boolean>`name = ${tenant}`;
  return db.updateTable('tenants').set({ plan }).where(byId).returning(['id', 'name', 'plan']).execute();
}

/** Access changes of the tenant (users, memberships, roles), newest first, with who made them. */
export async function listAccessAudit(db: Db, tenantId: string, page: { limit: number; cursor: string | null }) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.actor_user_id'))
    .select(['a.id', 'a.at', 'a.entity', 'a.entity_id', 'a.action', 'a.before', 'a.after', 'a.actor_user_id', 'u.name as actor_name'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.entity', 'in', ['user', 'role']);
  if (page.cursor) {
    const [id] = decodeCursor(page.cursor, ['text']);
    if (!/^\d{1,18}$/.test(id!))
      throw new DomainError('validation_failed', 'The cursor is not valid.', [{ path: 'cursor', message: 'not a cursor of this list' }]);
    query = query.where('a.id', '<', Number(id));
  }
  return pageOf(
    await query
      .orderBy('a.id', 'desc')
      .limit(page.limit + 1)
      .execute(),
    page.limit,
    (r) => [String(r.id)],
  );
}
