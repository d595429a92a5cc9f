import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidStructuredCommunication, structuredCommunication } from './structured-communication.js';

const digitsArb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }).map((ds) => ds.join(''));

describe('structured communication (+++123/4567/89002+++)', () => {
  it('checks 1234567890 with 02: 1234567890 = 97 x 12727504 + 2', () => {
    // 97 x 12727504 = 1234567888, so 1234567890 mod 97 = 2
    expect(structuredCommunication('1234567890')).toBe('+++123/4567/89002+++');
    expect(isValidStructuredCommunication('+++123/4567/89002+++')).toBe(true);
  });

  it('uses 97 as the check when the remainder is 0', () => {
    expect(structuredCommunication('0000000000')).toBe('+++000/0000/00097+++');
    // 0000000097 = 97 x 1
    expect(structuredCommunication('0000000097')).toBe('+++000/0000/09797+++');
    // 97 x 103092783 = 10309278300 - 309278349 = 9999999951
    expect(structuredCommunication('9999999951')).toBe('+++999/9999/95197+++');
    expect(isValidStructuredCommunication('+++000/0000/00097+++')).toBe(true);
    expect(isValidStructuredCommunication('+++000/0000/00000+++')).toBe(false);
  });

  it('pads a one-digit check with a zero', () => {
    // 0000000001 mod 97 = 1
    expect(structuredCommunication('0000000001')).toBe('+++000/0000/00101+++');
  });

  it('takes exactly 10 digits', () => {
    for (const text of ['123456789', '12345678901', '12345a7890', '', '-123456789']) {
      expect(() => structuredCommunication(text)).toThrow(RangeError);
    }
  });

  it('refuses a wrong check, the wrong grouping or missing plus signs', () => {
    for (const text of [
      '+++123/4567/89003+++',
      '+++123/4567/89000+++',
      '123/4567/89002',
      '+++1234/567/89002+++',
      '++123/4567/89002++',
      '+++123/4567/89002+++ ',
      '+++123456789002+++',
    ]) {
      expect(isValidStructuredCommunication(text)).toBe(false);
    }
  });

  it('validates every generated reference, whose check is (digits mod 97) or 97 (property)', () => {
    fc.assert(
      fc.property(digitsArb, (digits) => {
        const ref = structuredCommunication(digits);
        expect(isValidStructuredCommunication(ref)).toBe(true);
        const remainder = Number(BigInt(digits) % 97n);
        expect(ref.replace(/\D/g, '')).toBe(digits + String(remainder === 0 ? 97 : remainder).padStart(2, '0'));
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses a reference with any one digit changed (property)', () => {
    fc.assert(
      fc.property(digitsArb, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (digits, position, delta) => {
        const ref = structuredCommunication(digits);
        const digitIndexes = [...ref].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
        const at = digitIndexes[position]!;
        const changed = ref.slice(0, at) + String((Number(ref[at]) + delta) % 10) + ref.slice(at + 1);
        expect(isValidStructuredCommunication(changed)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
