import { Temporal } from 'temporal-polyfill';

/**
 * A billing date: a calendar date with no time of day, as `YYYY-MM-DD`.
 * Hot loops work on day numbers (days since 1970-01-01) and convert at the edges.
 */
export type CalendarDate = string & { readonly __calendarDate: true };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; returns null for anything else, including impossible dates like 2023-02-29. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return value as CalendarDate;
}

export function calendarDate(value: string): CalendarDate {
  const date = parseCalendarDate(value);
  if (!date) throw new RangeError(`not a calendar date: ${value}`);
  return date;
}

/** Today's date in the given time zone (billing "today" is Europe/Brussels). */
export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): CalendarDate {
  return now.toZonedDateTimeISO(timeZone).toPlainDate().toString() as CalendarDate;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, month: number): number {
  return month === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Day number (days since 1970-01-01) of a civil date; Howard Hinnant's days_from_civil. */
export function dayNumber(y: number, month: number, d: number): number {
  const yy = month <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const PAD2 = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

export function formatYmd(y: number, month: number, d: number): CalendarDate {
  return `${y}-${PAD2[month]}-${PAD2[d]}` as CalendarDate;
}

export function ymd(date: CalendarDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function toDayNumber(date: CalendarDate): number {
  const [y, m, d] = ymd(date);
  return dayNumber(y, m, d);
}

/** Inverse of dayNumber; Howard Hinnant's civil_from_days. */
export function fromDayNumber(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatYmd(yoe + era * 400 + (month <= 2 ? 1 : 0), month, d);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** date + months, clamped to the last day of the target month (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = ymd(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return formatYmd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** ISO dates compare correctly as strings. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}
