// Calendar arithmetic on whole days (days since 1970-01-01, UTC), so no time zone can shift a date.
import type { Ymd } from '../format/dates';

const DAY_MS = 86_400_000;

/** Date.UTC reads years 0–99 as 1900–1999; this keeps them as written. */
function utcMs(y: number, m: number, d: number): number {
  if (y >= 100 || y < 0) return Date.UTC(y, m - 1, d);
  const t = new Date(Date.UTC(2000, 0, 1));
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(utcMs(y, m, d) / DAY_MS);
}

export type { Ymd };

export function ymdOf(day: number): Ymd {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of an ISO date (yyyy-mm-dd), or null when it is not a real calendar date. */
export function dayOfIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDate(y, mo, d) ? dayNumber(y, mo, d) : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(utcMs(y, m + 1, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 0 = Sunday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The calendar day of a clock reading, in UTC or in the given IANA time zone. */
export function dayOfInstant(now: Date, timeZone?: string): number {
  if (!timeZone) return Math.floor(now.getTime() / DAY_MS);
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    const day = dayOfIso(parts);
    if (day !== null) return day;
  } catch {
    // unknown time zone: fall back to UTC
  }
  return Math.floor(now.getTime() / DAY_MS);
}

export function addMonths(day: number, months: number): number {
  const { y, m, d } = ymdOf(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * The most recent year, not after `today`, in which month/day fell on `weekday`; null when none in 400 years
 * (the Gregorian cycle, so only impossible dates give null).
 */
export function pinYearByWeekday(month: number, dayOfMonth: number, weekday: number, today: number): number | null {
  const start = ymdOf(today).y;
  for (let y = start; y > start - 401; y--) {
    if (!isValidDate(y, month, dayOfMonth)) continue;
    const day = dayNumber(y, month, dayOfMonth);
    if (day <= today && weekdayOf(day) === weekday) return y;
  }
  return null;
}
