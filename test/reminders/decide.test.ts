// decide(): what the due-scan does with one reminder, from data alone (no store, no Discord).
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/reminders/decide';
import type { StoredReminder, Subscription } from '../../src/reminders/store';

const NINE = Date.parse('2024-11-28T09:00:00Z');
const HOUR = 3_600_000;
const GRACE = 6 * HOUR;

const reminder = (extra: Partial<StoredReminder> = {}): StoredReminder => ({
  id: 1,
  eventKey: 'a#e0',
  leadDays: 0,
  dueAt: NINE,
  state: 'pending',
  subscriptionId: 1,
  origin: '/articles/a.txt',
  eventDate: '2024-11-28',
  runAt: NINE,
  nonce: 'r1',
  attempts: 0,
  channelId: null,
  guildId: null,
  messageId: null,
  lastError: null,
  content: { headline: 'H', description: 'D', expression: 'November 28', qualifier: 'on' } as StoredReminder['content'],
  sentAt: null,
  ...extra,
});

const subscription = (extra: Partial<Subscription> = {}): Subscription => ({
  id: 1,
  key: 'guild:1',
  guildId: '1',
  channelId: '100',
  leadDays: 0,
  roleId: null,
  time: null,
  timezone: null,
  broken: null,
  ...extra,
});

const at = (ms: number) => new Date(ms);

describe('decide', () => {
  it('posts on time in the subscription channel, with no late note within a minute', () => {
    expect(decide(reminder(), subscription(), at(NINE + 60_000), GRACE)).toEqual({ kind: 'post', channelId: '100', lateMs: 60_000 });
  });

  it('keeps the channel a retried reminder was claimed for', () => {
    expect(decide(reminder({ channelId: '200' }), subscription(), at(NINE), GRACE)).toMatchObject({ kind: 'post', channelId: '200' });
  });

  it('posts late with a note saying why: offline, or Discord failing on an earlier attempt', () => {
    expect(decide(reminder(), subscription(), at(NINE + 2 * HOUR), GRACE)).toEqual({ kind: 'post', channelId: '100', lateMs: 2 * HOUR, late: { ms: 2 * HOUR, cause: 'offline' } });
    expect(decide(reminder({ attempts: 2, lastError: 'HTTP 502' }), subscription(), at(NINE + HOUR), GRACE)).toMatchObject({ late: { cause: 'discord' } });
  });

  it('posts exactly at the grace and marks missed one millisecond later', () => {
    expect(decide(reminder(), subscription(), at(NINE + GRACE), GRACE).kind).toBe('post');
    expect(decide(reminder(), subscription(), at(NINE + GRACE + 1), GRACE)).toEqual({ kind: 'miss', reason: '6 h late, beyond REMINDER_GRACE (6 h)' });
  });

  it('says when a missed reminder may already have reached Discord, or what its last error was', () => {
    expect(decide(reminder({ attempts: 1 }), subscription(), at(NINE + 2 * 24 * HOUR), GRACE)).toEqual({
      kind: 'miss',
      reason: '2 days late, beyond REMINDER_GRACE (6 h) (an earlier attempt may have reached Discord before a crash)',
    });
    expect(decide(reminder({ attempts: 3, lastError: 'HTTP 502' }), subscription(), at(NINE + 7 * HOUR), GRACE)).toEqual({ kind: 'miss', reason: '7 h late, beyond REMINDER_GRACE (6 h); last error: HTTP 502' });
  });

  it('cancels when reminders are off, and fails when the channel is broken', () => {
    expect(decide(reminder(), subscription({ channelId: null }), at(NINE), GRACE)).toEqual({ kind: 'cancel', reason: 'reminders are off for this subscription' });
    expect(decide(reminder(), undefined, at(NINE), GRACE)).toEqual({ kind: 'cancel', reason: 'reminders are off for this subscription' });
    expect(decide(reminder(), subscription({ broken: { reason: 'Missing Access (50001)', at: at(NINE) } }), at(NINE), GRACE)).toEqual({ kind: 'fail', reason: 'the channel cannot be used: Missing Access (50001)' });
  });
});
