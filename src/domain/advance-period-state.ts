import type { CalendarDate } from './calendar-date.js';

export const ADVANCE_PERIOD_STATUSES = ['planned', 'draft', 'invoiced', 'skipped'] as const;
export type AdvancePeriodStatus = (typeof ADVANCE_PERIOD_STATUSES)[number];
export type BillingPeriodStatus = 'open' | 'closed';

export const SKIP_REFUSALS = ['already_skipped', 'invoice_exists', 'billing_period_closed'] as const;
export type SkipRefusal = (typeof SKIP_REFUSALS)[number];

/** The state changes a period may make; the database enforces the same list (migration trigger). */
export const ADVANCE_PERIOD_TRANSITIONS: Readonly<Record<AdvancePeriodStatus, readonly AdvancePeriodStatus[]>> = {
  planned: ['draft', 'invoiced', 'skipped'],
  draft: ['planned', 'invoiced'], // a deleted draft returns its period to planned
  invoiced: [],
  skipped: [], // skipping is final: a skipped period can't be reopened
};

export function canTransition(from: AdvancePeriodStatus, to: AdvancePeriodStatus): boolean {
  return ADVANCE_PERIOD_TRANSITIONS[from].includes(to);
}

/** A due planned period with no invoice: its start date is today or earlier. */
export function isMissing(period: { status: AdvancePeriodStatus; startDate: CalendarDate }, today: CalendarDate): boolean {
  return period.status === 'planned' && period.startDate <= today;
}

/** The one state a period can be skipped from: planned, in an open billing period (skipRefusal is null exactly there). */
export const SKIPPABLE = { status: 'planned', billingPeriodStatus: 'open' } as const satisfies {
  status: AdvancePeriodStatus;
  billingPeriodStatus: BillingPeriodStatus;
};

/** Why a period can't be skipped, or null when it can. */
export function skipRefusal(period: { status: AdvancePeriodStatus; billingPeriodStatus: BillingPeriodStatus }): SkipRefusal | null {
  if (period.status === 'skipped') return 'already_skipped';
  if (period.status === 'draft' || period.status === 'invoiced') return 'invoice_exists';
  if (period.billingPeriodStatus === 'closed') return 'billing_period_closed';
  return null;
}

export const SKIP_REFUSAL_MESSAGES: Readonly<Record<SkipRefusal | 'not_found', string>> = {
  already_skipped: 'The advance period is already skipped.',
  invoice_exists: 'A draft or final invoice exists for this advance period.',
  billing_period_closed: 'The billing period of this advance period is closed.',
  not_found: 'No such advance period in this organization.',
};
