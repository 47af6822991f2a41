// Finds date expressions in a sentence and resolves them to calendar ranges against a reference day.
// Hand-written patterns (no nested quantifiers) keep the scan linear and the results predictable:
// "13 years ago" is an event, "for several years" is a duration and is not.
import { MONTH_NAMES, MONTHS, SEASONS, WEEKDAY_NAMES, WEEKDAYS } from '../language/calendar-words';
import { CAPITALISED_STOPWORDS } from '../language/stop-words';
import { addMonths, dayNumber, daysInMonth, isValidDate, weekdayOf, ymdOf, type Ymd } from './calendar';
import type { Precision } from './model';
import { allMatches } from '../language/matches';

export type Unit = 'day' | 'week' | 'month' | 'year' | 'decade';
export type Part = 'early' | 'mid' | 'late' | 'end' | 'start' | 'earlier' | 'later';
export type Tense = 'past' | 'future' | 'neutral';

export type DateSpec =
  | { kind: 'dayMonth'; month: number; day: number; day2?: number; join?: 'range' | 'alternative'; year?: number; weekday?: number }
  | { kind: 'monthYear'; month: number; year: number; part?: Part }
  | { kind: 'month'; month: number; modifier?: 'last' | 'next' | 'this'; part?: Part }
  | { kind: 'year'; year: number; decade: boolean; part?: Part }
  | { kind: 'weekday'; weekday: number; modifier?: 'last' | 'next' | 'this' }
  | { kind: 'dayOffset'; offset: number }
  | { kind: 'ago'; unit: Unit; amount: number; approximate: boolean }
  | { kind: 'within'; unit: Unit; amount: number; approximate: boolean }
  | { kind: 'after'; unit: Unit; amount: number; approximate: boolean }
  | { kind: 'period'; unit: 'week' | 'weekend' | 'month' | 'year' | 'season'; season?: number; offset: number; part?: Part };

export interface DateMention {
  /** Offsets within the sentence text. */
  start: number;
  end: number;
  expression: string;
  spec: DateSpec;
  /** Deadline semantics from the preposition ("by June", "until 2010"). */
  by: boolean;
}

export interface ResolvedDate {
  date: number;
  endDate: number;
  precision: Precision;
  qualifier: 'on' | 'by' | 'about' | 'range' | 'alternative';
}

const WD = `(${[...WEEKDAY_NAMES.slice(1), WEEKDAY_NAMES[0]].join('|')})`;
const MON_FULL = `(${MONTH_NAMES.join('|')})`;
const FULL_MONTH = new RegExp(`^${MON_FULL}$`);
const MON = `(${MONTH_NAMES.join('|')}|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)`;
const ORD = '(?:st|nd|rd|th)?';
const NUM_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100, several: 3, few: 3, 'a few': 3,
  'a couple of': 2, 'couple of': 2, 'a number of': 3, some: 3, many: 5,
};
const VAGUE = new Set(['several', 'few', 'a few', 'a couple of', 'couple of', 'a number of', 'some', 'many']);
const NUM = '(\\d{1,3}(?:,\\d{3})+|\\d{1,4}|a couple of|couple of|a number of|a few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred|several|few|many)';
const APPROX = '(about|around|some|nearly|almost|more than|over|just over|less than|under|roughly|approximately|exactly|precisely|only|just)';
const UNIT = '(day|week|month|year|decade)s?';
const PART = '(early|late|mid|the end of|end of|the start of|start of|the beginning of|beginning of|the middle of|earlier|later)';

const RE_DAY_MONTH = new RegExp(`\\b(?:${WD},?\\s+)?(?:the\\s+)?(\\d{1,2})${ORD}(?:\\s*(-|–|to|or|and)\\s*(\\d{1,2})${ORD})?(?:\\s+of)?\\s+${MON}(?![\\p{L}])(?:,?\\s+(\\d{4})\\b)?`, 'gu');
const RE_MONTH_DAY = new RegExp(`\\b(?:${WD},?\\s+)?${MON}\\s+(\\d{1,2})${ORD}\\b(?:\\s*(-|–|to|or|and)\\s*(\\d{1,2})${ORD}\\b)?(?:,?\\s+(\\d{4})\\b)?`, 'gu');
const RE_MONTH_YEAR = new RegExp(`\\b(?:${PART}[\\s-]+)?${MON_FULL}\\s+(?:of\\s+)?(\\d{4})\\b`, 'gu');
const RE_MONTH_ALONE = new RegExp(`\\b([Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Bb]efore|[Aa]fter|[Tt]hrough|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id|[Ee]nd of|[Ss]tart of|[Bb]eginning of|[Ee]arlier in|[Ll]ater in)[\\s-]+${MON_FULL}\\b`, 'gu');
const RE_YEAR = /\b((?:early|late|mid|the end of|end of|the start of|start of|the beginning of|beginning of|the middle of)[\s-]+)?((?:1[89]|20)\d{2})(s)?\b/gu;
const RE_WEEKDAY = new RegExp(`\\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Oo]n|[Bb]y|[Uu]ntil|[Ss]ince)\\s+)?${WD}(?:'s|’s)?\\b(?:\\s+(?:morning|afternoon|evening|night)\\b)?`, 'gu');
const RE_DAY_OFFSET = /\b(yesterday|today|tomorrow|tonight|this morning|this afternoon|this evening|last night)\b/giu;
const RE_AGO = new RegExp(`\\b(?:${APPROX}\\s+)?(?<![\\d.,])${NUM}\\s+${UNIT}\\s+ago\\b`, 'giu');
const RE_WITHIN_NEXT = new RegExp(`\\b(?:in|within|over|during)\\s+the\\s+(?:next|coming|following)\\s+(?:${NUM}\\s+)?${UNIT}\\b`, 'giu');
const RE_WITHIN = new RegExp(`\\bwithin\\s+(?:${APPROX}\\s+)?${NUM}\\s+${UNIT}\\b`, 'giu');
const RE_IN_TIME = new RegExp(`\\bin\\s+(?:${APPROX}\\s+)?${NUM}\\s+${UNIT}(?:'|’)?\\s+time\\b`, 'giu');
const RE_PERIOD = new RegExp(`\\b(?:${PART}[\\s-]+)?(last|next|this|the coming|the following)\\s+(week|weekend|month|year|summer|winter|spring|autumn)\\b`, 'giu');

/** Words after a weekday that make it part of a title ("Sunday Times", "Super Tuesday"). */
/** Nouns after a weekday that make it a kind of thing ("the Sunday programme", "Saturday jobs"), not a date. */
const WEEKDAY_KIND_AFTER = new Set(['programme', 'program', 'show', 'papers', 'paper', 'newspapers', 'newspaper', 'edition', 'editions', 'supplement', 'trading', 'jobs', 'job', 'league', 'roast']);
/**
 * Nouns after a weekday that name a kind of thing only after a determiner ("the Sunday timetable", "its
 * Saturday market"); after a verb they say what happens on that day ("the strike will cancel Friday
 * services", "disruption to Monday services").
 */
const WEEKDAY_KIND_AFTER_DETERMINER = new Set(['opening', 'openings', 'school', 'schools', 'services', 'lunch', 'lunches', 'shift', 'shifts', 'market', 'markets', 'closing', 'closures', 'hours', 'timetable', 'timetables']);
const DETERMINER_BEFORE = /(?:\b(?:the|a|an|its|their|his|her|our|your|my|this|that|these|those|every|each|usual|regular|weekly)|['’]s)\s+$/i;
const WEEKDAY_TITLE_BEFORE = new Set(['super', 'black', 'good', 'ash', 'easter', 'holy', 'shrove', 'maundy', 'cyber', 'bloody', 'boxing']);
const YEAR_UNIT_AFTER = /^(?:\s*(?:%|per ?cent|m\b|bn\b|km|kg|million|billion|people|jobs|members|troops|votes|seats|tonnes|pounds|dollars|euros|staff|workers|miles|metres|feet|times|cases|homes))/i;

function toNumber(word: string): { n: number; vague: boolean } {
  const w = word.toLowerCase();
  if (/^\d[\d,]*$/.test(w)) return { n: Number(w.replace(/,/g, '')), vague: false };
  return { n: NUM_WORDS[w] ?? 1, vague: VAGUE.has(w) };
}

function monthOf(word: string): number {
  return MONTHS[word.toLowerCase().replace('.', '')] ?? 0;
}

function unitOf(word: string): Unit {
  return word.toLowerCase().replace(/s$/, '') as Unit;
}

function partOf(word: string | undefined): Part | undefined {
  if (!word) return undefined;
  const w = word.trim().toLowerCase().replace(/[\s-]+$/, '').replace(/^the /, '').replace(/ of$/, '').replace(/ in$/, '');
  if (w === 'beginning') return 'start';
  if (w === 'middle') return 'mid';
  return w as Part;
}

const HAS_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const HAS_WEEKDAY = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/;
const HAS_RELATIVE = /\b(?:ago|next|coming|following|within|time|last|this|yesterday|today|tomorrow|tonight)\b/i;

/** Cheap facts about a sentence that decide which rules can match at all (most sentences hold no date). */
interface Cues {
  text: string;
  lower: string;
  month: boolean;
  weekday: boolean;
  relative: boolean;
  year: boolean;
}

type Found = { start: number; end: number; spec: DateSpec; by?: boolean };

/** One rule of the date grammar: a pattern, when it is worth trying, and what a match means (null: not a date). */
export interface DateRule {
  name: string;
  pattern: RegExp;
  applies: (cues: Cues) => boolean;
  toValue: (m: RegExpExecArray, cues: Cues) => Found | null;
}

function prepBefore(text: string, i: number): string {
  const m = /([A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, i - 12), i));
  return m ? m[1].toLowerCase() : '';
}

function isBy(text: string, i: number): boolean {
  const p = prepBefore(text, i);
  return p === 'by' || p === 'until' || p === 'till' || p === 'before';
}

/** "Tuesday, 26 November 2024", "November 26-28", "4 or 5 April": the same value whichever order day and month come in. */
function dayMonth(
  m: RegExpExecArray,
  text: string,
  p: { weekday?: string; month: number; day: number; joiner?: string; day2?: number; year?: string },
): Found {
  const join = p.joiner ? (p.joiner === 'or' ? 'alternative' : 'range') : undefined;
  return {
    start: m.index,
    end: m.index + m[0].length,
    spec: {
      kind: 'dayMonth', month: p.month, day: p.day,
      ...(p.day2 && p.day2 > p.day && p.day2 <= 31 ? { day2: p.day2, join } : {}),
      ...(p.year ? { year: Number(p.year) } : {}),
      ...(p.weekday ? { weekday: WEEKDAYS[p.weekday.toLowerCase()] } : {}),
    },
    by: isBy(text, m.index),
  };
}

/** Sunday papers: "Mail on Sunday", "Independent on Sunday"; no paper is "… on Monday". */
const NEWSPAPER_ON = /\b(?:Mail|Independent|Scotland|Express|Mirror|Post|Herald|Times|Telegraph|Observer|People|Sport|World|News|Wales|Ireland|Sun|Star)\s+on\s+$/;
/**
 * "Scotland on Sunday", "Wales on Sunday" are papers only where a paper is meant ("told Scotland on Sunday",
 * "the Wales on Sunday newspaper", "Wales on Sunday reported"); "floods hit Wales on Sunday" is a place and a day.
 */
const PLACE_PAPER = /(?:Scotland|Wales|Ireland|World)\s+on\s+$/;
const PAPER_CUE_BEFORE = /\b(?:told|the|to|with|in an interview with|wrote in|writing in)\s+$/i;
const PAPER_CUE_AFTER = /^(?:['’]s\b|\s+(?:newspaper|paper|reported|reports|said|says|revealed|claimed|columnist|editor|journalist|poll|survey|interview)\b)/;
const MODAL_AFTER_MAY = /^\s+(be|have|not|also|well)\b/;

/** The date grammar, tried in this order; overlapping finds keep the longest (see findDateMentions). */
export const DATE_RULES: DateRule[] = [
  {
    name: 'day month [year]',
    pattern: RE_DAY_MONTH,
    applies: (c) => c.month,
    toValue: (m, { text }) => {
      const day = Number(m[2]);
      const month = monthOf(m[5]);
      if (!month || day < 1 || day > 31) return null;
      // "the 5 may be": a modal verb, not a month
      if (/^(Mar|May)$/.test(m[5]) && !m[6] && MODAL_AFTER_MAY.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null;
      return dayMonth(m, text, { weekday: m[1], month, day, joiner: m[3], day2: m[4] ? Number(m[4]) : undefined, year: m[6] });
    },
  },
  {
    name: 'month day [year]',
    pattern: RE_MONTH_DAY,
    applies: (c) => c.month,
    toValue: (m, { text }) => {
      const month = monthOf(m[2]);
      const day = Number(m[3]);
      if (!month || day < 1 || day > 31) return null;
      return dayMonth(m, text, { weekday: m[1], month, day, joiner: m[4], day2: m[5] ? Number(m[5]) : undefined, year: m[6] });
    },
  },
  {
    name: 'month year',
    pattern: RE_MONTH_YEAR,
    applies: (c) => c.month,
    toValue: (m, { text }) => ({
      start: m.index, end: m.index + m[0].length, by: isBy(text, m.index),
      spec: { kind: 'monthYear', month: monthOf(m[2]), year: Number(m[3]), part: partOf(m[1]) },
    }),
  },
  {
    name: 'preposition or modifier + month',
    pattern: RE_MONTH_ALONE,
    applies: (c) => c.month,
    toValue: (m, { text }) => {
      const lead = m[1].toLowerCase();
      if (m[2] === 'May' && MODAL_AFTER_MAY.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null;
      const modifier = lead === 'last' || lead === 'next' || lead === 'this' ? lead : undefined;
      const part = ['early', 'late', 'mid', 'end of', 'start of', 'beginning of', 'earlier in', 'later in'].includes(lead) ? partOf(lead) : undefined;
      // Keep the preposition out of the expression, but keep modifiers ("next June", "early March").
      const keepLead = modifier !== undefined || part !== undefined;
      return {
        start: keepLead ? m.index : m.index + m[0].length - m[2].length,
        end: m.index + m[0].length,
        spec: { kind: 'month', month: monthOf(m[2]), modifier, part },
        by: lead === 'by' || lead === 'until' || lead === 'till' || lead === 'before',
      };
    },
  },
  {
    name: 'year or decade',
    pattern: RE_YEAR,
    applies: (c) => c.year,
    toValue: (m, { text }) => {
      const before = text[m.index - 1] ?? ' ';
      if (/[£$€\d.,/'’-]/.test(before) && !m[1]) return null;
      // "Fifa 2005", "LMA Manager 2005": a year right after a capitalised name is part of that name
      const prevWord = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, m.index - 20), m.index));
      if (!m[1] && prevWord && /^\p{Lu}/u.test(prevWord[1]) && !MONTHS[prevWord[1].toLowerCase()] && !CAPITALISED_STOPWORDS.has(prevWord[1].toLowerCase())) return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (!m[3] && (YEAR_UNIT_AFTER.test(after) || /^[.,]\d/.test(after))) return null;
      return {
        start: m.index, end: m.index + m[0].length, by: isBy(text, m.index),
        spec: { kind: 'year', year: Number(m[2]), decade: Boolean(m[3]), part: partOf(m[1]) },
      };
    },
  },
  {
    name: 'weekday',
    pattern: RE_WEEKDAY,
    applies: (c) => c.weekday,
    toValue: (m, { text }) => {
      const end = m.index + m[0].length;
      const next = /^\s+([\p{L}]+)/u.exec(text.slice(end, end + 24));
      // "Sunday Times", "Sunday's Financial Mail": a capitalised word after the weekday makes it a title.
      if (next && /^\p{Lu}/u.test(next[1]) && !FULL_MONTH.test(next[1])) return null;
      // "the BBC's Sunday programme", "the Sunday papers", "Sunday trading": a kind of thing, not a day
      if (next && !m[1] && !/['’]s$/.test(m[0])) {
        const noun = next[1].toLowerCase();
        if (WEEKDAY_KIND_AFTER.has(noun)) return null;
        if (WEEKDAY_KIND_AFTER_DETERMINER.has(noun) && DETERMINER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return null;
      }
      const prev = /([A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, m.index - 10), m.index));
      if (prev && WEEKDAY_TITLE_BEFORE.has(prev[1].toLowerCase())) return null;
      // newspapers: "Mail on Sunday", "Independent on Sunday", "Scotland on Sunday"
      const nameAt = m.index + m[0].indexOf(m[2]);
      const preceding = text.slice(Math.max(0, nameAt - 40), nameAt);
      if (m[2] === 'Sunday' && NEWSPAPER_ON.test(preceding.slice(-16))) {
        const place = PLACE_PAPER.exec(preceding);
        if (!place || PAPER_CUE_BEFORE.test(preceding.slice(0, place.index)) || PAPER_CUE_AFTER.test(text.slice(end, end + 16))) return null;
      }
      const lead = m[1]?.toLowerCase();
      const modifier = lead === 'last' || lead === 'next' || lead === 'this' ? lead : undefined;
      // "Friday's suicide bombing": keep the possessive out of the expression
      const exprEnd = m[0].endsWith("'s") || m[0].endsWith('’s') ? end - 2 : end;
      return {
        start: modifier ? m.index : m.index + (m[1] ? m[0].indexOf(m[2]) : 0),
        end: exprEnd,
        spec: { kind: 'weekday', weekday: WEEKDAYS[m[2].toLowerCase()], modifier },
        by: lead === 'by' || lead === 'until',
      };
    },
  },
  {
    name: 'yesterday, today, tomorrow',
    pattern: RE_DAY_OFFSET,
    applies: (c) => c.relative,
    toValue: (m) => {
      const w = m[1].toLowerCase();
      // "the Today programme": a capitalised "Today" inside a sentence is a title.
      if (w === 'today' && m[1] === 'Today' && m.index > 0) return null;
      const offset = w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
      return { start: m.index, end: m.index + m[0].length, spec: { kind: 'dayOffset', offset } };
    },
  },
  {
    name: 'N units ago',
    pattern: RE_AGO,
    applies: (c) => c.relative && c.lower.includes(' ago'),
    toValue: (m) => {
      const { n, vague } = toNumber(m[2]);
      const approx = Boolean(m[1]) && !/^(exactly|precisely|only|just)$/i.test(m[1]);
      return { start: m.index, end: m.index + m[0].length, spec: { kind: 'ago', unit: unitOf(m[3]), amount: n, approximate: vague || approx } };
    },
  },
  {
    name: 'in the next N units',
    pattern: RE_WITHIN_NEXT,
    applies: (c) => c.relative && (c.lower.includes('next') || c.lower.includes('coming') || c.lower.includes('following')),
    toValue: (m) => {
      const plural = /s$/i.test(m[0]);
      const { n, vague } = m[1] ? toNumber(m[1]) : { n: plural ? 3 : 1, vague: plural };
      return { start: m.index, end: m.index + m[0].length, spec: { kind: 'within', unit: unitOf(m[2]), amount: n, approximate: vague } };
    },
  },
  {
    name: 'within N units',
    pattern: RE_WITHIN,
    applies: (c) => c.relative && c.lower.includes('within'),
    toValue: (m) => {
      const { n, vague } = toNumber(m[2]);
      return { start: m.index, end: m.index + m[0].length, spec: { kind: 'within', unit: unitOf(m[3]), amount: n, approximate: vague || Boolean(m[1]) } };
    },
  },
  {
    name: "in N units' time",
    pattern: RE_IN_TIME,
    applies: (c) => c.relative && c.lower.includes('time'),
    toValue: (m) => {
      const { n, vague } = toNumber(m[2]);
      return { start: m.index, end: m.index + m[0].length, spec: { kind: 'after', unit: unitOf(m[3]), amount: n, approximate: vague || Boolean(m[1]) } };
    },
  },
  {
    name: 'last/this/next period',
    pattern: RE_PERIOD,
    applies: (c) => c.relative,
    toValue: (m, { text }) => {
      // "over the last year" is a duration, not a date.
      if (!m[1] && /\b(the|past)\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) return null;
      const which = m[2].toLowerCase();
      const offset = which === 'last' ? -1 : which === 'this' ? 0 : 1;
      const u = m[3].toLowerCase();
      const season = SEASONS[u];
      return {
        start: m.index, end: m.index + m[0].length,
        spec: { kind: 'period', unit: season ? 'season' : (u as 'week' | 'weekend' | 'month' | 'year'), season, offset, part: partOf(m[1]) },
      };
    },
  },
];

/** Finds date expressions in one sentence; overlapping finds keep the longest. */
export function findDateMentions(text: string): DateMention[] {
  const relative = HAS_RELATIVE.test(text);
  const cues: Cues = { text, lower: relative ? text.toLowerCase() : '', month: HAS_MONTH.test(text), weekday: HAS_WEEKDAY.test(text), relative, year: /\d{4}/.test(text) };
  const found: DateMention[] = [];
  for (const rule of DATE_RULES) {
    if (!rule.applies(cues)) continue;
    for (const m of allMatches(rule.pattern, text)) {
      const f = rule.toValue(m, cues);
      if (f) found.push({ start: f.start, end: f.end, expression: text.slice(f.start, f.end), spec: f.spec, by: f.by ?? false });
    }
  }
  return keepLongest(absorbWeekdayBeforeDate(text, found));
}

/** "next Thursday (3 March)": the explicit date wins and absorbs the weekday phrase. */
function absorbWeekdayBeforeDate(text: string, found: DateMention[]): DateMention[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i];
    const b = found[i + 1];
    if (a.spec.kind !== 'weekday' || b.spec.kind !== 'dayMonth') continue;
    const gap = text.slice(a.end, b.start);
    if (!/^\s*[(,]\s*$/.test(gap)) continue;
    let end = b.end;
    if (gap.includes('(') && text[end] === ')') end++;
    found[i + 1] = { ...b, start: a.start, end, expression: text.slice(a.start, end), spec: { ...b.spec, weekday: b.spec.weekday ?? a.spec.weekday } };
    found.splice(i, 1);
    i--;
  }
  return found;
}

function keepLongest(found: DateMention[]): DateMention[] {
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DateMention[] = [];
  for (const f of found) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const FUTURE = /\b(will|shall|'ll|’ll|to be|is to|are to|set to|due to|expected to|scheduled to|plans? to|planning to|going to|would|upcoming|forthcoming|next|hopes? to|aims? to|intends? to)\b/i;
/**
 * "said it aimed to finish by April": an aim, plan or promise reported in the past tense still looks ahead
 * ("had planned to" looks back at a plan, and stays past). See planLooksAhead for when it does not.
 */
const PAST_PLAN = /(?<!\bhad\s)\b(?:aimed|planned|hoped|intended|pledged|vowed|promised) to\b/i;
/** Reporting verbs in -ed ("announced it planned to"): the report's tense, not the plan's. */
const REPORTED_ED = /\b(?:announced|confirmed|stated|insisted|claimed|warned|added|reported|revealed|explained|argued|suggested|signalled|signaled)\b/gi;
const PAST = /\b(was|were|had|did|ago|last|earlier|previously|former|originally)\b|\b\w{3,}ed\b/i;
/** PAST without its verb endings. */
const PAST_WORD = /\b(was|were|had|did|ago|last|earlier|previously|former|originally)\b/i;
// "will play Barnet on 17 May after beating Woking on Saturday": a subordinate clause opened by a time
// conjunction and an -ing verb has no tense of its own, so the main clause's "will" must not reach its date.
const CLAUSE_BREAK = /(?:;|:|\s[-–—]\s|,\s+(?:and|but|while|adding|saying|although|though|which|who)\b|\bthat\b|\b(?:after|before|since|following|despite|without)\s+(?=([a-z]+ing)\b))/gi;
/** Words in -ing after "since", "before"… that are no verb: "since spring", "before morning" keep one clause. */
const NOT_GERUND = new Set(['spring', 'morning', 'evening', 'thing', 'nothing', 'something', 'anything', 'everything', 'king', 'ring', 'wing', 'string', 'ceiling', 'sibling', 'wedding', 'during']);

/** Where the clause around a mention begins and ends in its sentence. */
function clauseBounds(sentence: string, start: number, end: number): { from: number; to: number } {
  let from = 0;
  let to = sentence.length;
  for (const m of allMatches(CLAUSE_BREAK, sentence)) {
    // The pattern ignores case, so "after Reading", "since Beijing" or "since spring" also match: only a
    // lower-case -ing word that is a verb opens a clause.
    if (m[1] && (m[1][0] !== m[1][0].toLowerCase() || NOT_GERUND.has(m[1].toLowerCase()))) continue;
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return { from, to };
}

/** The words of the clause around a mention, the mention itself left out. */
export function clauseAround(sentence: string, start: number, end: number): string {
  const { from, to } = clauseBounds(sentence, start, end);
  return sentence.slice(from, start) + ' ' + sentence.slice(end, to);
}

/**
 * Whether a plan reported in the past tense before the mention ("the board pledged to reopen the ward in
 * May") makes it look ahead. Not when the clause says otherwise: a past marker outside the plan's own words
 * ("Last year the firm pledged to … by June", "intended to close it in October but reversed course"), a
 * year of its own ("In 2019 the council planned to open it in May"), or a "but" after the plan ("promised
 * to resign in March, but stayed on"): then the plan is history, as before.
 */
function planLooksAhead(sentence: string, start: number, end: number): boolean {
  const { from, to } = clauseBounds(sentence, start, end);
  const before = sentence.slice(from, start);
  const plan = PAST_PLAN.exec(before);
  if (!plan) return false;
  const lead = before.slice(0, plan.index).replace(REPORTED_ED, ' ');
  const inner = before.slice(plan.index + plan[0].length);
  const after = sentence.slice(end, to);
  if (/\bbut\b/i.test(inner) || /\bbut\b/i.test(sentence.slice(end))) return false;
  if (/\b(?:1[89]|20)\d\d\b/.test(lead + ' ' + inner + ' ' + after)) return false;
  // -ed words inside the plan's own words are its object ("reopen the closed ward"); elsewhere they are past
  if (PAST.test(lead) || PAST.test(after.replace(REPORTED_ED, ' '))) return false;
  return !PAST_WORD.test(inner);
}

/** Tense of the clause around a mention, from its auxiliaries and verb endings. */
/**
 * The words before a date that make it the time of a statement: "said on Wednesday", "told reporters on
 * Monday", "said in a statement on Friday", "announced late on Tuesday", "said Wednesday".
 */
const SAID_BEFORE_DATE = new RegExp(
  `\\b(?:said|says|told|added|announced|confirmed|stated|warned|claimed|insisted|denied|revealed|explained|admitted|wrote|tweeted|argued)` +
    `(?:\\s+(?:reporters|journalists|MPs|parliament|Parliament|the\\s+BBC|the\\s+\\p{Lu}[\\p{L}-]*|\\p{Lu}[\\p{L}-]*|a\\s+(?:news|press)\\s+conference))?` +
    `(?:\\s+in\\s+(?:a|an|his|her|their|its)\\s+(?:statement|interview|speech|letter|broadcast|report))?` +
    `(?:\\s+(?:late|early|earlier|later))?(?:\\s+on)?\\s+$`,
  'u',
);

/** Whether the date mention starting at `start` in a sentence is when something was said. */
export function isSayingDate(text: string, start: number): boolean {
  return SAID_BEFORE_DATE.test(text.slice(Math.max(0, start - 80), start));
}

export function clauseTense(sentence: string, start: number, end: number): Tense {
  // "said on Wednesday": the statement's own time, whatever the tense of what it reports
  if (isSayingDate(sentence, start)) return 'past';
  const clause = clauseAround(sentence, start, end);
  if (FUTURE.test(clause) || planLooksAhead(sentence, start, end)) return 'future';
  if (PAST.test(clause)) return 'past';
  return 'neutral';
}

function nearestYear(month: number, day: number, ref: number, tense: Tense, weekday?: number, tolerance = TENSE_TOLERANCE_DAYS): { day: number; weekdayMatched: boolean } {
  const refYear = ymdOf(ref).y;
  const candidates: number[] = [];
  for (let y = refYear - 1; y <= refYear + 1; y++) {
    if (isValidDate(y, month, day)) candidates.push(dayNumber(y, month, day));
  }
  if (candidates.length === 0) {
    // 29 February: the previous leap year (bounded: a day no year has never loops)
    for (let y = refYear; y > refYear - 9; y--) {
      if (isValidDate(y, month, day)) return { day: dayNumber(y, month, day), weekdayMatched: false };
    }
    return { day: dayNumber(refYear, month, Math.min(day, daysInMonth(refYear, month))), weekdayMatched: false };
  }
  let pool = candidates;
  let weekdayMatched = false;
  if (weekday !== undefined) {
    const matching = candidates.filter((c) => weekdayOf(c) === weekday);
    if (matching.length > 0) {
      pool = matching;
      weekdayMatched = true;
    }
  }
  const byDistance = [...pool].sort((a, b) => Math.abs(a - ref) - Math.abs(b - ref));
  let pick = byDistance[0];
  if (!weekdayMatched) {
    if (tense === 'future' && pick < ref - tolerance) pick = pool.find((c) => c >= ref - tolerance) ?? pick;
    if (tense === 'past' && pick > ref + tolerance) pick = [...pool].reverse().find((c) => c <= ref + tolerance) ?? pick;
  }
  return { day: pick, weekdayMatched };
}

function addUnits(ref: number, unit: Unit, n: number): number {
  switch (unit) {
    case 'day': return ref + n;
    case 'week': return ref + 7 * n;
    case 'month': return addMonths(ref, n);
    case 'year': return addMonths(ref, 12 * n);
    case 'decade': return addMonths(ref, 120 * n);
  }
}

function monthSpan(y: number, m: number): { date: number; endDate: number } {
  return { date: dayNumber(y, m, 1), endDate: dayNumber(y, m, daysInMonth(y, m)) };
}

function yearSpan(y: number): { date: number; endDate: number } {
  return { date: dayNumber(y, 1, 1), endDate: dayNumber(y, 12, 31) };
}

/** Narrows a span to its early/mid/late part. */
function partOfSpan(span: { date: number; endDate: number }, part: Part | undefined, ref: number): { date: number; endDate: number } {
  if (!part) return span;
  const len = span.endDate - span.date + 1;
  const third = Math.max(1, Math.floor(len / 3));
  switch (part) {
    case 'early':
    case 'start':
      return { date: span.date, endDate: span.date + third - 1 };
    case 'mid':
      return { date: span.date + third, endDate: span.endDate - third };
    case 'late':
    case 'end':
      return { date: span.endDate - third + 1, endDate: span.endDate };
    case 'earlier':
      return { date: span.date, endDate: Math.max(span.date, Math.min(span.endDate, ref)) };
    case 'later':
      return { date: Math.min(span.endDate, Math.max(span.date, ref)), endDate: span.endDate };
    default:
      return span;
  }
}

function mondayOf(day: number): number {
  return day - ((weekdayOf(day) + 6) % 7);
}

/** Dates before this year are not given as calendar dates (ISO dates need four digits; year 0 does not exist). */
export const MIN_YEAR = 1;
/** See ResolveContext.tenseToleranceDays. */
export const TENSE_TOLERANCE_DAYS = 7;

export interface ResolveContext {
  /** The reference day (publication date, or the best anchor available). */
  ref: number;
  /** False when `ref` is only an anchor, not a known publication date: relative dates become approximate. */
  refIsPublication: boolean;
  /** True when `ref` stands for "now" of the writing (publication or ingestion date), so tense can pick the year. */
  refIsNow: boolean;
  tense: Tense;
  /**
   * How far the nearest yearless date may lie on the wrong side of the reference before the clause's tense
   * moves it a year (default TENSE_TOLERANCE_DAYS). TIMEX values use a wider one: the past-tense cue
   * (any "-ed" word) is weak, and news mostly names dates near its own.
   */
  tenseToleranceDays?: number;
}

/** What resolving a mention reads besides the mention: the reference day and the tense that applies. */
export interface Resolving {
  ref: number;
  refYmd: Ymd;
  /** The clause's tense when the reference is the writer's now, else 'neutral'. */
  tense: Tense;
  /** Deadline semantics from the preposition ("by June"). */
  by: boolean;
  /** The qualifier a plain mention takes: 'by' for a deadline, else 'on'. */
  q: 'by' | 'on';
  tenseToleranceDays?: number;
  /** Marks a date counted from the reference approximate when the reference is not a known publication date. */
  relative: (r: ResolvedDate) => ResolvedDate;
}

type Resolver<K extends DateSpec['kind']> = (spec: Extract<DateSpec, { kind: K }>, r: Resolving) => ResolvedDate | null;

/** Resolves one mention against the reference day. Returns null when it names no real date. */
export function resolveMention(spec: DateSpec, by: boolean, ctx: ResolveContext): ResolvedDate | null {
  const resolving: Resolving = {
    ref: ctx.ref,
    refYmd: ymdOf(ctx.ref),
    // Tense says "before/after the reference" only when the reference is the writer's now; an anchor date taken
    // from the text (a deadline, an event) is just the neighbourhood the year is chosen from.
    tense: ctx.refIsNow ? ctx.tense : 'neutral',
    by,
    q: by ? 'by' : 'on',
    tenseToleranceDays: ctx.tenseToleranceDays,
    relative: (r) => (ctx.refIsPublication ? r : { ...r, precision: 'approximate' }),
  };
  return (RESOLVERS[spec.kind] as (spec: DateSpec, r: Resolving) => ResolvedDate | null)(spec, resolving);
}

/** One resolver for each kind of mention (DateSpec), each testable alone. */
export const RESOLVERS: { [K in DateSpec['kind']]: Resolver<K> } = {
  dayMonth: (spec, { ref, tense, q, tenseToleranceDays }) => {
    let start: number;
    if (spec.year !== undefined) {
      if (!isValidDate(spec.year, spec.month, spec.day)) return null;
      start = dayNumber(spec.year, spec.month, spec.day);
    } else {
      // A day no year has ("31 February", "31 April"): nearestYear would search for a valid year forever.
      if (!isValidDate(2000, spec.month, spec.day)) return null;
      start = nearestYear(spec.month, spec.day, ref, tense, spec.weekday, tenseToleranceDays).day;
    }
    const y = ymdOf(start).y;
    let endDate = start;
    let qualifier: ResolvedDate['qualifier'] = q;
    if (spec.day2 !== undefined && isValidDate(y, spec.month, spec.day2)) {
      endDate = dayNumber(y, spec.month, spec.day2);
      qualifier = spec.join ?? 'range';
    }
    return { date: start, endDate, precision: 'day', qualifier };
  },

  monthYear: (spec, { ref, q }) => {
    const span = partOfSpan(monthSpan(spec.year, spec.month), spec.part, ref);
    return { ...span, precision: spec.part ? 'approximate' : 'month', qualifier: q };
  },

  month: (spec, { ref, refYmd, tense, q, tenseToleranceDays }) => {
    let y = refYmd.y;
    if (spec.modifier === 'last') y = spec.month < refYmd.m ? y : y - 1;
    else if (spec.modifier === 'next') y = spec.month > refYmd.m ? y : y + 1;
    else if (spec.modifier !== 'this') {
      const nearest = nearestYear(spec.month, 1, dayNumber(refYmd.y, refYmd.m, 1), tense, undefined, tenseToleranceDays);
      y = ymdOf(nearest.day).y;
    }
    const span = partOfSpan(monthSpan(y, spec.month), spec.part, ref);
    return { ...span, precision: spec.part ? 'approximate' : 'month', qualifier: q };
  },

  year: (spec, { ref, q }) => {
    if (spec.decade) {
      const start = spec.year - (spec.year % 10);
      return { date: dayNumber(start, 1, 1), endDate: dayNumber(start + 9, 12, 31), precision: 'approximate', qualifier: q };
    }
    const span = partOfSpan(yearSpan(spec.year), spec.part, ref);
    return { ...span, precision: spec.part ? 'approximate' : 'year', qualifier: q };
  },

  weekday: (spec, { ref, tense, by, q, relative }) => {
    const wd = weekdayOf(ref);
    const back = (wd - spec.weekday + 7) % 7; // days back to the most recent such weekday (0 = today)
    const fwd = (spec.weekday - wd + 7) % 7; // days forward to the next (0 = today)
    let day: number;
    if (spec.modifier === 'last') day = ref - (back === 0 ? 7 : back);
    else if (spec.modifier === 'next') day = ref + (fwd === 0 ? 7 : fwd);
    else if (spec.modifier === 'this' || tense === 'future' || by) day = ref + fwd;
    else day = ref - back;
    return relative({ date: day, endDate: day, precision: 'day', qualifier: q });
  },

  dayOffset: (spec, { ref, relative }) => relative({ date: ref + spec.offset, endDate: ref + spec.offset, precision: 'day', qualifier: 'on' }),

  ago: (spec, { ref, relative }) => {
    const at = addUnits(ref, spec.unit, -spec.amount);
    // "5,000 years ago" lies before the calendar's year 1: no date to give.
    if (ymdOf(at).y < MIN_YEAR) return null;
    const precision: Precision = spec.approximate ? 'approximate' : spec.unit === 'day' ? 'day' : spec.unit === 'month' ? 'month' : spec.unit === 'year' ? 'year' : 'approximate';
    const y = ymdOf(at);
    if (spec.unit === 'year' || spec.unit === 'decade') return relative({ ...yearSpan(y.y), precision, qualifier: spec.approximate ? 'about' : 'on' });
    if (spec.unit === 'month') return relative({ ...monthSpan(y.y, y.m), precision, qualifier: spec.approximate ? 'about' : 'on' });
    if (spec.unit === 'week') return relative({ date: mondayOf(at), endDate: mondayOf(at) + 6, precision: 'approximate', qualifier: 'about' });
    return relative({ date: at, endDate: at, precision, qualifier: spec.approximate ? 'about' : 'on' });
  },

  within: (spec, { ref, relative }) => {
    const at = addUnits(ref, spec.unit, spec.amount);
    return relative({ date: at, endDate: at, precision: spec.approximate ? 'approximate' : 'day', qualifier: 'by' });
  },

  after: (spec, { ref, relative }) => {
    const at = addUnits(ref, spec.unit, spec.amount);
    const exact = !spec.approximate && (spec.unit === 'day' || spec.unit === 'week');
    return relative({ date: at, endDate: at, precision: exact ? 'day' : 'approximate', qualifier: exact ? 'on' : 'about' });
  },

  period: (spec, { ref, refYmd, q, relative }) => {
    if (spec.unit === 'year') {
      const span = partOfSpan(yearSpan(refYmd.y + spec.offset), spec.part, ref);
      return relative({ ...span, precision: spec.part ? 'approximate' : 'year', qualifier: q });
    }
    if (spec.unit === 'month') {
      const at = ymdOf(addMonths(dayNumber(refYmd.y, refYmd.m, 1), spec.offset));
      const span = partOfSpan(monthSpan(at.y, at.m), spec.part, ref);
      return relative({ ...span, precision: spec.part ? 'approximate' : 'month', qualifier: q });
    }
    if (spec.unit === 'week') {
      const monday = mondayOf(ref) + 7 * spec.offset;
      return relative({ ...partOfSpan({ date: monday, endDate: monday + 6 }, spec.part, ref), precision: 'approximate', qualifier: q });
    }
    if (spec.unit === 'weekend') {
      const saturday = mondayOf(ref) + 5 + 7 * spec.offset;
      return relative({ date: saturday, endDate: saturday + 1, precision: 'approximate', qualifier: q });
    }
    return relative({ ...seasonSpan(spec.season ?? 6, spec.offset, refYmd), precision: 'approximate', qualifier: q });
  },
};

/** The three months from `startMonth` of this season (offset 0), the next (1) or the last (-1), seen from `refYmd`. */
function seasonSpan(startMonth: number, offset: number, refYmd: Ymd): { date: number; endDate: number } {
  let y = refYmd.y + (offset === 1 ? 1 : offset === -1 ? -1 : 0);
  // "next summer" said in winter is this calendar year's summer.
  if (offset === 1 && refYmd.m < startMonth) y = refYmd.y;
  if (offset === -1 && refYmd.m > startMonth + 2) y = refYmd.y;
  const from = dayNumber(y, startMonth, 1);
  const endMonth = ymdOf(addMonths(from, 2));
  return { date: from, endDate: dayNumber(endMonth.y, endMonth.m, daysInMonth(endMonth.y, endMonth.m)) };
}
