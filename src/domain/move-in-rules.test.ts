import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendar-date.js';
import { missingMoveInFields, moveInProblems, type MoveInTerms } from './move-in-rules.js';

const d = calendarDate;

const valid: MoveInTerms = {
  ean: '541448820000000008',
  country: 'BE',
  moveInDate: d('2024-03-01'),
  signatureDate: d('2024-02-10'),
  endDate: null,
  advanceFrequency: 'monthly',
  advanceAmount: '85.00',
  firstAdvanceStartDate: null,
  iban: null,
  directDebitConsent: false,
};
const TODAY = d('2026-12-03');
const problems = (change: Partial<MoveInTerms>) => moveInProblems(TODAY, { ...valid, ...change });

describe('moveInProblems', () => {
  it('finds no problem in valid terms', () => {
    expect(moveInProblems(TODAY, valid)).toEqual([]);
  });

  it('accepts a custom first advance start date on the move-in date, on the contract end, or in between', () => {
    expect(problems({ firstAdvanceStartDate: d('2024-03-01'), endDate: d('2025-02-28') })).toEqual([]);
    expect(problems({ firstAdvanceStartDate: d('2025-02-28'), endDate: d('2025-02-28') })).toEqual([]);
    expect(problems({ firstAdvanceStartDate: d('2024-06-15') })).toEqual([]);
  });

  it('accepts frequency none without an advance amount nor a first advance start date', () => {
    expect(problems({ advanceFrequency: 'none', advanceAmount: null })).toEqual([]);
  });

  it('accepts a signature on the move-in date and a one-day contract', () => {
    expect(problems({ signatureDate: d('2024-03-01'), endDate: d('2024-03-01') })).toEqual([]);
  });

  it('reports an EAN without 18 digits on connection.ean', () => {
    expect(problems({ ean: '54144882000000000' })).toEqual([{ path: 'connection.ean', message: 'An EAN has 18 digits.' }]);
  });

  it('reports a wrong EAN check digit on connection.ean', () => {
    expect(problems({ ean: '541448820000000009' })).toEqual([{ path: 'connection.ean', message: 'The EAN check digit is wrong.' }]);
  });

  it('reports a Belgian EAN not starting with 54 on connection.ean', () => {
    // 87123456789012345 completed with its check digit 1 (x3: 8+1+3+5+7+9+1+3+5 = 42 -> 126 ; x1: 7+2+4+6+8+0+2+4 = 33 ; 159 -> 1)
    expect(problems({ ean: '871234567890123451' })).toEqual([{ path: 'connection.ean', message: 'A Belgian EAN starts with 54.' }]);
  });

  it('reports a signature date after the move-in date on signatureDate', () => {
    expect(problems({ signatureDate: d('2024-03-02') })).toEqual([
      { path: 'signatureDate', message: 'The signature date may not lie after the move-in date.' },
    ]);
  });

  it('reports an end date before the move-in date on endDate', () => {
    expect(problems({ endDate: d('2024-02-29') })).toEqual([
      { path: 'endDate', message: 'The end date may not lie before the move-in date.' },
    ]);
  });

  it('refuses a first advance start date before the move-in date', () => {
    expect(problems({ firstAdvanceStartDate: d('2024-02-29') })).toEqual([
      { path: 'firstAdvanceStartDate', message: 'The first advance start date may not lie before the move-in date.' },
    ]);
  });

  it('refuses a first advance start date after the contract end', () => {
    expect(problems({ firstAdvanceStartDate: d('2025-03-01'), endDate: d('2025-02-28') })).toEqual([
      { path: 'firstAdvanceStartDate', message: 'The first advance start date may not lie after the contract end.' },
    ]);
  });

  it('refuses a first advance start date and an advance amount with frequency none', () => {
    expect(problems({ advanceFrequency: 'none', firstAdvanceStartDate: d('2024-03-01') })).toEqual([
      { path: 'firstAdvanceStartDate', message: 'A first advance start date needs an advance frequency other than none.' },
      { path: 'advanceAmount', message: 'An advance amount needs an advance frequency other than none.' },
    ]);
    expect(problems({ advanceFrequency: 'none' })).toEqual([
      { path: 'advanceAmount', message: 'An advance amount needs an advance frequency other than none.' },
    ]);
  });

  it('reports every broken rule at once, in field order', () => {
    expect(
      problems({ ean: '1', signatureDate: d('2024-04-01'), endDate: d('2024-01-31'), firstAdvanceStartDate: d('2024-02-15') }).map(
        (p) => p.path,
      ),
    ).toEqual(['connection.ean', 'signatureDate', 'endDate', 'firstAdvanceStartDate', 'firstAdvanceStartDate']);
  });

  it('refuses a schedule that would start more than 10 years before today, on the field that anchors it', () => {
    expect(problems({ moveInDate: d('2016-12-03'), signatureDate: d('2016-12-02') })).toEqual([
      { path: 'signatureDate', message: expect.stringContaining('more than 10 years ago') },
    ]);
    expect(problems({ moveInDate: d('2016-12-03'), signatureDate: d('2016-12-03') })).toEqual([]);
    expect(problems({ moveInDate: d('2010-01-01'), signatureDate: d('2010-01-01'), firstAdvanceStartDate: d('2016-12-03') })).toEqual([]);
    expect(
      problems({ moveInDate: d('2010-01-01'), signatureDate: d('2010-01-01'), advanceFrequency: 'none', advanceAmount: null }),
    ).toEqual([]);
  });

  it('accepts a valid IBAN, with or without a direct-debit consent', () => {
    expect(problems({ iban: 'BE68 5390 0754 7034' })).toEqual([]);
    expect(problems({ iban: 'BE68539007547034', directDebitConsent: true })).toEqual([]);
  });

  it('reports a wrong IBAN and a direct debit without an IBAN on iban', () => {
    expect(problems({ iban: 'BE69539007547034' })).toEqual([{ path: 'iban', message: 'This is not a valid IBAN.' }]);
    expect(problems({ directDebitConsent: true })).toEqual([{ path: 'iban', message: 'A direct debit needs an IBAN.' }]);
  });

  it('checks what a move request gives before staff complete it (no signature date, no frequency yet)', () => {
    expect(problems({ signatureDate: null, advanceFrequency: null, advanceAmount: null })).toEqual([]);
    expect(problems({ signatureDate: null, advanceFrequency: null, firstAdvanceStartDate: d('2024-02-01') })).toEqual([
      { path: 'firstAdvanceStartDate', message: 'The first advance start date may not lie before the move-in date.' },
    ]);
  });
});

describe('missingMoveInFields', () => {
  it('lists what a move-in still lacks to be accepted, and nothing when complete', () => {
    const complete = { signatureDate: true, productId: true, advanceFrequency: true, consumption: true };
    expect(missingMoveInFields(complete)).toEqual([]);
    expect(missingMoveInFields({ ...complete, productId: false, consumption: false }).map((p) => p.path)).toEqual([
      'productId',
      'estimatedAnnualConsumptionKwh',
    ]);
  });
});
