import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { Status, visibleTo } from '../../src/core/status-snapshot';

describe('/status scope', () => {
  it('shows a server its own and global items only; internal callers see everything', () => {
    expect(visibleTo('111', '111')).toBe(true);
    expect(visibleTo('111', '222')).toBe(false);
    expect(visibleTo(null, '222')).toBe(true);
    expect(visibleTo('', null)).toBe(true);
    expect(visibleTo('111', null)).toBe(false);
    expect(visibleTo('111', undefined)).toBe(true);

    const status = new Status(new Date('2026-11-27T00:00:00Z'), new MemoryLibrary());
    const broken = [
      { channelId: '1', reason: 'Missing Access (50001)', guildId: '111' },
      { channelId: '2', reason: 'Unknown Channel (10003)', guildId: null },
    ];
    status.contribute((_now, guildId) => ({
      brokenSubscriptions: broken.filter((b) => visibleTo(b.guildId, guildId)).map(({ channelId, reason }) => ({ channelId, reason })),
    }));
    const now = new Date('2026-11-27T12:00:00Z');
    expect(status.snapshot(now, '222').brokenSubscriptions.map((b) => b.channelId)).toEqual(['2']);
    expect(status.snapshot(now, '111').brokenSubscriptions.map((b) => b.channelId)).toEqual(['1', '2']);
    expect(status.snapshot(now).brokenSubscriptions).toHaveLength(2);
  });

  it("shows servers a process error as its toServers text, and the operator's status page the message whole", () => {
    const status = new Status(new Date('2026-11-27T00:00:00Z'), new MemoryLibrary());
    const at = new Date('2026-11-27T12:00:00Z');
    status.recordError({ message: 'poll of https://a.example/private failed', toServers: 'an internal error' }, at);
    expect(status.snapshot(at, '222').lastError).toEqual({ at, message: 'an internal error' });
    expect(status.snapshot(at, null).lastError).toEqual({ at, message: 'an internal error' });
    expect(status.snapshot(at).lastError).toEqual({ at, message: 'poll of https://a.example/private failed' });
    expect(status.recentErrors()).toEqual([{ at, message: 'poll of https://a.example/private failed' }]);
    // A server's own command error is its own to read whole; toServers applies to process errors only.
    status.recordError({ message: 'boom in 111', id: 'abc', guildId: '111', toServers: 'x' }, at);
    expect(status.snapshot(at, '111').lastError).toEqual({ at, message: 'boom in 111', id: 'abc' });
  });
});
