import fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { admin, withDatabase } from './template-database.js';

export { TEST_TODAY } from './template-database.js';

/** A fresh copy of the migrated, seeded template: PGlite from its dump, or a PostgreSQL database cloned from the template. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('databaseTemplate');
  if (template.kind === 'pglite') {
    const dump = new Blob([await fs.readFile(template.dumpFile)]);
    return openDatabase({ memory: true, loadDump: dump });
  }
  const name = `${template.templateName}_${randomBytes(4).toString('hex')}`;
  await admin(template.serverUrl, [`CREATE DATABASE "${name}" TEMPLATE "${template.templateName}"`]);
  const handle = await openDatabase({ databaseUrl: withDatabase(template.serverUrl, name), poolSize: 8 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin(template.serverUrl, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
    },
  };
}
