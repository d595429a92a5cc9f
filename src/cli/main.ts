import { parseArgs } from 'node:util';
import { extendSchedules } from '../app/extend-schedules.js';
import { operatorContext } from '../app/operator-context.js';
import { seedDemo } from '../app/seed-demo.js';
import { setTenantPlan } from '../app/set-tenant-plan.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { DomainError } from '../domain/domain-error.js';
import { migrateToLatest } from '../db/migrate.js';
import { parseCalendarDate } from '../domain/calendar-date.js';
import { billingRunCommand } from './billing-run-command.js';
import { importFile } from './import-file.js';

const USAGE = `Usage: wattbill <command>

Commands:
  migrate            apply the pending database migrations
  seed --demo        migrate, then seed the demo tenants (once; a second run seeds nothing)
  schedules extend   add the advance periods that today's horizon calls for (idempotent)
  tenant set-plan TENANT PLAN
                     set a tenant's plan (basic or professional); TENANT is its id or its name
  billing-run --org ORG --date YYYY-MM-DD [--finalize]
                     an advance billing run of the organization ORG (its id or name) for a run
                     date, worked in this process with a progress bar; --finalize makes final
                     invoices (default: the organization's setting)
  billing-run --org ORG --run RUN_ID
                     resume a run that stopped, or work on a running one as one more worker
  import move-ins FILE.csv --org ORG [--dry-run]
                     import existing customers and contracts (one row per contract; columns in
                     docs/import-move-ins.md) into the organization ORG (its id or name); commits
                     only when no row is in error; rows imported before are left unchanged

The database is DATABASE_URL when set, else the embedded one in DATA_DIR (default ./data).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      org: { type: 'string' },
      'dry-run': { type: 'boolean' },
      date: { type: 'string' },
      finalize: { type: 'boolean' },
      run: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, subcommand, ...rest] = positionals;
  const valid =
    command === 'migrate' ||
    (command === 'seed' && values.demo) ||
    (command === 'schedules' && subcommand === 'extend') ||
    (command === 'tenant' && subcommand === 'set-plan' && rest.length === 2) ||
    (command === 'import' && subcommand === 'move-ins' && rest.length === 1 && values.org !== undefined) ||
    (command === 'billing-run' &&
      subcommand === undefined &&
      values.org !== undefined &&
      (values.date !== undefined) !== (values.run !== undefined));
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
    if (command === 'tenant') {
      const tenant = await setTenantPlan(handle.db, rest[0]!, rest[1]!);
      console.log(`Tenant ${tenant.name} (${tenant.id}) is now on the ${tenant.plan} plan.`);
    }
    if (command === 'billing-run') {
      if (values.date !== undefined && parseCalendarDate(values.date) === null)
        throw new DomainError('validation_failed', '--date takes YYYY-MM-DD.');
      const run = await billingRunCommand(await operatorContext(handle.db, values.org!, config.today()), {
        runDate: values.date,
        finalize: values.finalize,
        runId: values.run,
      });
      return run.status === 'done' ? 0 : 1;
    }
    if (command === 'import') {
      const result = await importFile(await operatorContext(handle.db, values.org!, config.today()), rest[0]!, {
        dryRun: values['dry-run'] ?? false,
      });
      return result.errorCount === 0 ? 0 : 1;
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
    console.error(error instanceof DataDirLockedError || error instanceof DomainError ? error.message : error);
    process.exit(1);
  },
);
