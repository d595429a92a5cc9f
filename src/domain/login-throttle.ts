/** Failed logins tolerated per window before a key (an account, an address) is blocked for a while. */
export const LOGIN_THROTTLE = { windowMs: 15 * 60_000, blockMs: 15 * 60_000, accountFailures: 10, addressFailures: 50 } as const;

export type ThrottleState = { failures: number; windowStartedAt: number; blockedUntil: number | null };

/** Seconds until a blocked key may try again, or null when it may try now. */
export function retryAfterSeconds(state: ThrottleState | undefined, now: number): number | null {
  return state?.blockedUntil && state.blockedUntil > now ? Math.ceil((state.blockedUntil - now) / 1000) : null;
}

/** The state after one more failure: a new window when the last one is over; blocked once over the limit. */
export function afterFailure(state: ThrottleState | undefined, now: number, limit: number): ThrottleState {
  const fresh = !state || now - state.windowStartedAt >= LOGIN_THROTTLE.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  return { failures, windowStartedAt, blockedUntil: failures >= limit ? now + LOGIN_THROTTLE.blockMs : null };
}
