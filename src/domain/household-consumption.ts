import type { Energy } from './tariff.js';

export const MAX_HOUSEHOLD_SIZE = 8;

// Rounded yearly consumption (kWh) of a Belgian household by its size, for a first advance when the customer
// doesn't know theirs: electricity without heating; gas and heat for space heating and hot water.
// Wattbill's defaults, in line with the regulators' published averages (about 3,500 kWh of electricity and
// 17,000 kWh of gas for a family); the settlement corrects them with the metered consumption.
const BY_SIZE: Record<Energy, readonly number[]> = {
  electricity: [1_600, 2_600, 3_200, 3_800, 4_300, 4_800, 5_300, 5_800],
  gas: [9_000, 13_000, 15_500, 17_500, 19_500, 21_000, 22_500, 24_000],
  heat: [7_000, 10_000, 12_000, 13_500, 15_000, 16_000, 17_000, 18_000],
};

/** The estimated annual consumption of a household of 1..MAX_HOUSEHOLD_SIZE people. */
export function householdConsumptionKwh(energy: Energy, householdSize: number): number {
  const kwh = BY_SIZE[energy][householdSize - 1];
  if (kwh === undefined || !Number.isInteger(householdSize)) throw new RangeError(`household size ${householdSize}`);
  return kwh;
}
