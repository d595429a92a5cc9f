import { describe, expect, it } from 'vitest';
import { normalizedIban } from './iban.js';

describe('normalizedIban', () => {
  it('accepts an IBAN as people type it and answers its electronic form', () => {
    expect(normalizedIban('be68 5390 0754 7034')).toBe('BE68539007547034');
    expect(normalizedIban('NL91ABNA0417164300')).toBe('NL91ABNA0417164300');
  });

  it('refuses a wrong check digit, a wrong length and garbage', () => {
    expect(normalizedIban('BE69539007547034')).toBeNull();
    expect(normalizedIban('BE6853900754703')).toBeNull();
    expect(normalizedIban('hello')).toBeNull();
    expect(normalizedIban('')).toBeNull();
  });
});
