import { daysInMonth, formatYmd, fromDayNumber, dayNumber, ymd, type CalendarDate } from './calendar-date.js';
import { FREQUENCY_MONTHS, type AdvanceFrequency } from './advance-frequency.js';

export type AdvancePeriodDates = { startDate: CalendarDate; endDate: CalendarDate };

/**
 * The advance periods of a schedule, always counted from the anchor (period k starts at
 * anchor + k x months, clamped to the month's last day), never chained from the previous period.
 * Periods start up to `until` (inclusive); with `contractEnd` the last one is truncated there.
 * Frequency `none` has no periods.
 */
export function advancePeriods(
  anchor: CalendarDate,
  frequency: AdvanceFrequency,
  until: CalendarDate,
  contractEnd: CalendarDate | null = null,
): AdvancePeriodDates[] {
  const months = FREQUENCY_MONTHS[frequency];
  if (months === 0) return [];
  const last = contractEnd !== null && contractEnd < until ? contractEnd : until;
  const [ay, am, ad] = ymd(anchor);
  const anchorIndex = ay * 12 + (am - 1);
  const lastDay = dayNumberOf(last);
  const endDay = contractEnd === null ? Infinity : dayNumberOf(contractEnd);
  const periods: AdvancePeriodDates[] = [];
  let start = dayNumber(ay, am, ad);
  let startDate = anchor;
  for (let k = 1; start <= lastDay; k++) {
    const index = anchorIndex + k * months;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    const d = Math.min(ad, daysInMonth(y, m));
    const next = dayNumber(y, m, d);
    const end = Math.min(next - 1, endDay);
    periods.push({ startDate, endDate: fromDayNumber(end) });
    start = next;
    startDate = formatYmd(y, m, d);
  }
  return periods;
}

function dayNumberOf(date: CalendarDate): number {
  const [y, m, d] = ymd(date);
  return dayNumber(y, m, d);
}
