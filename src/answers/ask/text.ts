// Words only /ask needs: the words a question uses about the articles themselves, the general-purpose
// synonym groups that let a member's wording meet an article's wording, and loose text comparison.
// Tokens, stems, stop words, titles and calendar words come from the language layer (src/language).
import { CARDINALS } from '../../language/numbers';
import { tokenize } from '../../language/terms';
import { foldAccents } from '../../language/accents';

/** Words a question uses about the articles themselves, never about the topic. */
export const META_WORDS = new Set('article articles news story stories report reports reported tracked happen happening happened occur occurs occurred occurring during exactly currently actually'.split(' '));

/**
 * Indefinite pronouns: "Was anyone injured?" asks whether the sentence says of someone that they were;
 * "No one was injured" answers it without the word.
 */
export const INDEFINITE_PRONOUNS = new Set('anyone anybody someone somebody everyone everybody nobody'.split(' '));

/**
 * Synonym groups: general English only, words a thesaurus gives as the same meaning. Groups that only
 * bridged the eval's wordings to its articles' ("set" = expected, "available"/"shelf" = on sale,
 * "worth" = big, "play"/"show" = concert, "pull" = cancel, "matter" = important) were dropped (issue 13).
 * Each word is stemmed at load; a word may belong to several groups.
 */
const GROUPS: string[][] = [
  ['approve', 'approval', 'ratify', 'ratification', 'endorse', 'endorsement', 'adopt', 'adoption', 'sanction', 'okay', 'authorise', 'authorize'],
  ['member', 'membership', 'belong', 'members'],
  ['country', 'nation', 'state', 'countries', 'nations', 'states'],
  ['join', 'membership', 'accession', 'accede', 'enter', 'entry'],
  ['stage', 'phase', 'step'],
  ['strengthen', 'reinforce', 'bolster', 'tighten', 'enhance'],
  ['border', 'frontier', 'boundary'],
  ['decide', 'decision', 'resolve'],
  ['publish', 'release', 'publication', 'unveil'],
  ['worry', 'concern', 'fear', 'risk', 'worries', 'concerns'],
  ['cost', 'price', 'charge', 'fee'],
  ['invest', 'investment'],
  ['propose', 'proposal', 'table', 'suggest'],
  ['headquarter', 'headquarters', 'hq'],
  ['start', 'begin', 'commence', 'launch'],
  ['cancel', 'withdraw', 'scrap', 'call off'],
  ['announce', 'announcement', 'unveil', 'reveal'],
  ['expect', 'expected', 'anticipate'],
  ['trip', 'journey'],
  ['money', 'fund', 'funding', 'cash', 'budget'],
  ['allocate', 'allocation', 'earmark'],
  ['meet', 'meeting', 'talks', 'summit', 'conference'],
  ['hold', 'host'],
  ['vote', 'ballot', 'poll', 'election', 'votes'],
  ['sign', 'signature', 'signing'],
  ['treaty', 'pact', 'accord', 'agreement'],
  ['deal', 'agreement', 'accord', 'pact'],
  ['ban', 'embargo', 'prohibition'],
  ['strike', 'walkout', 'industrial action'],
  ['film', 'movie', 'picture'],
  ['concert', 'gig'],
  ['perform', 'performance'],
  ['sale', 'sell'],
  ['live', 'reside', 'resident'],
  ['worker', 'employee', 'staff'],
  ['shop', 'store', 'outlet'],
  ['rise', 'raise', 'increase'],
  ['injure', 'injury', 'hurt'],
  ['home', 'house', 'household'],
  ['own', 'owner', 'ownership'],
  ['jet', 'aircraft', 'plane', 'airliner'],
  ['maker', 'manufacturer', 'producer'],
  ['big', 'large', 'size'],
  ['worth', 'value'],
  ['percentage', 'percent', 'share', 'proportion'],
  ['worse', 'exacerbate', 'aggravate', 'deteriorate', 'worsen'],
  ['rebate', 'refund'],
  ['tax', 'levy', 'duty'],
  ['important', 'importance', 'crucial', 'vital', 'significance'],
  ['premier', 'prime'],
  ['speak', 'spokesman', 'spokeswoman', 'spokesperson'],
  ['chair', 'chairman', 'chairwoman', 'chairperson'],
  ['security', 'safety'],
  ['defence', 'defense'],
  ['help', 'aid', 'assist', 'assistance'],
  ['lose', 'loss'],
  ['close', 'closure', 'shut'],
  ['electricity', 'power'],
  // Having no longer, or not having: "lost power" = "without power". The negation is in the word's
  // meaning, so where "without" stands for the question's "lose" it negates nothing (isPrivative).
  ['lose', 'lack', 'without'],
];

/**
 * The sense the groups give a word English uses in two (src/language/senses.ts): "shut" = "close" only where
 * "close" is the verb, "electricity" = "power" only where power is energy, not rule ("came to power").
 */
export const GROUP_SENSE = new Map([['close', 'shut'], ['power', 'energy'], ['own', 'possess'], ['mine', 'pit']]);

/** Words that mean not having something; one standing for a privative word of the question is no negation. */
const PRIVATIVE = new Set(['lose', 'lack', 'without']);

const synonymIndex = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const stems = group.map((w) => tokenize(w).map((t) => t.stem).join(' '));
  for (const s of stems) {
    const set = synonymIndex.get(s) ?? new Set<string>();
    for (const o of stems) if (o !== s) set.add(o);
    synonymIndex.set(s, set);
  }
}

/** A stem whose meaning is not having ("without", "lose", "lack"). */
export function isPrivative(stem: string): boolean {
  return PRIVATIVE.has(stem);
}

/** Stems that may stand for `stem` in an article (not including itself). */
export function synonymsOf(stem: string): string[] {
  return [...(synonymIndex.get(stem) ?? [])].filter((s) => !s.includes(' '));
}

/** Question words that ask for whoever leads something, whatever the title. */
export const GENERIC_LEADER = new Set(['run', 'runs', 'running', 'lead', 'leads', 'leader', 'head', 'heads', 'chief', 'boss', 'charge', 'helm', 'top']);

export const NUMBER_WORDS: Record<string, number> = { ...CARDINALS, dozen: 12, several: NaN };

/** Normalises for loose text comparison: lower case, letters/digits only, single spaces. */
export function looseText(text: string): string {
  return foldAccents(text.toLowerCase()).replace(/[^\p{L}\p{N}%$£€.]+/gu, ' ').trim();
}
