import { describe, expect, it } from 'vitest';
import { advanceLineDescription, formatAmount, formatDate } from './invoice-texts.js';

describe('invoice texts', () => {
  it('writes amounts the way each language does, exactly from the decimal string', () => {
    expect(formatAmount('nl', '1234567.80')).toBe('€\u00a01.234.567,80');
    expect(formatAmount('fr', '85.00')).toBe('85,00\u00a0€');
    expect(formatAmount('fr', '1234.5')).toBe('1\u202f234,50\u00a0€');
    expect(formatAmount('en', '-12.34')).toBe('€-12.34');
  });

  it('writes dates and advance lines in the customer language', () => {
    expect(formatDate('nl', '2026-12-03')).toBe('03-12-2026');
    expect(advanceLineDescription('fr', 'gas', '2026-12-01', '2026-12-31')).toBe('Acompte gaz naturel, du 01/12/2026 au 31/12/2026');
    expect(advanceLineDescription('nl', 'electricity', '2026-12-01', '2026-12-31')).toBe(
      'Voorschot elektriciteit, van 01-12-2026 tot 31-12-2026',
    );
  });
});
