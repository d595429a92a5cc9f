import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, money, roundToCent, splitEvenly, sum, vatOfGross, ZERO } from './money.js';

const fixed = (amounts: readonly Decimal[]) => amounts.map((a) => a.toFixed(2));

/** Cents as a decimal string with 2 decimals ("-1234" -> "-12.34"), built without floats. */
function centsToText(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Integer oracle: n / d rounded half away from zero. */
function roundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  return sign * ((2n * an + ad) / (2n * ad));
}

const centsArb = fc.bigInt({ min: -10_000_000_00n, max: 10_000_000_00n });
/** A VAT rate 0..21 % with 2 decimals, as hundredths of a percent. */
const rateHundredthsArb = fc.oneof(fc.constantFrom(0n, 600n, 1200n, 2100n), fc.bigInt({ min: 0n, max: 2100n }));
const rateText = (h: bigint) => `${h / 100n}.${String(h % 100n).padStart(2, '0')}`;

describe('money()', () => {
  it('parses plain decimals with up to 6 decimals', () => {
    expect(money('85').toFixed(2)).toBe('85.00');
    expect(money('-12.5').toFixed(2)).toBe('-12.50');
    expect(money('0.123456').toFixed(6)).toBe('0.123456');
  });

  it("refuses exponents, words, decimal commas and other non-plain forms: '1e3', 'abc', '1,5'", () => {
    for (const text of ['1e3', 'abc', '1,5', '', ' 1', '1.', '.5', '+1', '1.1234567', 'NaN', 'Infinity', '0x10']) {
      expect(() => money(text)).toThrow(RangeError);
    }
  });

  it('copies a Decimal without changing its value', () => {
    expect(money(new Decimal('2.675')).toString()).toBe('2.675');
  });
});

describe('roundToCent: half away from zero', () => {
  it('rounds 0.005 up to 0.01 and -0.005 down to -0.01', () => {
    expect(roundToCent(money('0.005')).toFixed(2)).toBe('0.01');
    expect(roundToCent(money('-0.005')).toFixed(2)).toBe('-0.01');
  });

  it('rounds 2.675 to 2.68 (exact decimals, not the binary float 2.67499...)', () => {
    expect(roundToCent(money('2.675')).toFixed(2)).toBe('2.68');
    expect(roundToCent(money('-2.675')).toFixed(2)).toBe('-2.68');
  });

  it('rounds below the half towards zero', () => {
    expect(roundToCent(money('0.004999')).toFixed(2)).toBe('0.00');
    expect(roundToCent(money('-1.234999')).toFixed(2)).toBe('-1.23');
  });

  it('matches an integer oracle on any amount with up to 6 decimals (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -999_999_999_999_999n, max: 999_999_999_999_999n }), (micros) => {
        const sign = micros < 0n ? '-' : '';
        const abs = micros < 0n ? -micros : micros;
        const text = `${sign}${abs / 1_000_000n}.${String(abs % 1_000_000n).padStart(6, '0')}`;
        expect(roundToCent(money(text)).toFixed(2)).toBe(centsToText(roundHalfAwayFromZero(micros, 10_000n)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('formatMoney gives exactly 2 decimals and never a negative zero', () => {
    expect(formatMoney(money('85'))).toBe('85.00');
    expect(formatMoney(money('-0.001'))).toBe('0.00');
    expect(formatMoney(money('1.005'))).toBe('1.01');
  });
});

describe('splitEvenly: a yearly amount split into N advances', () => {
  it('splits 100.00 in 3 as 33.34, 33.33, 33.33 (the extra cent on the first part)', () => {
    expect(fixed(splitEvenly(money('100.00'), 3))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('gives the remaining cents to the first parts, one each', () => {
    expect(fixed(splitEvenly(money('1000.00'), 12))).toEqual([
      '83.34',
      '83.34',
      '83.34',
      '83.34',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
    ]);
    expect(fixed(splitEvenly(money('0.02'), 3))).toEqual(['0.01', '0.01', '0.00']);
    expect(fixed(splitEvenly(money('1200'), 12))).toEqual(Array(12).fill('100.00'));
  });

  it('splits a negative amount symmetrically', () => {
    expect(fixed(splitEvenly(money('-100.00'), 3))).toEqual(['-33.34', '-33.33', '-33.33']);
  });

  it('refuses a part count that is not a positive integer', () => {
    for (const parts of [0, -1, 1.5, Number.NaN]) expect(() => splitEvenly(money('10'), parts)).toThrow(RangeError);
  });

  it('adds back up to the total exactly, parts differ by at most one cent, bigger parts first (property)', () => {
    fc.assert(
      fc.property(centsArb, fc.integer({ min: 1, max: 36 }), (cents, n) => {
        const total = money(centsToText(cents));
        const parts = splitEvenly(total, n);
        expect(parts).toHaveLength(n);
        expect(sum(parts).toFixed(2)).toBe(total.toFixed(2));
        const partCents = parts.map((p) => p.times(100));
        expect(partCents.every((p) => p.isInteger())).toBe(true);
        const abs = partCents.map((p) => p.abs().toNumber());
        const [max, min] = [Math.max(...abs), Math.min(...abs)];
        expect(max - min).toBeLessThanOrEqual(1);
        expect(abs.every((a, i) => i === 0 || a <= abs[i - 1]!)).toBe(true);
        // exactly |total| mod n parts carry the extra cent
        const extra = abs.filter((a) => a === max).length;
        const rest = Number((cents < 0n ? -cents : cents) % BigInt(n));
        expect(extra).toBe(rest === 0 ? n : rest);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('vatOfGross: the VAT contained in a gross amount', () => {
  it('takes 4.81 VAT out of 85.00 at 6 %, leaving 80.19 net', () => {
    // 85.00 x 0.06 / 1.06 = 5.10 / 1.06 = 4.811320...  -> 4.81 ; net = 85.00 - 4.81 = 80.19
    const { net, vat } = vatOfGross(money('85.00'), money('6'));
    expect(vat.toFixed(2)).toBe('4.81');
    expect(net.toFixed(2)).toBe('80.19');
  });

  it('takes 21.00 out of 121.00 at 21 % and nothing at 0 %', () => {
    // 121.00 x 0.21 / 1.21 = 21.00 exactly
    expect(fixed(Object.values(vatOfGross(money('121.00'), money('21'))))).toEqual(['100.00', '21.00']);
    expect(fixed(Object.values(vatOfGross(money('99.99'), money('0'))))).toEqual(['99.99', '0.00']);
  });

  it('rounds a half cent of VAT away from zero, for refunds too', () => {
    // 0.055 x 0.10 / 1.10 = 0.005 exactly -> 0.01 (and -0.01 for a refund)
    expect(vatOfGross(money('0.055'), money('10')).vat.toFixed(2)).toBe('0.01');
    expect(vatOfGross(money('-0.055'), money('10')).vat.toFixed(2)).toBe('-0.01');
  });

  it('net + vat === gross exactly, and vat = round(gross x rate / (1 + rate)) (property, rates 0..21 with 2 decimals)', () => {
    fc.assert(
      fc.property(centsArb, rateHundredthsArb, (cents, rateH) => {
        const gross = money(centsToText(cents));
        const { net, vat } = vatOfGross(gross, money(rateText(rateH)));
        expect(net.plus(vat).equals(gross)).toBe(true);
        expect(vat.toFixed(2)).toBe(centsToText(roundHalfAwayFromZero(cents * rateH, 10_000n + rateH)));
        expect(vat.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('sum', () => {
  it('is ZERO for no amounts and exact for decimal fractions (0.1 + 0.2 = 0.3)', () => {
    expect(sum([]).equals(ZERO)).toBe(true);
    expect(sum([money('0.1'), money('0.2')]).toString()).toBe('0.3');
  });
});
