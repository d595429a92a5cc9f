import { ADVANCE_FREQUENCIES, type AdvanceFrequency } from './advance-frequency.js';
import { parseCalendarDate, type CalendarDate } from './calendar-date.js';
import { eanProblem } from './ean.js';
import { normalizedIban } from './iban.js';
import { EAN_MESSAGES, MAX_ANNUAL_CONSUMPTION_KWH, moveInProblems } from './move-in-rules.js';
import { ENERGIES, type Energy } from './tariff.js';
import { isStorableText } from './text.js';

/** The columns of a move-in import file (one row per contract), in the order of the template. */
export const IMPORT_COLUMNS = [
  { name: 'customer_number', required: false, help: "your customer number: a customer's contracts share it; re-imports find it" },
  { name: 'customer_name', required: true, help: 'full name or company name' },
  { name: 'email', required: false, help: '' },
  { name: 'phone', required: false, help: '' },
  { name: 'language', required: false, help: 'en, fr or nl (default nl)' },
  { name: 'vat_number', required: false, help: 'for business customers' },
  { name: 'street', required: true, help: 'street and number of the supply address' },
  { name: 'postal_code', required: true, help: '' },
  { name: 'city', required: true, help: '' },
  { name: 'country', required: false, help: 'ISO code (default BE)' },
  { name: 'ean', required: true, help: '18 digits; 54… in Belgium' },
  { name: 'energy', required: true, help: 'electricity, gas or heat' },
  { name: 'product_code', required: true, help: "the product's code in Wattbill" },
  { name: 'move_in_date', required: true, help: 'YYYY-MM-DD (also DD/MM/YYYY); with the EAN it identifies the row' },
  { name: 'signature_date', required: true, help: 'on or before the move-in date' },
  { name: 'end_date', required: false, help: 'last day of supply of a fixed-term contract' },
  { name: 'estimated_annual_consumption_kwh', required: true, help: 'whole kWh' },
  { name: 'advance_frequency', required: true, help: 'none, monthly, bimonthly, quarterly, semiannual or annual' },
  { name: 'advance_amount', required: false, help: 'EUR, e.g. 85.00; empty: proposed from the product' },
  { name: 'first_advance_start_date', required: false, help: 'custom first advance start date; may lie in the past' },
  { name: 'iban', required: false, help: '' },
  { name: 'direct_debit', required: false, help: 'yes or no (default no); yes needs an IBAN' },
  { name: 'meter_reading', required: false, help: 'meter index at move-in' },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['name'];
export type ImportRowError = { row: number; column: ImportColumn | null; message: string };

/** One contract of an import, its fields checked and typed. */
export type ImportRow = {
  customerNumber: string | null;
  customerName: string;
  email: string | null;
  phone: string | null;
  language: 'en' | 'fr' | 'nl';
  vatNumber: string | null;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  ean: string;
  energy: Energy;
  productCode: string;
  moveInDate: CalendarDate;
  signatureDate: CalendarDate;
  endDate: CalendarDate | null;
  estimatedAnnualConsumptionKwh: number;
  advanceFrequency: AdvanceFrequency;
  advanceAmount: string | null;
  firstAdvanceStartDate: CalendarDate | null;
  iban: string | null;
  directDebit: boolean;
  meterReading: string | null;
};

/** Problems with a file's header: missing required columns and unknown ones. */
export function importHeaderProblems(header: readonly string[]): string[] {
  const known = new Set<string>(IMPORT_COLUMNS.map((c) => c.name));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
  const unknown = header.filter((h) => !known.has(h));
  const twice = [...new Set(header.filter((h, i) => header.indexOf(h) !== i))];
  const problems: string[] = [];
  if (twice.length > 0) problems.push(`Columns given twice: ${twice.join(', ')}.`);
  if (missing.length > 0) problems.push(`Missing columns: ${missing.join(', ')}.`);
  if (unknown.length > 0) problems.push(`Unknown columns: ${unknown.join(', ')}.`);
  return problems;
}

const RULE_COLUMNS: Record<string, ImportColumn> = {
  signatureDate: 'signature_date',
  endDate: 'end_date',
  firstAdvanceStartDate: 'first_advance_start_date',
  advanceAmount: 'advance_amount',
  iban: 'iban',
};

/** A calendar date as spreadsheets write it: ISO, or the Belgian day/month/year. */
function importDate(value: string): CalendarDate | null {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : value;
  const date = parseCalendarDate(iso);
  return date !== null && date >= '1900-01-01' && date <= '2199-12-31' ? date : null;
}

/**
 * Checks and types one row of an import (values as read from the file, by column name), with every
 * rule a manual move-in has. Errors name the column; `row` is the line in the file.
 */
export function parseImportRow(
  today: CalendarDate,
  row: number,
  values: Readonly<Record<string, string | undefined>>,
): { row: ImportRow } | { errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (column: ImportColumn, message: string) => errors.push({ row, column, message });
  const text = (column: ImportColumn, max: number): string | null => {
    const value = (values[column] ?? '').trim();
    if (value === '') return null;
    // U+FFFD is what bytes that are not UTF-8 became when the file was read
    if (!isStorableText(value) || value.includes('\uFFFD'))
      fail(column, 'contains characters that can not be stored (NUL, or bytes that are not UTF-8: save the file as UTF-8).');
    else if (value.length > max) fail(column, `is longer than ${max} characters.`);
    return value;
  };
  const required = (column: ImportColumn, max: number): string => {
    const value = text(column, max);
    if (value === null) fail(column, 'is required.');
    return value ?? '';
  };
  const oneOf = <T extends string>(column: ImportColumn, allowed: readonly T[], fallback: T | null): T => {
    const value = text(column, 40)?.toLowerCase() ?? null;
    if (value === null && fallback !== null) return fallback;
    if (value === null || !(allowed as readonly string[]).includes(value)) fail(column, `must be one of ${allowed.join(', ')}.`);
    return (value ?? fallback) as T;
  };
  const date = (column: ImportColumn, isRequired: boolean): CalendarDate | null => {
    const value = isRequired ? required(column, 20) : text(column, 20);
    if (value === null || value === '') return null;
    const parsed = importDate(value);
    if (parsed === null) fail(column, 'must be a date YYYY-MM-DD (or DD/MM/YYYY) between 1900 and 2199.');
    return parsed;
  };

  const customerName = required('customer_name', 200);
  const email = text('email', 254);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('email', 'is not an email address.');
  const phone = text('phone', 40);
  if (phone !== null && !/^\+?[0-9][0-9 ()./-]{5,29}$/.test(phone)) fail('phone', 'is not a phone number.');
  const country = (text('country', 2) ?? 'BE').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) fail('country', 'must be an ISO country code like BE.');
  const ean = required('ean', 30).replace(/\s/g, '');
  const eanFault = ean === '' ? null : eanProblem(ean, country);
  if (eanFault) fail('ean', EAN_MESSAGES[eanFault]);
  const consumption = required('estimated_annual_consumption_kwh', 12);
  if (consumption !== '' && !(/^\d{1,9}$/.test(consumption) && Number(consumption) <= MAX_ANNUAL_CONSUMPTION_KWH))
    fail('estimated_annual_consumption_kwh', `must be a whole number of kWh up to ${MAX_ANNUAL_CONSUMPTION_KWH.toLocaleString('en')}.`);
  const advanceAmount = text('advance_amount', 20)?.replace(',', '.') ?? null;
  if (advanceAmount !== null && !(/^\d{1,10}(\.\d{1,2})?$/.test(advanceAmount) && Number(advanceAmount) > 0))
    fail('advance_amount', 'must be an amount above 0 with at most 2 decimals.');
  const meterReading = text('meter_reading', 20)?.replace(',', '.') ?? null;
  if (meterReading !== null && !/^\d{1,11}(\.\d{1,3})?$/.test(meterReading))
    fail('meter_reading', 'must be a meter index with at most 3 decimals.');
  const iban = text('iban', 42);
  const directDebit = oneOf('direct_debit', ['yes', 'no', 'true', 'false', '1', '0'], 'no');

  const parsed: ImportRow = {
    customerNumber: text('customer_number', 50),
    customerName,
    email: email?.toLowerCase() ?? null,
    phone,
    language: oneOf('language', ['en', 'fr', 'nl'], 'nl'),
    vatNumber: text('vat_number', 30),
    street: required('street', 200),
    postalCode: required('postal_code', 20),
    city: required('city', 100),
    country,
    ean,
    energy: oneOf('energy', ENERGIES, null),
    productCode: required('product_code', 100),
    moveInDate: date('move_in_date', true)!,
    signatureDate: date('signature_date', true)!,
    endDate: date('end_date', false),
    estimatedAnnualConsumptionKwh: Number(consumption),
    advanceFrequency: oneOf('advance_frequency', ADVANCE_FREQUENCIES, null),
    advanceAmount,
    firstAdvanceStartDate: date('first_advance_start_date', false),
    iban: iban === null ? null : normalizedIban(iban),
    directDebit: ['yes', 'true', '1'].includes(directDebit),
    meterReading,
  };
  if (iban !== null && parsed.iban === null) fail('iban', 'is not a valid IBAN.');
  if (errors.length > 0) return { errors };

  for (const problem of moveInProblems(today, {
    ean: parsed.ean,
    country: parsed.country,
    moveInDate: parsed.moveInDate,
    signatureDate: parsed.signatureDate,
    endDate: parsed.endDate,
    advanceFrequency: parsed.advanceFrequency,
    advanceAmount: parsed.advanceAmount,
    firstAdvanceStartDate: parsed.firstAdvanceStartDate,
    iban: parsed.iban,
    directDebitConsent: parsed.directDebit,
  })) {
    // the EAN was checked with the other fields
    if (problem.path !== 'connection.ean') fail(RULE_COLUMNS[problem.path] ?? 'move_in_date', problem.message);
  }
  return errors.length > 0 ? { errors } : { row: parsed };
}
