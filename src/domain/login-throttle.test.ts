import { describe, expect, it } from 'vitest';
import { afterFailure, LOGIN_THROTTLE, retryAfterSeconds, type ThrottleState } from './login-throttle.js';

describe('login throttling', () => {
  it('blocks a key at its limit of failures within one window, for the block time', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 9; i++) state = afterFailure(state, 1000 + i, 10);
    expect(state).toEqual({ failures: 9, windowStartedAt: 1000, blockedUntil: null });
    state = afterFailure(state, 2000, 10);
    expect(state.blockedUntil).toBe(2000 + LOGIN_THROTTLE.blockMs);
    expect(retryAfterSeconds(state, 2000)).toBe(900);
    expect(retryAfterSeconds(state, 2000 + LOGIN_THROTTLE.blockMs)).toBeNull();
  });

  it('starts a new window once the last one is over', () => {
    const old = { failures: 9, windowStartedAt: 0, blockedUntil: null };
    expect(afterFailure(old, LOGIN_THROTTLE.windowMs, 10)).toEqual({
      failures: 1,
      windowStartedAt: LOGIN_THROTTLE.windowMs,
      blockedUntil: null,
    });
  });

  it('lets an unknown or unblocked key try now', () => {
    expect(retryAfterSeconds(undefined, 5)).toBeNull();
    expect(retryAfterSeconds({ failures: 3, windowStartedAt: 0, blockedUntil: null }, 5)).toBeNull();
  });
});
