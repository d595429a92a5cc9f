import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendar-date.js';
import { planContractEnd, type DatedPeriod } from './contract-end.js';
import type { AdvancePeriodStatus } from './advance-period-state.js';

const d = calendarDate;
const ap = (id: string, start: string, end: string, status: AdvancePeriodStatus = 'planned'): DatedPeriod<AdvancePeriodStatus> => ({
  id,
  startDate: d(start),
  endDate: d(end),
  status,
});
const bp = (id: string, start: string, end: string, status: 'open' | 'closed' = 'open'): DatedPeriod<'open' | 'closed'> => ({
  id,
  startDate: d(start),
  endDate: d(end),
  status,
});

describe('planContractEnd', () => {
  const billing = [bp('b1', '2025-03-01', '2026-02-28'), bp('b2', '2026-03-01', '2027-02-28')];

  it('drops the periods after the end and truncates the ones it falls in', () => {
    const advances = [
      ap('a', '2026-01-01', '2026-01-31', 'invoiced'),
      ap('b', '2026-02-01', '2026-02-28'),
      ap('c', '2026-03-01', '2026-03-31'),
    ];
    expect(planContractEnd(d('2026-02-14'), advances, billing)).toEqual({
      plan: {
        deleteAdvancePeriodIds: ['c'],
        truncateAdvancePeriodIds: ['b'],
        deleteBillingPeriodIds: ['b2'],
        truncateBillingPeriodIds: ['b1'],
      },
    });
  });

  it('truncates an invoiced period the end falls in (the settlement corrects its amount)', () => {
    const advances = [ap('a', '2026-02-01', '2026-02-28', 'invoiced')];
    expect(planContractEnd(d('2026-02-14'), advances, billing)).toMatchObject({ plan: { truncateAdvancePeriodIds: ['a'] } });
  });

  it('changes nothing when the end is the last day of a period', () => {
    const advances = [ap('a', '2026-02-01', '2026-02-28')];
    expect(planContractEnd(d('2026-02-28'), advances, [billing[0]!])).toEqual({
      plan: { deleteAdvancePeriodIds: [], truncateAdvancePeriodIds: [], deleteBillingPeriodIds: [], truncateBillingPeriodIds: [] },
    });
  });

  it('refuses when an invoiced, draft or skipped period starts after the end', () => {
    for (const status of ['invoiced', 'draft', 'skipped'] as const) {
      const advances = [ap('a', '2026-02-01', '2026-02-28'), ap('b', '2026-03-01', '2026-03-31', status)];
      expect(planContractEnd(d('2026-02-14'), advances, billing)).toMatchObject({ refusal: { periodIds: ['b'] } });
    }
  });

  it('refuses when a closed billing period runs past the end', () => {
    const closed = [bp('b1', '2025-03-01', '2026-02-28', 'closed')];
    expect(planContractEnd(d('2026-02-14'), [], closed)).toMatchObject({ refusal: { periodIds: ['b1'] } });
  });
});
