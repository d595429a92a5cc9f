import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.js';
import * as admin from '../db/repositories/access-admin-repo.js';
import { membershipChangeRefusal, type MembershipGrant } from '../domain/access-rules.js';
import { DomainError } from '../domain/domain-error.js';
import type { Actor } from './context.js';
import { hashPassword, hashToken, startSession } from './sessions.js';
import { loadTenantAccess, recordAccessChange } from './tenant-access.js';

const INVITATION_DAYS = 7;
export const MIN_PASSWORD_LENGTH = 10;

export type MembershipInput = { organizationId: string; roleId: string };

const REFUSALS = {
  forbidden: 'You can only give or take access in organizations where you are Admin.',
  cannot_change_own_access: 'Nobody changes their own access; ask another Admin.',
  last_admin: 'The tenant would have no Admin left.',
} as const;

/** Memberships named in a request must be of the actor's tenant: another tenant's ids are refused. */
async function assertTenantIds(tx: Db, tenantId: string, memberships: readonly MembershipInput[]) {
  const [organizations, roles] = await Promise.all([admin.tenantOrganizationIds(tx, tenantId), admin.tenantRoleIds(tx, tenantId)]);
  const problems = memberships.flatMap((m, i) => [
    ...(organizations.has(m.organizationId) ? [] : [{ path: `memberships.${i}.organizationId`, message: 'No such organization.' }]),
    ...(roles.has(m.roleId) ? [] : [{ path: `memberships.${i}.roleId`, message: 'No such role.' }]),
  ]);
  if (new Set(memberships.map((m) => m.organizationId)).size !== memberships.length) {
    problems.push({ path: 'memberships', message: 'One role per organization.' });
  }
  if (problems.length > 0) throw new DomainError('validation_failed', 'The memberships are not valid.', problems);
}

type TenantAccess = Awaited<ReturnType<typeof loadTenantAccess>>;

async function changeMemberships(tx: Db, actor: Actor, access: TenantAccess, userId: string, after: readonly MembershipInput[]) {
  await assertTenantIds(tx, actor.tenantId, after);
  const adminRoleId = await admin.builtInRoleId(tx, actor.tenantId, 'Admin');
  const before = access.membershipsOf(userId);
  const grants: MembershipGrant[] = after.map((m) => ({ userId, ...m }));
  const refusal = membershipChangeRefusal({
    actorId: actor.userId,
    actorAdminOrganizations: access.actorAdminOrganizations,
    userId,
    before,
    after: grants,
    isAdminRole: (roleId) => roleId === adminRoleId,
    tenantAdminMemberships: access.tenantAdminMemberships,
  });
  if (refusal) throw new DomainError(refusal, REFUSALS[refusal]);
  await admin.replaceMemberships(tx, actor.tenantId, userId, grants);
  return { before: before.map(({ organizationId, roleId }) => ({ organizationId, roleId })), after };
}

function userView(user: { id: string; email: string; name: string }, memberships: readonly MembershipInput[], invitationPending: boolean) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    memberships: memberships.map(({ organizationId, roleId }) => ({ organizationId, roleId })),
    invitationPending,
  };
}

/** Adds a user with a role per organization. Without a password, answers an invitation link to set one (also logged by the caller). */
export async function createUser(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; password?: string | undefined; memberships: MembershipInput[] },
) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (tx) => {
    // authorize before anything else, so that a non-Admin learns nothing (not even whether an email is taken)
    const access = await loadTenantAccess(tx, actor);
    const user = await admin
      .insertUserAccount(tx, actor.tenantId, { email: input.email.toLowerCase(), name: input.name, passwordHash })
      .catch((error: { code?: string }) => {
        throw error.code === '23505' ? new DomainError('email_taken', 'A user with this email exists already.') : error;
      });
    const { after } = await changeMemberships(tx, actor, access, user.id, input.memberships);
    let invitationUrl: string | null = null;
    if (!passwordHash) {
      const token = randomBytes(32).toString('base64url');
      await admin.insertInvitation(tx, {
        tokenHash: hashToken(token),
        tenantId: actor.tenantId,
        userId: user.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
      invitationUrl = `/#/invitation/${token}`;
    }
    await recordAccessChange(tx, actor, {
      entity: 'user',
      entityId: user.id,
      action: 'create',
      after: { email: user.email, name: user.name, memberships: after },
    });
    return { ...userView(user, after, passwordHash === null), invitationUrl };
  });
}

/** Renames a user and/or replaces their memberships; every change of access is an audit entry with before and after. */
export async function updateUser(
  db: Db,
  actor: Actor,
  userId: string,
  change: { name?: string | undefined; memberships?: MembershipInput[] | undefined },
) {
  return db.transaction().execute(async (tx) => {
    const access = await loadTenantAccess(tx, actor);
    const user = await admin.findTenantUser(tx, actor.tenantId, userId);
    if (!user) throw new DomainError('not_found', 'No such user.');
    let memberships: readonly MembershipInput[] = access.membershipsOf(user.id);
    if (change.memberships !== undefined) {
      const { before, after } = await changeMemberships(tx, actor, access, user.id, change.memberships);
      await recordAccessChange(tx, actor, {
        entity: 'user',
        entityId: user.id,
        action: 'change_memberships',
        before,
        after,
      });
      memberships = after;
    }
    if (change.name !== undefined && change.name !== user.name) {
      await admin.renameUser(tx, actor.tenantId, user.id, change.name);
      await recordAccessChange(tx, actor, {
        entity: 'user',
        entityId: user.id,
        action: 'rename',
        before: { name: user.name },
        after: { name: change.name },
      });
    }
    return userView({ ...user, name: change.name ?? user.name }, memberships, user.password_hash === null);
  });
}

/** Sets the password of an invited user (once, before the invitation expires) and logs them in. */
export async function acceptInvitation(db: Db, token: string, password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('validation_failed', `A password has at least ${MIN_PASSWORD_LENGTH} characters.`, [
      { path: 'password', message: 'too short' },
    ]);
  }
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    const invitation = await admin.lockOpenInvitation(tx, hashToken(token));
    if (!invitation) throw new DomainError('not_found', 'This invitation link is not valid any more.');
    await admin.useInvitation(tx, hashToken(token), invitation.tenant_id, invitation.user_id, passwordHash);
    const user = await admin.findTenantUser(tx, invitation.tenant_id, invitation.user_id);
    return startSession(tx, { tenant_id: invitation.tenant_id, id: user!.id, email: user!.email, name: user!.name });
  });
}
