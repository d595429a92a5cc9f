import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADVANCE_FREQUENCIES, hasAdvancePeriods, periodsPerYear, type Frequency } from './advance-frequency.js';
import { calendarDate } from './calendar-date.js';
import {
  DEMO_PRODUCTS,
  costOfPeriod,
  estimatedAnnualCost,
  proposedAdvanceAmount,
  supplyYears,
  type Product,
  type ProductPrices,
} from './tariff.js';

const product = (code: string): Product => {
  const found = DEMO_PRODUCTS.find((p) => p.code === code);
  if (!found) throw new Error(`no demo product ${code}`);
  return found;
};

const noSources = {
  energyPerKwh: [],
  networkPerKwh: [],
  leviesPerKwh: [],
  leviesAbove: [],
  surchargesPerKwh: [],
  fixedPerYear: [],
  vatRatePercent: [],
};

const simple: ProductPrices = {
  energyPerKwh: '0.1',
  networkPerKwh: '0.05',
  leviesPerKwh: '0.05',
  leviesAbove: null,
  surchargesPerKwh: '0.01',
  fixedPerYear: '100',
  vatRatePercent: '6',
  sources: noSources,
};

const FREQUENCIES = ADVANCE_FREQUENCIES.filter(hasAdvancePeriods);

describe('estimatedAnnualCost', () => {
  it('is kWh x (energy + network + levies + surcharges) + fixed fees', () => {
    // 3500 x (0.1 + 0.05 + 0.05 + 0.01) + 100 = 3500 x 0.21 + 100 = 735 + 100 = 835.00
    expect(estimatedAnnualCost(simple, 3500).toFixed(2)).toBe('835.00');
  });

  it('rounds only the total, half away from zero', () => {
    // 0.123455 x 1 + 0 = 0.123455 -> 0.12; 0.123455 x 101 = 12.468955 -> 12.47 (a per-kWh rounding would give 12.12)
    const prices = {
      ...simple,
      energyPerKwh: '0.123455',
      networkPerKwh: '0',
      leviesPerKwh: '0',
      surchargesPerKwh: '0',
      fixedPerYear: '0',
    };
    expect(estimatedAnnualCost(prices, 1).toFixed(2)).toBe('0.12');
    expect(estimatedAnnualCost(prices, 101).toFixed(2)).toBe('12.47');
    // 0.005 x 1 = 0.005 -> 0.01
    expect(estimatedAnnualCost({ ...prices, energyPerKwh: '0.005' }, '1').toFixed(2)).toBe('0.01');
  });

  it('charges the kWh above the band limit at the higher levy rate', () => {
    // 17000 x 0.21 + 100 = 3670; the 5000 kWh above 12000 pay 0.07 instead of 0.05: + 5000 x 0.02 = 100 -> 3770.00
    const banded = { ...simple, leviesAbove: { fromKwhPerYear: '12000', perKwh: '0.07' } };
    expect(estimatedAnnualCost(banded, 17000).toFixed(2)).toBe('3770.00');
    // below the limit the band changes nothing: 12000 x 0.21 + 100 = 2620.00
    expect(estimatedAnnualCost(banded, 12000).toFixed(2)).toBe('2620.00');
  });

  it('refuses a negative or non-finite consumption', () => {
    expect(() => estimatedAnnualCost(simple, -1)).toThrow(RangeError);
    expect(() => estimatedAnnualCost(simple, Number.NaN)).toThrow(RangeError);
  });

  it('prices the demo electricity products for 3,500 kWh', () => {
    // EL-VAR-FL: 3500 x (0.23725 + 0.0535329 + 0.04876 + 0.01582) = 3500 x 0.3553629 = 1243.77015
    //   fixed 65.00 + 18.92 + 52.3679 x 2.5 (= 130.91975) = 214.83975; total 1458.6099 -> 1458.61
    expect(estimatedAnnualCost(product('EL-VAR-FL-2026-10').prices, 3500).toFixed(2)).toBe('1458.61');
    // EL-FLEX-FL: 3500 x (0.1575 + 0.0554236 + 0.04876 + 0.0117 + 0.0039) = 3500 x 0.2772836 = 970.4926
    //   fixed 65.00 + 18.92 + 57.4530 x 2.5 (= 143.6325) = 227.5525; total 1198.0451 -> 1198.05
    expect(estimatedAnnualCost(product('EL-FLEX-FL-2026-10').prices, 3500).toFixed(2)).toBe('1198.05');
  });

  it('prices the demo gas products for 17,000 kWh', () => {
    // GAS-VAR-FL: 17000 x (0.09786 + 0.00905 + 0.00165) = 17000 x 0.10856 = 1845.52
    //   excise 12000 x 0.0109286 + 5000 x 0.0118296 = 131.1432 + 59.148 = 190.2912
    //   fixed 55.00 + 83.22 + 18.92 = 157.14; total 2192.9512 -> 2192.95
    expect(estimatedAnnualCost(product('GAS-VAR-FL-2026-10').prices, 17000).toFixed(2)).toBe('2192.95');
    // GAS-FLEX-WAL: 17000 x (0.07 + 0.0221 + 0.001654) = 17000 x 0.093754 = 1593.818
    //   excise 12000 x 0.010929 + 5000 x 0.01183 = 131.148 + 59.15 = 190.298
    //   fixed 50.00 + 140.93 = 190.93; total 1975.046 -> 1975.05
    expect(estimatedAnnualCost(product('GAS-FLEX-WAL-2026-10').prices, 17000).toFixed(2)).toBe('1975.05');
  });

  it('never falls when the consumption rises', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEMO_PRODUCTS.map((p) => p.prices), simple),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (prices, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          // kWh with 3 decimals, as the load profile produces them
          return estimatedAnnualCost(prices, (low / 1000).toFixed(3)).lte(estimatedAnnualCost(prices, (high / 1000).toFixed(3)));
        },
      ),
    );
  });
});

describe('proposedAdvanceAmount', () => {
  const elVar = product('EL-VAR-FL-2026-10').prices;

  it('divides the annual cost by the periods of a year and rounds half away from zero', () => {
    // 1458.61 / 12 = 121.5508.. -> 121.55; / 6 = 243.1016.. -> 243.10; / 4 = 364.6525 -> 364.65
    // / 2 = 729.305 -> 729.31 (half away from zero); / 1 = 1458.61
    expect(proposedAdvanceAmount(elVar, 3500, 'monthly').toFixed(2)).toBe('121.55');
    expect(proposedAdvanceAmount(elVar, 3500, 'bimonthly').toFixed(2)).toBe('243.10');
    expect(proposedAdvanceAmount(elVar, 3500, 'quarterly').toFixed(2)).toBe('364.65');
    expect(proposedAdvanceAmount(elVar, 3500, 'semiannual').toFixed(2)).toBe('729.31');
    expect(proposedAdvanceAmount(elVar, 3500, 'annual').toFixed(2)).toBe('1458.61');
  });

  it('proposes the demo gas advance: 2192.95 / 12 = 182.7458.. -> 182.75', () => {
    expect(proposedAdvanceAmount(product('GAS-VAR-FL-2026-10').prices, 17000, 'monthly').toFixed(2)).toBe('182.75');
  });

  it('adds back up to the annual cost within half a cent per period', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEMO_PRODUCTS.map((p) => p.prices), simple),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom<Frequency>(...FREQUENCIES),
        (prices, kwh, frequency) => {
          const n = periodsPerYear(frequency);
          const gap = proposedAdvanceAmount(prices, kwh, frequency).times(n).minus(estimatedAnnualCost(prices, kwh)).abs();
          return gap.lte(n * 0.005);
        },
      ),
    );
  });
});

describe('costOfPeriod', () => {
  const elVar = product('EL-VAR-FL-2026-10').prices;
  const gasVar = product('GAS-VAR-FL-2026-10').prices;

  it('is the annual cost over a whole calendar year', () => {
    expect(costOfPeriod(elVar, 3500, calendarDate('2026-01-01'), calendarDate('2026-12-31')).toFixed(2)).toBe('1458.61');
  });

  it('bills the fixed fees pro rata of the supply days', () => {
    // 2026-01-01..2026-06-30 = 181 days: 1700 x 0.3553629 = 604.11693; 214.83975 x 181 / 365 = 106.53697..
    // total 710.65390.. -> 710.65
    expect(costOfPeriod(elVar, 1700, calendarDate('2026-01-01'), calendarDate('2026-06-30')).toFixed(2)).toBe('710.65');
  });

  it('moves the levy band limit pro rata too', () => {
    // 181 days: limit 12000 x 181 / 365 = 5950.684..; 9000 x 0.10856 = 977.04; excise 9000 x 0.0109286 = 98.3574
    // + (9000 - 5950.684..) x (0.0118296 - 0.0109286) = 3049.315.. x 0.000901 = 2.74743..; fixed 157.14 x 181 / 365 = 77.92487..
    // total 1156.06905.. -> 1156.07
    expect(costOfPeriod(gasVar, 9000, calendarDate('2026-01-01'), calendarDate('2026-06-30')).toFixed(2)).toBe('1156.07');
  });

  it('counts each calendar year over its own days', () => {
    // 2027-12-01..2028-01-31: 31/365 + 31/366
    expect(supplyYears(calendarDate('2027-12-01'), calendarDate('2028-01-31')).toFixed(12)).toBe('0.169630960401');
    expect(supplyYears(calendarDate('2028-01-01'), calendarDate('2028-12-31')).toString()).toBe('1');
    expect(supplyYears(calendarDate('2028-01-01'), calendarDate('2027-12-31')).toString()).toBe('0');
  });
});
