import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceInvoiceAmounts, settlementInvoiceAmounts, type InvoiceAmounts } from './invoice-amounts.js';
import { money, sum, vatOfGross } from './money.js';

function centsToText(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
function roundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  const sign = n < 0n ? -1n : 1n;
  const an = n < 0n ? -n : n;
  return sign * ((2n * an + d) / (2n * d));
}
const toCents = (text: string) => BigInt(text.replace('.', ''));
const totals = (a: InvoiceAmounts) => ({ net: a.net.toFixed(2), vat: a.vat.toFixed(2), gross: a.gross.toFixed(2) });
const lines = (a: InvoiceAmounts) =>
  a.lines.map((l) => `${l.description}: ${l.quantity.toString()} x ${l.unitPrice.toFixed(2)} = ${l.net.toFixed(2)}`);

const rateHundredthsArb = fc.oneof(fc.constantFrom(0n, 600n, 2100n), fc.bigInt({ min: 0n, max: 2100n }));
const rateText = (h: bigint) => `${h / 100n}.${String(h % 100n).padStart(2, '0')}`;

describe('advanceInvoiceAmounts', () => {
  it('keeps the communicated gross 85.00 exactly: 80.19 net + 4.81 VAT at 6 %, in one line', () => {
    // 85.00 x 0.06 / 1.06 = 4.8113... -> 4.81 ; 85.00 - 4.81 = 80.19
    const amounts = advanceInvoiceAmounts('Advance March 2024', money('85.00'), money('6'));
    expect(totals(amounts)).toEqual({ net: '80.19', vat: '4.81', gross: '85.00' });
    expect(lines(amounts)).toEqual(['Advance March 2024: 1 x 80.19 = 80.19']);
  });

  it('keeps any gross exactly and its line equals the net (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 100_000_00n }), rateHundredthsArb, (cents, rateH) => {
        const gross = money(centsToText(cents));
        const amounts = advanceInvoiceAmounts('Advance', gross, money(rateText(rateH)));
        expect(amounts.gross.toFixed(2)).toBe(centsToText(cents));
        expect(amounts.net.plus(amounts.vat).equals(gross)).toBe(true);
        expect(amounts.vat.toFixed(2)).toBe(centsToText(roundHalfAwayFromZero(cents * rateH, 10_000n + rateH)));
        expect(amounts.lines).toHaveLength(1);
        expect(amounts.lines[0]!.net.equals(amounts.net)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('settlementInvoiceAmounts', () => {
  const advances = Array.from({ length: 12 }, (_, i) => ({ description: `Advance ${i + 1}`, net: money('80.19') }));

  it('bills the cost minus the advance nets, with VAT once on the net sum (EN 16931)', () => {
    // cost 1100.00 gross at 6 %: VAT 66.00 / 1.06 = 62.264... -> 62.26, net 1037.74 ; advances 12 x 80.19 = 962.28
    // net 1037.74 - 962.28 = 75.46 ; VAT 75.46 x 0.06 = 4.5276 -> 4.53 ; gross 79.99
    const amounts = settlementInvoiceAmounts({ description: 'Electricity 2024', gross: money('1100.00') }, advances, money('6'));
    expect(totals(amounts)).toEqual({ net: '75.46', vat: '4.53', gross: '79.99' });
    expect(lines(amounts)).toEqual([
      'Electricity 2024: 1 x 1037.74 = 1037.74',
      ...advances.map((a) => `${a.description}: 1 x -80.19 = -80.19`),
    ]);
  });

  it('is a refund (negative) when the advances exceed the cost, VAT rounded away from zero', () => {
    // cost 900.00 gross: VAT 54.00 / 1.06 = 50.943... -> 50.94, net 849.06 ; 849.06 - 962.28 = -113.22
    // VAT -113.22 x 0.06 = -6.7932 -> -6.79 ; gross -120.01
    const amounts = settlementInvoiceAmounts({ description: 'Electricity 2024', gross: money('900.00') }, advances, money('6'));
    expect(totals(amounts)).toEqual({ net: '-113.22', vat: '-6.79', gross: '-120.01' });
  });

  it('rounds a VAT of exactly half a cent away from zero, for a refund too', () => {
    // net 0.50 at 1 % = 0.005 -> 0.01 ; net -0.50 -> -0.01. Cost 0.50 gross at 1 %: VAT 0.005/1.01 = 0.00495 -> 0.00, net 0.50
    expect(totals(settlementInvoiceAmounts({ description: 'Cost', gross: money('0.50') }, [], money('1')))).toEqual({
      net: '0.50',
      vat: '0.01',
      gross: '0.51',
    });
    expect(
      totals(
        settlementInvoiceAmounts(
          { description: 'Cost', gross: money('0.00') },
          [{ description: 'Advance', net: money('0.50') }],
          money('1'),
        ),
      ),
    ).toEqual({ net: '-0.50', vat: '-0.01', gross: '-0.51' });
  });

  it('lines sum to the net, vat = round(net x rate), gross = net + vat, refunds included (property, rates 0..21 with 2 decimals)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 20_000_00n }),
        fc.array(fc.bigInt({ min: 0n, max: 500_00n }), { maxLength: 12 }),
        rateHundredthsArb,
        (costCents, advanceCents, rateH) => {
          const rate = money(rateText(rateH));
          const cost = { description: 'Cost', gross: money(centsToText(costCents)) };
          const advanceLines = advanceCents.map((c, i) => ({ description: `Advance ${i + 1}`, net: money(centsToText(c)) }));
          const amounts = settlementInvoiceAmounts(cost, advanceLines, rate);

          expect(amounts.lines).toHaveLength(advanceLines.length + 1);
          expect(amounts.lines[0]!.net.equals(vatOfGross(cost.gross, rate).net)).toBe(true);
          advanceLines.forEach((a, i) => expect(amounts.lines[i + 1]!.net.equals(a.net.negated())).toBe(true));
          expect(sum(amounts.lines.map((l) => l.net)).equals(amounts.net)).toBe(true);
          const netCents = toCents(amounts.net.toFixed(2));
          expect(amounts.net.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(amounts.vat.toFixed(2)).toBe(centsToText(roundHalfAwayFromZero(netCents * rateH, 10_000n)));
          expect(amounts.gross.equals(amounts.net.plus(amounts.vat))).toBe(true);
          const advanceTotal = advanceCents.reduce((t, c) => t + c, 0n);
          if (advanceTotal > costCents) expect(amounts.gross.isNegative() || amounts.gross.isZero()).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
