// When a feed is polled (pure). Feeds without their own interval are polled on FEED_POLL; a feed with one
// (/feed interval, /feed add interval:) is polled when that many minutes have passed since its last poll,
// checked every minute, and never more often than the floor (FEED_MIN_INTERVAL).
import type { Feed } from './store';

export const INTERVAL_MAX_MINUTES = 1440;
/** A minute job fires a little after the minute: this much early still counts as due. */
const SLACK_MS = 30_000;

export function checkInterval(minutes: number, floorMinutes: number): { ok: true } | { ok: false; reason: string } {
  if (!Number.isInteger(minutes)) return { ok: false, reason: 'the interval is a whole number of minutes.' };
  if (minutes < floorMinutes) return { ok: false, reason: `the interval is at least ${floorMinutes} minute${floorMinutes === 1 ? '' : 's'} (FEED_MIN_INTERVAL), so a feed's site is not hammered.` };
  if (minutes > INTERVAL_MAX_MINUTES) return { ok: false, reason: `the interval is at most ${INTERVAL_MAX_MINUTES} minutes (a day).` };
  return { ok: true };
}

/** 'cycle': the FEED_POLL run (feeds without an interval, and interval feeds that are due);
 * 'interval': the minute job (only interval feeds that are due). */
export function dueForPoll(feed: Pick<Feed, 'pollMinutes' | 'lastPolledAt'>, now: Date, job: 'cycle' | 'interval'): boolean {
  if (feed.pollMinutes === null) return job === 'cycle';
  if (!feed.lastPolledAt) return true;
  return Date.parse(feed.lastPolledAt) + feed.pollMinutes * 60_000 - SLACK_MS <= now.getTime();
}

export function describeInterval(minutes: number | null): string {
  if (minutes === null) return 'on the server schedule (FEED_POLL)';
  if (minutes % 60 === 0) return `every ${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `every ${minutes} minutes`;
}
