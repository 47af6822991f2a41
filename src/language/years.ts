// Years the article parser's dates leave out: it reads 1800–2099 (news), while history writes "in 1698",
// "around 1712", "(1763–1775)", "from 1763 to 1775", "the winter of 1709", "May 1698". A year 1000–1799
// counts only where it reads as a time: after a temporal preposition, a month or season, or opening
// brackets, and not followed by a noun it counts ("in 1500 cases") or a clock word ("1230 GMT").
import { MONTH_NAMES, MONTHS } from './calendar-words';
import { STOP_WORDS } from './stop-words';
import { allMatches } from './matches';

export interface YearMention {
  /** The year as written, four digits. */
  year: string;
  /** Offset of the year's expression in the text ("May" of "May 1698", the year itself after a preposition). */
  at: number;
  /** The year with the words that qualify it ("around 1712", "before 1700", "May 1698"), or the bare year. */
  expression: string;
  /** "about" after around/about/circa, "by" after before, else "on". */
  qualifier: 'on' | 'about' | 'by';
  /** 1..12 when a month is written with the year; the day of the month when a day is too. */
  month?: number;
  day?: number;
}

const YEAR = '(1[0-7]\\d\\d)(?![\\d,.]\\d|\\d)';
/** Prepositions after which a number reads as a year; those that change its meaning stay in the expression. */
const PLAIN = 'in|during|until|till|since|by';
const QUALIFYING = 'around|about|circa|c\\.|ca\\.|before';
/** Month names as written, capitalised ("may" is a verb). */
const MONTH = MONTH_NAMES.join('|');
const PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:${PLAIN})\\s+${YEAR}`, 'gi'),
  new RegExp(`\\b(${QUALIFYING})\\s+${YEAR}`, 'gi'),
  new RegExp(`\\(\\s*${YEAR}`, 'g'),
  // "from 1763 to 1775", "between 1600 and 1650": both ends.
  new RegExp(`\\b(?:from|between)\\s+${YEAR}\\s*(?:to|and|until|till|[–—-])\\s*${YEAR}`, 'gi'),
  new RegExp(`\\b(?:spring|summer|autumn|fall|winter)\\s+of\\s+${YEAR}`, 'gi'),
  // "21 February 1604", "May 1698", "February 21, 1604".
  new RegExp(`\\b(?:([12]?\\d|3[01])\\s+)?(${MONTH})\\s+(?:([12]?\\d|3[01]),?\\s+)?${YEAR}`, 'g'),
];

/** The most days each month has (29 in February: a leap year's, in either calendar). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Words that may follow a year and are not what it counts: "in 1642 after the fire", "in 1606 while …". */
const LINKS = new Set('after before during until while whereas although though because following onwards onward without within through throughout across against among amid upon toward towards'.split(' '));
const CLOCK = /^(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|hrs|hours|h)$/i;

/** A year followed by what it counts ("1500 cases") or a clock word ("1230 GMT") is no year. */
function counts(text: string, end: number): boolean {
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(end))?.[1];
  if (!next) return false;
  return (/^\p{Ll}/u.test(next) && !STOP_WORDS.has(next) && !LINKS.has(next)) || CLOCK.test(next);
}

export function historicalYears(text: string): YearMention[] {
  const out: YearMention[] = [];
  const add = (m: YearMention) => {
    if (counts(text, text.indexOf(m.year, m.at) + 4)) return;
    if (!out.some((o) => o.year === m.year && Math.abs(o.at - m.at) < 20)) out.push(m);
  };
  const [plain, qualifying, bracket, range, season, dated] = PATTERNS;
  for (const m of allMatches(dated, text)) {
    const day = m[1] ?? m[3];
    const year = m[4];
    const month = MONTHS[m[2].toLowerCase()];
    // "31 February 1604": a day the month does not have is no day (the month and year stand)
    const validDay = day !== undefined && Number(day) >= 1 && Number(day) <= DAYS_IN_MONTH[month - 1];
    add({ year, at: m.index, expression: m[0], qualifier: 'on', month, ...(validDay ? { day: Number(day) } : {}) });
  }
  for (const m of allMatches(qualifying, text)) {
    const qualifier = /^before$/i.test(m[1]) ? 'by' : 'about';
    add({ year: m[2], at: m.index + m[0].length - 4, expression: `${m[1]} ${m[2]}`, qualifier });
  }
  for (const m of allMatches(range, text)) {
    // The first year is a year whatever follows it ("from 1763 to 1775"), but only when the second is: "between 1000
    // and 1500 people", "from 1200 to 1500 pounds" count something, both ends.
    if (counts(text, m.index + m[0].length)) continue;
    out.push({ year: m[1], at: m.index + m[0].indexOf(m[1]), expression: m[1], qualifier: 'on' });
    add({ year: m[2], at: m.index + m[0].length - 4, expression: m[2], qualifier: 'on' });
  }
  for (const re of [plain, bracket, season]) {
    for (const m of allMatches(re, text)) add({ year: m[1], at: m.index + m[0].length - 4, expression: m[1], qualifier: 'on' });
  }
  return out.sort((a, b) => a.at - b.at);
}
