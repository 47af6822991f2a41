// Every time expression of an article as a TIMEX3 (TimeML): its text, type (date, time, duration, set)
// and normalised value, read against the publication date. Built on the date grammar the events use
// (./dates) plus rules for what is a time expression but never an event date ("now", "a year earlier",
// "two years", "every week"). Without a publication date, values say only what the text says
// ("XXXX-11-26", "PAST_REF") instead of borrowing a year.
import { MONTHS } from '../language/calendar-words';
import { CARDINALS } from '../language/numbers';
import { dayNumber, isoOf, weekdayOf, ymdOf } from './calendar';
import { clauseTense, resolveMention, type DateMention, type DateSpec, type Unit } from './dates';
import type { Sentence, Timex, TimexType } from './model';
import { allMatches } from '../language/matches';

export interface TimexReference {
  /** Day the relative expressions are read against. */
  ref: number;
  /** True when `ref` is the publication date: relative expressions get calendar values. */
  known: boolean;
  /**
   * The quarter a results report is about (the last one named so far, else the last to end before `ref`),
   * when the article speaks of quarters at all: "a year earlier" there means that quarter a year before.
   */
  quarter?: { year: number; q: number };
}

type Find = { start: number; end: number; spec?: DateSpec; by?: boolean; fixed?: { type: TimexType; value: string }; clock?: string };

interface TimexRule {
  name: string;
  pattern: RegExp;
  toValue: (m: RegExpExecArray, text: string) => Find | null;
}

const UNIT_LETTER: Record<string, string> = { second: 'S', minute: 'M', hour: 'H', day: 'D', week: 'W', month: 'M', year: 'Y', decade: 'DE', century: 'CE', quarter: 'Q' };
const NUMBER = '(\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|a few|few|many)';
const VAGUE_AMOUNT = new Set(['several', 'a few', 'few', 'many']);

function amountOf(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d/.test(w)) return Number(w);
  if (w === 'a' || w === 'an') return 1;
  return CARDINALS[w] ?? null;
}

const ORDINAL_QUARTER: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 };
const YEAR_OF = /^(?:\s*(?:of\s+)?|,\s*)((?:19|20)\d\d)\b/;

/** Expressions that are time expressions but never dated events; tried after the date grammar, which wins overlaps. */
export const TIMEX_RULES: TimexRule[] = [
  {
    name: 'present, past and future references',
    pattern: /\b(now|currently|at present|nowadays|these days|at the moment|recently|lately|in the past|previously|once|in the future|soon|the future)\b/giu,
    toValue: (m) => {
      const w = m[1].toLowerCase();
      // "once" is a time expression only as "at one time", which a tagger cannot tell from "once a week": skipped
      if (w === 'once') return null;
      const value = /now|current|present|these days|moment/.test(w) ? 'PRESENT_REF' : /future|soon/.test(w) ? 'FUTURE_REF' : 'PAST_REF';
      return { start: m.index, end: m.index + m[0].length, fixed: { type: 'date', value } };
    },
  },
  {
    name: 'N units earlier/later (against the publication date)',
    pattern: new RegExp(`\\b${NUMBER}\\s+(day|week|month|year)s?\\s+(earlier|before|later)\\b`, 'giu'),
    toValue: (m) => {
      const n = amountOf(m[1]);
      if (n === null || !Number.isInteger(n)) return null;
      const unit = m[2].toLowerCase() as Unit;
      const before = m[3].toLowerCase() !== 'later';
      return { start: m.index, end: m.index + m[0].length, spec: before ? { kind: 'ago', unit, amount: n, approximate: false } : { kind: 'after', unit, amount: n, approximate: false } };
    },
  },
  {
    name: 'the current year, year-end, year-earlier',
    pattern: /\b(?:(?:the\s+)?(current|full|fiscal|calendar|current fiscal|latest fiscal)\s+year|(?:the\s+)?(?:year[-\s]end|year's\s+end|end\s+of\s+the\s+year)|(year-earlier|year-ago))\b/giu,
    toValue: (m) => ({ start: m.index, end: m.index + m[0].length, fixed: { type: 'date', value: m[2] ? 'REF-1' : 'REF' } }),
  },
  {
    name: 'the <year> quarter or period',
    pattern: /\b(?:the\s+)?((?:19|20)\d\d|year-ago|year-earlier)\s+(?:(first|second|third|fourth)\s+)?(?:fiscal\s+)?(quarter|period)\b/giu,
    toValue: (m) => {
      const q = m[2] ? ORDINAL_QUARTER[m[2].toLowerCase()] : 0;
      const year = /^\d/.test(m[1]) ? m[1] : 'REF-1';
      return { start: m.index, end: m.index + m[0].length, fixed: { type: 'date', value: `${year}-Q${q || 'CTX'}` } };
    },
  },
  {
    name: 'clock time',
    pattern: /\b(?:(\d{1,2})(?::(\d\d))?\s*(a\.m\.|p\.m\.|am\b|pm\b)|(noon|midnight|mid-?afternoon|mid-?morning|mid-?day))(?:\s+(?:EST|EDT|GMT|BST|CET|PST|PDT|local time))?/giu,
    toValue: (m) => {
      let value: string;
      if (m[4]) {
        const w = m[4].toLowerCase().replace('-', '');
        value = w === 'noon' || w === 'midday' ? 'T12:00' : w === 'midnight' ? 'T24:00' : w === 'midafternoon' ? 'TAF' : 'TMO';
      } else {
        let h = Number(m[1]);
        if (h > 12) return null;
        if (/^p/i.test(m[3]) && h < 12) h += 12;
        if (/^a/i.test(m[3]) && h === 12) h = 0;
        value = `T${pad(h)}:${m[2] ?? '00'}`;
      }
      return { start: m.index, end: m.index + m[0].length, fixed: { type: 'time', value } };
    },
  },
  {
    name: 'year in words',
    pattern: /\b(?:nineteen\s+(ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](one|two|three|four|five|six|seven|eight|nine))?|(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(one|two|three|four|five|six|seven|eight|nine|ten))?)\b/giu,
    toValue: (m) => {
      const tens: Record<string, number> = { ten: 10, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
      const year = m[1] ? 1900 + tens[m[1].toLowerCase()] + (m[2] ? CARDINALS[m[2].toLowerCase()] : 0) : 2000 + (m[3] ? CARDINALS[m[3].toLowerCase()] : 0);
      // "two thousand" alone is a count unless it says "the year"
      if (!m[1] && !/^the\s+year/i.test(m[0])) return null;
      return { start: m.index, end: m.index + m[0].length, fixed: { type: 'date', value: String(year) } };
    },
  },
  {
    name: 'a month on its own',
    pattern: /\b(January|February|March|April|June|July|August|September|October|November|December)\b/gu,
    toValue: (m) => ({ start: m.index, end: m.index + m[0].length, spec: { kind: 'month', month: MONTHS[m[1].toLowerCase()] } }),
  },
  {
    name: 'quarter',
    pattern: /\b(?:the\s+)?(first|second|third|fourth|final|last)(?:[-\s]+)quarter\b/giu,
    toValue: (m, text) => {
      const q = ORDINAL_QUARTER[m[1].toLowerCase()];
      const year = YEAR_OF.exec(text.slice(m.index + m[0].length));
      const end = year ? m.index + m[0].length + year[0].length : m.index + m[0].length;
      return { start: m.index, end, fixed: { type: 'date', value: year ? `${year[1]}-Q${q}` : `QYEAR${q}` } };
    },
  },
  {
    name: 'every unit',
    pattern: /\b(every|each|per|a)\s+(day|week|month|year|morning|evening|night|January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(daily|weekly|monthly|annually|yearly|quarterly)\b/giu,
    toValue: (m, text) => {
      // "a year" is a set only after a count ("twice a year"); otherwise it is a duration, left to the next rule
      if (m[1]?.toLowerCase() === 'a' && !/\b(?:once|twice|times|\d+%?|per cent|percent)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
      const word = (m[2] ?? m[3]).toLowerCase();
      if (MONTHS[word]) return { start: m.index, end: m.index + m[0].length, fixed: { type: 'set', value: `XXXX-${pad(MONTHS[word])}` } };
      const unit = { daily: 'day', weekly: 'week', monthly: 'month', annually: 'year', yearly: 'year', quarterly: 'quarter', morning: 'day', evening: 'day', night: 'day' }[word] ?? word;
      return { start: m.index, end: m.index + m[0].length, fixed: { type: 'set', value: `P1${UNIT_LETTER[unit]}` } };
    },
  },
  {
    name: 'duration',
    pattern: new RegExp(`\\b(?:(?:the\\s+)?(?:past|last|next|coming|previous|first)\\s+)?${NUMBER}[\\s-]+(second|minute|hour|day|week|month|year|decade|century|quarter)s?\\b`, 'giu'),
    toValue: (m) => {
      const n = amountOf(m[1]);
      const unit = m[2].toLowerCase();
      const vague = VAGUE_AMOUNT.has(m[1].toLowerCase());
      const time = unit === 'second' || unit === 'minute' || unit === 'hour';
      const value = vague || n === null ? `P${time ? 'T' : ''}X${UNIT_LETTER[unit]}` : `P${time ? 'T' : ''}${n}${UNIT_LETTER[unit]}`;
      return { start: m.index, end: m.index + m[0].length, fixed: { type: 'duration', value } };
    },
  },
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 week of a day: the year that owns the week (the year of its Thursday) and its number. */
export function isoWeek(day: number): { year: number; week: number } {
  const thursday = day + 3 - ((weekdayOf(day) + 6) % 7);
  const year = ymdOf(thursday).y;
  return { year, week: Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1 };
}

/** See ResolveContext.tenseToleranceDays. */
const TIMEX_TENSE_TOLERANCE_DAYS = 60;
const VAGUE_AGO = /\b(?:several|few|couple|number of|some|many)\b/i;

/** The year of a quarter named without one: this year's if it has begun by `ref`, else last year's. */
function quarterYear(q: number, ref: number): number {
  const { y, m } = ymdOf(ref);
  return (q - 1) * 3 + 1 <= m ? y : y - 1;
}

function quarterNamed(sentence: string, ref: number): { year: number; q: number } | null {
  const m = /\b(first|second|third|fourth)[-\s]+quarter\b(?:\s+of\s+((?:19|20)\d\d))?/i.exec(sentence);
  if (!m) return null;
  const q = ORDINAL_QUARTER[m[1].toLowerCase()];
  return { q, year: m[2] ? Number(m[2]) : quarterYear(q, ref) };
}

/** The last quarter that ended before a day: what "the quarter" of a results report usually is. */
function lastQuarterBefore(day: number): { year: number; q: number } {
  const { y, m } = ymdOf(day);
  const q = Math.floor((m - 1) / 3);
  return q === 0 ? { year: y - 1, q: 4 } : { year: y, q };
}

const SEASON_CODE: Record<number, string> = { 3: 'SP', 6: 'SU', 9: 'FA', 12: 'WI' };
const TIME_OF_DAY: Record<string, string> = { tonight: 'NI', 'last night': 'NI', 'this morning': 'MO', 'this afternoon': 'AF', 'this evening': 'EV' };

/** The TIMEX3 type and value of one date mention, or null when it names no date. */
export function timexValue(mention: { spec: DateSpec; by: boolean; expression: string }, sentence: string, at: { start: number; end: number }, reference: TimexReference): { type: TimexType; value: string } | null {
  const { spec } = mention;
  // Values that need no reference.
  if (spec.kind === 'year') return { type: 'date', value: spec.decade ? String(spec.year).slice(0, 3) : String(spec.year) };
  if (spec.kind === 'monthYear') return { type: 'date', value: `${spec.year}-${pad(spec.month)}` };
  if (spec.kind === 'dayMonth' && spec.year !== undefined) {
    const r = resolveMention(spec, mention.by, { ref: reference.ref, refIsPublication: true, refIsNow: true, tense: 'neutral' });
    return r ? { type: 'date', value: isoOf(r.date) } : null;
  }
  if (spec.kind === 'within' || (spec.kind === 'after' && /time$/i.test(mention.expression))) {
    return { type: 'duration', value: `P${spec.amount}${UNIT_LETTER[spec.unit]}` };
  }
  if (!reference.known) {
    switch (spec.kind) {
      case 'dayMonth': return { type: 'date', value: `XXXX-${pad(spec.month)}-${pad(spec.day)}` };
      case 'month': return { type: 'date', value: `XXXX-${pad(spec.month)}` };
      case 'weekday': return { type: 'date', value: `XXXX-WXX-${((spec.weekday + 6) % 7) + 1}` };
      case 'dayOffset': return { type: 'date', value: spec.offset < 0 ? 'PAST_REF' : spec.offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF' };
      case 'ago': return { type: 'date', value: 'PAST_REF' };
      case 'after': return { type: 'date', value: 'FUTURE_REF' };
      case 'period': return { type: 'date', value: spec.offset < 0 ? 'PAST_REF' : spec.offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF' };
    }
  }
  const tense = clauseTense(sentence, at.start, at.end);
  const r = resolveMention(spec, mention.by, { ref: reference.ref, refIsPublication: true, refIsNow: true, tense, tenseToleranceDays: TIMEX_TENSE_TOLERANCE_DAYS });
  if (!r) return null;
  const ymd = ymdOf(r.date);
  const month = `${ymd.y}-${pad(ymd.m)}`;
  const week = () => {
    const w = isoWeek(r.date);
    return `${w.year}-W${pad(w.week)}`;
  };
  switch (spec.kind) {
    case 'dayMonth':
    case 'weekday':
      return { type: 'date', value: isoOf(r.date) };
    case 'dayOffset': {
      const part = TIME_OF_DAY[mention.expression.toLowerCase()];
      return part ? { type: 'time', value: `${isoOf(r.date)}T${part}` } : { type: 'date', value: isoOf(r.date) };
    }
    case 'month':
      return { type: 'date', value: month };
    case 'ago':
    case 'after':
      if (VAGUE_AGO.test(mention.expression)) return { type: 'date', value: spec.kind === 'ago' ? 'PAST_REF' : 'FUTURE_REF' };
      // "profit rose from $3m a year earlier": in a sentence about a quarter, the same quarter a year before
      if (spec.kind === 'ago' && spec.unit === 'year' && spec.amount === 1 && reference.quarter) {
        return { type: 'date', value: `${reference.quarter.year - 1}-Q${reference.quarter.q}` };
      }
      switch (spec.unit) {
        case 'day': return { type: 'date', value: isoOf(r.date) };
        case 'week': return { type: 'date', value: isoOf(reference.ref + (spec.kind === 'ago' ? -7 : 7) * spec.amount) };
        case 'month': return { type: 'date', value: month };
        case 'year': return { type: 'date', value: String(ymd.y) };
        case 'decade': return { type: 'date', value: String(ymd.y).slice(0, 3) };
      }
      break;
    case 'period':
      switch (spec.unit) {
        case 'year': return { type: 'date', value: String(ymd.y) };
        case 'month': return { type: 'date', value: month };
        case 'week': return { type: 'date', value: week() };
        case 'weekend': return { type: 'date', value: `${week()}-WE` };
        case 'season': return { type: 'date', value: `${ymd.y}-${SEASON_CODE[spec.season ?? 6] ?? 'SU'}` };
      }
  }
  return null;
}

function keepFirstOfOverlaps<T extends { start: number; end: number }>(primary: T[], extra: T[]): T[] {
  const kept = [...primary];
  const sortedExtra = [...extra].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const f of sortedExtra) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** "10 p.m. Wednesday", "Nov. 6 at 5 p.m.": a clock time next to a day is one TIME expression of that day. */
function joinClockTimes(text: string, finds: Find[]): Find[] {
  const out: Find[] = [];
  for (const f of finds) {
    const prev = out[out.length - 1];
    if (prev && (f.fixed?.type === 'time' || prev.fixed?.type === 'time') && /^(?:\s*,?\s*(?:on|at)?\s*)$/.test(text.slice(prev.end, f.start))) {
      const time = prev.fixed?.type === 'time' ? prev : f;
      const day = time === prev ? f : prev;
      if (day.spec && (day.spec.kind === 'weekday' || day.spec.kind === 'dayOffset' || day.spec.kind === 'dayMonth')) {
        out[out.length - 1] = { start: prev.start, end: f.end, spec: day.spec, by: day.by, fixed: undefined, clock: time.fixed?.value } as Find;
        continue;
      }
    }
    out.push(f);
  }
  return out;
}

/** "REF-Q3", "REF-1": values relative to the reference year, filled in when that year is known. */
function withReferenceYear(value: string, reference: TimexReference): string {
  if (value.endsWith('-QCTX')) value = reference.quarter ? value.replace(/CTX$/, String(reference.quarter.q)) : value.slice(0, -5);
  const quarter = /^QYEAR(\d)$/.exec(value);
  if (quarter) return `${reference.known ? quarterYear(Number(quarter[1]), reference.ref) : 'XXXX'}-Q${quarter[1]}`;
  const m = /^REF(-1)?(.*)$/.exec(value);
  if (!m) return value;
  if (!reference.known) return `XXXX${m[2]}`;
  return `${ymdOf(reference.ref).y - (m[1] ? 1 : 0)}${m[2]}`;
}

/** The TIMEX3 expressions of one sentence (offsets within the sentence). */
export function sentenceTimexes(text: string, mentions: DateMention[], reference: TimexReference): (Omit<Timex, 'sentence'>)[] {
  const extra: Find[] = [];
  for (const rule of TIMEX_RULES) {
    for (const m of allMatches(rule.pattern, text)) {
      const f = rule.toValue(m, text);
      if (f) extra.push(f);
    }
  }
  const primary: Find[] = mentions.map((m) => ({ start: m.start, end: m.end, spec: m.spec, by: m.by }));
  const out: Omit<Timex, 'sentence'>[] = [];
  for (const f of joinClockTimes(text, keepFirstOfOverlaps(primary, extra))) {
    const expression = text.slice(f.start, f.end);
    let tv = f.fixed ?? (f.spec ? timexValue({ spec: f.spec, by: f.by ?? false, expression }, text, f, reference) : null);
    if (!tv) continue;
    if (f.clock) tv = { type: 'time', value: `${tv.value.replace(/T.*$/, '')}${f.clock}` };
    out.push({ text: expression, type: tv.type, value: withReferenceYear(tv.value, reference), start: f.start, end: f.end });
  }
  return out;
}

/** Every time expression of the article, in text order; `start`/`end` are offsets into the sentence. */
export function findTimexes(sentences: Sentence[], mentions: DateMention[][], reference: TimexReference): Timex[] {
  const out: Timex[] = [];
  const quarters = sentences.some((s) => /\bquarter/i.test(s.text));
  let quarter = quarters ? lastQuarterBefore(reference.ref) : undefined;
  for (const s of sentences) {
    quarter = quarterNamed(s.text, reference.ref) ?? quarter;
    for (const t of sentenceTimexes(s.text, mentions[s.index] ?? [], { ...reference, quarter })) out.push({ ...t, sentence: s.index });
  }
  return out;
}

