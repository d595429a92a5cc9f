import { sql } from 'kysely';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
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

/** A live session with its tenant's access version (which keys the permission cache). */
export async function findLiveSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('tenants as t', 't.id', 's.tenant_id')
    .select(['s.tenant_id', 's.user_id', 's.expires_at', 't.access_version'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
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

export async function listRoles(db: Db, tenantId: string) {
  return db
    .selectFrom('roles')
    .select(['id', 'name', 'built_in', 'permissions'])
    .where('tenant_id', '=', tenantId)
    .orderBy('built_in', 'desc')
    .orderBy('name')
    .execute();
}

/** A page of the tenant's users who have access to one of these organizations, by email, with those memberships. */
export async function listUsersOfOrganizations(db: Db, tenantId: string, organizationIds: readonly string[], page: Page) {
  if (organizationIds.length === 0) return { items: [], nextCursor: null };
  let query = db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.name', sql<boolean>`u.password_hash IS NULL`.as('invitation_pending')])
    .where('u.tenant_id', '=', tenantId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships as m')
          .select(sql`1`.as('one'))
          .whereRef('m.tenant_id', '=', 'u.tenant_id')
          .whereRef('m.user_id', '=', 'u.id')
          .where('m.organization_id', 'in', organizationIds),
      ),
    );
  if (page.cursor) {
    const [email] = decodeCursor(page.cursor, ['text']);
    query = query.where('u.email', '>', email!);
  }
  const users = pageOf(
    await query
      .orderBy('u.email')
      .limit(page.limit + 1)
      .execute(),
    page.limit,
    (u) => [u.email],
  );
  const memberships = users.items.length
    ? await db
        .selectFrom('memberships')
        .select(['user_id', 'organization_id', 'role_id'])
        .where('tenant_id', '=', tenantId)
        .where(
          'user_id',
          'in',
          users.items.map((u) => u.id),
        )
        .where('organization_id', 'in', organizationIds)
        .orderBy('organization_id')
        .execute()
    : [];
  return {
    items: users.items.map((u) => ({ ...u, memberships: memberships.filter((m) => m.user_id === u.id) })),
    nextCursor: users.nextCursor,
  };
}

export async function loginThrottles(db: Db, keys: readonly string[]) {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['key', 'failures', 'window_started_at', 'blocked_until'])
    .where('key', 'in', keys)
    .execute();
  return new Map(
    rows.map((r) => [
      r.key,
      {
        failures: r.failures,
        windowStartedAt: new Date(r.window_started_at).getTime(),
        blockedUntil: r.blocked_until ? new Date(r.blocked_until).getTime() : null,
      },
    ]),
  );
}

export async function saveLoginThrottle(
  db: Db,
  key: string,
  state: { failures: number; windowStartedAt: number; blockedUntil: number | null },
) {
  const values = {
    failures: state.failures,
    window_started_at: new Date(state.windowStartedAt),
    blocked_until: state.blockedUntil === null ? null : new Date(state.blockedUntil),
  };
  await db
    .insertInto('login_throttle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function clearLoginThrottle(db: Db, key: string) {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
