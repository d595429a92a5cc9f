import { addMonths, addDays, type CalendarDate } from './calendar-date.js';
import type { AdvanceFrequency } from './advance-frequency.js';
import { advancePeriods, type AdvancePeriodDates } from './advance-schedule.js';

export type BillingPeriodDates = { startDate: CalendarDate; endDate: CalendarDate };
export type ScheduledAdvancePeriod = AdvancePeriodDates & { billingPeriodIndex: number };

export type ScheduleTerms = {
  moveInDate: CalendarDate;
  signatureDate: CalendarDate;
  firstAdvanceStartDate: CalendarDate | null;
  endDate: CalendarDate | null;
  advanceFrequency: AdvanceFrequency;
};

export type ContractSchedule = { billingPeriods: BillingPeriodDates[]; advancePeriods: ScheduledAdvancePeriod[] };

const BILLING_PERIOD_MONTHS = 12;

/** The custom first advance start date when set, else the signature date (the legacy default). */
export function scheduleAnchor(terms: ScheduleTerms): CalendarDate {
  return terms.firstAdvanceStartDate ?? terms.signatureDate;
}

/**
 * Billing periods run 12 months from the supply start, counted from it, the last one ending at the
 * contract end; without an end they are generated up to the end of the billing period after the current one.
 */
export function billingPeriods(terms: ScheduleTerms, today: CalendarDate): BillingPeriodDates[] {
  const periods: BillingPeriodDates[] = [];
  const horizonIndex = currentBillingPeriodIndex(terms.moveInDate, today) + 1;
  for (let k = 0; ; k++) {
    const startDate = addMonths(terms.moveInDate, k * BILLING_PERIOD_MONTHS);
    if (terms.endDate !== null && startDate > terms.endDate) break;
    if (terms.endDate === null && k > horizonIndex) break;
    const next = addMonths(terms.moveInDate, (k + 1) * BILLING_PERIOD_MONTHS);
    const endDate = addDays(next, -1);
    periods.push({ startDate, endDate: terms.endDate !== null && terms.endDate < endDate ? terms.endDate : endDate });
  }
  return periods;
}

/** The whole schedule of a contract as of `today`; each advance period belongs to the billing period containing its start. */
export function contractSchedule(terms: ScheduleTerms, today: CalendarDate): ContractSchedule {
  const bps = billingPeriods(terms, today);
  if (bps.length === 0) return { billingPeriods: [], advancePeriods: [] }; // an end before the move-in: no supply at all
  const until = bps[bps.length - 1]!.endDate;
  const aps = advancePeriods(scheduleAnchor(terms), terms.advanceFrequency, until, terms.endDate);
  let index = 0;
  const scheduled = aps.map((ap) => {
    while (index + 1 < bps.length && ap.startDate >= bps[index + 1]!.startDate) index++;
    return { ...ap, billingPeriodIndex: index };
  });
  return { billingPeriods: bps, advancePeriods: scheduled };
}

function currentBillingPeriodIndex(supplyStart: CalendarDate, today: CalendarDate): number {
  let k = 0;
  while (addMonths(supplyStart, (k + 1) * BILLING_PERIOD_MONTHS) <= today) k++;
  return k;
}
