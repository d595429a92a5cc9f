import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendar-date.js';
import { contractStatus } from './contract-status.js';

const d = calendarDate;

describe('contractStatus', () => {
  it('is pending the day before the move-in', () => {
    expect(contractStatus(d('2024-03-01'), null, d('2024-02-29'))).toBe('pending');
    expect(contractStatus(d('2024-03-01'), d('2025-02-28'), d('2024-02-29'))).toBe('pending');
  });

  it('is active from the move-in date itself', () => {
    expect(contractStatus(d('2024-03-01'), null, d('2024-03-01'))).toBe('active');
  });

  it('stays active without an end date', () => {
    expect(contractStatus(d('2024-03-01'), null, d('2099-12-31'))).toBe('active');
  });

  it('is still active on the end date (the end date is inclusive)', () => {
    expect(contractStatus(d('2024-03-01'), d('2025-02-28'), d('2025-02-28'))).toBe('active');
  });

  it('is ended the day after the end date', () => {
    expect(contractStatus(d('2024-03-01'), d('2025-02-28'), d('2025-03-01'))).toBe('ended');
  });

  it('is active for a one-day contract on that day', () => {
    expect(contractStatus(d('2024-03-01'), d('2024-03-01'), d('2024-03-01'))).toBe('active');
    expect(contractStatus(d('2024-03-01'), d('2024-03-01'), d('2024-03-02'))).toBe('ended');
  });
});
