// The one retry-delay rule: exponential from a base, capped, and never sooner than a server's
// Retry-After. Each caller keeps its own base, cap and way of honouring Retry-After. Pure.

export interface BackoffPolicy {
  /** Delay of the first retry (step 0). */
  baseMs: number;
  maxMs: number;
  /**
   * How a server's Retry-After combines with the exponential delay: 'at-least' waits for the longer
   * of the two; 'instead' waits exactly what the server asked.
   */
  retryAfter: 'at-least' | 'instead';
}

/** The delay before retry number `step` (0 for the first retry): baseMs · 2^step, at most maxMs. */
export function backoffMs(step: number, policy: BackoffPolicy, retryAfterMs?: number): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(step, 0), 40));
  if (retryAfterMs === undefined) return exponential;
  return policy.retryAfter === 'instead' ? retryAfterMs : Math.max(retryAfterMs, exponential);
}
