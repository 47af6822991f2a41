// Understanding a member's question: what kind of answer it wants (a date, a person, a list, a
// number, a place, a reason, yes/no) and the concepts an answering sentence must cover.
import { GENERIC_ORG_WORDS } from '../../language/organisations';
import { ONE_EACH, TITLE_WORDS } from '../../language/people';
import { pastFormOf, stemWord } from '../../language/stem';
import { DETERMINERS, MINE_PRONOUN_BEFORE, senseAt, VERB_SAYS_OTHER } from '../../language/senses';
import { NOUN_HOMOGRAPHS, STOP_WORDS } from '../../language/stop-words';
import { tokenize, type Token } from '../../language/terms';
import { GENERIC_LEADER, GROUP_SENSE, INDEFINITE_PRONOUNS, META_WORDS, synonymsOf } from './text';

const TITLE_STEMS = new Set([...TITLE_WORDS].map((w) => stemWord(w)));
/** Words that name a kind of organisation rather than one organisation. */

export type QuestionType = 'when' | 'who' | 'list' | 'count' | 'where' | 'why' | 'yesno' | 'what' | 'expand';

export type Detail = 'year' | 'month' | 'day' | 'money' | 'percent' | 'duration' | 'size' | 'times' | 'role' | 'length' | 'speed';

export interface Concept {
  /** As the member wrote it. */
  text: string;
  /** The word's stem first, then synonyms' stems. */
  stems: string[];
  /** Multi-word alternatives (an acronym's expansion, or the acronym of a spelled-out name). */
  phrases: string[][];
  /** A name or acronym: the answering article must mention it. */
  entity: boolean;
  /** Counts for little ("say", "report"). */
  weak: boolean;
  /** "runs", "head", "leader": any title holder matches. */
  leader: boolean;
  /** A title in the question ("secretary general", "chairman"). */
  title: boolean;
  /** The thing a which/how-many question counts or lists ("countries", "films"). */
  target: boolean;
  /** The head of "what is the <population> of …": a sentence without it does not answer. */
  required: boolean;
  /** A noun that is also a light verb, asked as the noun ("the plan"): "planned", "plans to" do not state it. */
  lightNoun: boolean;
}

export interface Question {
  text: string;
  type: QuestionType;
  detail?: Detail;
  concepts: Concept[];
  /** Tokens of the normalised question (for names the member typed). */
  tokens: Token[];
  /** Capitalised spans the member typed ("Imangali Tasmagambetov", "Glasgow Green"). */
  names: string[];
  /** The noun a what/which question asks for ("which border", "what role"): the answer is a phrase headed by it. */
  head?: string;
  /**
   * The question asks whether something is the member's or someone's it names by a pronoun only ("Is the car
   * mine?", "Was the decision yours?", "Is the house hers?"): no article says whose that is, and a sentence
   * about some car does not answer it.
   */
  ownerByPronoun?: boolean;
}

/** Possessive pronouns standing alone: "mine" only where it is not the pit (homographNoun). */
const OWNER_PRONOUNS = new Set(['mine', 'yours', 'ours', 'hers', 'theirs']);

const PLACE_NOUNS = new Set(['city', 'country', 'place', 'town', 'venue', 'region', 'location', 'capital', 'state', 'area', 'province', 'stadium', 'park']);
const TIME_NOUNS = new Set(['date', 'day', 'year', 'month', 'time', 'week', 'deadline']);
const LIST_NOUNS_PLURAL = /^(?:\w+(?:ies|es|s)|people|children|media)$/;
/** Weak words that stay weak after a determiner: adjectives, and "way". */
const WEAK_ALWAYS = new Set(['new', 'latest', 'current', 'way']);
const WEAK = new Set(['say', 'said', 'talk', 'mention', 'state', 'claim', 'describe', 'expect', 'happen', 'plan', 'want', 'need', 'make', 'take', 'give', 'put', 'come', 'way', 'new', 'latest', 'current', 'raise', 'raised', 'voice', 'voiced', 'express', 'expressed']);

/** Phrases rewritten before tokenising, so idioms meet the article's vocabulary. */
const REWRITES: [RegExp, string][] = [
  [/\bsign(?:s|ed|ing)? off(?: on)?\b/g, 'approve'],
  [/\b(?:green light|go-ahead|go ahead)\b/g, 'approval'],
  [/\bmember (?:states|countries|nations)\b/g, 'members'],
  [/\bbelong(?:s|ed)? to\b/g, 'members of'],
  [/\bpart of\b/g, 'member of'],
  [/\bin charge of\b/g, 'leads'],
  [/\bset aside\b/g, 'allocated'],
  [/\btake place\b/g, 'held'],
  [/\b(?:go|goes|going) on sale\b/g, 'sale'],
  [/\bhit(?:s)? the shelves\b/g, 'sale'],
  [/\bspeaks? for\b/g, 'spokesman for'],
  [/\bwalk(?:s|ed|ing)? out\b/g, 'walkout'],
  [/\bchief executive\b/g, 'chief-executive'],
  [/\bprime minister\b/g, 'premier'],
  [/\bhead of state\b/g, 'president'],
];

export function analyseQuestion(raw: string): Question {
  const text = raw.trim().replace(/\s+/g, ' ');
  let q = text.toLowerCase().replace(/[’`]/g, "'").replace(/[?!.]+$/, '');
  for (const [pattern, replacement] of REWRITES) q = q.replace(pattern, replacement);
  const { type, detail, consumed, head: asked } = classify(q);
  // "which news agency …": the words naming the kind of answer are not something the sentence must contain.
  const answerNouns = new Set<string>();
  const which = q.match(/\bwhich ([a-z]+)(?: ([a-z]+))?/);
  if (which && (type === 'who' || type === 'where' || type === 'when')) {
    answerNouns.add(which[1]);
    if (which[2] && !STOP_WORDS.has(which[2])) answerNouns.add(which[2]);
  }
  const tokens = tokenize(q);
  const headMatch = q.match(/^(?:what|which)(?:'s| is| was| are| were| will be| would be) (?:the |a |an )?([a-z]+) (?:of|for|behind|in|on|from)\b/);
  const head = headMatch && !STOP_WORDS.has(headMatch[1]) ? headMatch[1] : undefined;
  // Capitalisation comes from what the member typed: map normalised tokens back by position in the original.
  const original = tokenize(text);
  const capsByLower = new Map<string, boolean>();
  original.forEach((t, i) => {
    const acronym = t.raw.length >= 2 && t.raw === t.raw.toUpperCase() && /\p{L}/u.test(t.raw);
    if ((i > 0 && t.cap) || acronym) capsByLower.set(t.lower, true);
  });
  const names = capitalSpans(original.slice(1));

  const concepts: Concept[] = [];
  const seen = new Set<string>();
  let targetNext = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const acronym = capsByLower.get(t.lower) === true && /^[a-z]{2,3}$/.test(t.lower) && original.some((o) => o.raw === t.lower.toUpperCase());
    if (consumed.has(t.lower) || INDEFINITE_PRONOUNS.has(t.lower) || ((STOP_WORDS.has(t.lower) || META_WORDS.has(t.lower)) && !acronym && !homographNoun(tokens, i))) continue;
    if (seen.has(t.stem)) continue;
    seen.add(t.stem);
    const leader = GENERIC_LEADER.has(t.lower);
    const title = !leader && (TITLE_WORDS.has(t.lower) || TITLE_STEMS.has(t.stem));
    const generic = GENERIC_ORG_WORDS.has(t.lower) || answerNouns.has(t.lower);
    let target = (type === 'list' || type === 'count') && i > 0 && isTargetPosition(tokens, i);
    if (target && tokens[i + 1] && q.slice(t.end, tokens[i + 1].start) === '-') {
      target = false;
      targetNext = true;
    } else if (targetNext) {
      target = true;
      targetNext = false;
    }
    // A two-sense word takes its synonyms only in the sense they share: "came to power" is no electricity.
    const sense = senseAt(tokens, i);
    const stems = sense !== undefined && sense !== GROUP_SENSE.get(t.stem) ? [t.stem] : [t.stem, ...synonymsOf(t.stem)];
    const past = pastFormOf(t.stem);
    if (past) stems.push(stemWord(past));
    const light = WEAK.has(t.lower) || WEAK.has(t.stem);
    const determined = isDetermined(tokens, i) && !WEAK_ALWAYS.has(t.lower);
    const weak = generic || (light && !determined);
    if (target && /^(countri|nation|state)$/.test(t.stem)) stems.push('member');
    concepts.push({
      text: t.raw,
      stems: [...new Set(stems)],
      phrases: [],
      entity: !generic && capsByLower.get(t.lower) === true,
      // "Who plans to …" asks little with "plans"; "How much would the plan cost?" is about the plan.
      weak,
      leader,
      title,
      target,
      required: head !== undefined && t.lower === head,
      lightNoun: (light && !weak) || (VERB_SAYS_OTHER.has(t.stem) && determined),
    });
  }
  // "How many people lost their jobs?": a count of the jobs counts the people ("with the loss of 430 jobs").
  const target = concepts.find((c) => c.target);
  const owned = tokens.findIndex((t, i) => i > 0 && tokens[i - 1].lower === 'their' && ONE_EACH.has(t.lower));
  if (type === 'count' && target && owned > 0 && !target.stems.includes(tokens[owned].stem)) target.stems.push(tokens[owned].stem);
  const ownerByPronoun = tokens.some((t, i) => OWNER_PRONOUNS.has(t.lower) && !homographNoun(tokens, i)) || undefined;
  return { text, type, detail, concepts, tokens, names, head: asked, ownerByPronoun };
}

/** A noun by its place: right after a determiner, or after one and "new", "latest" ("the new plan"); not "the CSTO expected". */
function isDetermined(tokens: Token[], i: number): boolean {
  if (i >= 1 && DETERMINERS.has(tokens[i - 1].lower)) return true;
  return i >= 2 && DETERMINERS.has(tokens[i - 2].lower) && WEAK_ALWAYS.has(tokens[i - 1].lower);
}

/**
 * A stop word that is also a noun ("mine"), standing as the noun: after a determiner or another noun ("the
 * mine", "coal mine"), or before a content word ("mine workers"). Not the pronoun: "is it mine?", "of mine".
 */
function homographNoun(tokens: Token[], i: number): boolean {
  if (!NOUN_HOMOGRAPHS.has(tokens[i].lower)) return false;
  const content = (t: Token | undefined) => t !== undefined && !STOP_WORDS.has(t.lower) && !META_WORDS.has(t.lower);
  const before = tokens[i - 1];
  // The pronoun's places: after "of", a copula or "and" ("a friend of mine", "it is mine"), and last in a
  // yes/no question ("Was the decision mine?").
  if (before && MINE_PRONOUN_BEFORE.has(before.lower)) return false;
  // After an article, a possessive or "which"/"what" it is the pit, last in the question too ("Were miners
  // trapped in the mine?", "Which mine …?"); "this"/"that" right after the opener are the thing asked of ("Is this mine?").
  const demonstrative = i === 2 && DEMONSTRATIVES.has(before?.lower ?? '') && YES_NO_OPENERS.test(tokens[0].lower);
  if (before && (DETERMINERS.has(before.lower) || before.lower === 'which' || before.lower === 'what') && !demonstrative) return true;
  if (i === tokens.length - 1 && YES_NO_OPENERS.test(tokens[0].lower)) return false;
  return (before !== undefined && (DETERMINERS.has(before.lower) || content(before))) || content(tokens[i + 1]);
}

const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those']);

const YES_NO_OPENERS = /^(?:is|are|was|were|does|do|did|will|can|could|has|have|had|should|would)$/;

/** The first content noun after "which"/"how many"/"what are the" is what is being listed or counted. */
function isTargetPosition(tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && ['the', 'all', 'of'].includes(tokens[j].lower)) j--;
  return j >= 0 && ['which', 'many', 'much', 'are', 'what', 'list', 'name', 'were'].includes(tokens[j].lower);
}

/** Nouns after "which" that ask for a person or an organisation. */
const AGENT_NOUNS = new Set(['person', 'man', 'woman', 'organization', 'organisation', 'company', 'firm', 'group', 'team', 'party', 'agency', 'body', 'entity', 'newspaper', 'paper', 'broadcaster', 'court', 'government', 'institution', 'union', 'bank', 'airline', 'carrier', 'band', 'club', 'university', 'school', 'official', 'member']);

function classify(q: string): { type: QuestionType; detail?: Detail; consumed: Set<string>; head?: string } {
  const consumed = new Set<string>();
  const take = (...words: string[]) => words.forEach((w) => consumed.add(w));
  let m: RegExpMatchArray | null;

  if ((m = q.match(/\bwhat (?:does|do|did|is) ([a-z0-9&.-]{2,10}) (?:stand for|short for|mean)\b/))) {
    take('stand', 'short', 'mean');
    return { type: 'expand', consumed };
  }
  if (/^(?:when|by when|until when|since when)\b/.test(q) || /\bhow soon\b/.test(q) || /\bhow long ago\b/.test(q)) {
    take('when', 'soon', 'long', 'ago');
    return { type: 'when', consumed };
  }
  if ((m = q.match(/\b(?:what|which) (date|day|year|month|time|week)\b/)) || (m = q.match(/\bon what (date|day)\b/))) {
    take('date', 'day', 'year', 'month', 'time', 'week');
    return { type: 'when', detail: m[1] === 'year' ? 'year' : m[1] === 'month' ? 'month' : m[1] === 'day' || m[1] === 'date' ? 'day' : undefined, consumed };
  }
  if (/^why\b/.test(q) || /\b(?:what|what's) (?:is |was |were |are )?the reasons? (?:for|why|behind)\b/.test(q) || /\bfor what reason\b/.test(q) || /\bwhat (?:caused|led to|prompted)\b/.test(q) || /^how come\b/.test(q)) {
    take('why', 'reason', 'reasons', 'caused', 'led', 'prompted', 'come', 'behind');
    return { type: 'why', consumed };
  }
  if (/\bhow many times\b/.test(q)) {
    take('many', 'times', 'time');
    return { type: 'count', detail: 'times', consumed };
  }
  if (/\bhow (?:fast|quick|quickly)\b/.test(q)) {
    // "How fast were the winds?": a speed ("90mph").
    take('fast', 'quick', 'quickly');
    return { type: 'count', detail: 'speed', consumed };
  }
  if (/\bhow (?:long|far(?: away)?) (?:is|was|are|were)\b/.test(q) && !/\bhow long (?:is|was|are|were) (?:it|there)\b/.test(q) && !/\bhow long (?:is|was|are|were) .+ (?:\w+(?:ed|en|ing)|open|shut|down|out|off|away)$/.test(q)) {
    // "How long is the border?": a length, not a duration.
    take('long', 'far', 'away');
    return { type: 'count', detail: 'length', consumed };
  }
  if ((m = q.match(/\bhow (many|much|big|large|long|far|old)\b/))) {
    take(m[1]);
    if (m[1] === 'far') take('away');
    const detail: Detail | undefined = m[1] === 'much' ? muchOf(q) : m[1] === 'long' ? 'duration' : m[1] === 'far' ? 'length' : m[1] === 'big' || m[1] === 'large' ? 'size' : undefined;
    return { type: 'count', detail, consumed };
  }
  // "What is the cost of the plan?", "What will the line cost?": a sum of money, whatever the wording.
  if (/^what(?:'s| is| was| will be| would be) the (?:\w+ )?(?:cost|price|bill|budget)s? (?:of|for)\b/.test(q) || /^what (?:will|would|does|did|do|could|might) .+ cost$/.test(q)) {
    return { type: 'count', detail: 'money', consumed };
  }
  if ((m = q.match(/\bwhat (percentage|percent|proportion|share|number|amount|sum|fraction)\b/))) {
    take(m[1]);
    return { type: 'count', detail: m[1] === 'number' || m[1] === 'amount' || m[1] === 'sum' ? (m[1] === 'number' ? undefined : 'money') : 'percent', consumed };
  }
  if (/^where\b/.test(q)) {
    take('where');
    return { type: 'where', consumed };
  }
  if ((m = q.match(/\b(?:in |at )?(?:which|what) (city|country|place|town|venue|region|location|capital|stadium|park|area|province)\b/))) {
    take(m[1]);
    return { type: 'where', consumed };
  }
  if ((m = q.match(/\bwhat(?:'s| is| was) (?:\w+(?: \w+)?)'s? (job|role|title|position|post)\b/)) || (m = q.match(/\bwhat (job|role|title|position|post) does (?!the\b|this\b|that\b|a\b|an\b|it\b)/))) {
    take(m[1]);
    return { type: 'who', detail: 'role', consumed };
  }
  // "Name a luxury division …", "Name one country …": one item, the phrase in the slot, not a list.
  if ((m = q.match(/^name (?:a|an|one|any) ([a-z]+)/))) {
    take('name');
    return { type: 'what', consumed, head: m[1] };
  }
  if (/^(?:list|name)\b/.test(q) || /^(?:what|which|who) (?:are|were) the\b/.test(q) || /\bwhat (?:\w+ ){0,4}(?:does|do|did) (?:\w+ ){0,6}(?:include|involve|consist of|comprise)\b/.test(q)) {
    take('list', 'name', 'include', 'involve', 'consist', 'comprise');
    // "what are the stages" is a list; "who are the members" too.
    return { type: 'list', consumed };
  }
  if ((m = q.match(/^what (\w+) (?:does|do|did|will|would|has|have)\b/)) && LIST_NOUNS_PLURAL.test(m[1]) && !/(?:ss|us|is|news)$/.test(m[1])) {
    return { type: 'list', consumed: new Set(['include', 'have', 'contain']) };
  }
  // "What concerns are raised …", "What role does the plan play …": a phrase headed by that noun.
  if ((m = q.match(/^(?:what|which) ([a-z]+) (are|were|is|was|has|have|had|does|do|did|will|would|can|could)\b( [a-z]+(?:ed|en)\b)?/)) && (!LIST_NOUNS_PLURAL.test(m[1]) || /(?:ss|us|is|news)$/.test(m[1]) || m[3] !== undefined) && !STOP_WORDS.has(m[1]) && !TIME_NOUNS.has(m[1]) && !PLACE_NOUNS.has(m[1]) && !AGENT_NOUNS.has(m[1]) && !TITLE_WORDS.has(m[1])) {
    return { type: 'what', consumed, head: m[1] };
  }
  if ((m = q.match(/\bwhich (\w+)/))) {
    const noun = m[1];
    if (PLACE_NOUNS.has(noun)) return { type: 'where', consumed: new Set([noun]) };
    if (TIME_NOUNS.has(noun)) return { type: 'when', consumed: new Set([noun]) };
    if (LIST_NOUNS_PLURAL.test(noun) && !/(?:ss|us|is|news)$/.test(noun)) return { type: 'list', consumed };
    if (AGENT_NOUNS.has(noun) || TITLE_WORDS.has(noun) || STOP_WORDS.has(noun)) return { type: 'who', consumed };
    return { type: 'what', consumed, head: noun };
  }
  if (/^(?:who|whom|whose)\b/.test(q)) return { type: 'who', consumed };
  if (YES_NO_OPENERS.test(q.match(/^[a-z]+/)?.[0] ?? '')) return { type: 'yesno', consumed };
  return { type: 'what', consumed };
}

/** Nouns "how much" asks about that are not money: "How much land has burned?" asks a quantity of land. */
const MONEY_NOUNS = new Set(['money', 'cash', 'funding', 'funds', 'debt', 'profit', 'revenue', 'tax', 'compensation', 'aid', 'investment', 'pay', 'salary', 'income', 'spending', 'budget']);

/** What "how much" asks for: money, unless a noun that is not money follows: an amount of it ("how much land"), or a duration ("how much time"). */
function muchOf(q: string): Detail | undefined {
  const noun = q.match(/\bhow much (?:more |less )?([a-z]+)/)?.[1];
  if (!noun || STOP_WORDS.has(noun) || MONEY_NOUNS.has(noun) || /^(?:will|would|could|can|should|might|must|has|have|had|did|does|do|is|was|are|were)$/.test(noun)) return 'money';
  return noun === 'time' ? 'duration' : 'size';
}

/** Runs of capitalised words ("Imangali Tasmagambetov", "Glasgow Green"), joined with particles. */
export function capitalSpans(tokens: Token[]): string[] {
  const spans: string[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) spans.push(current.map((t) => t.raw).join(' '));
    current = [];
  };
  for (const t of tokens) {
    if (t.cap && !STOP_WORDS.has(t.lower)) current.push(t);
    else flush();
  }
  flush();
  return spans;
}
