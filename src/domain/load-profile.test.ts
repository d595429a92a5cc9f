import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { addDays, addMonths, calendarDate, dayNumber, fromDayNumber, toDayNumber, type CalendarDate } from './calendar-date.js';
import {
  bdewDayType,
  dailyShares,
  estimatedConsumptionKwh,
  estimatedMonthlyConsumptionKwh,
  h25Dynamisation,
  LOAD_PROFILE_LABELS,
  STANDARD_LOAD_PROFILE,
  type LoadProfileId,
} from './load-profile.js';
import type { Energy } from './tariff.js';

const d = calendarDate;
const sumShares = (shares: { share: Decimal }[]) => shares.reduce((total, s) => total.plus(s.share), new Decimal(0));

/** Any date from 1990 to 2099. */
const dateArb = fc.integer({ min: dayNumber(1990, 1, 1), max: dayNumber(2099, 12, 31) }).map(fromDayNumber);
const energyArb = fc.constantFrom<Energy>('electricity', 'gas', 'heat');
const profileArb = fc.constantFrom<LoadProfileId>('bdew-h25', 'bdew-g25', 'degree-days-uccle');
/** kWh a year with up to 3 decimals. */
const annualArb = fc.integer({ min: 0, max: 100_000_000 }).map((n) => new Decimal(n).dividedBy(1000));

describe('standard load profiles', () => {
  it('uses BDEW H25 for electricity, labelled as such, and degree days for gas and heat', () => {
    expect(STANDARD_LOAD_PROFILE).toEqual({
      electricity: 'bdew-h25',
      gas: 'degree-days-uccle',
      heat: 'degree-days-uccle',
    });
    expect(LOAD_PROFILE_LABELS['bdew-h25']).toBe('profile: BDEW H25');
  });

  it('types Sundays and Belgian public holidays FT, Saturdays SA, other days WT', () => {
    expect(bdewDayType(d('2026-04-05'))).toBe('FT'); // Easter Sunday
    expect(bdewDayType(d('2026-04-06'))).toBe('FT'); // Easter Monday
    expect(bdewDayType(d('2026-08-15'))).toBe('FT'); // Assumption, a Saturday
    expect(bdewDayType(d('2026-04-04'))).toBe('SA');
    expect(bdewDayType(d('2026-04-07'))).toBe('WT');
  });

  it('computes the H25 dynamisation factor exactly, x 10^12', () => {
    // F(1) = -3.92e-10 + 3.2e-7 - 7.02e-5 + 2.1e-3 + 1.24 = 1.242030119608
    expect(h25Dynamisation(1)).toBe(1_242_030_119_608n);
    // F(366) = -392 x 366^4 + 320000 x 366^3 - 70200000 x 366^2 + 2100000000 x 366 + 1240000000000 (x 1e-12)
    //        = -7034130294912 + 15688926720000 - 9403711200000 + 768600000000 + 1240000000000 = 1259685225088
    expect(h25Dynamisation(366)).toBe(1_259_685_225_088n);
  });
});

describe('dailyShares', () => {
  it('gives two working days of one month shares in the ratio of their H25 factors', () => {
    // 2026-01-06 and 2026-01-07 are both January WT: share ratio = F(6) / F(7)
    const [tue, wed] = dailyShares('electricity', d('2026-01-06'), d('2026-01-07'));
    const expected = new Decimal(h25Dynamisation(6).toString()).dividedBy(h25Dynamisation(7).toString());
    expect(tue!.share.dividedBy(wed!.share).minus(expected).abs().toNumber()).toBeLessThan(1e-9);
  });

  it('spreads gas over a month evenly: 20 % flat over the year, 80 % by the month degree days', () => {
    // a January 2026 day: 0.2 / 365 + 0.8 x 396 / (2252 x 31) = 0.000547945.. + 0.004537901.. = 0.005085847
    const shares = dailyShares('gas', d('2026-01-01'), d('2026-01-31'));
    expect(shares).toHaveLength(31);
    expect(shares[0]!.share.toDecimalPlaces(9).toFixed()).toBe('0.005085847');
    expect(shares[30]!.share.toDecimalPlaces(9).toFixed()).toBe('0.005085847');
  });

  it('sums to exactly 1 over any calendar year, leap years included', () => {
    fc.assert(
      fc.property(energyArb, fc.integer({ min: 1990, max: 2099 }), (energy, year) =>
        sumShares(dailyShares(energy, d(`${year}-01-01`), d(`${year}-12-31`))).eq(1),
      ),
      { numRuns: 40 },
    );
  });

  it('sums to exactly 1 over a profile year starting on any date', () => {
    fc.assert(
      fc.property(profileArb, dateArb, (profile, start) => {
        const end = addDays(addMonths(start, 12), -1);
        return sumShares(dailyShares('electricity', start, end, { profile, yearStart: start })).eq(1);
      }),
      { numRuns: 40 },
    );
  });

  it('returns no day for an empty range and refuses a reversed one', () => {
    expect(dailyShares('gas', d('2026-03-01'), d('2026-02-28'))).toEqual([]);
    expect(() => dailyShares('gas', d('2026-03-01'), d('2026-02-27'))).toThrow(RangeError);
  });
});

describe('estimatedConsumptionKwh', () => {
  it('puts the gas of January 2026 at 0.2 x 31/365 + 0.8 x 396/2252 of the year', () => {
    // 17000 x 6.2/365 + 17000 x 316.8/2252 = 288.767123.. + 2391.474245.. = 2680.241368.. -> 2680.241
    expect(estimatedConsumptionKwh('gas', 17000, d('2026-01-01'), d('2026-01-31')).toFixed(3)).toBe('2680.241');
  });

  it('rounds on the cumulative sum, so a month is a difference of two rounded sums', () => {
    // 1 Jan..30 Jun: 9899.171 (from 9899.1708..); 1 Jan..31 Jul: 10248.329; July: 349.158
    // (the unrounded July is 17000 x (6.2/365 + 8/2252) = 349.157887..)
    expect(estimatedConsumptionKwh('gas', 17000, d('2026-07-01'), d('2026-07-31')).toFixed(3)).toBe('349.158');
  });

  it('matches an independent computation from the H25 CSV for electricity', () => {
    // Python with exact fractions from datasets/load-profiles/bdew/h25.csv: January 2026 of 3500 kWh = 354.354,
    // 1 Jan..30 Jun 2026 = 1778.982
    expect(estimatedConsumptionKwh('electricity', 3500, d('2026-01-01'), d('2026-01-31')).toFixed(3)).toBe('354.354');
    expect(estimatedConsumptionKwh('electricity', 3500, d('2026-01-01'), d('2026-06-30')).toFixed(3)).toBe('1778.982');
  });

  it('gives exactly the annual consumption over a calendar year', () => {
    fc.assert(
      fc.property(energyArb, fc.integer({ min: 1990, max: 2099 }), annualArb, (energy, year, annual) =>
        estimatedConsumptionKwh(energy, annual, d(`${year}-01-01`), d(`${year}-12-31`)).eq(annual),
      ),
    );
  });

  it('gives exactly the annual consumption over a 12-month period when the profile year starts with it', () => {
    fc.assert(
      fc.property(profileArb, dateArb, annualArb, (profile, start, annual) => {
        const end = addDays(addMonths(start, 12), -1);
        return estimatedConsumptionKwh('gas', annual, start, end, { profile, yearStart: start }).eq(annual);
      }),
    );
  });

  it('stays within 0.5 % of the annual consumption over any 12-month period on calendar years', () => {
    fc.assert(
      fc.property(energyArb, dateArb, (energy, start) => {
        const end = addDays(addMonths(start, 12), -1);
        const kwh = estimatedConsumptionKwh(energy, 1_000_000, start, end);
        return kwh.minus(1_000_000).abs().lte(5000);
      }),
    );
  });

  it('adds up exactly when a range is split at any date', () => {
    fc.assert(
      fc.property(
        energyArb,
        annualArb,
        dateArb,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 800 }),
        fc.option(dateArb, { nil: undefined }),
        (energy, annual, from, length, cut, yearStart) => {
          const to = addDays(from, length);
          const split = addDays(from, Math.min(cut, length + 1)); // the second part may be empty
          const options = { yearStart };
          const whole = estimatedConsumptionKwh(energy, annual, from, to, options);
          const first = estimatedConsumptionKwh(energy, annual, from, addDays(split, -1), options);
          const second = estimatedConsumptionKwh(energy, annual, split, to, options);
          return first.plus(second).eq(whole);
        },
      ),
    );
  });

  it('refuses a negative annual consumption', () => {
    expect(() => estimatedConsumptionKwh('gas', -1, d('2026-01-01'), d('2026-01-31'))).toThrow(RangeError);
  });
});

describe('estimatedMonthlyConsumptionKwh', () => {
  it('cuts a range at calendar months and the months add up to the range', () => {
    const from = d('2026-03-15');
    const to = d('2026-05-10');
    const months = estimatedMonthlyConsumptionKwh('electricity', 3500, from, to);
    expect(months.map((m) => [m.month, m.from, m.to])).toEqual([
      ['2026-03', '2026-03-15', '2026-03-31'],
      ['2026-04', '2026-04-01', '2026-04-30'],
      ['2026-05', '2026-05-01', '2026-05-10'],
    ]);
    const total = months.reduce((sum, m) => sum.plus(m.kwh), new Decimal(0));
    expect(total.eq(estimatedConsumptionKwh('electricity', 3500, from, to))).toBe(true);
  });

  it('adds up to a whole billing year exactly for any start', () => {
    fc.assert(
      fc.property(energyArb, dateArb, (energy, start: CalendarDate) => {
        const end = addDays(addMonths(start, 12), -1);
        const months = estimatedMonthlyConsumptionKwh(energy, 3500, start, end, { yearStart: start });
        return months.reduce((sum, m) => sum.plus(m.kwh), new Decimal(0)).eq(3500) && toDayNumber(months.at(-1)!.to) === toDayNumber(end);
      }),
      { numRuns: 40 },
    );
  });
});
