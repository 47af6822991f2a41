// Years the article parser's dates leave out: it reads 1800–2099 (news), while history writes "in 1698",
// "around 1712", "(1763–1775)". A year 1000–1799 counts only where it reads as a time: after a temporal
// preposition or opening brackets, and not followed by a noun it counts ("in 1500 cases").
import { STOP_WORDS } from './stop-words';

export interface YearMention {
  /** The year as written, four digits. */
  year: string;
  /** Offset of the year in the text. */
  at: number;
  /** The year with the word that qualifies it ("around 1712", "before 1700"), or the bare year. */
  expression: string;
  /** "about" after around/about/circa, "by" after before, else "on". */
  qualifier: 'on' | 'about' | 'by';
}

/** Prepositions after which a number reads as a year; those that change its meaning stay in the expression. */
const PLAIN = 'in|of|from|to|during|until|till|since|by';
const QUALIFYING = 'around|about|circa|c\\.|ca\\.|before';
const YEAR_AFTER = new RegExp(`(?:\\b(${PLAIN})|\\b(${QUALIFYING})|(\\())\\s*(1[0-7]\\d\\d)(?!\\d)`, 'gi');

/** Words that may follow a year and are not what it counts: "in 1642 after the fire", "in 1606 while …". */
const LINKS = new Set('after before during until while whereas although though because following onwards onward'.split(' '));

const CLOCK = /^(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|hrs|hours|h)$/i;

export function historicalYears(text: string): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(YEAR_AFTER)) {
    const at = m.index + m[0].length - 4;
    // "1,698" or "1698.5" is a number; "in 1500 cases" counts cases.
    if (/^[.,]\d/.test(text.slice(at + 4, at + 6))) continue;
    const next = /^\s+([\p{L}]+)/u.exec(text.slice(at + 4))?.[1];
    if (next && /^\p{Ll}/u.test(next) && !STOP_WORDS.has(next) && !LINKS.has(next)) continue;
    // "at about 1230 GMT" is a time of day.
    if (next && CLOCK.test(next)) continue;
    const year = m[4];
    const qualifier = !m[2] ? 'on' : /^before$/i.test(m[2]) ? 'by' : 'about';
    out.push({ year, at, expression: m[2] ? `${m[2]} ${year}` : year, qualifier });
  }
  return out;
}
