import { Decimal } from 'decimal.js';
import { belgianPublicHolidays } from './belgian-public-holidays.js';
import { addMonths, dayNumber, daysInMonth, formatYmd, fromDayNumber, toDayNumber, ymd, type CalendarDate } from './calendar-date.js';
import { DEGREE_DAYS_NORMAL_1991_2020 } from './generated/degree-days.js';
import { BDEW_DAY_TYPES, G25, H25, type BdewDayType, type BdewProfile } from './generated/load-profiles.js';
import type { Energy } from './tariff.js';

/*
 * How a yearly consumption spreads over the days (DOMAIN.md: the portal's estimate for the days
 * without readings). A profile gives every day an exact integer weight (BigInt; no floats). A
 * day's share is its weight over the total of its profile year: calendar years by default, or
 * the years starting on `yearStart` and its anniversaries (pass the billing period's start, so a
 * 12-month billing period gets exactly the annual consumption; with calendar years such a
 * period is off by up to 0.35 % for electricity and 0.42 % for gas, around leap days).
 * kWh are rounded to KWH_DECIMALS on the cumulative sum from the profile year's start, and a range
 * is the difference of two cumulative sums: the parts of a range add up to the range exactly,
 * and a whole profile year gives exactly the annual consumption.
 */

export type LoadProfileId = 'bdew-h25' | 'bdew-g25' | 'degree-days-uccle';

/**
 * Electricity: profile: BDEW H25, a stand-in for the Synergrid profiles (not publicly
 * redistributable). Gas and heat: the Uccle degree-day normal with a flat base load.
 */
export const STANDARD_LOAD_PROFILE: Readonly<Record<Energy, LoadProfileId>> = {
  electricity: 'bdew-h25',
  gas: 'degree-days-uccle',
  heat: 'degree-days-uccle',
};

/** The label the UI and docs show next to an estimate. */
export const LOAD_PROFILE_LABELS: Readonly<Record<LoadProfileId, string>> = {
  'bdew-h25': 'profile: BDEW H25',
  'bdew-g25': 'profile: BDEW G25',
  'degree-days-uccle': 'profile: degree days Uccle 1991-2020 (Synergrid, based on KMI temperatures at Uccle)',
};

/**
 * Share of a household's yearly gas (or heat) that is not space heating (cooking, hot water) and
 * so does not follow the degree days: spread flat over the days. Space heating is about 80 % of a
 * Belgian gas-heated household's use; with 20 % flat, July gets about 2 % of the year.
 */
export const GAS_BASE_LOAD_PERCENT = 20;

/** kWh estimates are rounded to the Wh, like meter readings. */
export const KWH_DECIMALS = 3;
/** Daily shares are rounded (cumulatively, so a profile year still sums to exactly 1) to this many decimals. */
export const SHARE_DECIMALS = 12;

export type ProfileOptions = {
  /** Default: the energy's STANDARD_LOAD_PROFILE. */
  profile?: LoadProfileId;
  /** Profile years start on this date and its anniversaries (counted from it, clamped like addMonths). Default: 1 January. */
  yearStart?: CalendarDate;
};

export type DailyShare = { date: CalendarDate; share: Decimal };
export type MonthlyConsumption = { month: string; from: CalendarDate; to: CalendarDate; kwh: Decimal };

const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });

/** BDEW day type: Sunday and Belgian public holidays FT, Saturday SA, other days WT. */
export function bdewDayType(date: CalendarDate): BdewDayType {
  return dayTypeOf(toDayNumber(date));
}

/** Share of the yearly consumption on each day from `from` to `to` (inclusive). */
export function dailyShares(energy: Energy, from: CalendarDate, to: CalendarDate, options: ProfileOptions = {}): DailyShare[] {
  const shares: DailyShare[] = [];
  forEachProfileYear(energy, from, to, options, (w, first, last) => {
    let previous = cumulativeShare(w, first - 1);
    for (let i = first; i <= last; i++) {
      const current = cumulativeShare(w, i);
      shares.push({ date: fromDayNumber(w.startDay + i), share: current.minus(previous) });
      previous = current;
    }
  });
  return shares;
}

/** kWh expected from `from` to `to` (inclusive) for a yearly consumption, to the Wh. */
export function estimatedConsumptionKwh(
  energy: Energy,
  annualKwh: number | string | Decimal,
  from: CalendarDate,
  to: CalendarDate,
  options: ProfileOptions = {},
): Decimal {
  const annual = kwh(annualKwh);
  let total = new D(0);
  forEachProfileYear(energy, from, to, options, (w, first, last) => {
    total = total.plus(cumulativeKwh(annual, w, last)).minus(cumulativeKwh(annual, w, first - 1));
  });
  return total;
}

/** The same estimate cut at calendar months (for charts); the months add up to the whole range exactly. */
export function estimatedMonthlyConsumptionKwh(
  energy: Energy,
  annualKwh: number | string | Decimal,
  from: CalendarDate,
  to: CalendarDate,
  options: ProfileOptions = {},
): MonthlyConsumption[] {
  checkRange(from, to);
  if (to < from) return [];
  const [fy, fm] = ymd(from);
  const [ty, tm] = ymd(to);
  const months: MonthlyConsumption[] = [];
  for (let index = fy * 12 + fm - 1; index <= ty * 12 + tm - 1; index++) {
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    const start = index === fy * 12 + fm - 1 ? from : formatYmd(y, m, 1);
    const monthEnd = formatYmd(y, m, daysInMonth(y, m));
    const end = monthEnd < to ? monthEnd : to;
    months.push({
      month: start.slice(0, 7),
      from: start,
      to: end,
      kwh: estimatedConsumptionKwh(energy, annualKwh, start, end, options),
    });
  }
  return months;
}

// ---------- profile years ----------

/** One profile year: the cumulative day weights from its first day. */
type YearWeights = { readonly startDay: number; readonly cumulative: readonly bigint[]; readonly total: bigint };

function checkRange(from: CalendarDate, to: CalendarDate): void {
  if (toDayNumber(to) < toDayNumber(from) - 1) throw new RangeError(`range ends before it starts: ${from}..${to}`);
}

/** Calls `visit` with each profile year's part of the range, as 0-based indexes into that year. */
function forEachProfileYear(
  energy: Energy,
  from: CalendarDate,
  to: CalendarDate,
  options: ProfileOptions,
  visit: (weights: YearWeights, first: number, last: number) => void,
): void {
  checkRange(from, to);
  const profile = options.profile ?? STANDARD_LOAD_PROFILE[energy];
  const anchor = options.yearStart ?? formatYmd(ymd(from)[0], 1, 1);
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  let k = ymd(from)[0] - ymd(anchor)[0] - 1; // an anniversary at or before `from`
  while (toDayNumber(addMonths(anchor, 12 * (k + 1))) <= start) k++;
  for (; ; k++) {
    const yearFirst = toDayNumber(addMonths(anchor, 12 * k));
    if (yearFirst > end) break;
    const yearLast = toDayNumber(addMonths(anchor, 12 * (k + 1))) - 1;
    const first = Math.max(start, yearFirst);
    const last = Math.min(end, yearLast);
    if (first <= last) visit(yearWeights(profile, yearFirst, yearLast), first - yearFirst, last - yearFirst);
  }
}

const weightsCache = new Map<string, YearWeights>();

function yearWeights(profile: LoadProfileId, startDay: number, endDay: number): YearWeights {
  const key = `${profile}:${startDay}:${endDay}`;
  const cached = weightsCache.get(key);
  if (cached) return cached;
  const cumulative: bigint[] = [];
  let total = 0n;
  for (let day = startDay; day <= endDay; day++) {
    total += dayWeight(profile, day, endDay - startDay + 1);
    cumulative.push(total);
  }
  const weights = { startDay, cumulative, total };
  weightsCache.set(key, weights);
  return weights;
}

function dayWeight(profile: LoadProfileId, day: number, yearDays: number): bigint {
  const [y, m] = ymd(fromDayNumber(day));
  if (profile === 'degree-days-uccle') return degreeDayWeight(y, m, yearDays);
  const dayType = BDEW_DAY_TYPES.indexOf(dayTypeOf(day));
  if (profile === 'bdew-g25') return G25_DAY_TOTALS[m - 1]![dayType]!;
  return H25_DAY_TOTALS[m - 1]![dayType]! * h25Dynamisation(day - dayNumber(y, 1, 1) + 1);
}

// ---------- BDEW ----------

/**
 * H25 dynamisation F(t) = -3.92e-10 t^4 + 3.2e-7 t^3 - 7.02e-5 t^2 + 2.1e-3 t + 1.24 (t = day of
 * the calendar year, 1..366), times 10^12 so it is an exact integer. Applied to the day's total,
 * which equals applying it to each quarter-hour without BDEW's per-quarter-hour rounding.
 */
export function h25Dynamisation(t: number): bigint {
  const x = BigInt(t);
  return -392n * x ** 4n + 320_000n * x ** 3n - 70_200_000n * x ** 2n + 2_100_000_000n * x + 1_240_000_000_000n;
}

const dayTotals = (profile: BdewProfile) => profile.map((month) => month.map((q) => BigInt(q.reduce((a, b) => a + b, 0))));
const H25_DAY_TOTALS = dayTotals(H25);
const G25_DAY_TOTALS = dayTotals(G25);

const holidayCache = new Map<number, ReadonlySet<number>>();

function dayTypeOf(day: number): BdewDayType {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday; day 0 (1970-01-01) was a Thursday
  if (weekday === 0 || holidaysOf(ymd(fromDayNumber(day))[0]).has(day)) return 'FT';
  return weekday === 6 ? 'SA' : 'WT';
}

function holidaysOf(year: number): ReadonlySet<number> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = new Set(belgianPublicHolidays(year).map(toDayNumber));
    holidayCache.set(year, holidays);
  }
  return holidays;
}

// ---------- degree days ----------

const DEGREE_DAYS_TOTAL = DEGREE_DAYS_NORMAL_1991_2020.reduce((a, b) => a + b, 0);
/** lcm(28, 29, 30, 31): makes a month's degree days divide evenly over its days. */
const MONTH_DAYS_LCM = 377_580;

/**
 * Proportional to base / yearDays + heating x monthDegreeDays / (totalDegreeDays x daysInMonth),
 * scaled by yearDays x totalDegreeDays x MONTH_DAYS_LCM to be an integer.
 */
function degreeDayWeight(year: number, month: number, yearDays: number): bigint {
  const base = BigInt(GAS_BASE_LOAD_PERCENT * DEGREE_DAYS_TOTAL * MONTH_DAYS_LCM);
  const heating =
    BigInt((100 - GAS_BASE_LOAD_PERCENT) * DEGREE_DAYS_NORMAL_1991_2020[month - 1]!) *
    BigInt((yearDays * MONTH_DAYS_LCM) / daysInMonth(year, month));
  return base + heating;
}

// ---------- rounding ----------

function cumulativeShare(w: YearWeights, index: number): Decimal {
  if (index < 0) return new D(0);
  return new D(w.cumulative[index]!.toString()).dividedBy(w.total.toString()).toDecimalPlaces(SHARE_DECIMALS);
}

function cumulativeKwh(annual: Decimal, w: YearWeights, index: number): Decimal {
  if (index < 0) return new D(0);
  return annual.times(w.cumulative[index]!.toString()).dividedBy(w.total.toString()).toDecimalPlaces(KWH_DECIMALS);
}

function kwh(value: number | string | Decimal): Decimal {
  const amount = new D(typeof value === 'number' ? String(value) : value);
  if (!amount.isFinite() || amount.isNegative()) throw new RangeError(`not a kWh quantity: ${String(value)}`);
  return amount;
}
