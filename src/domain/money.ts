import { Decimal } from 'decimal.js';

/** An exact decimal amount in EUR. Never a JS number. */
export type Money = Decimal;
/** A money amount as it crosses every boundary: a decimal string with exactly 2 decimals ("85.00"). */
export type MoneyString = string;

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const AMOUNT = /^-?\d{1,12}(\.\d{1,6})?$/;

/** Parses a decimal string; throws on anything that is not a plain decimal. */
export function money(value: string | Decimal): Money {
  if (value instanceof Decimal) return new Exact(value);
  if (!AMOUNT.test(value)) throw new RangeError(`not a decimal amount: ${value}`);
  return new Exact(value);
}

export const ZERO: Money = new Exact(0);

/** Rounds half away from zero to the cent (DOMAIN.md). */
export function roundToCent(amount: Money): Money {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The boundary form: exactly 2 decimals, rounded half away from zero. */
export function formatMoney(amount: Money): MoneyString {
  return roundToCent(amount).toFixed(2);
}

export function sum(amounts: readonly Money[]): Money {
  return amounts.reduce<Money>((total, a) => total.plus(a), ZERO);
}

/**
 * Splits a yearly amount into n parts that add back up to it to the cent:
 * every part gets the floor share, the remaining cents go to the first parts, one each.
 */
export function splitEvenly(total: Money, parts: number): Money[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  const cents = roundToCent(total).times(100);
  const sign = cents.isNegative() ? -1 : 1;
  const abs = cents.abs();
  const base = abs.dividedToIntegerBy(parts);
  const remainder = abs.minus(base.times(parts)).toNumber();
  return Array.from({ length: parts }, (_, i) =>
    base
      .plus(i < remainder ? 1 : 0)
      .times(sign)
      .dividedBy(100),
  );
}

/** VAT contained in a gross (VAT-included) amount: round(gross x rate / (1 + rate)). */
export function vatOfGross(gross: Money, ratePercent: Money): { net: Money; vat: Money } {
  const rate = ratePercent.dividedBy(100);
  const vat = roundToCent(gross.times(rate).dividedBy(rate.plus(1)));
  return { net: gross.minus(vat), vat };
}
