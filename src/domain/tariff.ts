import { Decimal } from 'decimal.js';
import { periodsPerYear, type Frequency } from './advance-frequency.js';
import { money, roundToCent, type Money } from './money.js';
import { dayNumber, isLeapYear, toDayNumber, ymd, type CalendarDate } from './calendar-date.js';

export { DEMO_PRODUCTS } from './demo-products.js';

export const ENERGIES = ['electricity', 'gas', 'heat'] as const;
export type Energy = (typeof ENERGIES)[number];

/**
 * A levy charged per tranche of the yearly volume: the kWh above `fromKwhPerYear` pay `perKwh`
 * instead of `leviesPerKwh` (the Belgian gas excise: 0-12,000 kWh, then a higher rate; the cards
 * say it is "calculé sur base annuelle").
 */
export type LevyBand = { fromKwhPerYear: string; perKwh: string };

export type PriceComponent =
  'energyPerKwh' | 'networkPerKwh' | 'leviesPerKwh' | 'leviesAbove' | 'surchargesPerKwh' | 'fixedPerYear' | 'vatRatePercent';

/**
 * A product's prices, every amount in EUR VAT included, as decimal strings (unit prices keep the
 * card's digits, up to 7 decimals: Fluvius prints 5,35329 c€/kWh).
 */
export type ProductPrices = {
  /** The supplier's energy price. */
  energyPerKwh: string;
  /** Distribution offtake per kWh plus transmission where the card prints it separately. */
  networkPerKwh: string;
  /** Federal special excise (first tranche when `leviesAbove` is set) and other per-kWh levies. */
  leviesPerKwh: string;
  leviesAbove: LevyBand | null;
  /** Green-certificate and CHP (WKK) costs where the card prints them. */
  surchargesPerKwh: string;
  /** Supplier fixed fee + data management + the fixed network term (capacity tariff or gas band term). */
  fixedPerYear: string;
  vatRatePercent: string;
  /** Source ids in datasets/tariffs/be-residential.json for each component, for the UI and docs to cite. */
  sources: Readonly<Record<PriceComponent, readonly string[]>>;
};

export type Product = {
  /** Stable code, e.g. `EL-VAR-FL-2026-10`. */
  code: string;
  name: string;
  energy: Energy;
  prices: ProductPrices;
  /** Which card each number came from. */
  sourceNote: string;
};

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const PRICE = /^\d{1,9}(\.\d{1,9})?$/;

function price(value: string): Decimal {
  if (!PRICE.test(value)) throw new RangeError(`not a price: ${value}`);
  return new D(value);
}

/** A kWh quantity (yearly or of a period): a non-negative finite number or decimal string. */
export function kwhQuantity(value: number | string | Decimal): Decimal {
  const kwh = new D(typeof value === 'number' ? String(value) : value);
  if (!kwh.isFinite() || kwh.isNegative()) throw new RangeError(`not a kWh quantity: ${String(value)}`);
  return kwh;
}

/** The per-kWh rate before any levy band: energy + network + levies + surcharges. */
export function pricePerKwh(prices: ProductPrices): Decimal {
  return price(prices.energyPerKwh).plus(price(prices.networkPerKwh)).plus(price(prices.leviesPerKwh)).plus(price(prices.surchargesPerKwh));
}

/** Exact (unrounded) cost of `kwh` over `years` of supply: fixed fees and the levy band limit pro rata. */
function exactCost(prices: ProductPrices, kwh: Decimal, years: Decimal): Decimal {
  let cost = kwh.times(pricePerKwh(prices)).plus(price(prices.fixedPerYear).times(years));
  if (prices.leviesAbove !== null) {
    const above = D.max(0, kwh.minus(price(prices.leviesAbove.fromKwhPerYear).times(years)));
    cost = cost.plus(above.times(price(prices.leviesAbove.perKwh).minus(price(prices.leviesPerKwh))));
  }
  return cost;
}

/** Cost of a year of supply, VAT included: kWh x the per-kWh rates (levy band applied) + fixed fees, rounded to the cent at the end. */
export function estimatedAnnualCost(prices: ProductPrices, annualKwh: number | string | Decimal): Money {
  return money(roundToCent(exactCost(prices, kwhQuantity(annualKwh), new D(1))));
}

/**
 * Cost of `kwh` supplied from `from` to `to` (inclusive), VAT included. The fixed fees and the
 * levy band limit are pro rata of the supply days, each calendar year counted over its own
 * 365 or 366 days (as the supplier cards bill the fixed fee). A whole calendar year is exactly
 * estimatedAnnualCost.
 */
export function costOfPeriod(prices: ProductPrices, kwh: number | string | Decimal, from: CalendarDate, to: CalendarDate): Money {
  return money(roundToCent(exactCost(prices, kwhQuantity(kwh), supplyYears(from, to))));
}

/**
 * The advance the supplier proposes (DOMAIN.md "Advance schedule"): the estimated annual cost
 * divided by the advance periods in a year, rounded half away from zero to the cent.
 */
export function proposedAdvanceAmount(prices: ProductPrices, annualKwh: number | string | Decimal, frequency: Frequency): Money {
  return roundToCent(estimatedAnnualCost(prices, annualKwh).dividedBy(periodsPerYear(frequency)));
}

/** Supply days from `from` to `to` (inclusive) in years: each calendar year's days over its 365 or 366. */
export function supplyYears(from: CalendarDate, to: CalendarDate): Decimal {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  if (last < first - 1) throw new RangeError(`period ends before it starts: ${from}..${to}`);
  let years = new D(0);
  for (let y = ymd(from)[0]; y <= ymd(to)[0]; y++) {
    const days = Math.min(last, dayNumber(y, 12, 31)) - Math.max(first, dayNumber(y, 1, 1)) + 1;
    if (days > 0) years = years.plus(new D(days).dividedBy(isLeapYear(y) ? 366 : 365));
  }
  return years;
}
