import { describe, expect, it } from 'vitest';
import { ADVANCE_FREQUENCIES, FREQUENCY_MONTHS, hasAdvancePeriods, periodsPerYear } from './advance-frequency.js';

describe('advance frequency', () => {
  it('lists the six frequencies of DOMAIN.md', () => {
    expect(ADVANCE_FREQUENCIES).toEqual(['none', 'monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual']);
  });

  it('has 1, 2, 3, 6 and 12 months per period, and none has no periods', () => {
    expect(ADVANCE_FREQUENCIES.map((f) => FREQUENCY_MONTHS[f])).toEqual([0, 1, 2, 3, 6, 12]);
    expect(ADVANCE_FREQUENCIES.map(periodsPerYear)).toEqual([0, 12, 6, 4, 2, 1]);
    expect(ADVANCE_FREQUENCIES.filter(hasAdvancePeriods)).toEqual(['monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual']);
  });
});
