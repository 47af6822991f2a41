// Organisations known by name (src/language/organisations.ts KNOWN_ORGANISATIONS): found wherever the
// text names them, and recognised when a name rule meets one ("Tory" → Conservative Party).
import { isAcronym } from '../../language/name-tokens';
import { KNOWN_ORGANISATIONS, NOT_ORG_ACRONYMS, TREASURY_SECURITIES } from '../../language/organisations';
import { PLACES } from '../../language/places';
import type { Sentence } from '../model';
import type { EntityRegistry } from './registry';
import { allMatches } from '../../language/matches';
import { escapeRegex } from '../../language/word-search';

interface Known {
  name: string;
  /** The entry's acronym, if it has one ("EU" for the European Union). */
  acronym?: string;
  /** The name needs "the" before it ("the Independent"). */
  needsThe: boolean;
}

const BY_ALIAS = new Map<string, Known>();
const patterns: string[] = [];
for (const entry of KNOWN_ORGANISATIONS) {
  const name = entry[0].replace(/^the\s+/, '');
  const acronym = entry.slice(1).find((a) => isAcronym(a));
  for (const alias of entry) {
    const needsThe = alias.startsWith('the ');
    const bare = alias.replace(/^the\s+/, '');
    BY_ALIAS.set(bare.toLowerCase(), { name, needsThe, ...(acronym ? { acronym } : {}) });
    const escaped = escapeRegex(bare);
    patterns.push(needsThe ? `(?<=\\b[Tt]he\\s)${escaped}` : escaped);
  }
}
patterns.sort((a, b) => b.length - a.length);
/** Every known name, case-sensitive, whole words, longest first. */
const KNOWN_RE = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${patterns.join('|')})(?![\\p{L}\\p{N}-])`, 'gu');

/** The known organisation a name stands for ("Tories" → Conservative Party), or null. */
export function knownOrganisation(name: string): { name: string; acronym?: string } | null {
  const hit = BY_ALIAS.get(name.toLowerCase().replace(/^the\s+/, ''));
  if (!hit) return null;
  if (hit.needsThe && !/^the\s/i.test(name)) return null;
  return { name: hit.name, ...(hit.acronym ? { acronym: hit.acronym } : {}) };
}

/** Pass: every mention of a known organisation, in every sentence. */
export function findKnownOrganisations(sentences: Sentence[], registry: EntityRegistry): void {
  for (const s of sentences) {
    for (const m of allMatches(KNOWN_RE, s.text)) {
      const hit = BY_ALIAS.get(m[0].toLowerCase());
      if (!hit) continue;
      // "the 30-year Treasury bond": a security, not the department
      if (hit.name === 'Treasury' && TREASURY_SECURITIES.test(s.text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
      registry.addOrg(hit.name, s.index, hit.acronym, [m[0]]);
      registry.markKnown(s.index, m.index, m.index + m[0].length);
    }
  }
}

/**
 * "AT and T", "ZT and Q": capitals joined by a spoken "and", one of two letters and the other of one (a
 * transcript's "AT&T"); not two single letters ("hepatitis B and C", "vitamins D and E", "Plan B and C" list
 * kinds or grades), not "A and B", not two countries or two known bodies ("US and UK", "EU and UN").
 */
const SPELLED_AMPERSAND = /\b(\p{Lu}{1,2}) and (\p{Lu}{1,2})\b(?![\p{L}\p{N}&'’-])/gu;
/**
 * A word whose letters these are: a plural noun ("vitamins D and E", "gates C and D", "hepatitis B and C") or a
 * word letters qualify ("Plan B and C", "vitamin D and E"); not a verb or a function word ("said AT and T").
 */
const LETTERED_BEFORE = /\b(?:[a-z]{2,}s|(?:[Pp]lan|[Tt]ype|[Gg]rade|[Gg]ate|[Cc]lass|[Vv]itamin|[Cc]ategory|[Ll]evel|[Pp]hase|[Ss]tage|[Ss]ection|[Pp]art|[Bb]lock|[Rr]oute|[Ee]xit|[Tt]erminal|[Gg]roup|[Pp]ool|[Mm]odel|[Ss]eries|[Ss]chedule|[Ss]ize|[Rr]ow|[Ww]ing|[Ww]ard|[Pp]latform|[Oo]ption)s?)\s+$/;
const NOT_LETTERED_BEFORE = /\b(?:is|was|has|does|says|its|his|hers|this|as|thus|plus|versus|across|unless|towards|besides|perhaps|whereas)\s+$/;

/** Pass: a company's name spelled out with "and" for its ampersand ("shares of AT and T") is the one name "AT&T". */
export function findSpelledAmpersands(sentences: Sentence[], registry: EntityRegistry): void {
  for (const s of sentences) {
    for (const m of allMatches(SPELLED_AMPERSAND, s.text)) {
      const [, a, b] = m;
      if (a.length + b.length !== 3 || [a, b].some((x) => x === 'A' || x === 'I' || NOT_ORG_ACRONYMS.has(x) || PLACES.has(x.toLowerCase()) || BY_ALIAS.has(x.toLowerCase()))) continue;
      const before = s.text.slice(Math.max(0, m.index - 30), m.index);
      if (LETTERED_BEFORE.test(before) && !NOT_LETTERED_BEFORE.test(before)) continue;
      registry.addOrg(`${a}&${b}`, s.index);
      registry.markKnown(s.index, m.index, m.index + m[0].length);
    }
  }
}

/**
 * The places a Sunday paper is named after ("Wales on Sunday", "Scotland on Sunday", "Ireland on Sunday"). Only these:
 * "Biden told Israel on Sunday that …", "told France on Sunday" are said to the country on a Sunday, in the same words.
 */
const SUNDAY_PAPER_PLACES = new Set(['wales', 'scotland', 'ireland']);
const PLACE_ON_SUNDAY = /\b(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s+on\s+Sunday\b/gu;
const PAPER_BEFORE = /(?:\b(?:told|tells|telling|wrote\s+in|writing\s+in|interview\s+with|(?:news)?paper|tabloid|weekly|columnist\s+for|editor\s+of|according\s+to|reported\s+by|quoted\s+by|quoted\s+in)\s+)$/;
// ("France on Sunday said …", "Iran on Sunday reported …": a country speaking on a Sunday, so no verb of saying here)
const PAPER_AFTER = /^(?:['’]s\s+(?:editor|reporter|columnist|journalist|front\s+page|website|story|report)|\s+(?:newspaper|paper|understands|has\s+learned|has\s+learnt|columnist|editor|journalist|reporter)\b)/;
const PLACE_BEFORE_DAY = /\b(?:in|at|to|from|into|across|throughout|around|near|over|visited|visit|visiting|left|toured|reached)\s+$/;

/**
 * Pass: Sunday newspapers named after a place: "Wales on Sunday", "Scotland on Sunday" is an organisation, and its
 * place word names no place, where the words around it say a paper is meant ("told Wales on Sunday", "Scotland on
 * Sunday understands", "the paper Wales on Sunday", "Wales on Sunday's editor"). After a word of place or movement
 * ("in Wales on Sunday", "flew to Wales on Sunday") it is the place and the day.
 */
export function findSundayPapers(sentences: Sentence[], registry: EntityRegistry): void {
  const mentions = sentences.filter((s) => s.text.includes(' on Sunday')).flatMap((s) => [...allMatches(PLACE_ON_SUNDAY, s.text)]
    .filter((m) => SUNDAY_PAPER_PLACES.has(m[1].toLowerCase()))
    .map((m) => ({ s, m, name: m[0].replace(/\s+/g, ' '), before: s.text.slice(Math.max(0, m.index - 30), m.index), after: s.text.slice(m.index + m[0].length, m.index + m[0].length + 30) })));
  // the paper is named where the words around say so; then every mention of it not after a word of place is the paper's
  const papers = new Set(mentions.filter((x) => !PLACE_BEFORE_DAY.test(x.before) && (PAPER_BEFORE.test(x.before) || PAPER_AFTER.test(x.after))).map((x) => x.name));
  for (const { s, m, name, before } of mentions) {
    if (!papers.has(name) || PLACE_BEFORE_DAY.test(before)) continue;
    registry.addOrg(name, s.index);
    registry.markKnown(s.index, m.index, m.index + m[0].length);
  }
}
