import type { Db } from '../db/connection.js';
import type { OrgScope } from '../db/scope.js';
import { allOrganizations } from '../db/repositories/contracts-repo.js';
import { insertBillingRun } from '../db/repositories/billing-runs-repo.js';
import { ymd, type CalendarDate } from '../domain/calendar-date.js';
import { loadSettings } from './load-settings.js';

/**
 * Queues today's scheduled advance runs: every organization whose run day of the month is today.
 * A run is queued once per organization and day, however many servers tick (a unique key).
 */
export async function startScheduledRuns(db: Db, today: CalendarDate): Promise<{ scope: OrgScope; id: string }[]> {
  const started: { scope: OrgScope; id: string }[] = [];
  const [, , day] = ymd(today);
  for (const scope of await allOrganizations(db)) {
    const settings = await loadSettings(db, scope);
    if (settings.invoicing.advanceRunDayOfMonth !== day) continue;
    const row = await insertBillingRun(db, scope, {
      runDate: today,
      filter: {},
      finalize: settings.invoicing.finalizeInRun,
      createdBy: null,
      scheduledFor: today,
    });
    if (row) started.push({ scope, id: row.id });
  }
  return started;
}
