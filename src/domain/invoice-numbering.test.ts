import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendar-date.js';
import { dueDate, invoiceNumber, invoiceSeries, paymentReference } from './invoice-numbering.js';
import { isValidStructuredCommunication } from './structured-communication.js';

describe('invoice numbering', () => {
  it('makes AC-2026-000123 from the prefix, the issue year and the number', () => {
    const series = invoiceSeries({ numberPrefix: 'AC', numberWithYear: true }, calendarDate('2026-12-03'));
    expect(series).toBe('AC-2026');
    expect(invoiceNumber(series, 123)).toBe('AC-2026-000123');
    expect(invoiceNumber(series, 1_234_567)).toBe('AC-2026-1234567');
    expect(invoiceSeries({ numberPrefix: 'VF', numberWithYear: false }, calendarDate('2026-12-03'))).toBe('VF');
  });

  it('gives valid structured payment references, different for every number', () => {
    expect(paymentReference(1)).toBe('+++000/0000/00101+++');
    const refs = Array.from({ length: 500 }, (_, i) => paymentReference(i * 7919 + 1));
    expect(refs.every(isValidStructuredCommunication)).toBe(true);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('puts the due date the payment term after the issue date', () => {
    expect(dueDate(calendarDate('2026-12-20'), { paymentTermDays: 15 })).toBe('2027-01-04');
  });
});
