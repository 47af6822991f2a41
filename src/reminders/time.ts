// Wall-clock time in an IANA zone ↔ instants, with Intl only (no tz database dependency).
// DST: a wall time that does not exist (spring-forward gap) moves forward by the gap; one that
// occurs twice (fall-back) means its first occurrence.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallTime {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year, m: parts.month, d: parts.day, h: parts.hour, mi: parts.minute, s: parts.second };
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (east positive). */
export function zoneOffset(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function isHhmm(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

/** Answers of zonedInstant (a pure function of its arguments; Intl is slow): a due-scan posting many
 * reminders of one day reads the same few. Cleared when full. */
const instants = new Map<string, number>();
const INSTANTS_KEPT = 4_096;

/** The instant at which the wall clock in `timeZone` shows `time` (HH:MM) on `date` (yyyy-mm-dd). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const key = `${date} ${time} ${timeZone}`;
  let at = instants.get(key);
  if (at === undefined) {
    if (instants.size >= INSTANTS_KEPT) instants.clear();
    instants.set(key, (at = computeZonedInstant(date, time, timeZone)));
  }
  return new Date(at);
}

function computeZonedInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const local = Date.UTC(y, m - 1, d, h, mi);
  // Offsets a day either side bracket any transition near this wall time.
  const before = zoneOffset(local - 86_400_000, timeZone);
  const after = zoneOffset(local + 86_400_000, timeZone);
  const candidates = [...new Set([before, after, zoneOffset(local, timeZone)])]
    .map((offset) => local - offset)
    .filter((t) => local - t === zoneOffset(t, timeZone))
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0];
  // In the gap: read the wall time with the offset in force before the jump, i.e. move forward by the gap.
  return local - before;
}

/** The calendar date (yyyy-mm-dd) the wall clock in `timeZone` shows at `at`. */
export function zonedDate(at: Date, timeZone: string): string {
  const w = wallTime(at.getTime(), timeZone);
  return `${String(w.y).padStart(4, '0')}-${pad(w.m)}-${pad(w.d)}`;
}

/** yyyy-mm-dd plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "2 h", "45 min", "1 day 3 h": how late, for the late-post note. */
export function durationText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${days} day${days === 1 ? '' : 's'}${rest ? ` ${rest} h` : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
