// Dates in any message: a calendar day in words ("28 November 2024") and timestamp parts, which Discord
// shows in each reader's own locale. Pure. An article's event and publication dates in words, as precise as
// the article is, are the articles floor's (articles/date-text.ts).
import type { TimestampStyle } from '../core/reply';
import { MONTH_NAMES } from '../language/calendar-words';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** "2024-11-28" → { y: 2024, m: 11, d: 28 }. */
export function ymd(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

/** "2024-11-28" → "28 November 2024". */
export function dayText(iso: string): string {
  const { y, m, d } = ymd(iso);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** Noon UTC: a date-only instant that shows as the same calendar day from UTC−11 to UTC+11. */
export function unixNoon(iso: string): number {
  const { y, m, d } = ymd(iso);
  return Date.UTC(y, m - 1, d, 12) / 1000;
}

/**
 * The one writer of a timestamp part (core/reply.ts, "Inline parts"): a moment each transport renders,
 * Discord as <t:UNIX:STYLE> (each reader's locale), the console as the date's text.
 */
export function timestampPart(at: Date | number, style: TimestampStyle): string {
  const unix = typeof at === 'number' ? at : Math.floor(at.getTime() / 1000);
  return `\uE000${unix}:${style}\uE001`;
}

/** A calendar date as a timestamp part, at noon UTC so every zone from UTC−11 to UTC+11 sees the same day. */
export function dayTimestamp(iso: string, style: TimestampStyle): string {
  return timestampPart(unixNoon(iso), style);
}

/** The date and how long ago, as timestamp parts: Discord shows the date and "2 years ago" in each reader's locale. */
export function discordDate(iso: string): string {
  return `${dayTimestamp(iso, 'D')} (${dayTimestamp(iso, 'R')})`;
}

/** The date an answer is "as of", for footers. */
export function asOf(now: Date): string {
  return `As of ${dayText(now.toISOString().slice(0, 10))}`;
}
