import type { Db } from '../db/connection.js';
import { allOrganizations, contractTermsBatch } from '../db/repositories/contracts-repo.js';
import { saveSchedules } from '../db/repositories/schedule-repo.js';
import { contractSchedule } from '../domain/billing-schedule.js';
import type { CalendarDate } from '../domain/calendar-date.js';

const BATCH_CONTRACTS = 1000;

/**
 * Schedules run up to the end of the billing period after the current one, so the horizon moves
 * with today: this adds the periods that are now due to exist. Idempotent, and one transaction per
 * batch of contracts, so a run over a large book never holds locks for long. Answers the contracts seen.
 */
export async function extendSchedules(db: Db, today: CalendarDate): Promise<number> {
  let seen = 0;
  for (const scope of await allOrganizations(db)) {
    let afterId: string | null = null;
    for (;;) {
      const batch = await contractTermsBatch(db, scope, afterId, BATCH_CONTRACTS);
      if (batch.length === 0) break;
      const schedules = batch.map((k) => ({
        contractId: k.id,
        advanceAmount: k.advance_amount,
        schedule: contractSchedule(
          {
            moveInDate: k.move_in_date as CalendarDate,
            signatureDate: k.signature_date as CalendarDate,
            endDate: k.end_date as CalendarDate | null,
            firstAdvanceStartDate: k.first_advance_start_date as CalendarDate | null,
            advanceFrequency: k.advance_frequency,
          },
          today,
        ),
      }));
      await db.transaction().execute((tx) => saveSchedules(tx, scope, schedules));
      seen += batch.length;
      afterId = batch[batch.length - 1]!.id;
    }
  }
  return seen;
}
