import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/core/backoff';

describe('backoffMs', () => {
  const atLeast = { baseMs: 5_000, maxMs: 300_000, retryAfter: 'at-least' as const };
  const instead = { baseMs: 30_000, maxMs: 1_800_000, retryAfter: 'instead' as const };

  it('doubles from the base at each step and stops at the cap', () => {
    expect([0, 1, 2, 5, 6, 100].map((step) => backoffMs(step, atLeast))).toEqual([5_000, 10_000, 20_000, 160_000, 300_000, 300_000]);
  });

  it("waits at least a server's Retry-After, or exactly it, as the policy says", () => {
    expect(backoffMs(0, atLeast, 60_000)).toBe(60_000);
    expect(backoffMs(3, atLeast, 1_000)).toBe(40_000);
    expect(backoffMs(3, instead, 1_000)).toBe(1_000);
    expect(backoffMs(3, instead)).toBe(240_000);
  });
});
