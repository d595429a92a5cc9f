import { dayNumber, formatYmd, fromDayNumber, ymd, type CalendarDate } from './calendar-date.js';

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatYmd(year, month, day);
}

/**
 * The ten Belgian legal public holidays of a year, in date order: New Year, Easter Monday,
 * Labour Day, Ascension, Whit Monday, National Day, Assumption, All Saints, Armistice, Christmas.
 */
export function belgianPublicHolidays(year: number): CalendarDate[] {
  const [, easterMonth, easterDay] = ymd(easterSunday(year));
  const easter = dayNumber(year, easterMonth, easterDay);
  return [
    dayNumber(year, 1, 1),
    easter + 1,
    dayNumber(year, 5, 1),
    easter + 39,
    easter + 50,
    dayNumber(year, 7, 21),
    dayNumber(year, 8, 15),
    dayNumber(year, 11, 1),
    dayNumber(year, 11, 11),
    dayNumber(year, 12, 25),
  ]
    .sort((x, y) => x - y)
    .map(fromDayNumber);
}

export function isBelgianPublicHoliday(date: CalendarDate): boolean {
  return belgianPublicHolidays(ymd(date)[0]).includes(date);
}
