import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../db/connection.js';
import * as access from '../db/repositories/access-repo.js';
import { DomainError } from '../domain/domain-error.js';
import { afterFailure, LOGIN_THROTTLE, retryAfterSeconds } from '../domain/login-throttle.js';
import type { Actor } from './context.js';

const SESSION_HOURS = 12;
// Verifying against a real hash when the email is unknown keeps both answers equally slow
// (made on the first login, not at start-up).
let unknownUserHash: Promise<string> | undefined;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password); // argon2id with the library's current defaults
}

export type Login = { token: string; expiresAt: Date; user: { id: string; email: string; name: string } };

/**
 * Logs in with email and password, from a network address. Failures are counted per account and per
 * address (in the database, so every server shares them); over the limit, logins answer 429 for a while.
 */
export async function logIn(db: Db, email: string, password: string, address: string, now = Date.now()): Promise<Login> {
  const normalized = email.trim().toLowerCase();
  const keys = { account: `account:${normalized}`, address: `address:${address}` };
  const throttles = await access.loginThrottles(db, [keys.account, keys.address]);
  const wait = Math.max(retryAfterSeconds(throttles.get(keys.account), now) ?? 0, retryAfterSeconds(throttles.get(keys.address), now) ?? 0);
  if (wait > 0) throw new DomainError('too_many_attempts', 'Too many failed logins; try again later.', { retryAfterSeconds: wait });

  const user = await access.findUserByEmail(db, normalized);
  const passwordHash = user?.password_hash ?? (await (unknownUserHash ??= hash('no such user, same cost')));
  const valid = await verify(passwordHash, password).catch(() => false);
  if (!user || !user.password_hash || !valid) {
    await access.saveLoginThrottle(db, keys.account, afterFailure(throttles.get(keys.account), now, LOGIN_THROTTLE.accountFailures));
    await access.saveLoginThrottle(db, keys.address, afterFailure(throttles.get(keys.address), now, LOGIN_THROTTLE.addressFailures));
    throw new DomainError('unauthenticated', 'Wrong email or password.');
  }
  await access.clearLoginThrottle(db, keys.account);
  return startSession(db, user);
}

/** A new session for a user whose identity is established. */
export async function startSession(db: Db, user: { tenant_id: string; id: string; email: string; name: string }): Promise<Login> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await access.insertSession(db, { tokenHash: hashToken(token), tenantId: user.tenant_id, userId: user.id, expiresAt });
  return { token, expiresAt, user: { id: user.id, email: user.email, name: user.name } };
}

export async function logOut(db: Db, token: string): Promise<void> {
  await access.deleteSession(db, hashToken(token));
}

/** The actor of a live session token, or null. */
export async function authenticate(db: Db, token: string): Promise<Actor | null> {
  const session = await access.findLiveSession(db, hashToken(token));
  return session ? { tenantId: session.tenant_id, userId: session.user_id, accessVersion: session.access_version } : null;
}
