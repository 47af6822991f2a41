// The names of months, weekdays and seasons, with their numbers. The one list the date grammar, the name
// finder and /ask all read.

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Sunday first, as Date.getUTCDay counts. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Lower-case month name or abbreviation → 1..12. */
export const MONTHS: Record<string, number> = {
  ...Object.fromEntries(MONTH_NAMES.map((n, i) => [n.toLowerCase(), i + 1])),
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** Lower-case weekday name → 0 (Sunday)..6. */
export const WEEKDAYS: Record<string, number> = Object.fromEntries(WEEKDAY_NAMES.map((n, i) => [n.toLowerCase(), i]));

/** Lower-case season → the month it starts in (northern hemisphere, meteorological). */
export const SEASONS: Record<string, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

const MONTH_OR_WEEKDAY = new Set([...MONTH_NAMES, ...WEEKDAY_NAMES].map((n) => n.toLowerCase()));
const CALENDAR_WORDS = new Set([...MONTH_OR_WEEKDAY, 'christmas', 'easter', ...Object.keys(SEASONS)]);

/** A full month or weekday name (lower case): capitalised, but never part of a name. */
export function isMonthOrWeekday(lower: string): boolean {
  return MONTH_OR_WEEKDAY.has(lower);
}

/** A month, weekday, season or feast (lower case). */
export function isCalendarWord(lower: string): boolean {
  return CALENDAR_WORDS.has(lower);
}

export function monthName(m: number): string {
  return MONTH_NAMES[m - 1] ?? String(m);
}
