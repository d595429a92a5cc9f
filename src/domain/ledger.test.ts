import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayments } from './ledger.js';
import { money, sum, ZERO } from './money.js';

const inv = (id: string, dueDate: string, gross: string) => ({ id, dueDate, gross: money(gross) });

describe('allocatePayments', () => {
  it('pays the oldest due invoices first and leaves the rest as credit', () => {
    const { allocations, credit } = allocatePayments([inv('b', '2026-02-15', '85.00'), inv('a', '2026-01-15', '85.00')], money('100.00'));
    expect(allocations.get('a')).toEqual({ paid: money('85.00'), outstanding: ZERO });
    expect(allocations.get('b')).toEqual({ paid: money('15.00'), outstanding: money('70.00') });
    expect(credit.isZero()).toBe(true);
    expect(allocatePayments([inv('a', '2026-01-15', '85.00')], money('100.00')).credit).toEqual(money('15.00'));
  });

  it('never leaves a negative open amount, and paid plus outstanding is the invoice (property)', () => {
    const cents = fc.integer({ min: 1, max: 100_000 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 28 }), cents), { maxLength: 20 }), cents, (rows, paid) => {
        const invoices = rows.map(([day, gross], i) => inv(String(i), `2026-01-${String(day).padStart(2, '0')}`, gross));
        const { allocations, credit } = allocatePayments(invoices, money(paid));
        for (const i of invoices) {
          const a = allocations.get(i.id)!;
          expect(a.outstanding.isNegative()).toBe(false);
          expect(a.paid.plus(a.outstanding).equals(i.gross)).toBe(true);
        }
        const allocated = sum([...allocations.values()].map((a) => a.paid));
        expect(allocated.plus(credit).equals(money(paid))).toBe(true);
      }),
    );
  });
});
