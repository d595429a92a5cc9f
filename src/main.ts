import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { readConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { migrateToLatest } from './db/migrate.js';

const log = pino({ name: 'wattbill' });
const config = readConfig(process.env);
const started = Date.now();

// The rest of the server loads while the database opens (PGlite compiles its WebAssembly meanwhile).
const opening = openDatabase(config.database);
const [{ extendSchedules }, { seedDemo, DEMO_TENANTS }, { buildApp }, { billingRunWorker }, { startScheduledRuns }] = await Promise.all([
  import('./app/extend-schedules.js'),
  import('./app/seed-demo.js'),
  import('./http/app.js'),
  import('./jobs/billing-run-worker.js'),
  import('./app/start-scheduled-runs.js'),
]);
const handle = await opening.catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
const applied = await migrateToLatest(handle.db);
const seeded = config.seedDemo && (await seedDemo(handle.db, config.today()));

const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');
const billingRuns = billingRunWorker(handle.db, config.today, log);
const { app } = buildApp({ db: handle.db, today: config.today, log, billingRuns }, { webDistDir });
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  const url = `http://localhost:${info.port}`;
  log.info(
    { database: handle.kind, migrationsApplied: applied.length, demoSeeded: seeded, startMs: Date.now() - started },
    'Wattbill is ready',
  );
  console.log(`\nWattbill is running at ${url}  (API docs: ${url}/api/docs)`);
  if (config.seedDemo) {
    console.log('Demo logins:');
    for (const user of DEMO_TENANTS.flatMap((t) => t.users))
      console.log(`  ${user.email.padEnd(24)} ${user.password.padEnd(12)} ${user.role}`);
  }
});

// Schedules follow today's horizon: extend them a minute after start (not in the way of the first
// requests) and then every day, and start the billing runs organizations schedule for the day.
// Idempotent: extension in batches of contracts, a scheduled run once per organization and day.
const extend = async () => {
  await extendSchedules(handle.db, config.today()).catch((error: unknown) => log.error({ err: error }, 'extending schedules failed'));
  await startScheduledRuns(handle.db, config.today())
    .then((runs) => runs.forEach((r) => billingRuns.start(r.scope, r.id)))
    .catch((error: unknown) => log.error({ err: error }, 'starting scheduled billing runs failed'));
};
// runs a stopped server left unfinished go on where they stopped
void billingRuns.resumeAbandoned().catch((error: unknown) => log.error({ err: error }, 'resuming billing runs failed'));
const firstExtension = setTimeout(extend, 60_000);
const daily = setInterval(extend, 24 * 3600_000);

async function shutdown() {
  clearTimeout(firstExtension);
  clearInterval(daily);
  server.close();
  await billingRuns.idle();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
