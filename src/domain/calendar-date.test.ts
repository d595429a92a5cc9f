import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDate,
  compareDates,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  isLeapYear,
  maxDate,
  minDate,
  parseCalendarDate,
  toDayNumber,
  todayIn,
  type CalendarDate,
} from './calendar-date.js';

const EPOCH = Temporal.PlainDate.from('1970-01-01');
// CalendarDate is YYYY-MM-DD: four-digit years only.
const FIRST_DAY = dayNumber(1000, 1, 1);
const LAST_DAY = dayNumber(9999, 12, 31);

const plainDateArb = (minYear: number, maxYear: number) =>
  fc.integer({ min: dayNumber(minYear, 1, 1), max: dayNumber(maxYear, 12, 31) }).map((days) => EPOCH.add({ days }));

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(dayNumber(2024, 1, 1)).toBe(19723);
    expect(dayNumber(2000, 3, 1)).toBe(11017);
    expect(fromDayNumber(19723)).toBe('2024-01-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(toDayNumber(calendarDate('2024-02-29'))).toBe(19782);
  });

  it('agrees with Temporal on every day number of years 1000..9999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (days) => {
        const oracle = EPOCH.add({ days });
        expect(fromDayNumber(days)).toBe(oracle.toString());
        expect(dayNumber(oracle.year, oracle.month, oracle.day)).toBe(days);
      }),
      { numRuns: 10_000 },
    );
  });

  it('round-trips date -> day number -> date (property)', () => {
    fc.assert(
      fc.property(plainDateArb(1000, 9999), (date) => {
        const text = calendarDate(date.toString());
        expect(fromDayNumber(toDayNumber(text))).toBe(text);
        expect(toDayNumber(text)).toBe(EPOCH.until(date).days);
      }),
      { numRuns: 5_000 },
    );
  });

  it('is continuous around leap days and century years', () => {
    for (const [text, next] of [
      ['2024-02-28', '2024-02-29'],
      ['2024-02-29', '2024-03-01'],
      ['2023-02-28', '2023-03-01'],
      ['1900-02-28', '1900-03-01'],
      ['2000-02-28', '2000-02-29'],
      ['2100-02-28', '2100-03-01'],
      ['2024-12-31', '2025-01-01'],
    ] as const) {
      expect(addDays(calendarDate(text), 1)).toBe(next);
      expect(addDays(calendarDate(next), -1)).toBe(text);
    }
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian leap-year rule', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
  });

  it('gives February 29 days only in leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2023, i + 1))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('agrees with Temporal daysInMonth (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(daysInMonth(y, m)).toBe(Temporal.PlainYearMonth.from({ year: y, month: m }).daysInMonth);
      }),
    );
  });
});

describe('addMonths', () => {
  it('clamps a 31st to the last day of February in a leap year (2024-01-31 + 1 = 2024-02-29)', () => {
    expect(addMonths(calendarDate('2024-01-31'), 1)).toBe('2024-02-29');
  });

  it('clamps a 31st to the last day of February in a common year (2023-01-31 + 1 = 2023-02-28)', () => {
    expect(addMonths(calendarDate('2023-01-31'), 1)).toBe('2023-02-28');
  });

  it('clamps to 30-day months and crosses years in both directions', () => {
    expect(addMonths(calendarDate('2024-03-31'), 1)).toBe('2024-04-30');
    expect(addMonths(calendarDate('2024-11-30'), 3)).toBe('2025-02-28');
    expect(addMonths(calendarDate('2024-01-31'), -1)).toBe('2023-12-31');
    expect(addMonths(calendarDate('2024-03-31'), -1)).toBe('2024-02-29');
    expect(addMonths(calendarDate('2024-02-29'), 12)).toBe('2025-02-28');
    expect(addMonths(calendarDate('2024-02-29'), 48)).toBe('2028-02-29');
    expect(addMonths(calendarDate('2024-05-15'), 0)).toBe('2024-05-15');
  });

  it("agrees with Temporal's add({ months }) (property)", () => {
    fc.assert(
      fc.property(plainDateArb(1100, 9800), fc.integer({ min: -1200, max: 1200 }), (date, months) => {
        expect(addMonths(calendarDate(date.toString()), months)).toBe(date.add({ months }).toString());
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('parseCalendarDate', () => {
  it('accepts real dates, leap days included', () => {
    expect(parseCalendarDate('2024-02-29')).toBe('2024-02-29');
    expect(parseCalendarDate('2023-12-31')).toBe('2023-12-31');
    expect(parseCalendarDate('2000-02-29')).toBe('2000-02-29');
  });

  it('refuses impossible dates: 2023-02-29, 2024-13-01, 2024-00-10, 2024-04-31, 1900-02-29', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-00', '1900-02-29']) {
      expect(parseCalendarDate(text)).toBeNull();
    }
  });

  it("refuses anything that is not exactly YYYY-MM-DD: '2024-1-01', '', a time, spaces", () => {
    for (const text of [
      '2024-1-01',
      '2024-01-1',
      '',
      '24-01-01',
      '2024/01/01',
      '2024-01-01T00:00',
      ' 2024-01-01',
      '2024-01-01\n',
      '20240101',
    ]) {
      expect(parseCalendarDate(text)).toBeNull();
    }
  });

  it('calendarDate throws a RangeError on what parseCalendarDate refuses', () => {
    expect(() => calendarDate('2023-02-29')).toThrow(RangeError);
    expect(() => calendarDate('')).toThrow('not a calendar date: ');
  });

  it('accepts exactly the strings Temporal can build as a date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        let valid = true;
        try {
          Temporal.PlainDate.from({ year: y, month: m, day: d }, { overflow: 'reject' });
        } catch {
          valid = false;
        }
        expect(parseCalendarDate(text)).toBe(valid ? text : null);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('today in Europe/Brussels', () => {
  it('is already the next day at 23:30 UTC in winter (UTC+1)', () => {
    expect(todayIn('Europe/Brussels', Temporal.Instant.from('2024-03-30T23:30:00Z'))).toBe('2024-03-31');
  });

  it('is already the next day at 22:30 UTC in summer (UTC+2)', () => {
    expect(todayIn('Europe/Brussels', Temporal.Instant.from('2024-06-30T22:30:00Z'))).toBe('2024-07-01');
    expect(todayIn('Europe/Brussels', Temporal.Instant.from('2024-06-30T21:59:59Z'))).toBe('2024-06-30');
  });
});

describe('comparing dates', () => {
  const a = calendarDate('2024-02-29');
  const b = calendarDate('2024-03-01');

  it('orders ISO dates as strings', () => {
    expect([compareDates(a, b), compareDates(b, a), compareDates(a, a)]).toEqual([-1, 1, 0]);
    expect(minDate(a, b)).toBe('2024-02-29');
    expect(maxDate(a, b)).toBe('2024-03-01');
  });

  it('string order equals day-number order (property)', () => {
    fc.assert(
      fc.property(plainDateArb(1000, 9999), plainDateArb(1000, 9999), (x, y) => {
        const [dx, dy] = [x.toString() as CalendarDate, y.toString() as CalendarDate];
        expect(compareDates(dx, dy)).toBe(Math.sign(toDayNumber(dx) - toDayNumber(dy)));
      }),
    );
  });
});
