import { openDatabase, type DatabaseHandle } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { admin, withDatabase } from '../test/support/template-database.js';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const urls = new WeakMap<DatabaseHandle, string>();

/** A fresh, migrated database for one benchmark: a throwaway database on the server, or PGlite in memory. */
export async function openBenchDatabase(kind: 'postgres' | 'pglite'): Promise<DatabaseHandle> {
  const handle = await openUnmigrated(kind);
  await migrateToLatest(handle.db);
  return handle;
}

/** The URL of a benchmark's server database, for the worker processes it starts. */
export function benchDatabaseUrl(handle: DatabaseHandle): string | undefined {
  return urls.get(handle);
}

async function openUnmigrated(kind: 'postgres' | 'pglite'): Promise<DatabaseHandle> {
  if (kind === 'pglite') return openDatabase({ memory: true });
  const name = `wattbill_bench_${process.pid}_${Date.now()}`;
  await admin(SERVER_URL, [`DROP DATABASE IF EXISTS ${name}`, `CREATE DATABASE ${name}`]);
  const url = withDatabase(SERVER_URL, name);
  const opened = await openDatabase({ databaseUrl: url, poolSize: 10 });
  const handle = {
    ...opened,
    close: async () => (await opened.close(), await admin(SERVER_URL, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`])),
  };
  urls.set(handle, url);
  return handle;
}
