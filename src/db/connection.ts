import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Database } from './schema.js';
import { lockDataDir } from './data-dir-lock.js';

// DATE comes back as 'YYYY-MM-DD' and NUMERIC as a decimal string on both back ends.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Kysely<Database>;
export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Db;
  kind: DatabaseKind;
  /** The pool, for what Kysely can't do (COPY on the server). */
  pool: pg.Pool;
  /** The embedded database itself, when there is one (to dump it). */
  embedded?: PGlite;
  close(): Promise<void>;
};

export type DatabaseConfig =
  { databaseUrl: string; poolSize?: number } | { dataDir: string; loadDump?: Blob } | { memory: true; loadDump?: Blob };

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if ('databaseUrl' in config) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    // The pool drops an idle connection the server closed (a restart, an administrator's terminate) and
    // opens another when needed; without a listener, that connection's error would end the process.
    pool.on('error', (error) => process.emitWarning(`A database connection was closed by the server: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const release = 'dataDir' in config ? lockDataDir(config.dataDir) : () => {};
  try {
    const dataDir = 'dataDir' in config ? path.join(config.dataDir, 'pglite') : undefined;
    const pglite = await PGlite.create(dataDir, config.loadDump ? { loadDataDir: config.loadDump } : {});
    const pool = new pg.Pool(createPgConfig(pglite));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      pool,
      embedded: pglite,
      async close() {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Dumps an embedded database (tests migrate and seed once, then load the dump per file). */
export async function dumpEmbedded(handle: DatabaseHandle): Promise<Blob> {
  if (!handle.embedded) throw new Error('only an embedded database can be dumped');
  return (await handle.embedded.dumpDataDir('none')) as Blob;
}
