/**
 * Authorization and user listing: the cached permission check per request, and the first page of a
 * tenant's 10,000 users on PostgreSQL through HTTP.
 * Run: npx tsx bench/access.ts   (uses BENCH_DATABASE_URL or the local server)
 */
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { hashPassword } from '../src/app/sessions.js';
import { resolveAccess } from '../src/app/resolve-access.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import * as seed from '../src/db/repositories/seed-repo.js';
import type { CalendarDate } from '../src/domain/calendar-date.js';
import { BUILT_IN_ROLES } from '../src/domain/permissions.js';
import { buildApp } from '../src/http/app.js';
import { admin as adminSql, withDatabase } from '../test/support/template-database.js';
import { ms, timeRuns } from './measure.js';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const USERS = 10_000;

export async function benchAccess() {
  const name = `wattbill_bench_access_${process.pid}`;
  await adminSql(SERVER_URL, [`DROP DATABASE IF EXISTS ${name}`, `CREATE DATABASE ${name}`]);
  const handle = await openDatabase({ databaseUrl: withDatabase(SERVER_URL, name) });
  try {
    await migrateToLatest(handle.db);
    const tenantId = await seed.insertTenant(handle.db, { name: 'Bench', plan: 'professional' });
    const organizationId = await seed.insertOrganization(handle.db, tenantId, 'Bench Energy', {});
    const roleId = await seed.insertRole(handle.db, tenantId, { name: 'Admin', builtIn: true, permissions: BUILT_IN_ROLES.Admin });
    const userId = await seed.insertUser(handle.db, tenantId, {
      email: 'bench-admin@bench.example',
      name: 'Bench Admin',
      passwordHash: await hashPassword('bench-admin'),
    });
    await seed.insertMembership(handle.db, tenantId, { userId, organizationId, roleId });
    await sql`INSERT INTO users (tenant_id, email, name) SELECT ${tenantId}, 'user' || n || '@bench.example', 'User ' || n FROM generate_series(1, ${USERS - 1}) AS n`.execute(
      handle.db,
    );
    await sql`INSERT INTO memberships (tenant_id, user_id, organization_id, role_id) SELECT tenant_id, id, ${organizationId}, ${roleId} FROM users WHERE tenant_id = ${tenantId} AND id <> ${userId}`.execute(
      handle.db,
    );
    await sql`ANALYZE`.execute(handle.db);

    const actor = { tenantId, userId, accessVersion: 0 };
    await resolveAccess(handle.db, actor, organizationId);
    const check = await timeRuns(10_000, () => resolveAccess(handle.db, actor, organizationId));
    console.log(
      `authorization check, cached per session and access version: median ${(check.median * 1000).toFixed(1)} µs (p95 ${(check.p95 * 1000).toFixed(1)} µs)`,
    );

    const { app } = buildApp({
      db: handle.db,
      today: () => '2026-12-03' as CalendarDate,
      log: { error: (e) => console.error(e), info: () => {} },
      billingRuns: { start: () => {} },
    });
    const login = await (
      await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench-admin@bench.example', password: 'bench-admin' }),
      })
    ).json();
    const headers = { authorization: `Bearer ${login.token}` };
    const page = await timeRuns(200, async () => {
      const answer = await app.request('/api/v1/users?limit=50', { headers });
      if (answer.status !== 200) throw new Error(`users answered ${answer.status}`);
      await answer.json();
    });
    console.log(`users list of a tenant with ${USERS} users, first page: median ${ms(page.median)} (p95 ${ms(page.p95)})`);
    return { authorizationCheckMedianMs: check.median, usersFirstPageMedianMs: page.median };
  } finally {
    await handle.close();
    await adminSql(SERVER_URL, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchAccess();
