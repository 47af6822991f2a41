// Words English uses in two senses that a search must not take for one: "close" the verb (shut) and the
// adjective (near, narrow), "power" as rule ("came to power") and as electricity ("power cuts"), and a
// noun that is also a light verb ("the plan" against "planned to"). Each is read from the words around it.
import { STOP_WORDS } from './stop-words';

/** The minimal shape of a word in running text (src/language/terms' Token). */
interface Word {
  lower: string;
  stem: string;
  raw: string;
}

/** Words before a bare "close" that make it the adjective (near, narrow), not the verb (shut): "was close", "came close to". */
const ADJECTIVE_CUES = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'very', 'too', 'so', 'how', 'as', 'remain', 'remains', 'remained', 'stay', 'stays', 'stayed', 'come', 'comes', 'came', 'coming', 'get', 'gets', 'got', 'getting']);

/** Words before "power" that make it rule: "came to power", "in power", "ousted from power", "seized power". */
const RULE_BEFORE = new Set(['to', 'in', 'into', 'from', 'seize', 'seized', 'seizes', 'seizing', 'grab', 'grabbed', 'regain', 'regained', 'retain', 'retained', 'consolidate', 'consolidated', 'cling', 'clung']);

/** Words after which "mine" is the pronoun: "a friend of mine", "it is mine", "yours and mine". */
export const MINE_PRONOUN_BEFORE = new Set(['of', 'is', 'are', 'was', 'were', 'be', 'been', 'and', 'or', 'than', 'like']);

/** Determiners: a word after one is a noun ("the plan", "its power"). */
export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my']);

/** Words after which a light word is the verb: "to plan", "will plan", "they plan". */
const VERB_BEFORE = new Set(['to', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'shall', 'did', 'do', 'does', 'not', 'never', 'they', 'we', 'i', 'you', 'he', 'she', 'it', 'who', 'which', 'also', 'now', 'still']);

/**
 * The sense a two-sense word has at `i` ("close": 'near' or 'shut'; "power": 'rule' or 'energy'), or
 * undefined for a word with one sense.
 */
export function senseAt(words: readonly Word[], i: number): string | undefined {
  const w = words[i];
  const before = words[i - 1]?.lower;
  // "the mine", "coal mine" against "the decision was mine", "a friend of mine"
  if (w.lower === 'mine') return before !== undefined && MINE_PRONOUN_BEFORE.has(before) ? 'pronoun' : 'pit';
  if (w.lower === 'close') return before !== undefined && ADJECTIVE_CUES.has(before) ? 'near' : 'shut';
  if (w.stem === 'close') return 'shut';
  // "its own staff", "the broadcaster's own station" are no owning; "owns", "owned", "owner" are.
  if (w.lower === 'own') return before !== undefined && (DETERMINERS.has(before) || before === 's') ? 'self' : 'possess';
  if (w.stem === 'own') return 'possess';
  if (w.lower === 'power') {
    const next = words[i + 1];
    // "to power the homes", "to power 10,000 homes", "in power prices": the electricity that powers them.
    const ends = next === undefined || (STOP_WORDS.has(next.lower) && !DETERMINERS.has(next.lower)) || /^\p{Lu}/u.test(next.raw) || /ing$/.test(next.lower);
    return before !== undefined && RULE_BEFORE.has(before) && ends ? 'rule' : 'energy';
  }
  return undefined;
}

/**
 * Whether the word at `i`, written as an irregular verb's past form (`past`: "found", "left", "fed", see
 * pastFormOf), is that verb: "was found", "left the party", not "the left", "his left foot", "Smith's left"
 * nor "the Fed" (written with a capital inside the sentence); `hyphened`: a hyphen follows it ("left-back").
 * "founded" shares the stem of "found" but is another verb.
 */
export function pastVerbAt(words: readonly Word[], i: number, past: string, hyphened: boolean): boolean {
  const w = words[i];
  if (w.lower !== past || hyphened) return false;
  if (i > 0 && w.raw !== past) return false;
  const before = words[i - 1]?.lower;
  return before === undefined || !(DETERMINERS.has(before) || before === 's');
}

/**
 * Nouns whose verb says another thing: "the score" (2-1) is not "scored" (a goal), "the record" not
 * "recorded", "the bill" not "billed". Asked as the noun, only the noun states them (see nounAt).
 */
export const VERB_SAYS_OTHER = new Set(['score', 'record', 'bill', 'book', 'rate', 'ship', 'board', 'train', 'park']);

/**
 * Whether a noun that is also a light verb ("plan", "claim", "need") stands at `i` as the noun: after a
 * determiner ("the plan", "the plans to build"), or not as the verb ("planned", "plans to", "will plan").
 */
export function nounAt(words: readonly Word[], i: number): boolean {
  const before = words[i - 1]?.lower;
  if (before !== undefined && DETERMINERS.has(before)) return true;
  const w = words[i].lower;
  if (/(?:ed|ing)$/.test(w) && !/(?:ed|ing)$/.test(words[i].stem)) return false;
  if (words[i + 1]?.lower === 'to') return false;
  return before === undefined || !VERB_BEFORE.has(before);
}
