/** One worker process of a billing run (bench/billing-run.ts starts several): works on the run until none of it is left. */
import { executeBillingRun } from '../src/app/execute-billing-run.js';
import { openDatabase } from '../src/db/connection.js';
import type { CalendarDate } from '../src/domain/calendar-date.js';

const [tenantId, organizationId, runId, databaseUrl] = process.argv.slice(2);
const handle = await openDatabase({ databaseUrl: databaseUrl!, poolSize: 2 });
try {
  await executeBillingRun(handle.db, { tenantId: tenantId!, organizationId: organizationId! }, runId!, '2026-12-03' as CalendarDate);
} finally {
  await handle.close();
}
