/** Move requests one address may send through the public form per window: enough for a shared household or office. */
export const PUBLIC_FORM_LIMIT = { windowMs: 60 * 60_000, requests: 10 } as const;

/** How far a move request's move-in date may lie from today: a recent move, or one planned within a year. */
export const PUBLIC_MOVE_IN_DAYS = { past: 60, future: 366 } as const;

/** Seconds until a key over its limit may send again, or null when it may send now. */
export function rateLimitRetryAfter(hits: number, windowStartedAt: number, now: number): number | null {
  if (hits <= PUBLIC_FORM_LIMIT.requests) return null;
  return Math.max(1, Math.ceil((windowStartedAt + PUBLIC_FORM_LIMIT.windowMs - now) / 1000));
}
