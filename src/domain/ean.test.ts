import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eanProblem, gs1CheckDigit, withCheckDigit } from './ean.js';

/** Independent oracle: in a 17-digit body the odd positions counted from the left weigh 3, the even ones 1. */
function oracleCheckDigit(body17: string): number {
  const total = [...body17].reduce((t, c, i) => t + Number(c) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (total % 10)) % 10;
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((ds) => ds.join(''));

describe('GS1 mod-10 check digit of a GSRN (EAN-18)', () => {
  it('completes 54144882000000000 with 8 (computed by hand)', () => {
    // body 5 4 1 4 4 8 8 2 0 0 0 0 0 0 0 0 0; weights 3,1,3,1,... from the left (17 digits, so the rightmost weighs 3)
    // x3: 5+1+4+8+0+0+0+0+0 = 18 -> 54 ; x1: 4+4+8+2+0+0+0+0 = 18 ; total 72 ; check (10 - 2) mod 10 = 8
    expect(gs1CheckDigit('54144882000000000')).toBe(8);
    expect(withCheckDigit('54144882000000000')).toBe('541448820000000008');
  });

  it('completes other hand-computed bodies', () => {
    // x3: 5+1+0*7 +1 = 7 -> 21 ; x1: 4 ; total 25 -> 5
    expect(withCheckDigit('54100000000000001')).toBe('541000000000000015');
    // x3: 5+1+4+8+0+0+0+0+1 = 19 -> 57 ; x1: 4+4+8+0 = 16 ; total 73 -> 7
    expect(withCheckDigit('54144880000000001')).toBe('541448800000000017');
    // total a multiple of 10 gives 0: all zeros
    expect(withCheckDigit('00000000000000000')).toBe('000000000000000000');
  });

  it('agrees with a left-to-right implementation (property)', () => {
    fc.assert(
      fc.property(digits(17), (body) => {
        expect(gs1CheckDigit(body)).toBe(oracleCheckDigit(body));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('eanProblem', () => {
  it('accepts a valid Belgian EAN', () => {
    expect(eanProblem('541448820000000008', 'BE')).toBeNull();
  });

  it('refuses anything but 18 digits with length', () => {
    for (const ean of ['54144882000000000', '5414488200000000080', '', '54144882000000000a', ' 541448820000000008', '54144882-000000008']) {
      expect(eanProblem(ean, 'BE')).toBe('length');
    }
  });

  it('refuses a wrong check digit with check_digit', () => {
    expect(eanProblem('541448820000000009', 'BE')).toBe('check_digit');
    expect(eanProblem('541448820000000009', 'NL')).toBe('check_digit');
  });

  it('refuses a Belgian EAN that does not start with 54, but not a Dutch one', () => {
    const dutch = withCheckDigit('87123456789012345');
    expect(eanProblem(dutch, 'BE')).toBe('belgian_prefix');
    expect(eanProblem(dutch, 'NL')).toBeNull();
  });

  it('accepts every body completed by withCheckDigit; the Belgian prefix only matters in BE (property)', () => {
    fc.assert(
      fc.property(digits(17), (body) => {
        const ean = withCheckDigit(body);
        expect(ean).toMatch(/^\d{18}$/);
        expect(eanProblem(ean, 'NL')).toBeNull();
        expect(eanProblem(ean, 'BE')).toBe(ean.startsWith('54') ? null : 'belgian_prefix');
        expect(eanProblem(withCheckDigit(`54${body.slice(2)}`), 'BE')).toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses an EAN with any one digit changed (property)', () => {
    fc.assert(
      fc.property(digits(17), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (body, position, delta) => {
        const ean = withCheckDigit(`54${body.slice(2)}`);
        const changed = ean.slice(0, position) + String((Number(ean[position]) + delta) % 10) + ean.slice(position + 1);
        expect(eanProblem(changed, 'BE')).toBe('check_digit');
        expect(eanProblem(changed, 'NL')).toBe('check_digit');
      }),
      { numRuns: 2_000 },
    );
  });
});
