import type { CalendarDate } from './calendar-date.js';

export type ContractStatus = 'pending' | 'active' | 'ended';

/** A contract's status follows from its supply dates and today. */
export function contractStatus(moveInDate: CalendarDate, endDate: CalendarDate | null, today: CalendarDate): ContractStatus {
  if (today < moveInDate) return 'pending';
  if (endDate !== null && endDate < today) return 'ended';
  return 'active';
}
