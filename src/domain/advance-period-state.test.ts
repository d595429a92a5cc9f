import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADVANCE_PERIOD_STATUSES,
  ADVANCE_PERIOD_TRANSITIONS,
  canTransition,
  isMissing,
  SKIP_REFUSAL_MESSAGES,
  SKIP_REFUSALS,
  skipRefusal,
  type AdvancePeriodStatus,
  type BillingPeriodStatus,
} from './advance-period-state.js';
import { calendarDate } from './calendar-date.js';

const d = calendarDate;

describe('isMissing: the red badge', () => {
  it('marks a planned period starting today or earlier as missing', () => {
    expect(isMissing({ status: 'planned', startDate: d('2024-05-10') }, d('2024-05-10'))).toBe(true);
    expect(isMissing({ status: 'planned', startDate: d('2022-01-01') }, d('2024-05-10'))).toBe(true);
  });

  it('does not mark a planned period starting tomorrow as missing', () => {
    expect(isMissing({ status: 'planned', startDate: d('2024-05-11') }, d('2024-05-10'))).toBe(false);
  });

  it('never marks a draft, invoiced or skipped period as missing, however old', () => {
    for (const status of ['draft', 'invoiced', 'skipped'] as const) {
      expect(isMissing({ status, startDate: d('2020-01-01') }, d('2024-05-10'))).toBe(false);
    }
  });
});

describe('skipRefusal', () => {
  it('allows skipping a planned period of an open billing period', () => {
    expect(skipRefusal({ status: 'planned', billingPeriodStatus: 'open' })).toBeNull();
  });

  it('refuses a skipped period with already_skipped, before looking at the billing period', () => {
    expect(skipRefusal({ status: 'skipped', billingPeriodStatus: 'open' })).toBe('already_skipped');
    expect(skipRefusal({ status: 'skipped', billingPeriodStatus: 'closed' })).toBe('already_skipped');
  });

  it('refuses a period with a draft or a final invoice with invoice_exists, before looking at the billing period', () => {
    expect(skipRefusal({ status: 'draft', billingPeriodStatus: 'open' })).toBe('invoice_exists');
    expect(skipRefusal({ status: 'invoiced', billingPeriodStatus: 'open' })).toBe('invoice_exists');
    expect(skipRefusal({ status: 'draft', billingPeriodStatus: 'closed' })).toBe('invoice_exists');
    expect(skipRefusal({ status: 'invoiced', billingPeriodStatus: 'closed' })).toBe('invoice_exists');
  });

  it('refuses a planned period of a closed billing period with billing_period_closed', () => {
    expect(skipRefusal({ status: 'planned', billingPeriodStatus: 'closed' })).toBe('billing_period_closed');
  });

  it('allows a skip exactly when the skipped transition is allowed and the billing period is open (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ADVANCE_PERIOD_STATUSES), fc.constantFrom<BillingPeriodStatus>('open', 'closed'), (status, bp) => {
        expect(skipRefusal({ status, billingPeriodStatus: bp }) === null).toBe(canTransition(status, 'skipped') && bp === 'open');
      }),
    );
  });

  it('has exactly the three refusal codes of DOMAIN.md, each with a message', () => {
    expect([...SKIP_REFUSALS].sort()).toEqual(['already_skipped', 'billing_period_closed', 'invoice_exists']);
    expect(Object.keys(SKIP_REFUSAL_MESSAGES).sort()).toEqual(['already_skipped', 'billing_period_closed', 'invoice_exists', 'not_found']);
  });
});

describe('canTransition', () => {
  // planned -> draft (a run drafts an invoice), -> invoiced (a final invoice), -> skipped;
  // draft -> invoiced (finalized), -> planned (the draft is deleted); invoiced and skipped are final.
  const allowed: Record<AdvancePeriodStatus, AdvancePeriodStatus[]> = {
    planned: ['draft', 'invoiced', 'skipped'],
    draft: ['planned', 'invoiced'],
    invoiced: [],
    skipped: [],
  };

  it('allows exactly the DOMAIN.md state changes, over the whole 4 x 4 matrix', () => {
    for (const from of ADVANCE_PERIOD_STATUSES) {
      for (const to of ADVANCE_PERIOD_STATUSES) {
        expect([from, to, canTransition(from, to)]).toEqual([from, to, allowed[from].includes(to)]);
      }
    }
    expect(ADVANCE_PERIOD_TRANSITIONS).toEqual(allowed);
  });

  it('never reopens a skipped period and never changes an invoiced one', () => {
    for (const to of ADVANCE_PERIOD_STATUSES) {
      expect(canTransition('skipped', to)).toBe(false);
      expect(canTransition('invoiced', to)).toBe(false);
    }
  });

  it('never skips a period that has a draft or a final invoice', () => {
    expect(canTransition('draft', 'skipped')).toBe(false);
    expect(canTransition('invoiced', 'skipped')).toBe(false);
  });
});
