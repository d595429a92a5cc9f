import { describe, expect, it } from 'vitest';
import { isUuid } from '../domain/ids.js';
import { timeOrderedId } from './time-ordered-id.js';

describe('timeOrderedId', () => {
  it('is a version 7 UUID with the time first, so later ids sort after earlier ones', () => {
    const id = timeOrderedId(Date.UTC(2026, 11, 3));
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(id.slice(0, 13)).toBe('01a23933-6800');
    expect(timeOrderedId(Date.UTC(2026, 11, 3) + 1) > id).toBe(true);
  });

  it('differs from call to call within a millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => timeOrderedId(1_000)));
    expect(ids.size).toBe(1000);
  });
});
