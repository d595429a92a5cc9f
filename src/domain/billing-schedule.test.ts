import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ADVANCE_FREQUENCIES, type AdvanceFrequency } from './advance-frequency.js';
import { advancePeriods } from './advance-schedule.js';
import { billingPeriods, contractSchedule, scheduleAnchor, type ScheduleTerms } from './billing-schedule.js';
import { calendarDate, type CalendarDate } from './calendar-date.js';

const d = calendarDate;

function terms(t: {
  moveIn: string;
  signature?: string;
  first?: string | null;
  end?: string | null;
  frequency?: AdvanceFrequency;
}): ScheduleTerms {
  return {
    moveInDate: d(t.moveIn),
    signatureDate: d(t.signature ?? t.moveIn),
    firstAdvanceStartDate: t.first ? d(t.first) : null,
    endDate: t.end ? d(t.end) : null,
    advanceFrequency: t.frequency ?? 'monthly',
  };
}

const ranges = (periods: readonly { startDate: string; endDate: string }[]) => periods.map((p) => `${p.startDate}..${p.endDate}`);
const plain = (date: string) => Temporal.PlainDate.from(date);
const dateArb = (minYear: number, maxYear: number) =>
  fc
    .integer({ min: 0, max: plain(`${minYear}-01-01`).until(plain(`${maxYear}-12-31`)).days })
    .map((days) => plain(`${minYear}-01-01`).add({ days }).toString() as CalendarDate);
const shift = (date: string, days: number) => plain(date).add({ days }).toString() as CalendarDate;

describe('scheduleAnchor', () => {
  it('is the custom first advance start date when it is set', () => {
    expect(scheduleAnchor(terms({ moveIn: '2024-03-01', signature: '2024-02-10', first: '2024-04-15' }))).toBe('2024-04-15');
  });

  it('is the signature date when no custom first advance start date is set (the legacy default)', () => {
    expect(scheduleAnchor(terms({ moveIn: '2024-03-01', signature: '2024-02-10' }))).toBe('2024-02-10');
  });
});

describe('billingPeriods: 12 months from the move-in date', () => {
  it('runs up to the end of the billing period after the one containing today', () => {
    // today 2024-05-01 lies in the second billing period, so the third one is the horizon
    expect(ranges(billingPeriods(terms({ moveIn: '2023-03-15' }), d('2024-05-01')))).toEqual([
      '2023-03-15..2024-03-14',
      '2024-03-15..2025-03-14',
      '2025-03-15..2026-03-14',
    ]);
  });

  it('moves the horizon on the anniversary of the move-in, not the day before', () => {
    expect(billingPeriods(terms({ moveIn: '2023-03-15' }), d('2024-03-14')).map((p) => p.endDate)).toEqual(['2024-03-14', '2025-03-14']);
    expect(billingPeriods(terms({ moveIn: '2023-03-15' }), d('2024-03-15')).map((p) => p.endDate)).toEqual([
      '2024-03-14',
      '2025-03-14',
      '2026-03-14',
    ]);
  });

  it('gives the first and the next billing period for a contract whose supply has not started', () => {
    expect(ranges(billingPeriods(terms({ moveIn: '2024-09-01' }), d('2024-05-01')))).toEqual([
      '2024-09-01..2025-08-31',
      '2025-09-01..2026-08-31',
    ]);
  });

  it('ends the last billing period at the contract end', () => {
    expect(ranges(billingPeriods(terms({ moveIn: '2023-03-15', end: '2025-06-30' }), d('2023-04-01')))).toEqual([
      '2023-03-15..2024-03-14',
      '2024-03-15..2025-03-14',
      '2025-03-15..2025-06-30',
    ]);
  });

  it('adds no empty billing period when the contract ends the day before an anniversary', () => {
    expect(ranges(billingPeriods(terms({ moveIn: '2023-03-15', end: '2024-03-14' }), d('2023-04-01')))).toEqual(['2023-03-15..2024-03-14']);
    expect(ranges(billingPeriods(terms({ moveIn: '2023-03-15', end: '2024-03-15' }), d('2023-04-01')))).toEqual([
      '2023-03-15..2024-03-14',
      '2024-03-15..2024-03-15',
    ]);
  });

  it('counts every billing period from the move-in date, so a 29 February move-in returns to the 29th', () => {
    expect(billingPeriods(terms({ moveIn: '2024-02-29', end: '2028-12-31' }), d('2024-03-01')).map((p) => p.startDate)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });
});

describe('contractSchedule', () => {
  it('puts each advance period in the billing period containing its start, and those before the move-in in the first', () => {
    // signature 2024-02-10 anchors the advances 19 days before supply starts on 2024-03-01
    const schedule = contractSchedule(terms({ moveIn: '2024-03-01', signature: '2024-02-10' }), d('2024-03-20'));
    expect(ranges(schedule.billingPeriods)).toEqual(['2024-03-01..2025-02-28', '2025-03-01..2026-02-28']);
    expect(schedule.advancePeriods.slice(0, 2)).toEqual([
      { startDate: '2024-02-10', endDate: '2024-03-09', billingPeriodIndex: 0 },
      { startDate: '2024-03-10', endDate: '2024-04-09', billingPeriodIndex: 0 },
    ]);
    expect(schedule.advancePeriods.map((p) => `${p.startDate}:${p.billingPeriodIndex}`)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `2024-${String(i + 2).padStart(2, '0')}-10:0`),
      '2025-01-10:0',
      '2025-02-10:0',
      ...Array.from({ length: 10 }, (_, i) => `2025-${String(i + 3).padStart(2, '0')}-10:1`),
      '2026-01-10:1',
      '2026-02-10:1',
    ]);
  });

  it('assigns an advance period starting on a billing period start to that billing period', () => {
    const schedule = contractSchedule(terms({ moveIn: '2024-01-01', frequency: 'quarterly' }), d('2024-01-01'));
    expect(schedule.advancePeriods.map((p) => `${p.startDate}:${p.billingPeriodIndex}`)).toEqual([
      '2024-01-01:0',
      '2024-04-01:0',
      '2024-07-01:0',
      '2024-10-01:0',
      '2025-01-01:1',
      '2025-04-01:1',
      '2025-07-01:1',
      '2025-10-01:1',
    ]);
  });

  it('anchors on the custom first advance start date when it is set, with no period before a future one', () => {
    const schedule = contractSchedule(
      terms({ moveIn: '2024-03-01', signature: '2024-02-10', first: '2024-06-15', frequency: 'quarterly' }),
      d('2024-03-20'),
    );
    expect(ranges(schedule.advancePeriods)).toEqual([
      '2024-06-15..2024-09-14',
      '2024-09-15..2024-12-14',
      '2024-12-15..2025-03-14',
      '2025-03-15..2025-06-14',
      '2025-06-15..2025-09-14',
      '2025-09-15..2025-12-14',
      '2025-12-15..2026-03-14',
    ]);
    expect(schedule.advancePeriods.map((p) => p.billingPeriodIndex)).toEqual([0, 0, 0, 1, 1, 1, 1]);
  });

  it('generates the past periods of a historic custom first advance start date', () => {
    // a move-in of 2022-01-01 entered on 2024-05-10: every month since January 2022 is generated
    const schedule = contractSchedule(
      terms({ moveIn: '2022-01-01', signature: '2021-12-15', first: '2022-01-01', frequency: 'monthly' }),
      d('2024-05-10'),
    );
    expect(schedule.billingPeriods.map((p) => p.startDate)).toEqual(['2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01']);
    expect(schedule.advancePeriods).toHaveLength(48);
    expect(schedule.advancePeriods[0]).toEqual({ startDate: '2022-01-01', endDate: '2022-01-31', billingPeriodIndex: 0 });
    expect(schedule.advancePeriods[47]).toEqual({ startDate: '2025-12-01', endDate: '2025-12-31', billingPeriodIndex: 3 });
    expect(schedule.advancePeriods.filter((p) => p.startDate <= '2024-05-10')).toHaveLength(29);
    expect([0, 1, 2, 3].map((i) => schedule.advancePeriods.filter((p) => p.billingPeriodIndex === i).length)).toEqual([12, 12, 12, 12]);
  });

  it('ends the last advance period at the contract end', () => {
    const schedule = contractSchedule(terms({ moveIn: '2024-01-01', end: '2024-05-20', frequency: 'bimonthly' }), d('2024-01-01'));
    expect(ranges(schedule.billingPeriods)).toEqual(['2024-01-01..2024-05-20']);
    expect(ranges(schedule.advancePeriods)).toEqual(['2024-01-01..2024-02-29', '2024-03-01..2024-04-30', '2024-05-01..2024-05-20']);
  });

  it('has billing periods but no advance periods for frequency none', () => {
    const schedule = contractSchedule(terms({ moveIn: '2024-01-01', frequency: 'none' }), d('2024-01-01'));
    expect(ranges(schedule.billingPeriods)).toEqual(['2024-01-01..2024-12-31', '2025-01-01..2025-12-31']);
    expect(schedule.advancePeriods).toEqual([]);
  });
});

/** Random valid contract terms (as moveInProblems accepts them) and a today. */
const termsArb = fc
  .record({
    moveIn: dateArb(1995, 2080),
    signatureBefore: fc.integer({ min: 0, max: 120 }),
    firstAfter: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
    endAfter: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
    frequency: fc.constantFrom(...ADVANCE_FREQUENCIES),
    todayOffset: fc.integer({ min: -400, max: 4000 }),
  })
  .map(({ moveIn, signatureBefore, firstAfter, endAfter, frequency, todayOffset }) => {
    const endDate = endAfter === null ? null : shift(moveIn, endAfter);
    const first = firstAfter === null || frequency === 'none' ? null : shift(moveIn, firstAfter);
    return {
      terms: {
        moveInDate: moveIn,
        signatureDate: shift(moveIn, -signatureBefore),
        firstAdvanceStartDate: first !== null && endDate !== null && first > endDate ? endDate : first,
        endDate,
        advanceFrequency: frequency,
      } satisfies ScheduleTerms,
      today: shift(moveIn, todayOffset),
    };
  });

describe('contract schedule invariants (properties)', () => {
  it('billing periods are contiguous, start 12 x k months after the move-in and cover move-in..horizon', () => {
    fc.assert(
      fc.property(termsArb, ({ terms: t, today }) => {
        const bps = billingPeriods(t, today);
        expect(bps.length).toBeGreaterThan(0);
        bps.forEach((bp, k) => {
          expect(bp.startDate).toBe(
            plain(t.moveInDate)
              .add({ months: 12 * k })
              .toString(),
          );
          expect(bp.startDate <= bp.endDate).toBe(true);
          if (k + 1 < bps.length) expect(bps[k + 1]!.startDate).toBe(shift(bp.endDate, 1));
        });
        const last = bps[bps.length - 1]!;
        if (t.endDate !== null) {
          expect(last.endDate).toBe(t.endDate);
        } else {
          // the horizon: the billing period after the one containing today (the first one when supply has not started)
          const current = bps.findIndex((bp) => bp.startDate <= today && today <= bp.endDate);
          expect(bps.length).toBe((today < t.moveInDate ? 0 : current) + 2);
          expect(last.endDate).toBe(
            plain(t.moveInDate)
              .add({ months: 12 * bps.length })
              .subtract({ days: 1 })
              .toString(),
          );
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it("advance periods are the anchor's schedule up to the horizon, each in the billing period containing its start (or the first)", () => {
    fc.assert(
      fc.property(termsArb, ({ terms: t, today }) => {
        const { billingPeriods: bps, advancePeriods: aps } = contractSchedule(t, today);
        const horizon = bps[bps.length - 1]!.endDate;
        expect(aps.map(({ startDate, endDate }) => ({ startDate, endDate }))).toEqual(
          advancePeriods(scheduleAnchor(t), t.advanceFrequency, horizon, t.endDate),
        );
        for (const ap of aps) {
          const containing = bps.findIndex((bp) => bp.startDate <= ap.startDate && ap.startDate <= bp.endDate);
          expect(ap.billingPeriodIndex).toBe(ap.startDate < t.moveInDate ? 0 : containing);
        }
        if (t.firstAdvanceStartDate !== null) expect(aps.every((ap) => ap.startDate >= t.firstAdvanceStartDate!)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('regenerating on a later today keeps the earlier schedule as its exact prefix (idempotent regeneration)', () => {
    fc.assert(
      fc.property(termsArb, fc.integer({ min: 0, max: 2000 }), ({ terms: t, today }, laterDays) => {
        const earlier = contractSchedule(t, today);
        const later = contractSchedule(t, shift(today, laterDays));
        expect(later.billingPeriods.slice(0, earlier.billingPeriods.length)).toEqual(earlier.billingPeriods);
        expect(later.advancePeriods.slice(0, earlier.advancePeriods.length)).toEqual(earlier.advancePeriods);
      }),
      { numRuns: 300 },
    );
  });
});
