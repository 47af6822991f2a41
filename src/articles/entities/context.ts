// The context pass: capitalised names the name rules left open ("Gazprom", "Coldplay", "Ledbury") are
// decided by the words around their mentions. An organisation: a descriptor next to it ("energy giant
// Gazprom", "Unison, Britain's biggest union"), a role or person it owns ("Oxfam's Barbara Stocking"),
// numbers it owns ("Unison's 800,000 workers"), a plural verb ("Coldplay have announced"), speech
// ("Sony has said"), or coordination with an organisation ("Airbus and Boeing"). A place: a preposition
// of place ("from Ledbury", "near Kinross"), a county after it ("Hartpury, Gloucestershire"), a list
// with places. With no evidence, nothing is said.
import { isAcronym } from '../../language/name-tokens';
import { BUSINESS_RELATIONS, ORG_ATTRIBUTES, ORG_DESCRIPTORS, ORG_HEADS } from '../../language/organisations';
import { FIRST_NAMES, PORTFOLIO_WORDS, REPORTING_VERBS, ROLE_SET } from '../../language/people';
import { DEMONYMS, PLACE_HEADS, US_STATE_ABBREVIATIONS } from '../../language/places';
import { CAPITALISED_STOPWORDS } from '../../language/stop-words';
import type { Sentence } from '../model';
import { NATIONAL_ADJECTIVE, personWithContext, placeByName, workTitleBefore } from './names';
import { ADVERB, basedOrFrom, PAST_TENSE, ROLE_ADJECTIVE } from './roles';
import type { EntityRegistry, PendingName } from './registry';

const DESCRIPTOR_BEFORE = new RegExp(`\\b(?:${[...ORG_DESCRIPTORS].join('|')})\\s*,?\\s*$`);
const DESCRIPTOR_APPOSITIVE = new RegExp(`^,\\s+(?:the|a|an|its|their|\\p{Lu}[\\p{L}&.-]*['’]s)\\s+(?:[\\p{L}-]+\\s+){0,5}?(?:${[...ORG_DESCRIPTORS].join('|')})\\b`, 'u');
const ATTRIBUTE_AFTER = new RegExp(`^\\s+(?:${[...ORG_ATTRIBUTES].join('|')})\\b`);
// not "X and defense secretary Y": a list of people
const ROLE_AFTER = new RegExp(`^\\s+(?:(?!and\\b|or\\b)[a-z]+\\s+){0,2}(?:${[...ROLE_SET].filter((r) => !r.includes(' ')).join('|')})\\s+(?:\\p{Lu}|said|says|told)`, 'u');
const ROLE_OF = new RegExp(`\\b(?:spokes(?:man|woman|person)|officials?|chief|director|head|chairman|boss|executives?|members?|staff|workers?)\\s+(?:for|of|at|from)\\s+$`);
const VERB = REPORTING_VERBS.filter((v) => !v.includes(' ')).join('|');
const SPEECH_AFTER = new RegExp(`^\\s+(?:has\\s+|have\\s+|had\\s+)?(?:also\\s+|not\\s+yet\\s+|now\\s+|already\\s+)?(?:${VERB})\\b`);
/**
 * What an organisation does or is said to do: "Konami has announced", "Sony plans", "Boeing delivered",
 * "Airbus is". Not a work's passive ("Sideways was nominated", "Halo 2 was released"): films, games and
 * books are spoken of so.
 */
const CLAUSE_AFTER = new RegExp(`^\\s+(?:(?:has|had|is|was|will|would|could)\\b(?!\\s+(?:been\\s+)?(?:nominated|released|directed|written|shown|screened|set|based|published|played|performed|sung|voted|named|adapted|filmed|broadcast|dubbed|rated|reviewed|described)\\b)|plans|wants|hopes|agreed|overtook|delivered|bought|sold|owns|expects|accused|announced|employs|hired|launched|acquired|merged|invested|said|says|${VERB})\\b`);
/** Words that make the capitalised name after them a work, not an organisation ("the film Sideways", "hit album X&Y"). */
const WORK_BEFORE = /\b(?:film|films|movie|movies|album|albums|single|singles|song|songs|game|games|title|titles|show|shows|series|programme|programmes|sitcom|drama|documentary|book|books|novel|novels|play|musical|opera|ballet|track|hit|hits|blockbuster|sequel|version|console|handheld|device|phone|model|brand|product|products)\s+$/;
/**
 * What only a company owns or does, whatever its name looks like and wherever it stands in the sentence:
 * "shares of X", "a 15% stake in X", "X posted a $6 million loss", "X said its", "X's shares", "X, based in".
 */
const COMPANY_BEFORE = /\b(?:shares|stock|stakes?|shareholders|stockholders|subsidiary|subsidiaries|takeover|acquisition)\s+(?:of\s+(?:its\s+)?(?:common|preferred|class\s+\p{Lu})\s+(?:stock|shares)\s+)?(?:of|in|to)\s+$/u;
const COMPANY_RESULT_AFTER = /^\s+(?:(?:has|had|also|will|would|is|was)\s+)*(?:posted|reported|recorded|booked|earned)\s+(?:\S+\s+){0,5}?(?:loss|losses|profit|profits|income|earnings|revenue|revenues|deficit)\b/;
/**
 * "Nashua strengthened its poison-pill plan", "Mobil is cutting back its", "Acme said that its": a verb of what
 * a company does to its own business, then "its". Not any verb: "Biden praised its courage", "Mariupol lost its
 * last hospital" speak of a person or a place.
 */
const COMPANY_VERBS = 'cut|cuts|cutting|raised?|raises|raising|reported|reports|posted|posts|boosted|boosts|increased|increases|reduced|reduces|reducing|lowered|lowers|trimmed|trims|slashed|slashes|expanded|expands|expanding|strengthened|strengthens|sweetened|sold|sells|selling|spun|acquired|completed|closed|closes|closing|suspended|suspends|resumed|omitted|declared|priced|filed|issued|extended|withdrew|terminated|amended|restructured|restructuring|refinanced|redeemed|repurchased|bought|buying|said|says|expects|expected|plans|planned';
const ITS_AFTER = new RegExp(`^\\s+(?:(?:has|had|also|is|was|will|would)\\s+)*(?:${COMPANY_VERBS})\\s+(?:(?:back|up|down|out|off|that)\\s+)?its\\s`);
const COMPANY_DEAL_AFTER = /^\s+(?:(?:has|had|also)\s+)?agreed\s+to\s+(?:sell|buy|acquire|purchase|merge)\b/;
/** The parts of a company ("the X unit", "X's subsidiary"): one list, from the organisation attributes. */
const COMPANY_PARTS = [...ORG_ATTRIBUTES].filter((w) => /^(?:unit|units|subsidiary|subsidiaries|division|affiliate)$/.test(w)).join('|');
/** Armies and police have units too: "the Bakhmut army units" are a place's. */
const NOT_COMPANY_PART = /^\s+(?:army|military|police|combat|infantry|tank|artillery|special|elite|border|defen[cs]e|naval|navy|marine|security|rescue|emergency|fire|medical|intensive|care|housing|residential|paramilitary|militia|rebel|guerrilla)\s/;
/**
 * What a company owns: "X's shares", "X's record earnings", "X's assembly plant", "X's chief executive". Not a plant of any kind: a
 * town has a nuclear or a power plant ("Zaporizhzhia's nuclear plant").
 */
const COMPANY_OWNS = new RegExp(`^\\s*(?:(?:[a-z-]+\\s+){0,2}?(?:shares|stock|share\\s+price|earnings|profits?|net\\s+income|revenues?|shareholders|stockholders|${COMPANY_PARTS}|directors|headquarters|chief\\s+(?:executive|financial\\s+officer|operating\\s+officer)|board\\s+of\\s+directors)|(?:(?:assembly|manufacturing|production|bottling|car|truck|engine|chip|steel)\\s+)?(?:plants?|factory|factories))\\b`);
/** "the MGM Grand Air unit": a part of a company is one */
const SUBSIDIARY_AFTER = new RegExp(`^\\s+(?:[a-z-]+\\s+)?(?:${COMPANY_PARTS})\\b`);
/** "the Maariv newspaper", "the Aeroflot airline": after "the", a noun saying what kind of body the name is ("the Kherson group of forces" is a place's) */
const KIND_AFTER = /^\s+(?:newspaper|daily|weekly|magazine|news\s+agency|agency|airline|carrier|bank|broadcaster|network|militia|party|movement|group(?!\s+of\b)|company|firm)\b/;
/**
 * Nouns only a business is: ", the carmaker,", ", the world's biggest brewer," — the noun ends the appositive: not
 * ", the firm's chairman", ", the bank governor," or ", the airline boss," (a person), nor "Overall, the retailer said".
 */
const BUSINESS_KINDS = '(?:carmaker|automaker|car\\s+maker|company|firm|retailer|airline|carrier|bank|insurer|manufacturer|maker|brewer|conglomerate|supermarket|supermarket\\s+chain|chain|publisher|broadcaster|drugmaker|chipmaker|oil\\s+giant|giant)';
/**
 * ", based in Ohio"; ", its current source of chassis": an appositive with "its" and a noun only a business is.
 * Not ", its owner", ", its biggest rival", ", its customer": a person is those too.
 */
const COMPANY_APPOSITIVE = new RegExp(`^,\\s+(?:(?:which\\s+is\\s+)?based\\s+in\\s+\\p{Lu}|its\\s+(?:[a-z-]+\\s+){0,3}(?:${BUSINESS_RELATIONS.join('|')})\\b|the\\s+(?:[a-z'’-]+\\s+){0,3}?${BUSINESS_KINDS}(?=\\s*(?:[,;:.)]|$)))`, 'u');

function companyEvidence(p: PendingName, registry: EntityRegistry): boolean {
  const { before, after } = p;
  if (workTitleBefore(before, WORK_BEFORE)) return false;
  // a sentence's first word is capitalised whatever it is: a word the article also writes in lower case is no company
  // (nor a gerund or a verb in the past tense: "Sorting out its debt …")
  const first = p.words[0].toLowerCase();
  if (p.initial && (registry.lowerCaseWords.has(first) || ADVERB.test(first) || PAST_TENSE.test(first) || /\p{Ll}ing$/u.test(first))) return false;
  // ", its current source of chassis": only a business is that, whatever its name looks like ("John Deere")
  if (!p.possessive && COMPANY_APPOSITIVE.test(after)) return true;
  // otherwise a name shaped like a person's ("Mike Ashley, its owner", "Elon Musk's factories") is not made a company here
  if (p.personLike) return false;
  if (p.possessive) return COMPANY_OWNS.test(after) && !placeByName(p.name);
  if (COMPANY_BEFORE.test(before) || COMPANY_RESULT_AFTER.test(after)) return true;
  // the weaker signals do not outweigh a place: "Officials in Kherson said its bridges …", "the Bakhmut army units"
  if (placeByName(p.name) || PLACE_BEFORE.test(before)) return false;
  if (ITS_AFTER.test(after) || (SUBSIDIARY_AFTER.test(after) && !NOT_COMPANY_PART.test(after))) return true;
  if (/\bthe\s+$/i.test(before) && KIND_AFTER.test(after)) return true;
  return COMPANY_DEAL_AFTER.test(after);
}

const PLURAL_AFTER = /^\s+(?:have|are|were)\b/;
const PLACE_BEFORE = /(?:\b(?:in|near|outside|throughout|visiting|visit|visits|visited|flew\s+to|travelled\s+to|traveled\s+to|moved\s+to|returned\s+to|back\s+to|towns?\s+of|city\s+of|village\s+of|province\s+of|region\s+of|district\s+of|county\s+of|island\s+of|port\s+of)\s+)$/;
const PLACE_OF = /\b(?:towns?|city|village|province|region|district|county|island|port)\s+of\s+$/;
/** "from Bromesberrow, near Ledbury", "at Balado, near Kinross": these prepositions lead to a company as often, so they need a place beside. */
const WEAK_PLACE_BEFORE = /\b(?:from|at)\s+$/;
const PLACE_AFTER_AREA = /^\s+(?:area|district|region|constituency|town|village|suburb)\b/;

interface Decision {
  kind: 'organisation' | 'place' | 'person';
}

function orgEvidence(p: PendingName, registry: EntityRegistry): boolean {
  const { before, after } = p;
  if (workTitleBefore(before, WORK_BEFORE)) return false;
  // "the carrier Dwight D. Eisenhower": a name with a middle initial is a person's (or a ship named after one), never a body
  if (/^\p{Lu}[\p{L}'’-]+\s+\p{Lu}\.\s+\p{Lu}/u.test(p.name)) return false;
  if (DESCRIPTOR_BEFORE.test(before)) return true;
  if (DESCRIPTOR_APPOSITIVE.test(after)) return true;
  if (ROLE_OF.test(before)) return true;
  if (ATTRIBUTE_AFTER.test(after) && !p.possessive && !p.initial) return true;
  // ("his Cambodian interpreter X": a nationality before a role is where the role is held, not a body)
  if (!p.possessive && ROLE_AFTER.test(after) && !(p.words.length === 1 && NATIONAL_ADJECTIVE.test(p.name))) return true;
  if (p.possessive) {
    // "Unison's 800,000 workers", "Oxfam's Barbara Stocking", "Labour's head of …", "Konami's Pro Evo"
    if (/^\s*\d/.test(after)) return true;
    if (/^\s*(?:Mr|Mrs|Ms|Dr)\s/.test(after)) return true;
    const next = /^\s*((?:[a-z]+\s+){0,2})([\p{L}-]+)/u.exec(after);
    if (next && ROLE_SET.has(next[2].toLowerCase())) return true;
    const person = /^\s*(\p{Lu}[\p{L}'’-]+)\s+(\p{Lu}[\p{L}'’-]+)/u.exec(after);
    if (person && (FIRST_NAMES.has(person[1].toLowerCase()) || registry.people.has(`${person[1]} ${person[2]}`.toLowerCase()))) return true;
    if (person && !/\bthe\s+$/i.test(before) && p.words.length === 1) return true;
  }
  // "GT4 will not be ready", "Halo 2 has": a name with digits is as often a product; only the evidence above counts
  if (/\d/.test(p.name)) return false;
  const singular = !/s$/.test(p.words[p.words.length - 1]);
  if (PLURAL_AFTER.test(after) && singular && !p.possessive) return true;
  // "Wong Kwan said", "Pol Pot was": a name shaped like a person's is not made an organisation by its verb;
  // nor is one that a pronoun of a person follows ("Kuchma said he would")
  if (p.personLike || pronounFollows(after)) return false;
  if (!p.initial && !p.possessive && CLAUSE_AFTER.test(after)) return true;
  if (p.initial && !p.possessive && singular && SPEECH_AFTER.test(after)) return true;
  return false;
}

function placeEvidence(p: PendingName): boolean {
  const { before, after } = p;
  // "the Ashburn area", "move to Ashburn village": a name before a word for a settlement or area
  if (PLACE_AFTER_AREA.test(after)) return true;
  if (PLACE_BEFORE.test(before) && /^(?:[,.;:)]|\s+(?:and|in|on|to|near|where|which|for|before|after|when|who|said|is|was)\b|\s*$)/.test(after)) return true;
  // "the port of Hodeidah - the country's lifeline -": a dash after a word for a place only; after a bare "in"
  // it opens an aside on anything ("invested in Zorvex - a small start-up -", "ten years in Marketing – a job …")
  if (PLACE_OF.test(before) && /^\s+[_–—-]+\s/.test(after)) return true;
  if (WEAK_PLACE_BEFORE.test(before) && /^,\s+near\s+\p{Lu}/u.test(after)) return true;
  // "Peoria, Ill.", "Lewisburg, W.Va.": a town, then its US state's abbreviation
  const abbreviation = /^,\s+((?:\p{Lu}\.)+\p{Lu}?|\p{Lu}\.\p{Lu}[a-z]\.|\p{Lu}[a-z]{1,4}\.)/u.exec(after);
  if (abbreviation && US_STATE_ABBREVIATIONS.has(abbreviation[1].toLowerCase().replace(/\.$/, ''))) return true;
  if (/\bthe\s+$/i.test(before)) return false;
  // "Hartpury, Gloucestershire", "Maidenhead, Berkshire"
  const then = /^,\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/u.exec(after);
  if (then && placeByName(then[1]) && placeByName(then[1])!.kind !== 'country' && /^(?:\s|,)/.test(after)) return PLACE_BEFORE.test(before) || /,\s*$/.test(before) || /\b(?:of|from|at|in)\s+$/.test(before) || p.initial;
  return false;
}

/** A comma, then the verb of the clause: the name before it was an appositive subject ("…, Amina Farah, is a nurse"). */
const APPOSITIVE_SUBJECT_AFTER = /^,\s+(?:is|was|has|had|says|said|told|works|worked|runs|ran|heads|headed|leads|led)\b/;

/** Coordinated with a name already classified: "Airbus and Boeing", "Somerset and Hampshire", "…, Liverpool, Manchester, Basingstoke and west London". */
function coordinatedWith(p: PendingName, registry: EntityRegistry): Decision | null {
  const left = /(\p{Lu}[\p{L}\p{N}&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’-]*)*)(\s+and\s+|,\s+)$/u.exec(p.before);
  const right = /^(\s+and\s+|,\s+(?:and\s+)?)(?:the\s+)?(\p{Lu}[\p{L}\p{N}&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’-]*)*)/u.exec(p.after);
  for (const [m, other0, joint] of [[left, left?.[1], left?.[2]], [right, right?.[2], right?.[1]]] as const) {
    if (!m || !other0) continue;
    const other = other0.replace(/['’]s$/, '');
    // "Ned Potter, ABC News": after a person-like name a comma leads to an affiliation, not a list
    const list = !/,/.test(joint ?? '') || !p.personLike;
    // "Kate Ashby, Jude Marlow and Ned Potter": a person-shaped name listed with people is a person
    if (p.personLike && other.includes(' ') && registry.people.has(other.toLowerCase())) return { kind: 'person' };
    if (list && registry.findOrg(other) && !registry.people.has(other.toLowerCase())) return { kind: 'organisation' };
    // "a refugee in Oslo, Amina Farah, is …": a name of two or three words set off by commas before the verb names
    // the subject, not the next place of a list ("in Oslo, Bergen and Tromso")
    if (m === left && joint === ', ' && p.words.length >= 2 && p.words.length <= 3 && APPOSITIVE_SUBJECT_AFTER.test(p.after)) continue;
    if (registry.isPlace(other) || placeByName(other)) return { kind: 'place' };
  }
  return null;
}

/** Pass: decide the pending names; two rounds, so a decision can support a coordinated neighbour. */
export function classifyByContext(_sentences: Sentence[], registry: EntityRegistry): void {
  // acronyms: organisations unless every mention used them as a modifier ("ID cards", "the PAL version")
  for (const [acronym, use] of registry.acronyms) {
    if (!use.asName && !registry.findOrg(acronym)) continue;
    for (const s of use.sentences) registry.addOrg(acronym, s);
  }
  peopleFromLaterMentions(registry);
  let open = registry.pending.filter((p) => usable(p, registry));
  const decided = new Map<string, Decision>();
  for (let round = 0; round < 3 && open.length; round++) {
    const next: PendingName[] = [];
    for (const p of open) {
      const d = decided.get(p.name) ?? decide(p, registry);
      if (!d) {
        next.push(p);
        continue;
      }
      decided.set(p.name, d);
      apply(p, d, registry);
    }
    // every mention of a decided name follows it
    open = next.filter((p) => {
      const d = decided.get(p.name);
      if (d) apply(p, d, registry);
      return !d;
    });
    if (next.length === open.length && round > 0) break;
  }
}

/** "said he", "told reporters she", ", who … his": the words after a name speak of a person. */
export function pronounFollows(after: string): boolean {
  if (/^\s+(?:has\s+|had\s+)?(?:said|says|told\s+\S+|added|argued|insisted|believes|believed|thinks|thought|claimed|explained|denied|admitted|announced|hoped|hopes|warned)\s+(?:that\s+)?(?:he|she)\b/.test(after)) return true;
  return /^\s*,\s+who(?:se)?\b[^,;.]{0,60}\b(?:he|she|his|her|him)\b/.test(after);
}

/** The words after a surname alone report what a person said or did: "Castro said", "Rabin was killed". */
const SPOKE_AFTER = /^\s+(?:has\s+|had\s+|also\s+)?(?:said|says|told|added|argued|insisted|explained|believes|believed|thinks|thought|denied|admitted|wrote|recalled|replied|was\s+(?:killed|assassinated|born|elected|arrested|sentenced))\b(?!\s+(?:it|its)\b)/;

/**
 * Pass step: a name shaped like a person's ("Fidel Castro", "Yigal Amir") that the name rules left open is a
 * person when the article later calls them by surname alone as it would a person ("Castro said", "said
 * Amir"), or a personal pronoun refers back to it ("Scott Ritter said he …").
 */
function peopleFromLaterMentions(registry: EntityRegistry): void {
  const single = new Map<string, PendingName[]>();
  for (const p of registry.pending) if (p.words.length === 1) single.set(p.name, [...(single.get(p.name) ?? []), p]);
  for (const p of registry.pending) {
    if (!p.personLike || p.words.length < 2 || p.words.length > 3 || registry.people.has(p.name.toLowerCase())) continue;
    if (registry.findOrg(p.name) || registry.isPlace(p.name) || p.words.some((w) => registry.lowerCaseWords.has(w.toLowerCase()))) continue;
    const surname = p.words[p.words.length - 1];
    const later = single.get(surname) ?? [];
    const titled = registry.surnameRefs.some((r) => r.surname === surname && r.role && !r.whole);
    const spoken = titled || later.some((q) => !q.possessive && (SPOKE_AFTER.test(q.after) || /\bsaid\s+$/.test(q.before) || pronounFollows(q.after)));
    if (!spoken && !pronounFollows(p.after)) continue;
    registry.addPerson(p.name, p.sentence);
    for (const q of later) registry.addPerson(p.name, q.sentence);
  }
}

function usable(p: PendingName, registry: EntityRegistry): boolean {
  const first = p.words[0];
  const lower = p.name.toLowerCase();
  // a title, a place word or a nationality on its own names no one ("the Secretary-General", "the City", "the Israelis")
  if (ROLE_SET.has(lower) || (p.words.length === 1 && PLACE_HEADS.has(lower))) return false;
  // (a name that only begins with one is a name: "Swissair")
  if (p.words.length === 1 && [...DEMONYMS.keys()].some((d) => first.startsWith(d) && /^(?:s|es|['’]s?|ness|ism|isms|man|men|woman|women)?$/.test(first.slice(d.length)))) return false;
  // "Anglo-French financier", "Montreal-based financier": where someone is from or based, not a body
  if (p.words.length === 1 && basedOrFrom(first)) return false;
  if (registry.isPersonWord(p.words[p.words.length - 1]) || (p.words.length === 1 && registry.isPersonWord(first))) return false;
  // "President Bush … Bush said": a surname the article writes after a title is a person's wherever it stands alone
  if (p.words.length === 1 && registry.surnameRefs.some((r) => r.surname === first && r.role)) return false;
  // "in English", "in Arabic", "Kurdish": a language or an adjective of nation or faith is no place or body
  if (p.words.length === 1 && NATIONAL_ADJECTIVE.test(first) && !/ian$/.test(first)) return false;
  // "Health minister Karin Vos", "Opposition leader Tom Briggs": the field of an office names no body
  if (p.words.length === 1 && PORTFOLIO_WORDS.has(first.toLowerCase()) && ROLE_AFTER.test(p.after)) return false;
  // "Union convener Fiona McLeod", "Council leader Ann Bly": a body's common noun, capitalised by opening the sentence
  if (p.words.length === 1 && p.initial && ORG_HEADS.has(first.toLowerCase()) && ROLE_AFTER.test(p.after)) return false;
  // "Parliamentary president …": an adjective before a role names no body
  if (p.words.length === 1 && ROLE_ADJECTIVE.test(first)) return false;
  // "Arabs" beside "Arab leaders": a people in the plural, not a body
  if (p.words.length === 1 && /\p{Ll}s$/u.test(first) && registry.capitalisedWords.has(first.slice(0, -1)) && !registry.findOrg(first.slice(0, -1))) return false;
  // "Class A shares": a class of shares
  if (/^Class\s+\p{Lu}$/u.test(p.name)) return false;
  // a single capital letter names nothing ("AT and T")
  if (p.words.length === 1 && /^\p{Lu}$/u.test(first)) return false;
  // "BBC Radio", "BBC Westminster Hour": a known organisation's programme or part
  if (p.words.length > 1 && (registry.findOrg(first) || (isAcronym(first) && !companyEvidence(p, registry)))) return false;
  if (p.words.length === 1 && CAPITALISED_STOPWORDS.has(first.toLowerCase())) return false;
  // "Separately, …", "Overall, …": a sentence adverb (not "Ford, the carmaker, …")
  if (p.words.length === 1 && p.initial && /^\s*,/.test(p.after) && !COMPANY_APPOSITIVE.test(p.after)) return false;
  // a digit-bearing title ("Halo 2", "Fifa 2005") is a product
  if (/^\s*\d/.test(p.after) && !p.possessive) return false;
  return true;
}

function decide(p: PendingName, registry: EntityRegistry): Decision | null {
  if (companyEvidence(p, registry)) return { kind: 'organisation' };
  if (placeEvidence(p)) return { kind: 'place' };
  if (orgEvidence(p, registry)) return { kind: 'organisation' };
  return coordinatedWith(p, registry);
}

function apply(p: PendingName, d: Decision, registry: EntityRegistry): void {
  if (d.kind === 'place') registry.addPlace(p.name, placeByName(p.name)?.kind ?? 'other', p.sentence);
  else if (d.kind === 'person') personWithContext(registry, p.name, p.sentence, p.before, p.after);
  else registry.addOrg(p.name, p.sentence);
}
