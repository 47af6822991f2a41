// Reading one kind of answer out of one sentence: a date, a person with role, a list, a number, a
// place or a reason. Each extractor uses the parser's facts for that sentence first and falls back
// to patterns over the sentence's own words. Returns null when the sentence holds no such answer.
import { createRequire } from 'node:module';
import type { Article, ArticleEvent } from '../../articles/model';
import type { DatedEvent } from '../../articles/date-text';
import { isCalendarWord } from '../../language/calendar-words';
import { CAPITALISED_WORD } from '../../language/name-tokens';
import { NOT_PERSON_HEADS } from '../../language/organisations';
import { HONORIFICS, NAME_PARTICLES, TITLE_QUALIFIERS, TITLE_WORDS } from '../../language/people';
import { NOT_NAME_START, STOP_WORDS } from '../../language/stop-words';
import { APPROXIMATORS } from '../../language/numbers';
import { historicalYears, type YearMention } from '../../language/years';
import { tokenize, type Token } from '../../language/terms';
import { NUMBER_WORDS, looseText } from './text';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface DateAnswer {
  event: DatedEvent & { expression: string; description?: string; isPublication?: boolean };
  /** Position of the date expression in the sentence. */
  at: number;
}

// chrono-node costs ~25 MB resident: loaded only when an article has no parsed events to answer from.
const require = createRequire(import.meta.url);
let chronoModule: typeof import('chrono-node') | undefined;
const chrono = (): typeof import('chrono-node') => (chronoModule ??= require('chrono-node') as typeof import('chrono-node'));

// ---------- names and roles ----------

/** Capitalised runs of two or more words that read as a person's name ("Subir Raha", "Jeremy de Souza"). */
export function personNames(text: string, tokens: Token[] = tokenize(text)): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    // "Secretary of State Condoleezza Rice": the office after "<title> of" is not the start of the name.
    const officeOf = i >= 2 && tokens[i - 1].lower === 'of' && TITLE_WORDS.has(tokens[i - 2].lower);
    if (!t.cap || officeOf || NOT_NAME_START.has(t.lower) || isCalendarWord(t.lower) || TITLE_WORDS.has(t.lower) || /^\p{Lu}{2,}$/u.test(t.raw)) {
      i++;
      continue;
    }
    let j = i;
    const run: Token[] = [t];
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1];
      const gap = text.slice(tokens[j].end, n.start);
      if (!/^(?: |-|'|’)$/.test(gap)) break;
      if (n.cap && !isCalendarWord(n.lower) && !STOP_WORDS.has(n.lower) && !TITLE_WORDS.has(n.lower) && !/^\p{Lu}{2,}$/u.test(n.raw)) run.push(n);
      else if (NAME_PARTICLES.has(n.lower) && j + 2 < tokens.length && tokens[j + 2].cap) run.push(n);
      else break;
      j++;
    }
    const words = run.filter((w) => !HONORIFICS.has(w.lower));
    const capitalised = words.filter((w) => w.cap).length;
    // "Technical Awards Dinner", "Regular Music Group": a run ending in an institution word is not a person.
    if (NOT_PERSON_HEADS.has(run[run.length - 1].lower)) {
      i = j + 1;
      continue;
    }
    // "'s" right after ends the name ("Scorsese's"); a following capitalised word with an apostrophe is not part of it.
    if (capitalised >= 2 && capitalised <= 4) {
      const first = run.find((w) => !HONORIFICS.has(w.lower)) ?? run[0];
      const last = run[run.length - 1];
      out.push({ text: text.slice(first.start, last.end), start: first.start, end: last.end });
    }
    i = j + 1;
  }
  return out;
}

export interface RoleMention {
  name: Span;
  /** "Secretary-General of the CSTO", "Gazprom chairman". */
  role: string;
  /** Stems of the role and its organisation, for matching. */
  stems: Set<string>;
}

/** People with their roles as a sentence states them: "X chairman Subir Raha", "Imangali Tasmagambetov, the Secretary-General of the CSTO". */
export function roleMentions(text: string, article?: Article, sentence?: number): RoleMention[] {
  const tokens = tokenize(text);
  const names = personNames(text, tokens);
  const out: RoleMention[] = [];
  const add = (name: Span, role: string) => {
    const clean = role.replace(/^[\s,]+|[\s,]+$/g, '').replace(/^(?:the|a|an)\s+/i, '');
    if (!clean) return;
    out.push({ name, role: clean, stems: new Set(tokenize(clean).map((t) => t.stem)) });
  };
  for (const name of names) {
    const before = tokens.filter((t) => t.end <= name.start);
    // Pattern 1: "... <title> [,] Name": the title right before the name, plus up to five words of qualifiers.
    const last = before[before.length - 1];
    // "<title> of <Office>" ("Secretary of State", "Minister of Defence") counts as one title.
    const n = before.length;
    const titleOf = n >= 3 && last.cap && before[n - 2].lower === 'of' && TITLE_WORDS.has(before[n - 3].lower);
    if (last && (TITLE_WORDS.has(last.lower) || titleOf) && /^[\s,]*$/.test(text.slice(last.end, name.start))) {
      let k = titleOf ? n - 3 : n - 1;
      let startAt = before[k].start;
      let count = 0;
      while (k - 1 >= 0 && count < 6) {
        const p = before[k - 1];
        const gap = text.slice(p.end, before[k].start);
        if (/[.;:()"“”]/.test(gap) || gap.includes(',')) break;
        const possessive = p.lower === 's' && k - 2 >= 0 && /^['’]$/.test(text.slice(before[k - 2].end, p.start));
        if ((NOT_NAME_START.has(p.lower) && p.lower !== 'and' && p.lower !== 'of') || isCalendarWord(p.lower)) break;
        if (!possessive && (STOP_WORDS.has(p.lower) && p.lower !== 'of' && p.lower !== 'and' && !/^\p{Lu}{2,}$/u.test(p.raw)) || /^(?:said|says|told|meeting|between|during)$/.test(p.lower)) break;
        if (p.lower === 'and' || p.lower === 'of') {
          if (!(k - 2 >= 0 && before[k - 2].cap)) break;
        }
        // A lower-case word joins the title only as one of its usual qualifiers ("foreign minister"), never a verb ("allow Home Secretary").
        const infinitive = k - 2 >= 0 && before[k - 2].lower === 'to';
        if (!p.cap && !TITLE_QUALIFIERS.has(p.lower) && (infinitive || /(?:ed|ing)$/.test(p.lower))) break;
        startAt = p.start;
        k--;
        count++;
      }
      add(name, text.slice(startAt, last.end).replace(/[’']s\b/g, "'s"));
    }
    // Pattern 2: "Name, [the|a] <role words> [of|for|to <Org>]".
    const after = text.slice(name.end);
    const m = after.match(/^,\s+((?:the|a|an)\s+)?((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+?)(\s+(?:of|for|at|to|in)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}'’&-]*)(?:\s+(?:of|and|for|&)?\s*[\p{Lu}][\p{L}'’&-]*){0,6})?(?=[,.;)]|\s+(?:said|says|has|had|is|was|told|who|and)\b|$)/u);
    const roleEnd = m ? name.end + m[0].length : 0;
    if (m && !names.some((o) => o !== name && o.start >= name.end && o.start < roleEnd)) {
      const roleWords = tokenize(m[2]);
      if (roleWords.some((w) => TITLE_WORDS.has(w.lower))) add(name, `${m[2]}${m[3] ?? ''}`);
    }
  }
  if (article && sentence !== undefined) {
    for (const p of article.people) {
      if (!p.sentences.includes(sentence) || !p.role) continue;
      const at = text.indexOf(p.name);
      const span: Span = at >= 0 ? { text: p.name, start: at, end: at + p.name.length } : { text: p.name, start: 0, end: 0 };
      const role = p.organisation && !p.role.toLowerCase().includes(p.organisation.toLowerCase()) ? `${p.role}, ${p.organisation}` : p.role;
      if (!out.some((o) => o.name.text === p.name)) add(span, role);
    }
  }
  return out;
}

// ---------- dates ----------

/** Dates in a sentence: the parser's events first, then chrono-node and bare years as a fallback. */
export function datesIn(text: string, article: Article, sentence: number, reference: Date): DateAnswer[] {
  const events = article.events.filter((e) => e.sentence === sentence || e.sentences.includes(sentence));
  if (events.length > 0 || article.sentences.length > 0) {
    const parsed: DateAnswer[] = events.map((e: ArticleEvent) => {
      const found = text.indexOf(e.expression);
      const at = found >= 0 ? found : text.length + 200;
      return {
        event: { date: e.date, endDate: e.endDate, precision: e.precision, qualifier: e.qualifier, expression: e.expression, description: e.description, isPublication: e.isPublication, yearCertain: e.yearCertain, yearIsLatest: e.yearIsLatest, dateBasis: e.dateBasis },
        at,
      };
    });
    // The parser's dates end at 1800: a history's "in 1698" is read here.
    const older = historicalYears(text).map((y): DateAnswer => ({ event: historicalDate(y), at: y.at }));
    if (parsed.length > 0 || older.length > 0 || article.events.length > 0) return [...parsed, ...older];
  }
  const out: DateAnswer[] = [];
  for (const r of chrono().parse(text, reference)) {
    const known = r.start;
    if (!known.isCertain('month') && !known.isCertain('year') && !known.isCertain('day')) continue;
    if (/^(?:now|today|tonight|this|last|next)\b/i.test(r.text) && !known.isCertain('day')) continue;
    const d = known.date();
    const iso = isoDate(d);
    const precision = known.isCertain('day') ? 'day' : known.isCertain('month') ? 'month' : 'year';
    const endIso = r.end ? isoDate(r.end.date()) : precision === 'month' ? monthEnd(iso) : precision === 'year' ? `${iso.slice(0, 4)}-12-31` : iso;
    const start = precision === 'month' ? `${iso.slice(0, 7)}-01` : precision === 'year' ? `${iso.slice(0, 4)}-01-01` : iso;
    out.push({ event: { date: start, endDate: endIso, precision, qualifier: r.end ? 'range' : 'on', expression: r.text }, at: r.index });
  }
  for (const m of text.matchAll(/\b(?:in|since|by|from|until|of|to)\s+((?:19|20)\d\d)\b/g)) {
    if (out.some((o) => m.index >= o.at && m.index <= o.at + o.event.expression.length + 6)) continue;
    const y = m[1];
    out.push({ event: { date: `${y}-01-01`, endDate: `${y}-12-31`, precision: 'year', qualifier: 'on', expression: m[0] }, at: m.index + m[0].length - 4 });
  }
  return out;
}

/** A year the parser does not read, as a dated event: the year, or the month or day written with it. */
function historicalDate(y: YearMention): DateAnswer['event'] {
  const base = { qualifier: y.qualifier, expression: y.expression };
  if (!y.month) return { date: `${y.year}-01-01`, endDate: `${y.year}-12-31`, precision: 'year', ...base };
  const month = `${y.year}-${String(y.month).padStart(2, '0')}`;
  if (!y.day) return { date: `${month}-01`, endDate: monthEnd(`${month}-01`), precision: 'month', ...base };
  const day = `${month}-${String(y.day).padStart(2, '0')}`;
  return { date: day, endDate: day, precision: 'day', ...base };
}

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function monthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${iso.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

// ---------- numbers ----------

export type NumberKind = 'money' | 'percent' | 'duration' | 'ordinal' | 'count' | 'year';

export interface NumberMention extends Span {
  kind: NumberKind;
  /** Token index of the number in the sentence's tokens. */
  token: number;
}

const CURRENCY_WORDS = 'yen|euros?|dollars?|pounds?|rupees?|roubles?|rubles?|yuan|francs?|pence|p\\b';
const SCALE = '(?:\\s?(?:bn|m|tn|k|billion|million|trillion|thousand)\\b)?';
const NUMBER_PATTERN = new RegExp(
  [
    `(?<money>[$£€]\\s?\\d[\\d,]*(?:\\.\\d+)?${SCALE}(?:\\s?\\([$£€]?\\d[\\d,.]*${SCALE}(?:\\s?(?:${CURRENCY_WORDS}))?\\))?)`,
    `(?<money2>\\b\\d[\\d,]*(?:\\.\\d+)?${SCALE}\\s(?:${CURRENCY_WORDS})(?:\\s?\\([^)]{1,20}\\))?)`,
    `(?<percent>\\b\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|per\\s?cent\\b))`,
    `(?<ordinal>\\b\\d+(?:st|nd|rd|th)\\b)`,
    // "90mph", "300km/h", "12km": a number written together with its unit ("5m" is five million).
    `(?<glued>(?<![\\p{L}\\d.,])\\d[\\d,]*(?:\\.\\d+)?(?=(?:mph|kph|kmh|km|ft|cm|mm|kg)\\b))`,
    `(?<plain>(?<![\\p{L}\\d.,])\\d[\\d,]*(?:\\.\\d+)?${SCALE}(?![\\p{L}\\d]))`,
    `(?<word>\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundreds|thousands|dozens)\\b)`,
  ].join('|'),
  'giu',
);
const DURATION_UNITS = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$/i;

export function numbersIn(text: string, tokens: Token[] = tokenize(text)): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER_PATTERN)) {
    const g = m.groups ?? {};
    const raw = m[0].trim();
    const start = m.index;
    const end = start + m[0].length;
    const token = Math.max(0, tokens.findIndex((t) => t.end > start));
    const nextWord = tokens[token + 1]?.lower ?? '';
    const prevWord = tokens[token - 1]?.lower ?? '';
    let kind: NumberKind;
    if (g.money || g.money2) kind = 'money';
    else if (g.percent) kind = 'percent';
    else if (g.ordinal) kind = 'ordinal';
    else {
      // Days of the month next to a month name belong to a date, not a count.
      if (isCalendarWord(nextWord) || isCalendarWord(prevWord)) {
        if (/^\d{1,2}$/.test(raw) || /^(?:19|20)\d\d$/.test(raw)) continue;
      }
      if (/^(?:19|20)\d\d$/.test(raw)) kind = 'year';
      else if (DURATION_UNITS.test(tokens.find((t) => t.start >= end)?.lower ?? '')) kind = 'duration';
      else kind = 'count';
    }
    // "Halo 2", "Pro Evolution Soccer 4": a number right after a capitalised word is part of a name.
    if ((g.plain || g.word) && /[\p{Lu}][\p{L}]*\s$/u.test(text.slice(Math.max(0, start - 20), start)) && !isCalendarWord(prevWord) && !/^(?:19|20)\d\d$/.test(raw)) {
      const prev = tokens[token - 1];
      // "About 300 firefighters": a hedge opening the sentence is capitalised but names nothing.
      if (prev && prev.cap && prev.end === start - 1 && !APPROXIMATORS.has(prev.lower)) continue;
    }
    if (g.word && NUMBER_WORDS[raw.toLowerCase()] === undefined && !/^(?:hundreds|thousands|dozens)$/i.test(raw)) continue;
    out.push({ text: raw, start, end, kind, token });
  }
  return out;
}

// ---------- lists ----------

const LIST_TRIGGER = /\b(?:include|includes|included|including|such as|namely|are|were|comprise|comprises|comprising|consists? of|among them|as well as)\b\s*:?\s*|:\s*/gi;

/** Enumerations ("A, B, and C") in a sentence, each with the text before it (its label). */
export function enumerations(text: string): { items: string[]; start: number; label: string }[] {
  const out: { items: string[]; start: number; label: string }[] = [];
  for (const m of text.matchAll(LIST_TRIGGER)) {
    const start = m.index + m[0].length;
    let rest = text.slice(start).replace(/[.;]\s*$/, '');
    const stop = rest.search(/[;]|\s[-–—]\s/);
    if (stop > 0) rest = rest.slice(0, stop);
    const parts = rest.split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/).map((p) => p.trim()).filter(Boolean);
    if (parts.length < 2 || !/,/.test(rest)) continue;
    const items: string[] = [];
    for (const p of parts) {
      const words = p.split(/\s+/);
      if (words.length > 9) break;
      items.push(p.replace(/^(?:the|a|an)\s+/i, ''));
    }
    if (items.length >= 2) out.push({ items, start, label: text.slice(0, m.index) });
  }
  // Capitalised runs separated by commas with a final "and" ("Russia, Belarus, Armenia and Tajikistan") without a trigger word.
  const run = /(?:[\p{Lu}][\p{L}'’-]*(?:\s[\p{Lu}][\p{L}'’-]*)*,\s+){2,}(?:and\s+)?[\p{Lu}][\p{L}'’-]*(?:\s[\p{Lu}][\p{L}'’-]*)*/gu;
  for (const m of text.matchAll(run)) {
    if (out.some((o) => Math.abs(o.start - m.index) < 3)) continue;
    const items = m[0].split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((s) => s.trim()).filter(Boolean);
    out.push({ items, start: m.index, label: text.slice(0, m.index) });
  }
  return out;
}

// ---------- places ----------

/** Places: the parser's for this sentence, "in/at <Capitalised>" and "<Place>-based". */
export function placesIn(text: string, article: Article, sentence: number): Span[] {
  const out: Span[] = [];
  for (const p of article.places) {
    if (!p.sentences.includes(sentence)) continue;
    let from = 0;
    let at: number;
    while ((at = text.indexOf(p.name, from)) >= 0) {
      const next = text.charAt(at + p.name.length);
      if (!/[\p{L}\p{N}]/u.test(next)) out.push({ text: p.name, start: at, end: at + p.name.length });
      from = at + p.name.length;
    }
  }
  const prep = new RegExp(String.raw`\b(?:in|at|near|to|from|outside|inside)\s+(?:the\s+)?(${CAPITALISED_WORD}(?:\s+(?:of\s+|on\s+)?${CAPITALISED_WORD}){0,3})(?:,\s+([\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’-]+)?)(?=[\s.,;]|$)(?!\s+(?:and|or)\b))?`, 'gu');
  for (const m of text.matchAll(prep)) {
    const name = m[1];
    const first = name.split(/\s+/)[0].toLowerCase();
    if (isCalendarWord(first) || /^\d/.test(first)) continue;
    const start = m.index + m[0].indexOf(name);
    let full = name;
    if (m[2] && !isCalendarWord(m[2].toLowerCase())) full = `${name}, ${m[2]}`;
    if (!out.some((o) => o.start === start)) out.push({ text: full, start, end: start + full.length });
  }
  for (const m of text.matchAll(/\b([\p{Lu}][\p{L}'’]+)-based\b/gu)) out.push({ text: m[1], start: m.index, end: m.index + m[1].length });
  return out.sort((a, b) => a.start - b.start);
}

// ---------- reasons ----------

// "citing ill health" is a reason; "citing sources", "citing official figures", "citing two people familiar with the
// matter" name where a report comes from, not why.
const CAUSE = /\b(?:because(?: of)?|due to|owing to|as a result of|in the aftermath of|in the wake of|following|after|amid|since|in order to|so that|thanks to|reflects?|(?:exacerbated|caused|driven|fuelled|fueled|prompted|sparked|triggered|motivated) by|concerns? (?:over|about)|fears? (?:over|of|about)|(?:blamed|blames|blaming) on|attributed to|put down to|citing(?!\s+(?:[\w'’-]+\s+){0,3}?(?:sources?|people|person|officials?|figures|data|reports?|documents?|statements?|analysts?|spokes(?:man|woman|person)|surveys?|polls?|estimates?|statistics|filings?)\b)|(?:delayed|held up|hampered|stalled|disrupted) by(?! (?:about |around |nearly |up to |more than |at least |another |a further )?(?:\d|(?:a|an|one|two|three|four|five|six|several|many|some|a few) (?:\w+ )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|seasons?)\b|seconds|minutes|hours|days|weeks|months|years)))\b/gi;

/** "The company blamed falling demand for the closure": what is blamed is the reason for what follows "for". */
// (not "was blamed by critics for …" nor "blamed for X for Y": who blames, and what is blamed on someone, are no reason)
const BLAME = /\b(?:blamed|blames|blaming)\s+(?!(?:on|by|for)\b)((?:[^.;,]|,(?!\s+(?:who|which|and|but)\b))+?)\s+for\s+\S/gi;

/** How a time opens: "2am", "midnight", "last week", "the end of March", "then". */
const TIME_START = /^(?:\d|(?:midnight|noon|midday|dawn|dusk|then|that|last|this|next|early|late|yesterday|today|tomorrow|the (?:start|end|beginning|middle|turn|summer|winter|spring|autumn|weekend|war))\b)/i;

/** Verbs after "due to" that make it a schedule ("due to open", "due to be completed"), not a cause. */
const SCHEDULED = /^(?:be|start|begin|open|close|end|finish|arrive|leave|meet|run|return|resume|launch|sign|hold|take|make|go|come|appear|vote|publish|report|announce|face|speak|visit|complete|expire|retire|step|stand|give|deliver|hear|rule|decide)\b/i;

/** Reason clauses ("because it is reviewing relations"), each with where it starts. */
export function reasonsIn(text: string): { marker: string; clause: string; start: number }[] {
  const out: { marker: string; clause: string; start: number }[] = [];
  for (const m of text.matchAll(CAUSE)) {
    const after = text.slice(m.index + m[0].length).replace(/^\s+/, '');
    const clause = after.replace(/[.;]\s*$/, '').split(/;\s|\.\s/)[0];
    if (clause.split(/\s+/).length < 2) continue;
    // "after 2am on Sunday", "since March": a time, not a reason.
    if (/^(?:after|since|following)$/i.test(m[0]) && (TIME_START.test(clause) || isCalendarWord(clause.split(/[\s,]/)[0].toLowerCase()))) continue;
    // "is due to start in 2028": a schedule, not a cause.
    if (/^due to$/i.test(m[0]) && SCHEDULED.test(clause)) continue;
    out.push({ marker: m[0], clause: `${m[0]} ${clause}`.replace(/\s+/g, ' '), start: m.index });
  }
  for (const m of text.matchAll(BLAME)) {
    if (m[1].split(/\s+/).length < 2) continue;
    out.push({ marker: 'blamed … for', clause: m[1].replace(/\s+/g, ' '), start: m.index });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** True when `needle` (loosely) occurs in `hay`. */
export function looseIncludes(hay: string, needle: string): boolean {
  const n = looseText(needle);
  return n.length > 0 && ` ${looseText(hay)} `.includes(` ${n} `);
}
