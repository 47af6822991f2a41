// Turns the date expressions of each sentence into dated events: resolved against the publication date
// (or the stated anchor), described, ranked by salience, and given a status against the clock.
import type { ArticleEvent, Precision, Sentence } from './model';
import { dayOfInstant, isoOf } from './calendar';
import { clauseTense, isSayingDate, resolveMention, type DateMention, type DateSpec } from './dates';
import { describeEvent, type DescribeContext } from './describe';
import type { PublicationInference } from './published';
import { eventStatus } from './event-status';
import { allMatches } from '../language/matches';

/** Words before a date that make it approximate ("around 2030", "circa 1990", "in about 2005"; a bare "about" is as often "concerning": "talks about 2030 targets"). */
const APPROXIMATELY_BEFORE = /(?:\b(?:in|by|from|until|since|at|to)\s+about|\baround|\bcirca|\bapproximately|\broughly|\bc\.)\s+$/i;

const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'into', 'over', 'will', 'have', 'been', 'were', 'their', 'about', 'after', 'said', 'says']);

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.slice(0, 5));
  }
  return out;
}

/**
 * "An earlier version of this story said the vote was next Tuesday", "this article wrongly said …": what a
 * correction withdraws is no event (its dates would otherwise lead the correction as its key date).
 */
// "We wrongly said …" is a correction; "we wrongly cut funding … and will restore it on 1 April" (a speaker
// owning a mistake) is not: the adverb must qualify what the story said or reported.
const WITHDRAWN = /\b(?:(?:earlier|previous|original|first)\s+version\s+of\s+this\s+(?:story|article|report|page|piece)|(?:we|this\s+(?:story|article|report|page|piece))\s+(?:wrongly|incorrectly|mistakenly|erroneously)\s+(?:said|stated|reported|wrote|gave|named|described|referred|called|identified|suggested|claimed|attributed|quoted|listed|published|printed))\b/i;
/** Where the withdrawn words end: the next clause of the sentence. */
const WITHDRAWN_END = /;|\s[-–—]\s|,\s+(?:but|and|while|not|whereas)\b/;

/**
 * "This article has been amended to correct the date of the vote, which is 9 December, not 1 December": an
 * amendment note, in which what follows "not", "rather than" or "instead of" is withdrawn.
 */
const AMENDED = /\b(?:this|the)\s+(?:story|article|report|page|piece)\s+(?:has\s+been|had\s+been|was)\s+(?:amended|corrected|updated)\b/i;
const INSTEAD = /\b(?:not|rather\s+than|instead\s+of)\s/gi;
/** Where a withdrawn alternative ends: the next comma, clause or "but". */
const INSTEAD_END = /[,;.]|\s[-–—]\s|\sbut\b/;

/** The [start, end) spans of a sentence that a correction withdraws (story linking reads them too). */
export function withdrawnSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const cue = WITHDRAWN.exec(text);
  if (cue) {
    const rest = text.slice(cue.index + cue[0].length);
    const end = WITHDRAWN_END.exec(rest);
    spans.push([cue.index, end ? cue.index + cue[0].length + end.index : text.length]);
  }
  const note = AMENDED.exec(text);
  if (note) {
    for (const m of allMatches(INSTEAD, text.slice(note.index))) {
      const from = note.index + (m.index ?? 0);
      const end = INSTEAD_END.exec(text.slice(from + m[0].length));
      spans.push([from, end ? from + m[0].length + end.index : text.length]);
    }
  }
  return spans;
}

export interface EventInput {
  sentences: Sentence[];
  mentions: DateMention[][];
  publication: PublicationInference;
  headline: string;
  now: Date;
  describe: DescribeContext;
  /** Collects what could not be resolved. */
  warnings: string[];
}

/**
 * Whether the year of a date is certain, and what the text fixes of it: a year written out is certain;
 * anything else is as certain as the reference it is read against.
 */
export function certaintyOf(spec: DateSpec, precision: Precision, publication: Pick<PublicationInference, 'refYearCertain' | 'refIsPublication'>): { yearCertain: boolean; dateBasis: 'written' | 'day-month' | 'relative' } {
  if ((spec.kind === 'dayMonth' && spec.year !== undefined) || spec.kind === 'monthYear' || spec.kind === 'year') return { yearCertain: true, dateBasis: 'written' };
  const written = spec.kind === 'dayMonth' || spec.kind === 'month';
  const fixed = written || (publication.refIsPublication && (precision === 'day' || precision === 'month'));
  // "next year", "Friday" count from the publication; read against another date of the text they are guesses.
  const yearCertain = publication.refYearCertain && (written || publication.refIsPublication);
  return { yearCertain, dateBasis: fixed ? 'day-month' : 'relative' };
}

/** Mentions whose date counts from the writer's own day ("tomorrow", "Friday", "next week", "13 years ago"). */
export function countsFromNow(spec: DateSpec): boolean {
  return spec.kind === 'weekday' || spec.kind === 'dayOffset' || spec.kind === 'ago' || spec.kind === 'within' || spec.kind === 'after' || spec.kind === 'period';
}

/**
 * The reference of a text nothing dates: the ingestion day, an assumption and not evidence, so what is read
 * against it has no certain year and is shown as written (as inferPublication does for a text with no date at all).
 */
function undatedNow(today: number): Pick<PublicationInference, 'ref' | 'refIsPublication' | 'refIsNow' | 'refYearCertain' | 'refIsLatest'> {
  return { ref: today, refIsPublication: false, refIsNow: true, refYearCertain: false, refIsLatest: false };
}

export function buildEvents(input: EventInput): ArticleEvent[] {
  const { sentences, mentions, publication, headline, now } = input;
  const today = dayOfInstant(now);
  const headlineStems = stems(headline);
  const events: (ArticleEvent & { day: number; end: number })[] = [];
  for (const s of sentences) {
    const withdrawn = withdrawnSpans(s.text);
    for (const m of mentions[s.index] ?? []) {
      if (withdrawn.some(([from, to]) => m.start >= from && m.start < to)) continue;
      const tense = clauseTense(s.text, m.start, m.end);
      // "tomorrow", "next week" count from the day of the report: in an undated text whose dates are read
      // against another date it names ("reopens on Saturday 5 December"), that date is not the report's day.
      const reference = !publication.refIsNow && countsFromNow(m.spec) ? undatedNow(today) : publication;
      const resolved = resolveMention(m.spec, m.by, { ref: reference.ref, refIsPublication: reference.refIsPublication, refIsNow: reference.refIsNow, tense });
      if (!resolved || !Number.isFinite(resolved.date) || !Number.isFinite(resolved.endDate)) {
        input.warnings.push(`could not resolve the date "${m.expression}" in sentence ${s.index}`);
        continue;
      }
      const isPublication = publication.publicationMention?.sentence === s.index && publication.publicationMention.start === m.start;
      const description = describeEvent(s, m.start, m.end, input.describe);
      const date = isoOf(resolved.date);
      const endDate = isoOf(resolved.endDate);
      const { yearCertain, dateBasis } = certaintyOf(m.spec, resolved.precision, reference);

      // Salience: the story's key date shares words with the headline, lies ahead of the report, comes early.
      const d = stems(description);
      let shared = 0;
      for (const h of headlineStems) if (d.has(h)) shared++;
      const overlap = headlineStems.size > 0 ? shared / headlineStems.size : 0;
      let salience = 0.15 + 0.45 * Math.min(1, overlap * 1.5);
      if (resolved.date >= publication.ref && !isPublication) salience += 0.15;
      if (s.index <= 1) salience += 0.1;
      else if (s.index <= 3) salience += 0.05;
      if (resolved.precision === 'day') salience += 0.1;
      else if (resolved.precision === 'month') salience += 0.05;
      if (resolved.qualifier === 'on' || resolved.qualifier === 'range') salience += 0.05;
      // The time of a statement ("… on Jan. 15, Chairman Ted Cruz said Tuesday") dates the report, not the story:
      // like the publication date it never leads what the article announces.
      const saidOn = !isPublication && isSayingDate(s.text, m.start);
      if (isPublication || saidOn) salience = Math.min(salience, 0.3);
      salience = Math.round(Math.min(1, Math.max(0, salience)) * 100) / 100;

      events.push({
        id: `e${events.length}`,
        date,
        endDate,
        precision: resolved.precision,
        // "around 2030", "circa 1990", "in about 2005": a date the text gives as approximate
        qualifier: resolved.qualifier === 'on' && APPROXIMATELY_BEFORE.test(s.text.slice(Math.max(0, m.start - 24), m.start)) ? 'about' : resolved.qualifier,
        expression: m.expression,
        description,
        sentence: s.index,
        sentences: [s.index],
        status: eventStatus({ date, endDate, yearCertain, yearIsLatest: reference.refIsLatest }, now),
        isPublication,
        ...(saidOn ? { saidOn: true } : {}),
        salience,
        yearCertain,
        dateBasis,
        ...(yearCertain ? {} : { yearIsLatest: reference.refIsLatest }),
        day: resolved.date,
        end: resolved.endDate,
      });
    }
  }
  // An event's sentences include every sentence with an event on the same dates.
  const byDates = new Map<string, Set<number>>();
  for (const e of events) {
    const key = `${e.day}:${e.end}`;
    const set = byDates.get(key) ?? new Set<number>();
    set.add(e.sentence);
    byDates.set(key, set);
  }
  for (const e of events) e.sentences = [...(byDates.get(`${e.day}:${e.end}`) ?? [e.sentence])].sort((a, b) => a - b);
  return events.map(({ day: _day, end: _end, ...e }) => e);
}
