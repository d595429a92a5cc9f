import { parseArgs } from 'node:util';
import { extendSchedules } from '../app/extend-schedules.js';
import { seedDemo } from '../app/seed-demo.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { migrateToLatest } from '../db/migrate.js';

const USAGE = `Usage: wattbill <command>

Commands:
  migrate            apply the pending database migrations
  seed --demo        migrate, then seed the demo tenants (once; a second run seeds nothing)
  schedules extend   add the advance periods that today's horizon calls for (idempotent)

The database is DATABASE_URL when set, else the embedded one in DATA_DIR (default ./data).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, subcommand] = positionals;
  const valid = command === 'migrate' || (command === 'seed' && values.demo) || (command === 'schedules' && subcommand === 'extend');
  if (values.help || !valid) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = readConfig(process.env);
  const handle = await openDatabase(config.database);
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
    if (command === 'seed') {
      const seeded = await seedDemo(handle.db, config.today());
      console.log(seeded ? 'Seeded the demo tenants.' : 'The demo tenants exist already: nothing seeded.');
    }
    if (command === 'schedules') console.log(`Extended the schedules of ${await extendSchedules(handle.db, config.today())} contracts.`);
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
