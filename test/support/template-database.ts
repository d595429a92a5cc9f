import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { seedDemo } from '../../src/app/seed-demo.js';
import { dumpEmbedded, openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { CalendarDate } from '../../src/domain/calendar-date.js';

/** The fixed billing "today" of the test suite: the demo data is deterministic for it. */
export const TEST_TODAY = '2026-12-03' as CalendarDate;

export type DatabaseTemplate = { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; serverUrl: string; templateName: string };

/** PGlite: migrate and seed once, dump the data directory. PostgreSQL: a migrated, seeded template database. */
export async function prepareTemplate(databaseUrl: string | undefined, dir: string): Promise<DatabaseTemplate> {
  if (!databaseUrl) {
    const handle = await openDatabase({ memory: true });
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, TEST_TODAY);
    const dumpFile = path.join(dir, 'template.tar');
    await fs.writeFile(dumpFile, Buffer.from(await (await dumpEmbedded(handle)).arrayBuffer()));
    await handle.close();
    return { kind: 'pglite', dumpFile };
  }
  const templateName = `${new URL(databaseUrl).pathname.slice(1) || 'wattbill'}_template_${process.pid}`;
  await admin(databaseUrl, [`DROP DATABASE IF EXISTS "${templateName}"`, `CREATE DATABASE "${templateName}"`]);
  const handle = await openDatabase({ databaseUrl: withDatabase(databaseUrl, templateName) });
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, TEST_TODAY);
  await handle.close();
  return { kind: 'postgres', serverUrl: databaseUrl, templateName };
}

export async function dropTemplate(template: DatabaseTemplate) {
  if (template.kind === 'postgres') await admin(template.serverUrl, [`DROP DATABASE IF EXISTS "${template.templateName}" WITH (FORCE)`]);
}

export async function admin(serverUrl: string, statements: string[]) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
