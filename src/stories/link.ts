// Are two articles on the same story? Pure. Scores shared entities (Jaccard over canonical entity
// keys), shared events (same date, or the same described happening) and shared headline words, and
// finds events whose date a newer article moved. A correction joins the story it corrects through the
// date it withdraws (a date that is no event of its own).
import { withdrawnSpans } from '../articles/events';
import { eventYearIsCertain, type Article, type ArticleEvent } from '../articles/model';
import { entityKeys, normalise } from './entities';

const STOP = new Set(
  'a an the of to in on at for and or but with by from as is are was were be been will would shall has have had its it this that these those after before over under into about says said say new more than not no up out now set expected also just then'.split(' '),
);

/**
 * Word and key lists hold each item once. Arrays of exactly their length, not Sets: the story index
 * keeps a signature for every article (10,000 of them: 50,000 lists of about 5–7 strings), and a Set
 * of a few strings costs nearly three times such an array's memory (224 against 80 bytes for five)
 * while looking up a handful of items is as fast in either.
 */
export interface StorySignature {
  /** The canonical entity keys (entities.ts): what linking compares. */
  profile: { keys: readonly string[] };
  headlineWords: readonly string[];
  events: { event: ArticleEvent; words: readonly string[] }[];
  /** Who published it (front matter `source`, normalised): a correction joins only its own publisher's stories (samePublisher). */
  source?: string;
  /** The host of its URL (front matter `url`), lower case: the publisher when a source is not named. */
  host?: string;
  /** Present only when the article withdraws dates an earlier version gave (see correctionOf). */
  correction?: Correction;
}

/** A date an earlier version of the story gave, and the date the correction gives instead (if it says). */
export interface WithdrawnDate {
  date: string;
  to?: string;
}

export interface Correction {
  withdrawn: WithdrawnDate[];
}

/**
 * `share`: called once for each string a set of the signature holds, and its result kept instead (the
 * story index passes its string pool, so 10,000 signatures hold one copy of each word and key).
 */
export function signature(article: Article, share?: (text: string) => string): StorySignature {
  const keys = entityKeys(article);
  const sig: StorySignature = {
    profile: { keys: share ? [...keys].map(share) : [...keys] },
    headlineWords: contentWords(article.headline, share),
    events: article.events.filter((e) => !e.isPublication).map((event) => ({ event, words: contentWords(event.description, share) })),
  };
  const source = article.meta.source ? normalise(article.meta.source) : '';
  if (source) sig.source = share ? share(source) : source;
  const host = hostOf(article.meta.url);
  if (host) sig.host = share ? share(host) : host;
  const correction = correctionOf(article);
  if (correction) sig.correction = correction;
  return sig;
}

/**
 * The dates a correction withdraws ("An earlier version of this story said the vote would be held on 1
 * December"): day dates of a certain year inside the withdrawn words (withdrawnSpans, which keeps them from
 * being events), each with the date the correction gives instead: its first event later in that sentence
 * or in the next one ("It will be held on 9 December"). Undefined for an article that withdraws no date.
 */
export function correctionOf(article: Article): Correction | undefined {
  const withdrawn: WithdrawnDate[] = [];
  for (const s of article.sentences) {
    const spans = withdrawnSpans(s.text);
    if (spans.length === 0) continue;
    for (const t of article.timexes) {
      if (t.sentence !== s.index || t.type !== 'date' || !spans.some(([from, to]) => t.start >= from && t.start < to) || !/^\d{4}-\d{2}-\d{2}$/.test(t.value)) continue;
      if (withdrawn.some((w) => w.date === t.value)) continue;
      const instead = [s.index, s.index + 1]
        .map((i) => article.events.find((e) => e.sentence === i && !e.isPublication && !e.saidOn && e.precision === 'day' && eventYearIsCertain(e) && e.date !== t.value))
        .find((e) => e !== undefined);
      withdrawn.push(instead ? { date: t.value, to: instead.date } : { date: t.value });
    }
  }
  return withdrawn.length > 0 ? { withdrawn } : undefined;
}

/** "news.example.org" of "https://news.example.org/2026/vote.html"; undefined without a web address. */
function hostOf(url: string | undefined): string | undefined {
  const m = url ? /^https?:\/\/(?:www\.)?([^/?#:]+)/i.exec(url.trim()) : null;
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * Whether nothing says two articles come from different publishers: the same named source when both name
 * one, else the same web host when both have one; an article that names neither (a pasted text, a feed item
 * without a source) may be by anyone. Two named sources that differ, or two hosts, are two publishers.
 */
export function samePublisher(a: Pick<StorySignature, 'source' | 'host'>, b: Pick<StorySignature, 'source' | 'host'>): boolean {
  if (a.source && b.source) return a.source === b.source;
  if (a.host && b.host) return a.host === b.host;
  return true;
}

/**
 * `correction` withdraws a date that `original`, by the same publisher (samePublisher), gives a
 * still-expected event on: the correction is of that article's story. The events of `original` on that
 * date (none when not).
 */
export function correctedEvents(correction: StorySignature, original: StorySignature): StorySignature['events'] {
  if (!correction.correction || !samePublisher(correction, original)) return [];
  const dates = correction.correction.withdrawn;
  return original.events.filter((o) => o.event.status !== 'past' && eventYearIsCertain(o.event) && dates.some((w) => w.date === o.event.date));
}

/** Either article is a correction of the other (correctedEvents). */
export function corrects(a: StorySignature, b: StorySignature): boolean {
  return correctedEvents(a, b).length > 0 || correctedEvents(b, a).length > 0;
}

/** The content words of a text, each once, in order. */
export function contentWords(text: string, share?: (text: string) => string): string[] {
  const out: string[] = [];
  for (const w of normalise(text).split(' ')) if (w.length > 2 && !STOP.has(w) && !out.includes(w)) out.push(share ? share(w) : w);
  // A copy of exactly its length: push reserves room for 17 items (152 bytes for 5 words, not 56).
  return out.slice();
}

/** Jaccard similarity of two lists of distinct items. */
export function jaccard<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.includes(x)) shared++;
  return shared / (a.length + b.length - shared);
}

/** How alike two event descriptions are: shared content words over the shorter description's (0..1). */
export function happeningSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.includes(x)) shared++;
  return shared < 2 ? 0 : shared / Math.min(a.length, b.length);
}

/** Two event descriptions name the same happening (at any date). */
export function sameHappening(a: readonly string[], b: readonly string[]): boolean {
  return happeningSimilarity(a, b) >= 0.6;
}

export interface StoryScore {
  score: number;
  sharedEntities: number;
  sharedEvents: number;
  /** One article is a correction of the other (corrects): with a shared entity, that alone links them. */
  correction?: boolean;
}

/** Above this an article is linked to the story. */
export const STORY_THRESHOLD = 0.35;

function sharedEntitiesOf(a: StorySignature, b: StorySignature, common: ReadonlySet<string> | undefined): number {
  let shared = 0;
  for (const k of a.profile.keys) if (b.profile.keys.includes(k) && !common?.has(k)) shared++;
  return shared;
}

/**
 * `common`: entity keys too widespread to say two articles tell one story (a country or an outlet named
 * by a large share of the library, see StoryIndex): naming one is no shared evidence, though it still
 * counts in the article's size (an article naming five places and one rare name is not about that name).
 */
export function storyScore(a: StorySignature, b: StorySignature, common?: ReadonlySet<string>): StoryScore {
  const sharedEntities = sharedEntitiesOf(a, b, common);
  let sharedEvents = 0;
  for (const x of a.events) {
    if (b.events.some((y) => (y.event.date === x.event.date && jaccard(x.words, y.words) >= 0.2) || sameHappening(x.words, y.words))) sharedEvents++;
  }
  // Jaccard alone punishes a short follow-up against a long article naming many places; the overlap
  // coefficient (shared over the smaller set) does not. Averaged, both count.
  const sizeA = a.profile.keys.length;
  const sizeB = b.profile.keys.length;
  const smaller = Math.min(sizeA, sizeB);
  const union = sizeA + sizeB - sharedEntities;
  const entityJ = ((union > 0 ? sharedEntities / union : 0) + (smaller > 0 ? sharedEntities / smaller : 0)) / 2;
  const headlineJ = jaccard(a.headlineWords, b.headlineWords);
  const score = 0.6 * entityJ + 0.25 * headlineJ + 0.15 * Math.min(1, sharedEvents);
  return (a.correction || b.correction) && corrects(a, b) ? { score, sharedEntities, sharedEvents, correction: true } : { score, sharedEntities, sharedEvents };
}

/**
 * Same story: a score over the threshold backed by at least two shared entities, or one shared entity and
 * a shared event; or one article corrects the other (the date it withdraws, from the same source) and they
 * share an entity — a short correction names too little to pass on its score.
 */
export function sameStory(s: StoryScore): boolean {
  if (s.correction && s.sharedEntities >= 1) return true;
  return s.score >= STORY_THRESHOLD && (s.sharedEntities >= 2 || (s.sharedEntities >= 1 && s.sharedEvents >= 1));
}

export interface DateMove {
  description: string;
  from: string;
  to: string;
  /** Id of the older article's event that moved (e.g. "e3"). */
  eventId: string;
  /** The new date as the newer article gives it: its last day and precision ("in February 2027": a month, not 1 February). */
  toEnd?: string;
  toPrecision?: ArticleEvent['precision'];
}

/**
 * Events of `newer` that describe the same happening as a still-expected event of `older` at another
 * date. An older event at the same date that matches means nothing moved; past events of the older
 * article (history it recounts) never count as moved.
 */
export function movedEvents(older: StorySignature, newer: StorySignature): DateMove[] {
  const moves: DateMove[] = [];
  // A guessed year cannot say a date moved: only events whose years are certain count, on either side.
  const expected = older.events.filter((o) => o.event.status !== 'past' && eventYearIsCertain(o.event));
  for (const n of newer.events) {
    // "…, its leader said on Wednesday": the day of a statement is no new date for what it reports
    if (!eventYearIsCertain(n.event) || n.event.saidOn) continue;
    const candidates = expected
      .map((o) => ({ o, similarity: happeningSimilarity(o.words, n.words) }))
      .filter((c) => c.similarity >= 0.6);
    if (candidates.length === 0 || candidates.some((c) => c.o.event.date === n.event.date)) continue;
    const best = candidates.sort((x, y) => y.similarity - x.similarity || y.o.event.salience - x.o.event.salience)[0].o;
    if (!moves.some((m) => m.from === best.event.date && m.to === n.event.date)) {
      moves.push({ description: best.event.description, from: best.event.date, to: n.event.date, eventId: best.event.id, toEnd: n.event.endDate, toPrecision: n.event.precision });
    }
  }
  // A correction moves what it withdraws: the older article's event on the withdrawn date goes to the
  // date the correction gives instead (its words need not match: "It will be held on 9 December").
  const original = correctedEvents(newer, older);
  for (const w of newer.correction?.withdrawn ?? []) {
    if (!w.to) continue;
    const on = original.filter((o) => o.event.date === w.date);
    if (on.length === 0 || moves.some((m) => m.from === w.date)) continue;
    const best = on.sort((x, y) => y.event.salience - x.event.salience)[0].event;
    // (the date a correction gives instead is always a day: correctionOf)
    moves.push({ description: best.description, from: w.date, to: w.to, eventId: best.id, toEnd: w.to, toPrecision: 'day' });
  }
  return moves;
}
