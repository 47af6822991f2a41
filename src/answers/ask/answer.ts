// Answering a question over the corpus index: retrieve sentences, measure how much of the question
// each covers (with the article around it), read the typed answer out of the best ones, and decline
// when nothing is confident enough. Pure: the index, the question and `now` in, an AskResult out.
import type { DatedEvent } from '../../articles/date-text';
import type { ArticleEvent } from '../../articles/model';
import type { CorpusIndex, Hit, IndexedArticle, WeightedTerm } from './corpus-index';
import { datesIn, enumerations, looseIncludes, numbersIn, personNames, placesIn, reasonsIn, roleMentions, type NumberMention } from './extract';
import { answerClass, calibrated, calibratedLower, logistic, weightsFor, type AnswerClass } from './calibration';
import { spanAnswer } from './span';
import { isPrivative } from './text';
import { analyseQuestion, type Concept, type Question, type QuestionType } from './question';
import { ORG_NAME_FILLER } from '../../language/organisations';
import { LEADER_TITLES, TITLE_WORDS } from '../../language/people';
import { isCalendarWord, MONTH_NAMES } from '../../language/calendar-words';
import { CAPITALISED_WORD } from '../../language/name-tokens';
import { nounAt, pastVerbAt, senseAt } from '../../language/senses';
import { pastFormOf, stemWord } from '../../language/stem';
import { STOP_WORDS } from '../../language/stop-words';
import { stemsOf, tokenize, type Token } from '../../language/terms';

export interface Citation {
  articleId: string;
  headline: string;
  /** Sentence index in the article. */
  sentence: number;
  text: string;
}

export interface AskAnswer {
  ok: true;
  type: QuestionType;
  /** The direct answer in plain words: "28 November 2024", "Imangali Tasmagambetov, Secretary-General of the CSTO". */
  text: string;
  date?: DatedEvent;
  /** The date's day and month are stated but its year is not (an undated article): show no year. */
  yearUnknown?: boolean;
  items?: string[];
  /** No direct answer: the quoted sentence is all /ask can offer (`text` is that sentence). */
  quoteOnly?: boolean;
  /** 0..1: the measured precision of direct answers at this raw score (see calibration.ts). */
  confidence: number;
  /** The uncalibrated score the confidence was read from. */
  raw: number;
  /** The calibration table the confidence was read from (calibration.ts). */
  answerClass: AnswerClass;
  /** Calibration runs only: the features the raw score was computed from. */
  features?: number[];
  citations: Citation[];
  /** Other facts from the same article worth showing. */
  related: { text: string; date?: DatedEvent }[];
}

export interface AskDecline {
  ok: false;
  type: QuestionType;
  question: string;
  confidence: number;
  /** The nearest sentence, when it is close enough to help. */
  closest?: Citation;
}

export type AskResult = AskAnswer | AskDecline;

/**
 * A direct answer is given only where direct answers were right this often on the SQuAD tuning half
 * (calibration.ts): precision first, a wrong answer costs more than an honest quote (issue 13).
 */
export const ANSWER_PRECISION = 0.85;
/** The question's coverage by the sentence times the answer's type fit, below which no direct answer is given (tuned on test/ask). */
export const FIT_THRESHOLD = 0.62;
/** Below this fit not even the sentence is offered: the reply says the articles don't say. */
export const QUOTE_FIT = 0.5;
/** Sentences an answer is read out of, best covering first (reading is the costly step). */
const MAX_READ = 5;
/** A sentence offered without a direct answer must itself state this share of the question. */
export const QUOTE_COVERAGE = 0.8;

interface Candidate {
  hit: Hit;
  coverage: number;
  /** Coverage by the sentence alone, without its neighbours. */
  own: number;
  /**
   * Coverage by the sentence and its article's headline, which names what the whole story is about:
   * "The bridge was first proposed in 2007" under "Plan for new crossing over the Menai Strait shelved"
   * states when the Menai bridge was proposed. Decides only whether the sentence is worth quoting.
   */
  framed: number;
  /** Concepts the sentence itself contains. */
  matched: Concept[];
  /**
   * A key word of the question (no name, not weak) that the sentence's whole article never uses: the sentence
   * is about another thing ("How many people died in the fire?" against a storm story's "A man … died").
   */
  offTopic: boolean;
  /** Share of the question (by weight) its article's headline names, once worked out. */
  headlined?: number;
  /** Names of the question found in the sentence, its neighbours or the headline (not only elsewhere). */
  namesNear: Concept[];
  /** Token positions in the sentence of matched concepts (non-entity ones separately). */
  focus: number[];
  entityAt: number[];
  tokens: Token[];
  text: string;
  stems: Set<string>;
}

interface Typed {
  text: string;
  yearUnknown?: boolean;
  quality: number;
  date?: DatedEvent;
  items?: string[];
  extraSentences?: number[];
  related?: AskAnswer['related'];
  /** The answer is the sentence itself. */
  whole?: boolean;
  /** A count of more than the question counts (see countsMore). */
  countsMore?: boolean;
  /** Other answers of the same kind the sentence offers (places, dates, numbers, names): the more, the less sure the pick. */
  rivals?: number;
  /** The sentence says the reason asked for is not known ("The cause of the fire is not yet known"): its negation is the answer. */
  causeUnknown?: boolean;
}

export interface AnswerOptions {
  now: Date;
  /** Restrict to one article. */
  article?: IndexedArticle;
  /** Calibration runs only: the best answer whatever its score (no decline, no quote-only). */
  undecided?: boolean;
  /** Only articles this accepts (by id) are searched: a server's view (articles/scopes.ts). */
  visible?: (articleId: string) => boolean;
}

export function answerQuestion(index: CorpusIndex, questionText: string, options: AnswerOptions): AskResult {
  const question = analyseQuestion(questionText);
  enrich(index, question);
  const refuse = (confidence: number, closest?: Candidate): AskDecline => ({
    ok: false,
    type: question.type,
    question: question.text,
    confidence,
    closest: closest && closest.coverage >= 0.5 && !closest.offTopic ? cite(closest.hit.article, closest.hit.sentence) : undefined,
  });
  // A sentence that states the question is offered as what the articles say, even where no answer of the
  // asked kind could be read from it (calibration runs take the declines as they are).
  const decline = (confidence: number, closest?: Candidate): AskResult =>
    closest && !options.undecided && quotable(question, closest) ? quoteOf(question, closest) : refuse(confidence, closest);
  if (question.concepts.length === 0) return decline(0);
  if (question.ownerByPronoun) return refuse(0);

  const hits = index.search(retrievalTerms(question), 40, options.article, options.visible);
  const stemCache = new Map<string, Set<string>>();
  const weights = new Map(question.concepts.map((c) => [c, conceptWeight(index, c)]));
  /** Share of the question (by weight) the candidate's headline names: worked out only for ties. */
  const headlined = (c: Candidate): number => {
    if (c.headlined !== undefined) return c.headlined;
    const key = `${c.hit.article.key}:-1`;
    let set = stemCache.get(key);
    if (!set) stemCache.set(key, (set = new Set(stemsOf(c.hit.article.tracked.article.headline))));
    let named = 0;
    let total = 0;
    for (const k of question.concepts) {
      const w = weights.get(k) ?? 0;
      total += w;
      if (conceptIn(k, set)) named += w;
    }
    return (c.headlined = total > 0 ? named / total : 0);
  };
  const candidates = hits
    .map((hit) => measure(index, question, hit, stemCache, weights))
    .filter((c): c is Candidate => c !== null)
    // Of sentences stating the question as fully, first those of a story whose headline names it ("When is the
    // Budget?": "Brown names 16 March for Budget", not a story on Turkey's word about "the EU budget").
    .sort((a, b) => b.coverage - a.coverage || headlined(b) - headlined(a) || b.hit.score - a.hit.score);
  if (candidates.length === 0) return decline(0);

  let best: { candidate: Candidate; typed: Typed; raw: number } | null = null;
  /** Sentences an answer of the kind asked was read from and not ruled out. */
  const answering: Candidate[] = [];
  for (const candidate of candidates.slice(0, MAX_READ)) {
    if (candidate.coverage < 0.4) break;
    const typed = extract(index, question, ready(candidate), options.now);
    if (!typed) continue;
    const raw = rawScore(question, candidate, typed);
    if (raw > 0 && !typed.whole) answering.push(candidate);
    if (!best || raw > best.raw + 1e-9) best = { candidate, typed, raw };
  }
  if (!best) return decline(0, candidates[0]);
  const { candidate, typed, raw } = best;
  // Declined, the member is shown the sentence that states most of the question, which need not be the
  // one an answer was read from ("the plan was announced" beats a concert announced on 1 July); as much
  // of it, the one its headline frames ("Who died in the storm?": "A man … died" under "Storm Dylan …",
  // not the storm's winds).
  const first = candidates[0];
  const closest = first.own > candidate.own || (first.own === candidate.own && first.framed > candidate.framed) ? first : candidate;
  if (raw === 0 && !options.undecided) return decline(0, quotable(question, candidate) ? candidate : closest);
  const stated = statesQuestion(question, candidate);
  const cls = answerClass(question.type, stated);
  const confidence = calibrated(raw, cls);
  const lower = calibratedLower(raw, cls);
  const fit = Math.min(1, candidate.coverage * typed.quality);
  const decision = options.undecided ? (typed.whole ? 'quote' : 'answer') : decide({ confidence, lower, fit, own: candidate.own, framed: candidate.framed, whole: typed.whole === true, stated });
  if (decision === 'decline') return decline(confidence, closest);
  const quoteOnly = decision === 'quote';
  if (quoteOnly) {
    const newer = answering.includes(candidate) ? newerAlike(question, candidate, answering) : null;
    if (newer) return quoteOf(question, newer, { confidence: Math.round(confidence * 100) / 100, raw, answerClass: cls });
  }
  const article = candidate.hit.article;
  const citations = [candidate.hit.sentence, ...(typed.extraSentences ?? [])].map((s) => cite(article, s));
  return {
    ok: true,
    type: question.type,
    text: quoteOnly ? candidate.text : typed.text,
    date: quoteOnly ? undefined : typed.date,
    yearUnknown: (!quoteOnly && typed.yearUnknown) || undefined,
    items: quoteOnly ? undefined : typed.items,
    quoteOnly: quoteOnly || undefined,
    confidence: Math.round(confidence * 100) / 100,
    raw,
    answerClass: cls,
    features: options.undecided ? answerFeatures(question, candidate, typed) : undefined,
    citations,
    // A quote only shows, beside the sentence, the dated events the parser read from that very sentence
    // (as /when shows them), never other events of the article, which a member would take for the answer.
    related: quoteOnly ? relatedEvents(article.tracked.article.events.filter((e) => e.sentence === candidate.hit.sentence), 3) : typed.related ?? [],
  };
}

/** The sentence alone, offered as what the articles say: no direct answer (and no confidence unless given). */
function quoteOf(question: Question, c: Candidate, score?: Pick<AskAnswer, 'confidence' | 'raw' | 'answerClass'>): AskAnswer {
  const article = c.hit.article;
  return {
    ok: true,
    type: question.type,
    text: c.text,
    quoteOnly: true,
    confidence: score?.confidence ?? 0,
    raw: score?.raw ?? 0,
    answerClass: score?.answerClass ?? answerClass(question.type, statesQuestion(question, c)),
    citations: [cite(article, c.hit.sentence)],
    related: relatedEvents(article.tracked.article.events.filter((e) => e.sentence === c.hit.sentence), 3),
  };
}

/**
 * Of sentences from other articles that state the question as fully as the one to be quoted (in the
 * sentence and with the headline, every key word as far as it does) and hold an answer of the kind asked
 * too (`read`: not a "because of rising costs" for what a plan costs), the one from the newest article,
 * when it is newer: a member asks about the news, and "What was the attendance?" is this season's
 * match, not a concert of 2005 whose fans "can attend". Null when the quote stays.
 */
function newerAlike(question: Question, quoted: Candidate, read: Candidate[]): Candidate | null {
  const date = (c: Candidate) => c.hit.article.tracked.article.published.date ?? '';
  let pick: Candidate | null = null;
  for (const c of read) {
    if (c.hit.article === quoted.hit.article || c.own < quoted.own || c.framed < quoted.framed) continue;
    if (statesQuestion(question, quoted) && !statesQuestion(question, c)) continue;
    if (date(c) <= date(pick ?? quoted) || !quotable(question, c)) continue;
    pick = c;
  }
  return pick;
}

/** An article's events as the reply lists them under the quote: most salient first, publication left out. */
function relatedEvents(events: readonly ArticleEvent[], max: number): AskAnswer['related'] {
  return events
    .filter((e) => !e.isPublication)
    .sort((a, b) => b.salience - a.salience)
    .slice(0, max)
    .map((e) => ({ text: e.description, date: { date: e.date, endDate: e.endDate, precision: e.precision, qualifier: e.qualifier, expression: e.expression, yearCertain: e.yearCertain, yearIsLatest: e.yearIsLatest, dateBasis: e.dateBasis } }));
}

/**
 * Whether the sentence itself states every key word of the question (each word, its synonyms or its
 * acronym; "say", "report" and the like are not key): a sentence that lacks one ("When was the directive
 * rejected?" against "the 1996 Parental Leave directive") may answer another question.
 */
export function statesQuestion(question: Question, c: Pick<Candidate, 'matched'>): boolean {
  return question.concepts.every((k) => k.weak || c.matched.includes(k));
}

/**
 * Answer, quote only, or decline: a direct answer only where the sentence states every key word of the
 * question, and direct answers of this class at this score were right at least ANSWER_PRECISION of the
 * time out of fold on the SQuAD tuning half — the step's figure and its lower bound one standard error
 * down both (calibration.ts) — and the sentence fits the question; otherwise the sentence alone when it
 * states most of the question; otherwise "the articles don't say" (with the closest sentence).
 */
export function decide(d: { confidence: number; lower: number; fit: number; own: number; framed?: number; whole: boolean; stated: boolean }): 'answer' | 'quote' | 'decline' {
  if (d.fit < QUOTE_FIT) return 'decline';
  const quote = d.whole || !d.stated || d.confidence < ANSWER_PRECISION || d.lower < ANSWER_PRECISION || d.fit < FIT_THRESHOLD;
  if (!quote) return 'answer';
  return Math.max(d.own, d.framed ?? 0) >= QUOTE_COVERAGE ? 'quote' : 'decline';
}

/**
 * A sentence worth quoting though no answer of the asked kind could be read from it: it states the
 * question (with its headline, QUOTE_COVERAGE of it), its article uses every key word of it, and lacks none of its names, numbers, negation or
 * "first"/"most" ("Who is considering a legal challenge?" against "Campaign group X said it was
 * considering a legal challenge", whose group is not read as an organisation).
 */
function quotable(question: Question, c: Candidate): boolean {
  return c.framed >= QUOTE_COVERAGE && !c.offTopic && !conflicts(question, c) && lacksModifier(question, c) === null;
}

/**
 * How well one sentence and the answer read out of it fit the question, before calibration: a logistic
 * model over a few general features (WEIGHTS in calibration.ts, fitted on the SQuAD tuning half). The
 * constraints that make a sentence about something else (a name, a number or a negation of the
 * question missing from it) give no direct answer at all.
 */
function rawScore(question: Question, c: Candidate, typed: Typed): number {
  if (conflicts(question, c)) return 0;
  if (unfit(question, c, typed) !== null) return 0;
  return logistic(answerFeatures(question, c, typed), weightsFor(question.type));
}

const TYPE_FEATURES: QuestionType[] = ['when', 'who', 'count', 'where', 'list', 'why'];

/** The features the confidence model reads; FEATURE_NAMES in calibration.ts names them in order. */
export function answerFeatures(question: Question, c: Candidate, typed: Typed): number[] {
  const strong = question.concepts.filter((k) => !k.weak);
  const missing = strong.filter((k) => !c.matched.includes(k)).length;
  const answerWords = tokenize(typed.text).length;
  const near = proximity(question, c, typed);
  const what = question.type === 'what' ? 1 : 0;
  const far = spread(question, c, typed);
  return [
    1,
    c.own,
    c.coverage,
    typed.quality,
    pairRatio(question, c),
    Math.min(missing, 3) / 3,
    Math.min(c.tokens.length, 60) / 60,
    Math.min(answerWords, 10) / 10,
    answerInQuestion(question, question.type === 'who' ? typed.text.split(',')[0] : typed.text),
    missing === 0 ? 1 : 0,
    typed.quality >= 1 ? 1 : 0,
    c.coverage - c.own,
    ...TYPE_FEATURES.map((t) => (question.type === t ? 1 : 0)),
    ...near,
    Math.min(typed.rivals ?? 0, 4) / 4,
    what,
    // The phrase read for a what-question is as good as its slot: interactions with the sentence's fit.
    what * typed.quality,
    what * near[0],
    what * pairRatio(question, c),
    what * c.own,
    far,
    // Aligned: every word of the question in the sentence, the answer of the exact kind asked, none of the words far from it.
    missing === 0 && typed.quality >= 1 && far <= 0.4 ? 1 - what : 0,
  ];
}

/**
 * How far the question's words lie from the answer: the distance in tokens from the answer to the
 * farthest of the question's words the sentence states (each word at its nearest mention; across a
 * semicolon or dash counts as far), 0..1 with 1 = 20 tokens or more, or unknown. A right answer sits in
 * the clause that states the whole question; one read beside a single word of it ("Oliver Evans in
 * 1801" for who patented, when the patent is the other clause's) leaves the rest far away.
 */
function spread(question: Question, c: Candidate, typed: Typed): number {
  const span = answerTokens(c, typed);
  if (!span || c.tokens.length === 0) return 1;
  const [from, to] = span;
  const across = (i: number) => /;|\s[–—-]\s|[—]|\(/.test(c.text.slice(c.tokens[Math.min(i, from)].end, c.tokens[Math.max(i, to)].start));
  let far = 0;
  for (const k of c.matched) {
    if (k.weak) continue;
    let nearest = Infinity;
    c.tokens.forEach((t, i) => {
      if (i >= from && i <= to) return;
      if (!k.stems.includes(t.stem) && !k.phrases.some((p) => p.includes(t.stem))) return;
      nearest = Math.min(nearest, (i < from ? from - i : i - to) + (across(i) ? 10 : 0));
    });
    if (Number.isFinite(nearest)) far = Math.max(far, nearest);
  }
  return Math.min(far, 20) / 20;
}

/** Where in the sentence the answer was read from, as token positions, or null when it was reworded. */
function answerTokens(c: Candidate, typed: Typed): [number, number] | null {
  if (typed.whole) return null;
  const lead = typed.text.split(/,\s|:\s/)[0].trim();
  let at = c.text.indexOf(lead);
  let end = at + lead.length;
  if (at < 0) {
    const first = tokenize(lead)[0];
    if (!first) return null;
    at = c.text.indexOf(first.raw);
    end = at + first.raw.length;
    if (at < 0) return null;
  }
  const from = tokenAt(c, at);
  let to = from;
  while (to + 1 < c.tokens.length && c.tokens[to + 1].start < end) to++;
  return [from, to];
}

/**
 * How close the answer sits to what the question names: the token distance to the nearest matched word
 * (0..1, 1 = 15 or more, or unknown), and the weighted share of the question's words found within eight
 * tokens of it. A right answer is read next to the question's words; a wrong one often sits far out in a
 * long sentence.
 */
function proximity(question: Question, c: Candidate, typed: Typed): [number, number] {
  const span = answerTokens(c, typed);
  if (!span || c.tokens.length === 0) return [1, 0];
  const [from, to] = span;
  const positions = [...c.focus, ...c.entityAt].filter((i) => i < from || i > to);
  // Across a semicolon or a dash the sentence says another thing: "… in Cork City; and D'Olier Street in Dublin".
  const across = (i: number) => /;|\s[–—-]\s|[—]/.test(c.text.slice(c.tokens[Math.min(i, from)].end, c.tokens[Math.max(i, to)].start));
  const dist = positions.length === 0 ? 15 : Math.min(...positions.map((i) => (i < from ? from - i : i - to) + (across(i) ? 10 : 0)));
  const window = new Set(c.tokens.filter((_, i) => (i >= from - 8 && i < from) || (i > to && i <= to + 8)).map((t) => t.stem));
  const strong = question.concepts.filter((k) => !k.weak);
  const near = strong.length === 0 ? 0 : strong.filter((k) => conceptIn(k, window)).length / strong.length;
  return [Math.min(dist, 15) / 15, near];
}

/** Share of the question's neighbouring content words that stay neighbours (in order, ≤ 3 words apart) in the sentence. */
function pairRatio(question: Question, c: Candidate): number {
  const words = question.tokens.filter((t) => !STOP_WORDS.has(t.lower)).map((t) => t.stem);
  if (words.length < 2) return 1;
  const positions = new Map<string, number[]>();
  c.tokens.forEach((t, i) => positions.set(t.stem, [...(positions.get(t.stem) ?? []), i]));
  let found = 0;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = positions.get(words[i]) ?? [];
    const b = positions.get(words[i + 1]) ?? [];
    if (a.some((x) => b.some((y) => y > x && y - x <= 3))) found++;
  }
  return found / (words.length - 1);
}

/** Share of the answer's words the question already uses: an answer that repeats the question says little. */
function answerInQuestion(question: Question, text: string): number {
  const words = tokenize(text).filter((t) => !STOP_WORDS.has(t.lower));
  if (words.length === 0) return 0;
  const asked = new Set(question.tokens.map((t) => t.stem));
  return words.filter((t) => asked.has(t.stem)).length / words.length;
}

const NEGATION = /\b(?:not|no|never|neither|nor|none|without|cannot|failed to|refused to|n't)\b|n't\b/i;

/** Words between a privative word and its object that leave the object where it is ("without its captain"). */
const OBJECT_LEADERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'any', 'some', 'all']);

/**
 * A privative word of the question ("lose") stated by another one in the sentence ("without", "lacks")
 * counts only with the question's own word right after it: "homes were without power" states "lost
 * power", but "the club was without its captain for the match" does not state "lose the match", nor
 * "the hospital lacks 300 nurses" "lose nurses". The question's word itself in the sentence counts as
 * ever, and so do its other words ("loss").
 */
function privativeFits(c: Concept, stems: ReadonlySet<string>, text: string, question: Question): boolean {
  const own = c.stems[0];
  if (!isPrivative(own) || c.stems.some((x) => stems.has(x) && (x === own || !isPrivative(x)))) return true;
  const tokens = tokenize(text);
  const asked = new Set(question.tokens.map((t) => t.stem));
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].stem === own || !isPrivative(tokens[i].stem)) continue;
    let j = i + 1;
    while (j < tokens.length && OBJECT_LEADERS.has(tokens[j].lower)) j++;
    if (j < tokens.length && !isPrivative(tokens[j].stem) && asked.has(tokens[j].stem)) return true;
  }
  return false;
}

/**
 * A word counts in the sense the question uses it. A two-sense word (src/language/senses.ts): "When did the
 * mine close?" is not stated by "The vote was close in 2019" nor "came close to collapse", "How close was
 * the vote?" not by "the mine will close", "Who came to power?" not by "power cuts". A noun that is also a
 * light verb, asked as the noun: "When was the plan rejected?" is not stated by "the council planned to
 * reject the budget". Its other words ("shut", "closure") count as ever.
 */
function senseFits(c: Concept, stems: ReadonlySet<string>, text: string, question: Question): boolean {
  const own = c.stems[0];
  // Stated only by the past form a question's "find", "leave" takes (pastFormOf): that form as the verb,
  // not "founded", "left-back", "the left" or "the Fed".
  const past = pastFormOf(own);
  const pastStem = past ? stemWord(past) : undefined;
  if (past && pastStem !== undefined && !stems.has(own) && !c.stems.some((x) => x !== own && x !== pastStem && stems.has(x))) {
    const tokens = tokenize(text);
    return tokens.some((t, i) => t.stem === pastStem && pastVerbAt(tokens, i, past, text[t.end] === '-'));
  }
  if (c.stems.some((x) => x !== own && stems.has(x))) return true;
  const asked = question.tokens.findIndex((t) => t.stem === own);
  if (asked < 0) return true;
  const sense = senseAt(question.tokens, asked);
  if (sense === undefined && !c.lightNoun) return true;
  const tokens = tokenize(text);
  return tokens.some((t, i) => t.stem === own && (sense === undefined ? nounAt(tokens, i) : (senseAt(tokens, i) ?? sense) === sense));
}

/** A privative word of the question ("lose", "without") that the sentence states, in its words or others ("without" for "lost"). */
function statedPrivative(c: Pick<Candidate, 'matched'>, stem: string): boolean {
  return isPrivative(stem) && c.matched.some((k) => isPrivative(k.stems[0]) && k.stems.includes(stem));
}

/**
 * Whether `text` negates anything, leaving out a "without" that states a privative word of the question
 * ("About 12,000 homes were without power" for "lost power"). `tokens`: the text's, when already made.
 */
function negatesBeyondPrivative(text: string, c: Pick<Candidate, 'matched'>, tokens?: readonly Token[]): boolean {
  const plain = text.replace(/[’]/g, "'");
  if (!NEGATION.test(plain)) return false;
  return NEGATION.test((tokens ?? tokenize(plain)).filter((t) => !statedPrivative(c, t.stem)).map((t) => t.raw).join(' '));
}

/**
 * Whether the question negates what it asks: "not", "never", or a "without" the sentence does not state
 * ("Which homes were without power?" against "homes lost power" asks what the sentence says).
 */
function questionNegated(question: Question, c: Pick<Candidate, 'matched'>): boolean {
  return negatesBeyondPrivative(question.text, c, question.tokens);
}

function sentenceNegated(c: Pick<Candidate, 'text' | 'matched'>): boolean {
  return negatesBeyondPrivative(c.text, c);
}

/** The sentence cannot answer this question: it lacks a name or number the question states, or the question's negation. */
function conflicts(question: Question, c: Candidate): boolean {
  if (questionNegated(question, c) && !sentenceNegated(c)) return true;
  for (const k of question.concepts) if (k.entity && !c.namesNear.includes(k)) return true;
  // "the G8 summit": the thing a name qualifies must be in the sentence too, or the sentence is about another thing of that name.
  for (let i = 0; i + 1 < question.tokens.length; i++) {
    const name = question.concepts.find((k) => k.entity && k.stems[0] === question.tokens[i].stem);
    const next = question.tokens[i + 1];
    if (!name || STOP_WORDS.has(next.lower) || question.tokens[i + 1].start - question.tokens[i].end > 1) continue;
    const thing = question.concepts.find((k) => !k.entity && !k.weak && k.stems[0] === next.stem);
    if (thing && !c.matched.includes(thing)) return true;
  }
  if (otherTime(question, c)) return true;
  // A number of the question must be in the sentence, whether or not either writes thousands with commas ("10000" = "10,000").
  const sentenceNumbers = new Set([...c.text.matchAll(/(?<![\d.,])\d[\d,]*(?:\.\d+)?/g)].map((m) => m[0].replace(/,(?=\d{3}\b)/g, '').replace(/[.,]$/, '')));
  for (const m of question.text.matchAll(/\b\d[\d,.]*\b/g)) {
    if (!sentenceNumbers.has(m[0].replace(/[.,]$/, '').replace(/,(?=\d{3}\b)/g, ''))) return true;
  }
  return false;
}

/** "this year", "last week", "next season": a time named from the day of speaking. */
const DEICTIC_TIME = /\b(this|last|next|previous|coming)\s+(year|month|week|weekend|season|summer|winter|spring|autumn|term)\b/gi;

/** [when, unit] of a deictic time; "the coming year" is next year in other words. */
function deictic(m: RegExpMatchArray): [string, string] {
  const when = m[1].toLowerCase();
  return [when === 'coming' ? 'next' : when, m[2].toLowerCase()];
}

/**
 * The sentence names, for the question's "this year" ("How many shops will Greggs open this year?"),
 * another one of the same kind ("opened 226 new shops last year") and not the question's: it tells of
 * another time. Years and dates in the sentence do not count, as they may be the asked one.
 */
function otherTime(question: Question, c: Pick<Candidate, 'text'>): boolean {
  const asked = [...question.text.matchAll(DEICTIC_TIME)].map(deictic);
  if (asked.length === 0) return false;
  const said = [...c.text.matchAll(DEICTIC_TIME)].map(deictic);
  return asked.some(([when, unit]) => said.some(([w, u]) => u === unit && w !== when) && !said.some(([w, u]) => u === unit && w === when));
}

/** A word of the question that makes it another question ("first", "most", "before") which the sentence lacks, or null. */
function lacksModifier(question: Question, c: Pick<Candidate, 'text'>): string | null {
  const asked = question.tokens.filter((t) => MODIFIERS.has(t.lower));
  // Most questions have none: the sentence is tokenised only for those that do.
  if (asked.length === 0) return null;
  const words = new Set(tokenize(c.text.replace(/[’]/g, "'")).map((t) => t.lower));
  return asked.find((t) => !words.has(t.lower))?.lower ?? null;
}

/** Words that turn a question into another question when the sentence lacks them: "the first", "the most", "before 1973". */
const MODIFIERS = new Set('first last most least fewest largest smallest biggest highest lowest earliest latest oldest newest youngest longest shortest best worst before after only more less fewer greater larger smaller higher lower longer shorter earlier later second third primary main'.split(' '));
const MONTH_WORDS = new RegExp(`\\b(?:${MONTH_NAMES.join('|')}|${MONTH_NAMES.map((m) => m.slice(0, 3)).join('|')})\\b`, 'i');

/**
 * Why the answer read out of the sentence cannot be the direct answer, or null when nothing rules it
 * out: the sentence negates what the question asserts, lacks a word that makes the question another
 * question ("first", "most", "before"), the answer is not of the kind asked ("what month" answered by a
 * year) or only repeats the question's own words.
 */
export function unfit(question: Question, c: Candidate, typed: Typed): string | null {
  const s = c.text.replace(/[’]/g, "'");
  const negated = questionNegated(question, c);
  if (!negated && negatedNear(c, typed) && !typed.causeUnknown) return 'the sentence negates it';
  if (negated && !negatedNear(c, typed)) return 'the question negates what the sentence states';
  const lacking = lacksModifier(question, c);
  if (lacking) return `the sentence lacks "${lacking}"`;
  if (question.type === 'when' && !typed.whole) {
    if (question.detail === 'year' && !/\b\d{3,4}s?\b/.test(typed.text)) return 'no year';
    if (question.detail === 'month' && !MONTH_WORDS.test(typed.text)) return 'no month';
    if (question.detail === 'day' && typed.date && typed.date.precision !== 'day') return 'no day';
  }
  if (!typed.whole && answerInQuestion(question, typed.text) >= 0.99) return 'the answer repeats the question';
  // "United States" for a question about "the US".
  const initials = typed.text.split(/[\s,]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  if (!typed.whole && initials.length >= 2 && question.text.split(/\W+/).includes(initials)) return 'the answer spells out a name the question gives';
  if (question.type === 'count' && /^(?:one|a|an)$/i.test(typed.text.trim())) return '"one" is not a count here';
  // A name the question gives must be in the answering sentence itself, or the story's headline.
  const headline = new Set(stemsOf(c.hit.article.tracked.article.headline));
  for (const k of question.concepts) if (k.entity && !c.matched.includes(k) && !conceptIn(k, headline)) return `the sentence does not name "${k.text}"`;
  if (typed.countsMore) return 'the number counts more than the question asks';
  const split = splitName(question, c);
  if (split) return `the sentence does not name "${split}" as one name`;
  const aside = asideName(question, c, typed);
  if (aside) return `the sentence names "${aside}" only in brackets`;
  if (question.type === 'who' && !typed.whole && !personOrOrganisation(c, typed.text.split(',')[0])) return 'not a person or organisation';
  if (question.type === 'who') return roleConflict(question, c, typed);
  return null;
}

/**
 * A name the member typed as one ("Michigan Network Inc.") must stand in the sentence as one: its words
 * scattered over the sentence ("Merit Network, Inc. … Michigan's public universities") name something else.
 */
function splitName(question: Question, c: Candidate): string | null {
  const sentence = c.tokens.map((t) => t.stem);
  for (const name of question.names) {
    const words = tokenize(name).filter((t) => !STOP_WORDS.has(t.lower)).map((t) => t.stem);
    if (words.length < 2 || !words.every((w) => sentence.includes(w))) continue;
    const together = sentence.some((_, i) => words.every((w, k) => sentence.slice(i, i + words.length + 2).includes(w) && (k === 0 ? sentence[i] === w : true)));
    // "Energy Department" = "Department of Energy": the head first, the rest after "of (the)".
    const head = words[words.length - 1];
    const inverted = sentence.some((w, i) => w === head && sentence[i + 1] === 'of' && words.slice(0, -1).every((x) => sentence.slice(i + 2, i + words.length + 2).includes(x)));
    if (!together && !inverted) return name;
  }
  return null;
}

/**
 * A name of the question that the sentence gives only inside brackets, with the answer outside them, is an
 * aside ("Chrysler ended production in 1981 (except for the Dodge Diplomat …)"): the sentence says the
 * answer of something else.
 */
function asideName(question: Question, c: Candidate, typed: Typed): string | null {
  const span = answerTokens(c, typed);
  if (!span) return null;
  const depth: number[] = [];
  let open = 0;
  let from = 0;
  for (const t of c.tokens) {
    const between = c.text.slice(from, t.start);
    open = Math.max(0, open + (between.match(/[([]/g)?.length ?? 0) - (between.match(/[)\]]/g)?.length ?? 0));
    depth.push(open);
    from = t.end;
  }
  if (depth[span[0]] > 0) return null;
  for (const k of c.matched) {
    if (!k.entity) continue;
    const at = c.entityAt.filter((i) => k.stems.includes(c.tokens[i].stem) || k.phrases.some((p) => p.includes(c.tokens[i].stem)));
    if (at.length > 0 && at.every((i) => depth[i] > 0)) return k.text;
  }
  return null;
}

/** A negation within a few words of the answer or of the question's words in the sentence: "is not always practical". */
function negatedNear(c: Candidate, typed: Typed): boolean {
  const span = answerTokens(c, typed);
  const anchors = [...c.focus, ...c.entityAt, ...(span ? [span[0], span[1]] : [])];
  const text = c.text.replace(/[’]/g, "'");
  return c.tokens.some((t, i) => {
    const word = text.slice(t.start, t.end + 3);
    if (!/^(?:not|no|never|neither|nor|none|without|cannot|n't)\b/i.test(word) && !/n't\b/i.test(word)) return false;
    // "About 12,000 homes were without power" for "How many homes lost power?": the word is the question's meaning.
    if (statedPrivative(c, t.stem)) return false;
    return anchors.some((a) => Math.abs(a - i) <= 4);
  });
}

/** A who-answer names people or an organisation: capitalised, and not an idea ("Roman Catholicism") or an event ("Revolution"). */
function personOrOrganisation(c: Candidate, text: string): boolean {
  const article = c.hit.article.tracked.article;
  if (article.people.some((p) => p.name === text || text.includes(p.name)) || article.organisations.some((o) => o.name === text || o.acronym === text)) return true;
  const words = text.split(/\s+/);
  if (!words.some((w) => /^\p{Lu}/u.test(w))) return /^(?:the )?\w+(?:s|men|people|members|officials|forces|troops|media)$/i.test(text);
  return !words.some((w) => /(?:ism|isms|ity|tion|ment|ance|ence|ology|Revolution|War|Crusade|Day|Treaty|Act|Edict)$/.test(w));
}

const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'did', 'does', 'do', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must']);

/**
 * "Who replaced the Normans?" asks for the subject of "replaced"; a sentence where the Normans replaced
 * someone answers another question. The question's verb is found in the sentence: a subject question
 * ("Who <verb> …") is answered before the verb or by the agent after "by"; an object question ("Who did
 * <someone> <verb>?") is answered after the verb, never by the agent.
 */
function roleConflict(question: Question, c: Candidate, typed: Typed): string | null {
  const asked = askedVerb(question);
  if (!asked) return null;
  const { verb, object } = asked;
  const span = answerTokens(c, typed);
  if (!span) return null;
  const at = c.tokens.findIndex((t) => t.stem === verb.stem);
  if (at < 0) return null;
  const byAgent = at < span[0] && c.tokens.slice(at + 1, span[0]).some((t) => t.lower === 'by');
  if (!object && span[0] > at && !byAgent) return 'the answer is the object, the question asks for the subject';
  if (object && (span[1] < at || byAgent)) return 'the answer is the subject, the question asks for the object';
  return null;
}

/** The verb a who-question asks about, and whether it asks for its object ("Who did <someone> <verb>?") or its subject. */
function askedVerb(question: Question): { verb: Token; object: boolean } | null {
  const words = question.tokens.map((t) => t.lower);
  const w = words.indexOf('who') >= 0 ? words.indexOf('who') : words.indexOf('whom');
  if (w < 0) return null;
  let v = w + 1;
  let object = false;
  if (AUXILIARIES.has(words[v] ?? '')) {
    // "Who was …", "Who is …": a copula names a role, not an action.
    if (['did', 'does', 'do', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must'].includes(words[v]) && words[v + 1] && !AUXILIARIES.has(words[v + 1])) {
      // Past the subject to its verb: the first word after "did" that is neither a function word nor a name.
      // None between ("Who will play Barnet?", "Who will lead the party?"): the question asks for the subject.
      const isName = (i: number) => question.concepts.some((k) => k.entity && k.stems.includes(question.tokens[i].stem));
      const subject = v + 1;
      v = subject;
      while (v < words.length && (STOP_WORDS.has(words[v]) || isName(v))) v++;
      object = v > subject;
    } else if (['has', 'have', 'had'].includes(words[v]) && words[v + 1] && /(?:ed|en)$/.test(words[v + 1])) v = v + 1;
    else return null;
  }
  const verb = question.tokens[v];
  return verb && !STOP_WORDS.has(verb.lower) ? { verb, object } : null;
}

/** Words between a verb and its object that leave the object where it is: "play against Barnet", "face Leeds". */
const OBJECT_LINKS = new Set(['against', 'versus', 'vs', 'v']);

/** Prepositions after which a name is where or when, not whom: "will play in the final at Wembley" names no opponent. */
const PLACE_PREPOSITIONS = new Set(['at', 'in', 'on', 'into', 'from', 'to', 'near', 'outside', 'inside', 'across', 'around', 'through', 'throughout', 'towards', 'toward', 'via', 'during', 'since', 'until']);

/**
 * The name a who-question asks as its verb's object ("Who will Stockport play in the final?"), read after
 * that verb in the sentence, past the question's own words, function words and "against": "will play in the
 * final against Barnet at Wembley" → Barnet. Not across a comma or a clause.
 */
function objectAfter(question: Question, c: Candidate, verb: Token): { text: string; start: number } | null {
  const at = c.tokens.findIndex((t) => t.stem === verb.stem);
  if (at < 0) return null;
  const asked = new Set(question.tokens.map((t) => t.stem));
  for (let j = at + 1; j < c.tokens.length && j <= at + 10; j++) {
    const t = c.tokens[j];
    if (/[,;:.()[\]]/.test(c.text.slice(c.tokens[j - 1].end, t.start))) return null;
    // "… in the final at Wembley": a preposition the question does not use leads to a place, not the object
    if (PLACE_PREPOSITIONS.has(t.lower) && !asked.has(t.stem)) return null;
    if (t.cap && !isCalendarWord(t.lower) && !questionMentions(question, t.raw)) {
      let end = j;
      while (end + 1 < c.tokens.length && c.tokens[end + 1].cap && /^[\s-]$/.test(c.text.slice(c.tokens[end].end, c.tokens[end + 1].start))) end++;
      const text = c.text.slice(t.start, c.tokens[end].end);
      return questionMentions(question, text) ? null : { text, start: t.start };
    }
    if (!STOP_WORDS.has(t.lower) && !OBJECT_LINKS.has(t.lower) && !asked.has(t.stem) && !isCalendarWord(t.lower) && !/^\d/.test(t.raw)) return null;
  }
  return null;
}

function cite(article: IndexedArticle, sentence: number): Citation {
  return { articleId: article.tracked.article.id, headline: article.tracked.article.headline, sentence, text: article.sentences[sentence] };
}

// ---------- understanding, with the corpus ----------


/** Marks names the corpus writes capitalised, and links acronyms with their spelled-out names. */
function enrich(index: CorpusIndex, question: Question): void {
  for (const c of question.concepts) {
    if (!c.entity && !c.weak && index.known(c.stems[0]) && index.properness(c.stems[0]) > 0.6) c.entity = true;
    if (c.entity && TITLE_WORDS.has(c.text.toLowerCase())) c.entity = false;
    for (const name of index.aliasesOf(c.text.toLowerCase())) {
      const stems = tokenize(name).filter((t) => !ORG_NAME_FILLER.has(t.lower)).map((t) => t.stem);
      // "Group of Eight" without its generic word is "eight": one common word cannot stand for a name.
      if (stems.length > 1 || (stems.length === 1 && index.properness(stems[0]) > 0.6)) c.phrases.push(stems);
    }
  }
  const all = question.concepts.map((c) => c.stems[0]);
  for (const { acronym, used } of index.acronymsFor(all)) {
    for (const c of question.concepts) {
      if (used.includes(c.stems[0])) c.phrases.push([stemWord(acronym)]);
    }
  }
  // Demonyms and short forms: "Tajik" ↔ "Tajikistan", "Argentine" ↔ "Argentina", "Iraqi" ↔ "Iraq".
  for (const c of question.concepts) {
    const word = c.text.toLowerCase();
    if (c.weak || !/^[a-z]{4,}$/.test(word) || (index.known(c.stems[0]) && !c.entity)) continue;
    const stripped = word.replace(/(?:ians?|eans?|ese|ish|ines?|ans?|is?|e)$/, '');
    let added = false;
    for (const root of new Set([word, stripped])) {
      if (root.length < 4) continue;
      for (const other of index.properTermsStartingWith(root)) {
        if (c.stems.includes(other)) continue;
        c.stems.push(other);
        added = true;
      }
    }
    if (!c.entity && added && !index.known(c.stems[0])) c.entity = true;
  }
}

function retrievalTerms(question: Question): WeightedTerm[] {
  const terms = new Map<string, number>();
  const put = (stem: string, weight: number) => terms.set(stem, Math.max(terms.get(stem) ?? 0, weight));
  for (const c of question.concepts) {
    const base = c.weak ? 0.3 : c.entity ? 1.2 : 1;
    c.stems.forEach((s, i) => put(s, i === 0 ? base : base * 0.7));
    for (const p of c.phrases) for (const s of p) put(s, (base * 0.8) / Math.sqrt(p.length));
    if (c.leader) for (const s of LEADER_STEMS) put(s, 0.3);
  }
  return [...terms].map(([stem, weight]) => ({ stem, weight }));
}

const TITLE_STEMS = new Set([...TITLE_WORDS].map((t) => stemWord(t)));
const LEADER_STEMS = new Set([...LEADER_TITLES].flatMap((t) => tokenize(t).map((x) => x.stem)));

function conceptIn(c: Concept, stems: Set<string>): boolean {
  if (c.stems.some((s) => stems.has(s))) return true;
  if (c.phrases.some((p) => p.every((s) => stems.has(s)))) return true;
  if (c.leader) for (const s of stems) if (TITLE_STEMS.has(s)) return true;
  return false;
}

function conceptWeight(index: CorpusIndex, c: Concept): number {
  const idf = Math.max(...c.stems.map((s) => (index.known(s) ? index.idf(s) : 0)), index.known(c.stems[0]) ? 0 : index.idf('\u0000unknown'));
  const w = Math.max(0.5, idf);
  if (c.weak) return w * 0.25;
  if (c.leader) return Math.min(w, 2);
  return c.entity ? w * 1.2 : w;
}

/** How much of the question one sentence covers, with its neighbours and headline as context. */
function measure(index: CorpusIndex, question: Question, hit: Hit, cache: Map<string, Set<string>>, weights: Map<Concept, number>): Candidate | null {
  const { article, sentence } = hit;
  const text = article.sentences[sentence];
  const stems = new Set(stemsOf(text));
  for (const word of speakerWords(article, sentence)) stems.add(word);
  // The neighbours and the headline, tokenised only when a concept is missing from the sentence.
  let aroundSet: Set<string> | undefined;
  const around = (): Set<string> => {
    if (aroundSet) return aroundSet;
    aroundSet = new Set<string>();
    const key = `${article.key}:`;
    // The lede (first sentence) sets the scene for the whole story, like the headline.
    const context: [number, string | undefined][] = [[sentence - 1, article.sentences[sentence - 1]], [sentence + 1, article.sentences[sentence + 1]], [-1, article.tracked.article.headline]];
    if (sentence > 1) context.push([0, article.sentences[0]]);
    for (const [i, s] of context) {
      if (!s) continue;
      let set = cache.get(key + i);
      if (!set) cache.set(key + i, (set = new Set(stemsOf(s))));
      for (const x of set) aroundSet.add(x);
    }
    return aroundSet;
  };
  let total = 0;
  let got = 0;
  let inSentence = 0;
  let penalty = 1;
  let inHeadline = 0;
  const headline = (): Set<string> => {
    const key = `${article.key}:-1`;
    let set = cache.get(key);
    if (!set) cache.set(key, (set = new Set(stemsOf(article.tracked.article.headline))));
    return set;
  };
  const matched: Concept[] = [];
  const namesNear: Concept[] = [];
  let offTopic = false;
  for (const c of question.concepts) {
    const w = weights.get(c) ?? 0;
    total += w;
    let m = 0;
    if (conceptIn(c, stems) && privativeFits(c, stems, text, question) && senseFits(c, stems, text, question)) m = 1;
    else if (conceptIn(c, around())) m = c.entity ? 0.7 : 0.5;
    else if (c.stems.some((s) => index.hasTerm(article, s)) || c.phrases.some((p) => p.every((s) => index.hasTerm(article, s)))) m = c.entity ? 0.6 : 0.2;
    if (c.entity && m === 0) return null;
    if (m === 0 && !c.weak) offTopic = true;
    // A name found only elsewhere in the article (not in the sentence, its neighbours or the headline)
    // often belongs to a different fact: "in Europe" three sentences away from "on sale in Japan on 12 December".
    if (c.entity && m < 0.7) penalty = Math.min(penalty, 0.6);
    if (c.required && m < 1) return null;
    if (m === 1) inSentence += w;
    else if (m > 0 && conceptIn(c, headline())) inHeadline += w;
    got += w * m;
    if (m === 1) matched.push(c);
    if (c.entity && m >= 0.7) namesNear.push(c);
  }
  const own = total > 0 ? inSentence / total : 0;
  // The headline frames a sentence that itself states what the question asks about (a word that is no name
  // and not the thing counted): "The factory once employed 2,000 people" does not state "How many people
  // lost their jobs?" because its headline says "… with loss of 430 jobs".
  const framed = matched.some((c) => !c.entity && !c.target && !c.weak) ? own + inHeadline / total : own;
  return { hit, coverage: total > 0 ? (penalty * got) / total : 0, own, framed, matched, offTopic, namesNear, focus: [], entityAt: [], tokens: [], text, stems };
}

/** Tokens and the positions of the matched concepts: only for the few candidates an answer is read from. */
function ready(c: Candidate): Candidate {
  if (c.tokens.length > 0) return c;
  c.tokens = tokenize(c.text);
  for (const k of c.matched) {
    c.tokens.forEach((t, i) => {
      if (k.stems.includes(t.stem) || k.phrases.some((p) => p.includes(t.stem))) (k.entity ? c.entityAt : c.focus).push(i);
    });
  }
  return c;
}

/** Who a sentence is attributed to, with their role: "He emphasized …" still speaks for the Secretary-General. */
function speakerWords(article: IndexedArticle, sentence: number): string[] {
  const a = article.tracked.article;
  const out: string[] = [];
  for (const attribution of a.attributions) {
    if (attribution.sentence !== sentence) continue;
    const person = a.people.find((p) => p.name === attribution.source);
    out.push(...stemsOf(`${attribution.source} ${person?.role ?? ''} ${person?.organisation ?? ''}`));
  }
  return out;
}

// ---------- typed extraction ----------

function extract(index: CorpusIndex, question: Question, c: Candidate, now: Date): Typed | null {
  switch (question.type) {
    case 'when':
      return whenAnswer(question, c, now);
    case 'who': {
      const typed = whoAnswer(question, c);
      // "Libya immediately announced …": the name, without the adverb after it.
      return typed && { ...typed, text: typed.text.replace(/^([^,]*?)(?:\s+\p{Ll}+ly)+(?=,|$)/u, '$1') };
    }
    case 'list':
      return listAnswer(question, c) ?? phraseAnswer(question, c) ?? sentenceAnswer(c, 0.8);
    case 'count': {
      const typed = countAnswer(question, c);
      return typed && { ...typed, text: quantityText(typed.text), countsMore: countsMore(question, typed.text) };
    }
    case 'where':
      return whereAnswer(question, c);
    case 'why':
      return whyAnswer(question, c);
    case 'yesno':
      return yesNoAnswer(index, question, c);
    case 'expand':
      return expandAnswer(question, c);
    default:
      return reportedAnswer(question, c) ?? headAnswer(question, c) ?? phraseAnswer(question, c) ?? sentenceAnswer(c, 0.9);
  }
}

/** The noun phrase in the slot the question's words leave open in the sentence (span.ts). */
function phraseAnswer(question: Question, c: Candidate): Typed | null {
  const pick = spanAnswer(question, c);
  return pick && { text: pick.text, quality: pick.quality, rivals: pick.rivals };
}

const REPORTING = /\b(?:said|says|say|reported|reports|report|announced|announces|stated|states|emphasi[sz]ed|stressed|warned|claimed|added|told \w+|noted|mentioned|confirmed)\s+(?:on \w+(?:, \w+ \d+)?,?\s+)?that\s+/gi;

/** "What did X say / report …?": the clause the sentence reports, after "said that". */
function reportedAnswer(question: Question, c: Candidate): Typed | null {
  if (!/^what (?:did|does|do|has|have|had|will) .+ (?:say|report|announce|state|emphasi[sz]e|stress|warn|claim|add|tell|note|mention|confirm)\b/i.test(question.text)) return null;
  const m = [...c.text.matchAll(REPORTING)][0];
  if (!m) return null;
  const clause = c.text.slice(m.index + m[0].length).replace(/[.;]\s*$/, '').split(/,\s+adding\b|;\s/)[0];
  return clause.split(/\s+/).length >= 3 ? { text: clause, quality: 0.9 } : null;
}

/** Words that end a noun phrase read rightwards: verbs' auxiliaries and the starts of clauses. */
const PHRASE_END = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'has', 'have', 'had', 'can', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'do', 'that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'while', 'whereas', 'because', 'although', 'though', 'if', 'but', 'so', 'than', 'said', 'says']);
const PHRASE_PREPOSITIONS = new Set(['of', 'between', 'in', 'about', 'over', 'for', 'on', 'with', 'to', 'from', 'against', 'among', 'within', 'across', 'into']);

/**
 * "Which border …?", "What role does … play?": the noun phrase the question's head noun heads in the
 * sentence, with its modifiers and the prepositional phrase after it, up to the end of its clause.
 */
function headAnswer(question: Question, c: Candidate): Typed | null {
  if (!question.head) return null;
  const headStem = stemWord(question.head);
  const at = c.tokens.findIndex((t) => t.stem === headStem);
  if (at < 0) return null;
  const gap = (a: number, b: number) => c.text.slice(c.tokens[a].end, c.tokens[b].start);
  let from = at;
  // Modifiers before the head: lower-case content words and names, no punctuation between.
  while (from - 1 >= 0 && from > at - 3 && /^[\s-]+$/.test(gap(from - 1, from)) && !STOP_WORDS.has(c.tokens[from - 1].lower) && !PHRASE_END.has(c.tokens[from - 1].lower) && !/(?:ed|ing)$/.test(c.tokens[from - 1].lower)) from--;
  let to = at;
  if (c.tokens[at + 1] && PHRASE_PREPOSITIONS.has(c.tokens[at + 1].lower) && /^\s+$/.test(gap(at, at + 1))) {
    to = at + 1;
    while (to + 1 < c.tokens.length && to < at + 14) {
      const next = c.tokens[to + 1];
      if (/[,;:.!?()"“”–—]|\s-\s/.test(gap(to, to + 1)) || PHRASE_END.has(next.lower)) break;
      to++;
    }
    // A phrase does not end on a preposition or a conjunction.
    while (to > at && (PHRASE_PREPOSITIONS.has(c.tokens[to].lower) || ['and', 'or', 'the', 'a', 'an'].includes(c.tokens[to].lower))) to--;
  }
  const text = c.text.slice(c.tokens[from].start, c.tokens[to].end);
  const asked = new Set(question.tokens.map((t) => t.stem));
  const news = c.tokens.slice(from, to + 1).filter((t) => !asked.has(t.stem) && !STOP_WORDS.has(t.lower));
  if (news.length === 0) return null;
  return { text, quality: 0.9 };
}

/** The sentence itself as the answer: only as good as its own coverage of the question. */
function sentenceAnswer(c: Candidate, quality: number): Typed {
  return { text: c.text, quality: (quality * Math.min(c.coverage, c.own + 0.1)) / Math.max(c.coverage, 1e-9), whole: true };
}

/** Token distance from position `i` to the nearest of `targets`, with a penalty for crossing a comma. */
function distance(c: Candidate, i: number, targets: number[]): number {
  let best = Infinity;
  for (const t of targets) {
    let d = Math.abs(t - i);
    const a = c.tokens[Math.min(t, i)];
    const b = c.tokens[Math.max(t, i)];
    const between = a && b ? c.text.slice(a.end, b.start) : '';
    if (/;|\s[–—-]\s|—/.test(between)) d += 10;
    else if (/,/.test(between)) d += 3;
    best = Math.min(best, d);
  }
  return best;
}

/**
 * Where one clause ends and another begins inside a sentence: a semicolon, a dash, "while", "but"…, a
 * clause of its own opened by "after", "before", "since"… and a verb's -ing form ("will play Barnet on
 * 17 May after beating Woking on Saturday": the beating was on Saturday), or a full stop the sentence splitter did not split at ("… of 1978.[citation needed] On 28 November 1995, …").
 */
const CLAUSE_BREAK = /;|\s[-–—]\s|,?\s+(?:while|whereas|but)\s|,\s+(?:and|yet|although|though)\s|,?\s+(?=(?:after|before|since|until|without|upon|on)\s+\p{Ll}{2,}ing\b)|(?<=[\p{Ll}\d\])])\.(?:\[[^\]]*\])*\s+(?=\p{Lu})/gu;

/**
 * How many of the question's matched words (names twice) share a clause with the text at `offset`, each
 * counted once however often the clause repeats it: a name written out in full ("Richard Trevithick")
 * does not outweigh the action the question asks about.
 */
export function clauseScore(c: Pick<Candidate, 'text' | 'tokens' | 'matched'>, offset: number): number {
  let from = 0;
  let to = c.text.length;
  for (const m of c.text.matchAll(CLAUSE_BREAK)) {
    if (m.index + m[0].length <= offset) from = m.index + m[0].length;
    else if (m.index >= offset) {
      to = m.index;
      break;
    }
  }
  const inside = c.tokens.filter((t) => t.start >= from && t.end <= to);
  const matches = (k: Concept, t: Token) => k.stems.includes(t.stem) || k.phrases.some((p) => p.includes(t.stem));
  let score = 0;
  for (const k of c.matched) if (!k.entity && inside.some((t) => matches(k, t))) score++;
  // A name is the run of adjacent words of the question's names: "Richard Trevithick" is one name, not two.
  const names = c.matched.filter((k) => k.entity);
  const runs = new Set<string>();
  let run: string[] = [];
  for (const t of [...inside, null]) {
    if (t && names.some((k) => matches(k, t))) run.push(t.stem);
    else if (run.length > 0) {
      runs.add(run.join(' '));
      run = [];
    }
  }
  score += 2 * runs.size;
  return score;
}

function tokenAt(c: Candidate, offset: number): number {
  const i = c.tokens.findIndex((t) => t.end > offset);
  return i < 0 ? c.tokens.length - 1 : i;
}

function whenAnswer(question: Question, c: Candidate, now: Date): Typed | null {
  const article = c.hit.article.tracked.article;
  const reference = article.published.date ? new Date(`${article.published.date}T12:00:00Z`) : now;
  const dates = datesIn(c.text, article, c.hit.sentence, reference);
  if (dates.length === 0) return null;
  let best = dates[0];
  let bestD = Infinity;
  let bestClause = -1;
  for (const d of dates) {
    // In the clause that holds most of what the question names ("… while Oasis will perform in Glasgow on
    // 29 June"), then nearest to the action; names count too, but less than the action itself.
    const at = tokenAt(c, d.at);
    const clause = clauseScore(c, d.at);
    const dist = Math.min(c.focus.length > 0 ? distance(c, at, c.focus) : Infinity, c.entityAt.length > 0 ? distance(c, at, c.entityAt) + 3 : Infinity, c.focus.length + c.entityAt.length === 0 ? 0 : Infinity);
    if (clause > bestClause || (clause === bestClause && dist < bestD)) {
      best = d;
      bestD = dist;
      bestClause = clause;
    }
  }
  const related = relatedEvents(article.events.filter((e) => e.date !== best.event.date), 2);
  const stated = withStatedYear(c.text, best);
  const { date, precision } = stated;
  const statedYear = date.slice(0, 4) !== best.event.date.slice(0, 4);
  // "over the winter of 1973–74": the season and the range the sentence gives around a bare year.
  const wide = statedYear ? null : yearSpan(c.text, best.at, best.event.expression);
  const text = wide?.text ?? best.event.expression + (statedYear ? ` ${date.slice(0, 4)}` : '');
  const endDate = wide?.endYear ? `${wide.endYear}-12-31` : stated.endDate;
  const qualifier = wide?.endYear ? 'range' : stated.qualifier;
  // A year the parser could not fix (model field), or, for dates found here, an undated article naming a
  // day without a year: the answer must not claim one.
  const certainty = best.event.yearCertain === undefined || statedYear ? {} : { yearCertain: best.event.yearCertain, yearIsLatest: best.event.yearIsLatest, dateBasis: best.event.dateBasis, expression: best.event.expression };
  const yearUnknown = best.event.yearCertain !== undefined && !statedYear ? best.event.yearCertain === false : !article.published.date && !/\b\d{4}\b/.test(text) && precision !== 'year';
  return { text, date: { date, endDate, precision, qualifier, ...certainty }, yearUnknown, quality: bestD <= 10 ? 1 : 0.85, related, rivals: dates.length - 1 };
}

/**
 * A bare year as the sentence writes it around the parsed one: a range after it ("1973–74",
 * "1990-1991") and a season before it ("the winter of 1973–74" → "winter of 1973–74"). Null when the
 * sentence adds nothing or the expression is not a bare year.
 */
export function yearSpan(text: string, at: number, expression: string): { text: string; endYear?: string } | null {
  if (!/^\d{4}$/.test(expression) || text.slice(at, at + 4) !== expression) return null;
  const after = text.slice(at + 4).match(/^\s?[–—-]\s?(\d{4}|\d{2})(?![\d%])/);
  let endYear: string | undefined;
  if (after) {
    const end = after[1].length === 2 ? expression.slice(0, 2) + after[1] : after[1];
    if (end > expression) endYear = end;
  }
  const season = text.slice(0, at).match(/\b((?:winter|summer|spring|autumn|fall)\s+of\s+)$/i)?.[1] ?? '';
  if (!endYear && !season) return null;
  return { text: season + text.slice(at, at + 4 + (endYear && after ? after[0].length : 0)), endYear };
}

/** "held in February in 1974": a year the sentence states right after a date without one is that date's year. */
function withStatedYear(text: string, d: { event: { date: string; endDate: string; precision: DatedEvent['precision']; qualifier: DatedEvent['qualifier']; expression: string }; at: number }): DatedEvent {
  const { date, endDate, precision, qualifier, expression } = d.event;
  if (/\b\d{4}\b/.test(expression) || d.at > text.length) return { date, endDate, precision, qualifier };
  const year = text.slice(d.at + expression.length).match(/^,?\s+(?:in|of)\s+(\d{4})\b/)?.[1];
  if (!year || year === date.slice(0, 4)) return { date, endDate, precision, qualifier };
  return { date: year + date.slice(4), endDate: year + endDate.slice(4), precision, qualifier };
}

function questionMentions(question: Question, text: string): boolean {
  return looseIncludes(question.text, text);
}

function whoAnswer(question: Question, c: Candidate): Typed | null {
  const article = c.hit.article.tracked.article;
  const roles = roleMentions(c.text, article, c.hit.sentence);
  const titleConcepts = question.concepts.filter((k) => k.title || k.leader);
  const others = question.concepts.filter((k) => !k.title && !k.leader && !k.weak);

  // "Who is <Name>?" / "What is <Name>'s job?": the person's role.
  const people = personNames(c.text, c.tokens);
  const named = question.names.find(
    (n) => !/^\p{Lu}{2,}$/u.test(n) && (roles.some((r) => r.name.text.includes(n)) || people.some((p) => p.text.includes(n))),
  );
  if (named && (question.detail === 'role' || (titleConcepts.length === 0 && others.every((k) => looseIncludes(named, k.text))))) {
    const r = roles.find((m) => m.name.text.includes(named));
    if (r) return { text: `${r.name.text}, ${r.role}`, quality: 1 };
    return null;
  }
  if (titleConcepts.length > 0) {
    let pick: { text: string; score: number } | null = null;
    for (const r of roles) {
      if (questionMentions(question, r.name.text)) continue;
      for (const alias of c.hit.article.aliases) {
        if (r.stems.has(stemWord(alias.acronym))) for (const t of tokenize(alias.name)) r.stems.add(t.stem);
        else if (tokenize(alias.name).every((t) => r.stems.has(t.stem))) r.stems.add(stemWord(alias.acronym));
      }
      const titleOk = titleConcepts.every((k) => (k.leader ? [...r.stems].some((s) => LEADER_STEMS.has(s)) : k.stems.some((s) => r.stems.has(s))));
      // "shadow home secretary", "former chairman", "deputy leader": another office than the one asked.
      const qualifiers = tokenize(r.role).filter((t) => ROLE_QUALIFIERS.has(t.lower) && !question.tokens.some((q) => q.lower === t.lower));
      if (!titleOk || qualifiers.length > 0) continue;
      // Whatever else the question names (the organisation, the country) must be part of the role.
      const near = new Set(r.stems);
      const nameTok = tokenAt(c, r.name.start);
      c.tokens.forEach((t, i) => {
        if (Math.abs(i - nameTok) <= 8) near.add(t.stem);
      });
      const roleOk = others.every((k) => conceptIn(k, r.stems) || (!k.entity && conceptIn(k, near)));
      if (!roleOk) continue;
      const score = others.filter((k) => conceptIn(k, r.stems)).length;
      if (!pick || score > pick.score) pick = { text: `${r.name.text}, ${r.role}`, score };
    }
    return pick ? { text: pick.text, quality: 1 } : null;
  }
  // "Who did X in 1629": of several agents, the one the sentence ties to the question's number
  // ("described by A in 1551 and by B in 1629" → B; "in 1629 by B").
  for (const m of question.text.matchAll(/\b\d[\d,.]*\d\b|\b\d\b/g)) {
    const n = m[0].replace(/[.]/g, '\\.');
    const tied = c.text.match(new RegExp(`\\bby\\s+(?:the\\s+)?(${AGENT_NAME})\\s+(?:in|on|during|around|about|circa|c\\.)\\s+(?:\\w+\\s+){0,2}${n}(?![\\d])`, 'u')) ?? c.text.match(new RegExp(`(?<![\\d.,])${n}\\s+(?:\\w+\\s+)?by\\s+(?:the\\s+)?(${AGENT_NAME})`, 'u'));
    if (tied && !questionMentions(question, tied[1])) return { text: tied[1].replace(/\s+(?:and|of)$/, ''), quality: 1 };
  }
  // "Who will Stockport play?": the verb's object, named after it.
  const asked = askedVerb(question);
  const object = asked?.object ? objectAfter(question, c, asked.verb) : null;
  if (object) return { text: object.text, quality: 0.9 };
  // "Who did X": the agent after "by", the attributed source, or the nearest name to the verb.
  const anchor = c.focus.length > 0 ? c.focus : c.entityAt;
  for (const i of anchor) {
    const after = c.text.slice(c.tokens[i].end);
    const by = after.match(new RegExp(`^\\s+(?:(?:up)?on\\s+|\\w+\\s+)?by\\s+(?:the\\s+)?(${AGENT_NAME})`, 'u'));
    if (by && !questionMentions(question, by[1])) return { text: by[1].replace(/\s+(?:and|of)$/, ''), quality: 1 };
  }
  for (const a of article.attributions) {
    if (a.sentence === c.hit.sentence && !questionMentions(question, a.source)) return { text: a.source, quality: 0.95 };
  }
  // "following the Taliban's return to power": the owner of the question's action, named as a noun.
  for (const k of c.matched) {
    if (k.entity || k.weak) continue;
    for (const m of c.text.matchAll(POSSESSOR)) {
      if (!k.stems.includes(stemWord(m[2].toLowerCase())) || questionMentions(question, m[1]) || isPlace(article, m[1])) continue;
      return { text: m[1], quality: 0.9 };
    }
  }
  // A who-answer is a person or an organisation, never a place ("Tajikistan-Afghanistan").
  const agents = [...people, ...subjects(c)].filter((p) => !questionMentions(question, p.text) && !isPlace(article, p.text));
  if (agents.length > 0 && anchor.length > 0) {
    agents.sort((a, b) => distance(c, tokenAt(c, a.start), anchor) - distance(c, tokenAt(c, b.start), anchor));
    return { text: agents[0].text, quality: 0.85, rivals: agents.length - 1 };
  }
  return null;
}

/** "the Taliban's return": up to four capitalised words before 's and the noun after it. */
const POSSESSOR = /((?:(?:(?:\p{Lu}\.){2,}|[\p{Lu}][\p{L}-]*)\s+){0,3}(?:(?:\p{Lu}\.){2,}|[\p{Lu}][\p{L}-]*))['’]s?\s+([\p{Ll}]+)/gu;
/** Capitalised words (and one lower-case noun) before a reporting verb: "Azerbaijani media reported". */
const REPORTING_SUBJECT = new RegExp(`((?:${CAPITALISED_WORD}\\s+){1,4}(?:[\\p{Ll}]+\\s+)?)(?:has |have |had )?(?:reported|said|announced|confirmed|stated|claimed|told|revealed|warned)\\b`, 'gu');

/** An agent's name after "by": capitalised words with the particles names take ("Taqi al-Din", "Jerónimo de Ayanz"). */
const AGENT_NAME = `(?:${CAPITALISED_WORD}|of|and|de|al(?:-[\\p{Lu}][\\p{L}'’]*)?)(?:\\s+(?:${CAPITALISED_WORD}|of|and|de|al(?:-[\\p{Lu}][\\p{L}'’]*)?|member states|members|media|officials))*`;

const ROLE_QUALIFIERS = new Set(['shadow', 'former', 'deputy', 'vice', 'acting', 'assistant', 'junior', 'ex', 'interim', 'outgoing', 'incoming', 'late']);

/** A place the parser knows, or a hyphenated pair of them ("Tajikistan-Afghanistan"). */
function isPlace(article: IndexedArticle['tracked']['article'], text: string): boolean {
  const names = new Set(article.places.map((p) => p.name.toLowerCase()));
  const parts = text.toLowerCase().split(/[-–]/);
  return names.has(text.toLowerCase()) || parts.every((p) => names.has(p) || names.has(p.replace(/n$/, '')));
}

/** Capitalised noun phrases right before a reporting verb ("Azerbaijani media reported"). */
function subjects(c: Candidate): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const m of c.text.matchAll(REPORTING_SUBJECT)) {
    const text = m[1].trim();
    if (STOP_WORDS.has(text.toLowerCase())) continue;
    out.push({ text, start: m.index });
  }
  return out;
}

function listAnswer(question: Question, c: Candidate): Typed | null {
  const article = c.hit.article.tracked.article;
  const target = question.concepts.find((k) => k.target);
  const lists = article.lists.filter((l) => l.sentence === c.hit.sentence);
  if (lists.length > 0) {
    const pickList = lists[0];
    return { text: pickList.items.join(', '), items: pickList.items, quality: 1 };
  }
  const found = enumerations(c.text);
  if (found.length === 0) return null;
  const anchor = c.focus.length > 0 ? c.focus : c.entityAt;
  found.sort((a, b) => distance(c, tokenAt(c, a.start), anchor) - distance(c, tokenAt(c, b.start), anchor));
  const e = found[0];
  const labelStems = new Set(tokenize(e.label).map((t) => t.stem));
  const quality = !target || conceptIn(target, labelStems) || conceptIn(target, c.stems) ? 1 : 0.8;
  return { text: e.items.join(', '), items: e.items, quality };
}

/** The unit written after a number, or with it ("90mph"), up to a few words ("light years", "miles per hour"). */
function unitAfter(text: string, n: Pick<NumberMention, 'end'>): string {
  return text.slice(n.end).match(/^[\s-]?(?:light[\s-]years?|(?:miles|kilomet(?:re|er)s|km) (?:per|an|a) hour|km\/h|[\p{L}]+)/u)?.[0] ?? '';
}
const LENGTH_UNIT = /^[\s-]?(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m|feet|ft|yards?|inch(?:es)?|cm|mm|light[\s-]years?)$/i;
const SPEED_UNIT = /^[\s-]?(?:mph|kph|kmh|km\/h|knots?|(?:miles|kilomet(?:re|er)s|km) (?:per|an|a) hour)$/i;

function countAnswer(question: Question, c: Candidate): Typed | null {
  const numbers = numbersIn(c.text, c.tokens);
  const target = question.concepts.find((k) => k.target);
  const wanted = (n: NumberMention): boolean => {
    switch (question.detail) {
      case 'money':
        return n.kind === 'money' || (n.kind === 'count' && /(?:bn|billion|million|m)$/i.test(n.text));
      case 'percent':
        return n.kind === 'percent';
      case 'duration':
        return n.kind === 'duration';
      case 'length':
      case 'speed':
        return (n.kind === 'count' || n.kind === 'duration') && (question.detail === 'speed' ? SPEED_UNIT : LENGTH_UNIT).test(unitAfter(c.text, n));
      case 'times':
        return n.kind === 'ordinal' || n.kind === 'count';
      case 'size': {
        const money = numbers.some((m) => m.kind === 'money');
        return money ? n.kind === 'money' : n.kind === 'count' || n.kind === 'percent';
      }
      default:
        return n.kind === 'count' || n.kind === 'duration' || (n.kind === 'year' && target !== undefined);
    }
  };
  const pool = numbers.filter(wanted);
  const anchor = [...c.focus, ...c.entityAt];
  // A number followed within six words by the counted thing ("267 films", "148 WTO members") is the answer;
  // the question's own word beats a synonym. A length or a speed is no count of what the question names
  // ("How fast were the winds?": "winds of up to 90mph" → 90mph).
  if (target && question.detail !== 'length' && question.detail !== 'speed') {
    let found: { n: NumberMention; end: number; quality: number } | null = null;
    for (const n of pool) {
      const following = c.tokens.slice(n.token + 1, n.token + 7);
      for (let k = 0; k < following.length; k++) {
        const t = following[k];
        if (/[.;,]/.test(c.text.slice(n.end, t.start))) break;
        const quality = t.stem === target.stems[0] ? 1 : target.stems.includes(t.stem) ? 0.9 : 0;
        if (quality > 0) {
          if (!found || quality > found.quality) found = { n, end: t.end, quality };
          break;
        }
      }
    }
    if (found) return { text: c.text.slice(found.n.start, found.end), quality: found.quality, rivals: pool.length - 1 };
    // "pre-orders of more than 1.5 million": the counted thing just before the number.
    for (const n of pool) {
      const preceding = c.tokens.slice(Math.max(0, n.token - 4), n.token);
      const at = preceding.findIndex((t) => target.stems.includes(t.stem));
      if (at >= 0 && !/[.;,]/.test(c.text.slice(preceding[at].end, n.start))) return { text: c.text.slice(preceding[at].start, n.end), quality: 0.9 };
    }
  }
  if (pool.length > 0 && anchor.length > 0) {
    // "15.6% in Italy": a number right before a place or name the question asks about.
    const entityNext = pool
      .map((n) => ({ n, d: Math.min(...c.entityAt.map((e) => (e > n.token && !/[,;]/.test(c.text.slice(n.end, c.tokens[e].start)) ? e - n.token : 99))) }))
      .filter((x) => x.d <= 3)
      .sort((a, b) => a.d - b.d);
    const n = entityNext.length > 0 ? entityNext[0].n : [...pool].sort((a, b) => distance(c, a.token, anchor) - distance(c, b.token, anchor))[0];
    const d = distance(c, n.token, anchor);
    const measured = question.detail === 'length' || question.detail === 'speed' ? unitAfter(c.text, n) : '';
    const unit = n.kind === 'duration' || n.kind === 'ordinal' ? c.tokens.find((t) => t.start >= n.end) : undefined;
    // "for the 21st time" answers "how many times" as "21 times".
    const ordinalTimes = question.detail === 'times' && n.kind === 'ordinal' && /^times?$/i.test(c.tokens.find((t) => t.start >= n.end)?.raw ?? '');
    const text = ordinalTimes ? `${n.text.replace(/(?:st|nd|rd|th)$/i, '')} times` : measured ? c.text.slice(n.start, n.end + measured.length) : unit ? c.text.slice(n.start, unit.end) : n.text;
    return { text, quality: target ? (d <= 4 ? 0.85 : 0.7) : d <= 6 ? 1 : 0.8, rivals: pool.length - 1 };
  }
  // "How many countries are members": count an enumeration.
  if (target && question.detail === undefined) {
    const items = membersOrList(question, c);
    if (items && items.length >= 2) return { text: `${items.length}: ${joinItems(items)}`, items, quality: 0.95 };
  }
  return null;
}

/** "50,000 Protestant Walloons and Huguenots" does not count the Huguenots alone. */
function countsMore(question: Question, text: string): boolean {
  const target = question.concepts.find((k) => k.target);
  if (!target) return false;
  const words = tokenize(text);
  const last = words.findIndex((t, i) => i > 0 && target.stems.includes(t.stem));
  const asked = new Set(question.tokens.map((t) => t.stem));
  return last > 1 && words.slice(1, last).some((t) => !asked.has(t.stem) && !STOP_WORDS.has(t.lower) && !/^\d/.test(t.raw) && /^(?:and|or)$|^\p{Lu}/u.test(t.raw));
}

const NUMBERISH = /\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|quarter|%|per ?cent|bn|m|k)$/i;
const MEASURE_UNIT = /^(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|foot|ft|yards?|inch(?:es)?|cm|mm|acres?|ha|hectares?|square|cubic|tons?|tonnes?|kg|kilograms?|lbs?|pounds?|degrees?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|times|percent|yen|euros?|dollars?|francs?|krone|kroner|marks?|rupees?|yuan|pence|cents?|megawatts?|kilowatts?|watts?|horsepower|hp|mph|knots?|votes?|seats?)$/i;

/**
 * A quantity as the member reads it: the number with its scale and unit ("1.4 million", "40 minutes",
 * "$230 million", "3 miles"), not the words around it ("4 weeks paid", "1973, about twenty different",
 * "£1 of capital"): the clause ends at a comma or bracket, and only a unit of measure follows the number.
 */
export function quantityText(text: string): string {
  if (/:\s/.test(text)) return text;
  const clause = text.split(/,\s|;|\s\(/)[0].trim();
  const words = clause.split(/\s+/);
  let first = words.findIndex((w) => NUMBERISH.test(w.replace(/[^\p{L}\p{N}%]/gu, '')) || /\d/.test(w));
  if (first < 0) return text;
  let last = first;
  while (last + 1 < words.length && (/\d/.test(words[last + 1]) || NUMBERISH.test(words[last + 1]))) last++;
  // "120 light years": the unit's own adjective first.
  if (last + 2 < words.length && /^light$/i.test(words[last + 1]) && /^years?\b/i.test(words[last + 2])) last += 2;
  else if (last + 1 < words.length && MEASURE_UNIT.test(words[last + 1].replace(/[^\p{L}]/gu, ''))) {
    last++;
    if (/^(?:square|cubic)$/i.test(words[last]) && last + 1 < words.length) last++;
    // "186 miles per hour", "40 km an hour": a rate.
    else if (last + 2 < words.length && /^(?:per|an|a)$/i.test(words[last + 1]) && /^(?:hour|second|minute|day)\b/i.test(words[last + 2])) last += 2;
  }
  // "more than 28 days": a bound is part of the quantity.
  if (first >= 2 && /^(?:more|less|fewer)$/i.test(words[first - 2]) && /^than$/i.test(words[first - 1])) first -= 2;
  return words.slice(first, last + 1).join(' ').replace(/[.,;:]+$/, '');
}

function joinItems(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The items a list or membership question asks for, from the parser's lists and organisations or the sentence. */
function membersOrList(question: Question, c: Candidate): string[] | undefined {
  const article = c.hit.article.tracked.article;
  const target = question.concepts.find((k) => k.target);
  const list = article.lists.find((l) => l.sentence === c.hit.sentence);
  if (list && target && conceptIn(target, new Set(stemsOf(list.label)))) return list.items;
  const enumerated = enumerations(c.text)[0];
  if (enumerated && target && conceptIn(target, new Set(stemsOf(enumerated.label)))) return enumerated.items;
  return undefined;
}

function whereAnswer(question: Question, c: Candidate): Typed | null {
  const article = c.hit.article.tracked.article;
  const people = new Set(article.people.map((p) => p.name));
  const places = placesIn(c.text, article, c.hit.sentence).filter(
    (p) => !questionMentions(question, p.text.split(',')[0]) && ![...people].some((n) => n.includes(p.text.split(',')[0])),
  );
  if (places.length === 0) return null;
  const anchor = c.focus.length > 0 ? c.focus : c.entityAt;
  if (anchor.length === 0) return null;
  const scored = places.map((p) => {
    const i = tokenAt(c, p.start);
    let d = distance(c, i, anchor);
    if (anchor.every((a) => a > i)) d += 2; // places after the verb answer "where" more often
    return { p, d };
  });
  scored.sort((a, b) => a.d - b.d);
  return { text: scored[0].p.text, quality: scored[0].d <= 8 ? 1 : 0.75, rivals: places.length - 1 };
}

/** A sentence saying the cause or reason is not known: "the cause … is not yet known", "the reason … remains unclear". */
const UNKNOWN_CAUSE = /\b(?:cause|reason|motive)s?\b[^.;]*?\b(?:(?:is|was|are|were|remains?|remained) not (?:yet )?(?:known|clear)|(?:is|was|are|were|remains?|remained) (?:still )?(?:unknown|unclear|under investigation|being investigated)|(?:has|have) not (?:yet )?been (?:established|determined|confirmed|identified))\b/i;

function whyAnswer(question: Question, c: Candidate): Typed | null {
  const own = (clause: string) => {
    // A clause that merely restates the question's action is not its reason.
    const stems = new Set(tokenize(clause).map((t) => t.stem));
    return question.concepts.filter((k) => !k.entity && !k.weak && conceptIn(k, stems)).length >= 2;
  };
  const reasons = reasonsIn(c.text).filter((r) => !own(r.clause));
  if (reasons.length > 0) {
    const anchor = c.focus.length > 0 ? c.focus : c.entityAt;
    reasons.sort((a, b) => distance(c, tokenAt(c, a.start), anchor) - distance(c, tokenAt(c, b.start), anchor));
    return { text: reasons[0].clause, quality: 1 };
  }
  // "The cause of the fire is not yet known": what the articles say of the reason asked for.
  if (UNKNOWN_CAUSE.test(c.text)) return { text: c.text, quality: 0.9, whole: true, causeUnknown: true };
  const next = c.hit.article.sentences[c.hit.sentence + 1];
  if (next) {
    const r = reasonsIn(next).filter((x) => /^(?:because|due to|as a result|owing to)/i.test(x.marker));
    if (r.length > 0 && /^(?:this|that|it|the move|the decision)\b/i.test(next)) return { text: r[0].clause, quality: 0.9, extraSentences: [c.hit.sentence + 1] };
  }
  return { text: c.text, quality: 0.6, whole: true };
}

function yesNoAnswer(index: CorpusIndex, question: Question, c: Candidate): Typed | null {
  const strong = question.concepts.filter((k) => !k.weak);
  if (!strong.every((k) => conceptIn(k, c.stems) || (k.entity && k.stems.some((s) => index.hasTerm(c.hit.article, s))))) return null;
  if (/\b(?:not|n't|never)\b/i.test(question.text)) return null;
  if (/\b(?:not|no|never|n't|denied|rejected)\b/i.test(c.text)) return { text: c.text, quality: 0.5 };
  return { text: `Yes: ${c.text}`, quality: 1 };
}

function expandAnswer(question: Question, c: Candidate): Typed | null {
  const acronym = question.concepts.find((k) => k.phrases.length > 0 || /^[a-z0-9&]{2,8}$/.test(k.text));
  if (!acronym) return null;
  const aliases = c.hit.article.aliases.filter((a) => a.acronym === acronym.text.toLowerCase());
  if (aliases.length === 0) return null;
  const name = aliases.sort((a, b) => b.name.length - a.name.length)[0].name;
  if (!looseIncludes(c.text, name) && !looseIncludes(c.text, acronym.text)) return null;
  return { text: `${acronym.text.toUpperCase()} stands for ${name}`, quality: 1 };
}
