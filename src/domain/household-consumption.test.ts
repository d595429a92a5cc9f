import { describe, expect, it } from 'vitest';
import { householdConsumptionKwh, MAX_HOUSEHOLD_SIZE } from './household-consumption.js';
import { ENERGIES } from './tariff.js';

describe('householdConsumptionKwh', () => {
  it('gives the table value for a size', () => {
    expect(householdConsumptionKwh('electricity', 1)).toBe(1_600);
    expect(householdConsumptionKwh('gas', 4)).toBe(17_500);
  });

  it('grows with the household for every energy', () => {
    for (const energy of ENERGIES)
      for (let size = 2; size <= MAX_HOUSEHOLD_SIZE; size++)
        expect(householdConsumptionKwh(energy, size)).toBeGreaterThan(householdConsumptionKwh(energy, size - 1));
  });

  it('refuses sizes outside 1..8', () => {
    expect(() => householdConsumptionKwh('gas', 0)).toThrow(RangeError);
    expect(() => householdConsumptionKwh('gas', 9)).toThrow(RangeError);
    expect(() => householdConsumptionKwh('gas', 1.5)).toThrow(RangeError);
  });
});
