// Belgian conventions for each interface language: `€ 85,00` (nl), `85,00 €` (fr), `€85.00` (en).
const INTL_LOCALES: Record<string, string> = { en: 'en-BE', fr: 'fr-BE', nl: 'nl-BE' };

function intlLocale(language: string): string {
  return INTL_LOCALES[language] ?? 'en-BE';
}

/** Formats a decimal-string amount in EUR; Intl reads the string exactly, so no float rounding. */
export function formatMoney(amount: string, language: string): string {
  const format = new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency: 'EUR' });
  return format.format(amount as Intl.StringNumericLiteral);
}

/** Formats a `YYYY-MM-DD` calendar date; UTC keeps the day from shifting with the browser's time zone. */
export function formatDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const format = new Intl.DateTimeFormat(intlLocale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** A period with its inclusive end date, both days written out. */
export function formatPeriod(startDate: string, endDate: string, language: string): string {
  return `${formatDate(startDate, language)} – ${formatDate(endDate, language)}`;
}

/** Formats a moment (e.g. when a period was skipped) in Belgian time, where billing happens. */
export function formatDateTime(instant: string, language: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  });
  return format.format(new Date(instant));
}
