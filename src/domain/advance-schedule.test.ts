import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ADVANCE_FREQUENCIES, FREQUENCY_MONTHS, type AdvanceFrequency, type Frequency } from './advance-frequency.js';
import { advancePeriods } from './advance-schedule.js';
import { calendarDate, type CalendarDate } from './calendar-date.js';

const d = calendarDate;
const starts = (anchor: string, frequency: AdvanceFrequency, until: string, contractEnd: string | null = null) =>
  advancePeriods(d(anchor), frequency, d(until), contractEnd === null ? null : d(contractEnd)).map((p) => p.startDate);
const ranges = (anchor: string, frequency: AdvanceFrequency, until: string, contractEnd: string | null = null) =>
  advancePeriods(d(anchor), frequency, d(until), contractEnd === null ? null : d(contractEnd)).map((p) => `${p.startDate}..${p.endDate}`);

const FREQUENCIES = ADVANCE_FREQUENCIES.filter((f): f is Frequency => f !== 'none');
const plain = (date: string) => Temporal.PlainDate.from(date);
const dateArb = (minYear: number, maxYear: number) =>
  fc
    .integer({ min: 0, max: plain(`${minYear}-01-01`).until(plain(`${maxYear}-12-31`)).days })
    .map((days) => plain(`${minYear}-01-01`).add({ days }));
const offset = (date: Temporal.PlainDate, days: number) => date.add({ days }).toString() as CalendarDate;

/** A random schedule: anchor 1990..2100, any frequency, a horizon up to ~15 years, an optional contract end. */
const scheduleArb = fc.record({
  anchor: dateArb(1990, 2100),
  frequency: fc.constantFrom(...FREQUENCIES),
  untilDays: fc.integer({ min: -400, max: 5500 }),
  contractEndDays: fc.option(fc.integer({ min: -400, max: 5500 }), { nil: null }),
});

describe('advancePeriods: anchored on the anchor, never chained', () => {
  it('anchors a 31st on the last day of shorter months, counting from the anchor (DOMAIN.md example)', () => {
    expect(starts('2024-01-31', 'monthly', '2024-06-30')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
    ]);
  });

  it('ends each period the day before the next one starts', () => {
    expect(ranges('2024-01-31', 'monthly', '2024-04-30')).toEqual([
      '2024-01-31..2024-02-28',
      '2024-02-29..2024-03-30',
      '2024-03-31..2024-04-29',
      '2024-04-30..2024-05-30',
    ]);
  });

  it('goes back to the 31st after a short month instead of staying on the 29th or 30th', () => {
    expect(starts('2023-01-31', 'monthly', '2023-03-31')).toEqual(['2023-01-31', '2023-02-28', '2023-03-31']);
    expect(starts('2024-08-31', 'bimonthly', '2025-04-30')).toEqual(['2024-08-31', '2024-10-31', '2024-12-31', '2025-02-28', '2025-04-30']);
  });

  it('keeps a 29 February anchor on 28 February in common years and back on the 29th in leap years', () => {
    expect(starts('2024-02-29', 'annual', '2028-12-31')).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('uses 1, 2, 3, 6 and 12 months per frequency', () => {
    expect(starts('2024-01-15', 'monthly', '2024-12-31')).toEqual(
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-15`),
    );
    expect(starts('2024-01-15', 'bimonthly', '2024-12-31')).toEqual([
      '2024-01-15',
      '2024-03-15',
      '2024-05-15',
      '2024-07-15',
      '2024-09-15',
      '2024-11-15',
    ]);
    expect(starts('2024-01-15', 'quarterly', '2024-12-31')).toEqual(['2024-01-15', '2024-04-15', '2024-07-15', '2024-10-15']);
    expect(ranges('2024-01-15', 'semiannual', '2024-12-31')).toEqual(['2024-01-15..2024-07-14', '2024-07-15..2025-01-14']);
    expect(ranges('2024-01-15', 'annual', '2024-12-31')).toEqual(['2024-01-15..2025-01-14']);
  });

  it('gives no periods for frequency none', () => {
    expect(advancePeriods(d('2024-01-01'), 'none', d('2030-12-31'))).toEqual([]);
    expect(advancePeriods(d('2024-01-01'), 'none', d('2030-12-31'), d('2025-12-31'))).toEqual([]);
  });

  it('generates periods that start up to until, inclusive', () => {
    expect(starts('2024-01-01', 'monthly', '2024-03-01')).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    expect(starts('2024-01-01', 'monthly', '2024-02-29')).toEqual(['2024-01-01', '2024-02-01']);
    expect(ranges('2024-01-01', 'quarterly', '2024-01-01')).toEqual(['2024-01-01..2024-03-31']);
    expect(starts('2024-01-01', 'monthly', '2023-12-31')).toEqual([]);
  });

  it('truncates the last period at the contract end and starts none after it', () => {
    expect(ranges('2024-01-01', 'monthly', '2026-12-31', '2024-03-15')).toEqual([
      '2024-01-01..2024-01-31',
      '2024-02-01..2024-02-29',
      '2024-03-01..2024-03-15',
    ]);
    expect(ranges('2024-01-10', 'annual', '2030-12-31', '2024-01-10')).toEqual(['2024-01-10..2024-01-10']);
    expect(ranges('2024-01-10', 'quarterly', '2030-12-31', '2024-07-09')).toEqual(['2024-01-10..2024-04-09', '2024-04-10..2024-07-09']);
  });

  it('gives no periods when the contract ends before the anchor', () => {
    expect(starts('2024-06-01', 'monthly', '2026-12-31', '2024-05-31')).toEqual([]);
  });

  it('truncates at the contract end even when until lies before it', () => {
    // until stops new starts; the contract end still caps the last period
    expect(ranges('2024-01-01', 'annual', '2024-06-30', '2024-09-30')).toEqual(['2024-01-01..2024-09-30']);
    expect(ranges('2024-01-01', 'quarterly', '2024-03-31', '2025-12-31')).toEqual(['2024-01-01..2024-03-31']);
  });
});

describe('advancePeriods: invariants (properties)', () => {
  it('gives no periods for frequency none, whatever the dates', () => {
    fc.assert(
      fc.property(scheduleArb, ({ anchor, untilDays, contractEndDays }) => {
        const end = contractEndDays === null ? null : offset(anchor, contractEndDays);
        expect(advancePeriods(anchor.toString() as CalendarDate, 'none', offset(anchor, untilDays), end)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('starts period k at anchor + k x months (Temporal, counted from the anchor), contiguous, no overlap, within until and the contract end', () => {
    fc.assert(
      fc.property(scheduleArb, ({ anchor, frequency, untilDays, contractEndDays }) => {
        const months = FREQUENCY_MONTHS[frequency];
        const until = offset(anchor, untilDays);
        const contractEnd = contractEndDays === null ? null : offset(anchor, contractEndDays);
        const periods = advancePeriods(anchor.toString() as CalendarDate, frequency, until, contractEnd);
        const last = contractEnd !== null && contractEnd < until ? contractEnd : until;
        const startOf = (k: number) => anchor.add({ months: k * months }).toString();

        // exactly the periods k whose start is on or before min(until, contract end)
        let expectedCount = 0;
        while (startOf(expectedCount) <= last) expectedCount++;
        expect(periods.length).toBe(expectedCount);

        periods.forEach((p, k) => {
          expect(p.startDate).toBe(startOf(k));
          expect(p.startDate <= until).toBe(true);
          expect(p.startDate <= p.endDate).toBe(true);
          if (contractEnd !== null) {
            expect(p.startDate <= contractEnd).toBe(true);
            expect(p.endDate <= contractEnd).toBe(true);
          }
          const next = plain(startOf(k + 1))
            .subtract({ days: 1 })
            .toString();
          if (k < periods.length - 1) {
            // contiguous: this end is the day before the next start, so periods never overlap nor leave a gap
            expect(p.endDate).toBe(next);
            expect(periods[k + 1]!.startDate).toBe(plain(p.endDate).add({ days: 1 }).toString());
          } else {
            expect(p.endDate).toBe(contractEnd !== null && contractEnd < next ? contractEnd : next);
          }
        });
        if (periods.length > 0) expect(periods[0]!.startDate).toBe(anchor.toString());
      }),
      { numRuns: 1_000 },
    );
  });

  it('ends the last period on the contract end when the contract ends on or after the anchor and within the horizon', () => {
    fc.assert(
      fc.property(
        dateArb(1990, 2100),
        fc.constantFrom(...FREQUENCIES),
        fc.integer({ min: 0, max: 5500 }),
        fc.integer({ min: 0, max: 400 }),
        (anchor, frequency, endDays, extraDays) => {
          const contractEnd = offset(anchor, endDays);
          const until = offset(anchor, endDays + extraDays);
          const periods = advancePeriods(anchor.toString() as CalendarDate, frequency, until, contractEnd);
          expect(periods.length).toBeGreaterThan(0);
          expect(periods[periods.length - 1]!.endDate).toBe(contractEnd);
          expect(periods.every((p) => p.startDate <= contractEnd)).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('regenerating with a later until keeps the earlier list as its exact prefix (idempotent regeneration)', () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 0, max: 3000 }), ({ anchor, frequency, untilDays, contractEndDays }, moreDays) => {
        const a = anchor.toString() as CalendarDate;
        const contractEnd = contractEndDays === null ? null : offset(anchor, contractEndDays);
        const earlier = advancePeriods(a, frequency, offset(anchor, untilDays), contractEnd);
        const later = advancePeriods(a, frequency, offset(anchor, untilDays + moreDays), contractEnd);
        expect(later.length).toBeGreaterThanOrEqual(earlier.length);
        expect(later.slice(0, earlier.length)).toEqual(earlier);
        expect(advancePeriods(a, frequency, offset(anchor, untilDays), contractEnd)).toEqual(earlier);
      }),
      { numRuns: 1_000 },
    );
  });
});
