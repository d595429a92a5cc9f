import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advancePeriods } from './advance-schedule.js';
import { calendarDate } from './calendar-date.js';
import { planScheduleCorrection, type ExistingAdvancePeriod } from './schedule-correction.js';

const d = calendarDate;
const FREQUENCIES = ['monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual'] as const;
const p = (id: string, start: string, end: string, status: ExistingAdvancePeriod['status'] = 'planned'): ExistingAdvancePeriod => ({
  id,
  startDate: d(start),
  endDate: d(end),
  status,
});

describe('planScheduleCorrection', () => {
  it('replaces the planned periods when nothing is invoiced or skipped', () => {
    const existing = [p('a', '2026-01-01', '2026-01-31'), p('b', '2026-02-01', '2026-02-28')];
    const regenerated = [
      { startDate: d('2026-01-15'), endDate: d('2026-02-14') },
      { startDate: d('2026-02-15'), endDate: d('2026-03-14') },
    ];
    expect(planScheduleCorrection(existing, regenerated)).toEqual({ deletePlannedIds: ['a', 'b'], keptPlannedIds: [] });
  });

  it('keeps planned periods the new schedule has too', () => {
    const existing = [p('a', '2026-01-01', '2026-01-31'), p('b', '2026-02-01', '2026-02-28')];
    expect(planScheduleCorrection(existing, [{ startDate: d('2026-02-01'), endDate: d('2026-02-28') }])).toEqual({
      deletePlannedIds: ['a'],
      keptPlannedIds: ['b'],
    });
  });

  it('refuses a correction that moves an invoiced, draft or skipped period, naming them', () => {
    for (const status of ['invoiced', 'draft', 'skipped'] as const) {
      const existing = [p('a', '2026-01-01', '2026-01-31', status), p('b', '2026-02-01', '2026-02-28')];
      const result = planScheduleCorrection(existing, [{ startDate: d('2026-01-15'), endDate: d('2026-02-14') }]);
      expect(result).toMatchObject({ refusal: { periodIds: ['a'] } });
    }
  });

  it('allows a correction that leaves the invoiced periods where they are', () => {
    const existing = [p('a', '2026-01-01', '2026-01-31', 'invoiced'), p('b', '2026-02-01', '2026-02-28')];
    const regenerated = [
      { startDate: d('2026-01-01'), endDate: d('2026-01-31') },
      { startDate: d('2026-02-01'), endDate: d('2026-04-30') },
    ];
    expect(planScheduleCorrection(existing, regenerated)).toEqual({ deletePlannedIds: ['b'], keptPlannedIds: [] });
  });

  it('after a correction, kept and new periods are exactly the regenerated schedule (property)', () => {
    const anchor = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(anchor, anchor, fc.constantFrom(...FREQUENCIES), fc.constantFrom(...FREQUENCIES), (a1, a2, m1, m2) => {
        const until = d('2030-12-31');
        const before = advancePeriods(d(a1), m1, until).map((q, i) => ({ ...q, id: String(i), status: 'planned' as const }));
        const after = advancePeriods(d(a2), m2, until);
        const plan = planScheduleCorrection(before, after);
        if ('refusal' in plan) throw new Error('planned periods never refuse');
        const kept = before.filter((q) => plan.keptPlannedIds.includes(q.id));
        const keys = new Set(after.map((q) => `${q.startDate}/${q.endDate}`));
        expect(kept.every((q) => keys.has(`${q.startDate}/${q.endDate}`))).toBe(true);
        expect(plan.deletePlannedIds.length + plan.keptPlannedIds.length).toBe(before.length);
      }),
    );
  });
});
