import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendar-date.js';
import { belgianPublicHolidays, easterSunday, isBelgianPublicHoliday } from './belgian-public-holidays.js';

describe('Belgian public holidays', () => {
  it('finds Easter Sunday, including the earliest and latest possible dates', () => {
    expect(['2024', '2025', '2026', '2027'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
    ]);
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the ten legal holidays of 2026: Easter Monday +1, Ascension +39, Whit Monday +50 days from Easter', () => {
    expect(belgianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('sorts Ascension before Labour Day when Easter is early (2285: Ascension on 30 April)', () => {
    expect(belgianPublicHolidays(2285).slice(1, 4)).toEqual(['2285-03-23', '2285-04-30', '2285-05-01']);
  });

  it('tells a holiday from an ordinary day', () => {
    expect(isBelgianPublicHoliday(calendarDate('2026-07-21'))).toBe(true);
    expect(isBelgianPublicHoliday(calendarDate('2026-12-26'))).toBe(false);
  });
});
