import type { AdvancePeriodStatus } from './advance-period-state.js';
import type { CalendarDate } from './calendar-date.js';

type Dated = { startDate: CalendarDate; endDate: CalendarDate };
export type ExistingAdvancePeriod = Dated & { id: string; status: AdvancePeriodStatus };

export type ScheduleCorrection =
  { deletePlannedIds: string[]; keptPlannedIds: string[] } | { refusal: { message: string; periodIds: string[] } };

/**
 * Replacing a contract's advance periods by a regenerated schedule: planned periods that the new
 * schedule doesn't have go, the others stay (the caller adds what is new). A period with an invoice,
 * a draft or a skip must come out of the new schedule unchanged, else the correction is refused.
 */
export function planScheduleCorrection(existing: readonly ExistingAdvancePeriod[], regenerated: readonly Dated[]): ScheduleCorrection {
  const key = (p: Dated) => `${p.startDate}/${p.endDate}`;
  const wanted = new Set(regenerated.map(key));
  const moved = existing.filter((p) => p.status !== 'planned' && !wanted.has(key(p)));
  if (moved.length > 0) {
    return {
      refusal: {
        message: 'The correction would move advance periods that are invoiced, in draft or skipped.',
        periodIds: moved.map((p) => p.id),
      },
    };
  }
  const planned = existing.filter((p) => p.status === 'planned');
  return {
    deletePlannedIds: planned.filter((p) => !wanted.has(key(p))).map((p) => p.id),
    keptPlannedIds: planned.filter((p) => wanted.has(key(p))).map((p) => p.id),
  };
}
