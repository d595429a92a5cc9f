import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendar-date.js';
import { IMPORT_COLUMNS, importHeaderProblems, parseImportRow } from './move-in-import-row.js';

const TODAY = calendarDate('2026-12-03');
const good = {
  customer_number: 'C-0001',
  customer_name: 'Lotte Maes',
  email: 'Lotte.Maes@example.be',
  language: 'NL',
  street: 'Veldstraat 3',
  postal_code: '9000',
  city: 'Gent',
  ean: '541448820000000008',
  energy: 'electricity',
  product_code: 'EL-VAR',
  move_in_date: '15/03/2022',
  signature_date: '2022-03-01',
  estimated_annual_consumption_kwh: '3500',
  advance_frequency: 'monthly',
  advance_amount: '85,50',
  first_advance_start_date: '2026-01-15',
  iban: 'be68 5390 0754 7034',
  direct_debit: 'yes',
  meter_reading: '1234,5',
};
const parse = (change: Record<string, string | undefined> = {}) => parseImportRow(TODAY, 7, { ...good, ...change });
const errorsOf = (change: Record<string, string | undefined>) => {
  const result = parse(change);
  return 'errors' in result ? result.errors.map((e) => [e.column, e.message]) : [];
};

describe('parseImportRow', () => {
  it('types a good row, with Belgian dates and decimal commas, defaults and an electronic IBAN', () => {
    expect(parse()).toEqual({
      row: {
        customerNumber: 'C-0001',
        customerName: 'Lotte Maes',
        email: 'lotte.maes@example.be',
        phone: null,
        language: 'nl',
        vatNumber: null,
        street: 'Veldstraat 3',
        postalCode: '9000',
        city: 'Gent',
        country: 'BE',
        ean: '541448820000000008',
        energy: 'electricity',
        productCode: 'EL-VAR',
        moveInDate: '2022-03-15',
        signatureDate: '2022-03-01',
        endDate: null,
        estimatedAnnualConsumptionKwh: 3500,
        advanceFrequency: 'monthly',
        advanceAmount: '85.50',
        firstAdvanceStartDate: '2026-01-15',
        iban: 'BE68539007547034',
        directDebit: true,
        meterReading: '1234.5',
      },
    });
  });

  it('names the column of every error, with the row number', () => {
    const result = parse({ ean: '541448820000000009', email: 'nope', advance_frequency: 'weekly', move_in_date: '2022-02-30' });
    expect('errors' in result && result.errors.every((e) => e.row === 7)).toBe(true);
    expect(errorsOf({ ean: '541448820000000009', email: 'nope', advance_frequency: 'weekly', move_in_date: '2022-02-30' })).toEqual([
      ['email', 'is not an email address.'],
      ['ean', 'The EAN check digit is wrong.'],
      ['move_in_date', 'must be a date YYYY-MM-DD (or DD/MM/YYYY) between 1900 and 2199.'],
      ['advance_frequency', 'must be one of none, monthly, bimonthly, quarterly, semiannual, annual.'],
    ]);
    expect(errorsOf({ ean: '541448820000000009' })).toEqual([['ean', 'The EAN check digit is wrong.']]);
  });

  it('applies the rules of a manual move-in', () => {
    expect(errorsOf({ signature_date: '2022-04-01' })).toEqual([
      ['signature_date', 'The signature date may not lie after the move-in date.'],
    ]);
    expect(errorsOf({ advance_frequency: 'none' }).map(([c]) => c)).toEqual(['first_advance_start_date', 'advance_amount']);
    expect(errorsOf({ first_advance_start_date: '2022-01-01' })).toEqual([
      ['first_advance_start_date', 'The first advance start date may not lie before the move-in date.'],
    ]);
    expect(errorsOf({ iban: '' })).toEqual([['iban', 'A direct debit needs an IBAN.']]);
    expect(errorsOf({ iban: 'BE69539007547034' })).toEqual([['iban', 'is not a valid IBAN.']]);
  });

  it('refuses missing required fields, bad amounts and unstorable text', () => {
    expect(errorsOf({ customer_name: ' ', estimated_annual_consumption_kwh: undefined })).toEqual([
      ['customer_name', 'is required.'],
      ['estimated_annual_consumption_kwh', 'is required.'],
    ]);
    expect(errorsOf({ advance_amount: '12.345' })).toEqual([['advance_amount', 'must be an amount above 0 with at most 2 decimals.']]);
    expect(errorsOf({ advance_amount: '0' })).toEqual([['advance_amount', 'must be an amount above 0 with at most 2 decimals.']]);
    expect(errorsOf({ estimated_annual_consumption_kwh: '3500.5' })[0]![0]).toBe('estimated_annual_consumption_kwh');
    expect(errorsOf({ city: 'Gent\u0000' })[0]![0]).toBe('city');
  });
});

describe('importHeaderProblems', () => {
  it('accepts the template header, and names missing and unknown columns', () => {
    expect(importHeaderProblems(IMPORT_COLUMNS.map((c) => c.name))).toEqual([]);
    expect(importHeaderProblems(['customer_name', 'ean', 'colour'])).toEqual([
      'Missing columns: street, postal_code, city, energy, product_code, move_in_date, signature_date, estimated_annual_consumption_kwh, advance_frequency.',
      'Unknown columns: colour.',
    ]);
  });
});
