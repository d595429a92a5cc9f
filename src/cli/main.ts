import { parseArgs } from 'node:util';
import { seedDemo } from '../app/seed-demo.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { migrateToLatest } from '../db/migrate.js';

const USAGE = `Usage: wattbill <command>

Commands:
  migrate        apply the pending database migrations
  seed --demo    migrate, then seed the demo tenants (once; a second run seeds nothing)

The database is DATABASE_URL when set, else the embedded one in DATA_DIR (default ./data).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || !command || !['migrate', 'seed'].includes(command) || (command === 'seed' && !values.demo)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = readConfig(process.env);
  const handle = await openDatabase(config.database);
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
    if (command === 'seed')
      console.log(
        (await seedDemo(handle.db, config.today())) ? 'Seeded the demo tenants.' : 'The demo tenants exist already: nothing seeded.',
      );
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DataDirLockedError ? error.message : error);
    process.exit(1);
  },
);
