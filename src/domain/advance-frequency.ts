/** How often a contract is billed an advance (DOMAIN.md "Advance schedule"). */
export const ADVANCE_FREQUENCIES = ['none', 'monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual'] as const;

export type AdvanceFrequency = (typeof ADVANCE_FREQUENCIES)[number];

/** A frequency that has advance periods (every one but `none`). */
export type Frequency = Exclude<AdvanceFrequency, 'none'>;

/** Months per advance period; `none` has no periods, so 0. */
export const FREQUENCY_MONTHS = {
  none: 0,
  monthly: 1,
  bimonthly: 2,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
} as const satisfies Record<AdvanceFrequency, number>;

export function hasAdvancePeriods(frequency: AdvanceFrequency): frequency is Frequency {
  return frequency !== 'none';
}

/** Advance periods in a year: 12, 6, 4, 2, 1; 0 for `none`. */
export function periodsPerYear(frequency: AdvanceFrequency): number {
  const months = FREQUENCY_MONTHS[frequency];
  return months === 0 ? 0 : 12 / months;
}
