import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../db/connection.js';
import * as access from '../db/repositories/access-repo.js';
import { DomainError } from '../domain/domain-error.js';
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

export async function logIn(db: Db, email: string, password: string): Promise<Login> {
  const user = await access.findUserByEmail(db, email.trim().toLowerCase());
  const passwordHash = user?.password_hash ?? (await (unknownUserHash ??= hash('no such user, same cost')));
  const valid = await verify(passwordHash, password).catch(() => false);
  if (!user || !user.password_hash || !valid) throw new DomainError('unauthenticated', 'Wrong email or password.');
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
  return session ? { tenantId: session.tenant_id, userId: session.user_id } : null;
}
