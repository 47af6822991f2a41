// The posting gate (pure logic around a poster): a 401 stops posting once, later posts are refused
// without reaching the transport, listeners hear it once (or at once when they come late).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock';
import type { MessagePoster, PostResult } from '../../src/core/poster';
import { PostingGate } from '../../src/core/posting';

function fakePoster(results: PostResult[]): MessagePoster & { calls: number } {
  const poster = {
    calls: 0,
    post: async () => {
      poster.calls++;
      return results.shift() ?? { ok: true as const, messageId: 'm', channelId: 'c' };
    },
  };
  return poster;
}

describe('PostingGate', () => {
  it('passes posts through until one comes back unauthorized, then refuses without calling the transport', async () => {
    const clock = new ManualClock('2026-11-28T09:00:00Z');
    const gate = new PostingGate();
    const inner = fakePoster([{ ok: true, messageId: '1', channelId: 'c' }, { ok: false, retryable: true, reason: 'HTTP 503' }, { ok: false, retryable: true, unauthorized: true, reason: 'Discord rejected the token (401)' }]);
    const poster = gate.guard(inner, clock);
    const heard: string[] = [];
    gate.onStop((s) => heard.push(s.reason));
    expect((await poster.post('c', { content: 'a' })).ok).toBe(true);
    expect(await poster.post('c', { content: 'b' })).toEqual({ ok: false, retryable: true, reason: 'HTTP 503' });
    expect(gate.stopped()).toBeNull();
    await poster.post('c', { content: 'c' });
    expect(gate.stopped()).toEqual({ reason: 'Discord rejected the token (401)', at: new Date('2026-11-28T09:00:00Z') });
    clock.advance(60_000);
    expect(await poster.post('c', { content: 'd' })).toEqual({ ok: false, retryable: true, unauthorized: true, reason: 'posting is stopped: Discord rejected the token (401)' });
    expect(inner.calls).toBe(3);
    gate.halt('another reason', clock.now());
    expect(gate.stopped()?.reason).toBe('Discord rejected the token (401)');
    expect(heard).toEqual(['Discord rejected the token (401)']);
    const late: string[] = [];
    gate.onStop((s) => late.push(s.reason));
    expect(late).toEqual(['Discord rejected the token (401)']);
  });
});
