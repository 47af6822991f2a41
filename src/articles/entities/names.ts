// The name rules: each run of capitalised words ("chunk") of a sentence becomes a person, an organisation,
// a place, or is left pending for the context pass. Rules in order: acronym definitions, a second name
// inside the run, a role title inside it, an honorific, then what the words themselves say.
import { capitalisedChunks, isAcronym, tokenize, type Chunk, type Token } from '../../language/name-tokens';
import { BUSINESS_RELATIONS, COMPANY_FORMS, NOT_ORG_ACRONYMS, NOT_ORG_TAILS, ORG_ATTRIBUTES, ORG_HEADS, TREASURY_SECURITIES } from '../../language/organisations';
import { FIRST_NAMES, HONORIFICS, KINSHIP_WORDS, NAME_PARTICLES, OCCUPATION_SET, REPORTING_VERBS, ROLE_MODIFIERS, writtenOutRole } from '../../language/people';
import { COMPASS_WORDS, DEMONYMS, MAX_PLACE_TOKENS, PLACE_HEADS, PLACE_NAMES, PLACE_PREFIXES, PLACE_SUFFIX, PLACES, US_STATE_ABBREVIATIONS } from '../../language/places';
import { CAPITALISED_STOPWORDS, STOP_WORDS } from '../../language/stop-words';
import type { Sentence } from '../model';
import { knownOrganisation } from './known';
import type { EntityRegistry } from './registry';
import { ADVERB, appositiveRole, PAST_TENSE, ROLE_ADJECTIVE, roleAt, roleBefore, singularRole } from './roles';

const SAYING = new RegExp(`^\\s+(?:has\\s+|had\\s+|have\\s+)?(?:also\\s+)?(?:${REPORTING_VERBS.join('|')})\\b`);
const SAID_BEFORE = /(?:^|[,"”]\s*)(?:said|says|added|argued|insisted|warned)\s+$/;
/** Words before a name that introduce a person ("according to", "starring", "directed by"). */
const PERSON_BEFORE = /\b(?:according\s+to|starring|co-starring|directed\s+by|produced\s+by|written\s+by|played\s+by|presented\s+by|hosted\s+by|interviewed\s+by|married\s+to)\s+$/;
/** Words that make the capitalised name right after them the title of a work ("the film Sideways", "the game Tony Hawk"). */
export const WORK_BEFORE = /\b(?:film|films|movie|movies|album|albums|single|singles|song|songs|game|games|title|titles|show|shows|series|programme|programmes|sitcom|drama|documentary|book|books|novel|novels|play|musical|opera|ballet|track|hit|hits|blockbuster|sequel)\s+$/;
/** Words of a work that are verbs too: "floods hit Wales", "the band will play Glasgow", "figures show Britain". */
const VERB_WORK_BEFORE = /\b(?:hit|hits|play|plays|show|shows|track|tracks)\s+$/i;
/** What makes such a word a noun: a determiner, a possessive or a word that grades a work right before it. */
const NOUN_WORK_BEFORE = /(?:\b(?:the|a|an|his|her|their|its|our|my|your|this|that|smash|chart|box-office|biggest|latest|new|first|debut|previous|classic|cult|surprise|title|top|big|number|one|\d{4})|['’]s?)\s+(?:hit|hits|play|plays|show|shows|track|tracks)\s+$/i;

/** Whether the words before a name make it a work's title ("the film Harry Lime", "their hit Wonderwall"). */
export function workTitleBefore(before: string, pattern: RegExp = WORK_BEFORE): boolean {
  return pattern.test(before) && (!VERB_WORK_BEFORE.test(before) || NOUN_WORK_BEFORE.test(before));
}
const LORDLY = new Set(['sir', 'lord', 'lady', 'dame', 'baroness', 'baron']);

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function acronymMatches(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  // "PlayStation Portable" → PSP: capitals inside a word count as initials
  const capitals = words(name).map((w) => w[0] + w.slice(1).replace(/[^A-Z]/g, '')).join('').toUpperCase();
  if (capitals === letters) return true;
  const initials = words(name).map((w) => w[0]).join('').toUpperCase();
  if (!letters || initials[0] !== letters[0]) return false;
  let j = 0;
  for (const ch of initials) if (ch === letters[j]) j++;
  return j === letters.length || initials.replace(/[^A-Z]/g, '') === letters;
}

function isNameToken(t: Token): boolean {
  // "J.D" of "J.D. Vance": initials with full stops (the chunker joins them to a surname only)
  return t.cap && (/^[\p{L}][\p{L}'’-]*$/u.test(t.text) || /^(?:\p{Lu}\.){1,2}\p{Lu}$/u.test(t.text)) && !isAcronym(t.text);
}

/** "French" → "France", "South African" → "South Africa"; null when the words are not a nationality. */
export function placeOfDemonym(ws: string[]): string | null {
  const base = DEMONYMS.get(ws[ws.length - 1]);
  if (!base) return null;
  if (ws.length === 1) return base;
  const composed = [...ws.slice(0, -1), base].join(' ').toLowerCase();
  return PLACES.has(composed) ? (PLACE_NAMES.get(composed) ?? null) : null;
}

/** Adjectives of nation or faith not in the demonym list ("Jewish", "Islamic", "Kurdish", "Bosnian"). */
export const NATIONAL_ADJECTIVE = /^\p{Lu}\p{Ll}{2,}(?:ish|ic|ian|ese)$/u;

/** English town names joined by "upon"/"on"/"under" to their river or coast; "upon" also written with spaces. */
// (with spaces and "on" only before a river or the sea, "Stoke on Trent", "Stockton on Tees": "Focus on Africa" is none)
const JOINED_PLACE = /^\p{Lu}\p{Ll}+(?:-(?:upon|on|under|le|by)-\p{Lu}\p{Ll}+| upon \p{Lu}\p{Ll}+| on (?:Sea|Tees|Trent|Tyne|Thames|Avon|Severn|Wye|Humber|Mersey|Ouse|Tweed|Dee|Wear|Solent|Rhine|Main|Oder|Danube|Hudson))$/u;

/** "U.S.", "N.J.": initials with full stops (the last one may have been left to the sentence). */
const DOTTED = /^(?:\p{Lu}\.)+\p{Lu}\.?$/u;

/** A place by its name alone: the gazetteer, "-shire", "County …", "the North East". */
export function placeByName(name: string): { name: string; kind: 'country' | 'city' | 'region' | 'other' } | null {
  if (DOTTED.test(name)) {
    const state = US_STATE_ABBREVIATIONS.get(name.toLowerCase().replace(/\.$/, ''));
    if (state) return { name: state, kind: 'region' };
    name = name.replace(/\./g, '');
  }
  const key = name.toLowerCase();
  const kind = PLACES.get(key);
  if (kind) return { name: PLACE_NAMES.get(key) ?? name, kind };
  // "Stratford-upon-Avon", "Southend-on-Sea", "Newcastle upon Tyne": a town named by its river or coast
  if (JOINED_PLACE.test(name)) return { name, kind: 'city' };
  const ws = words(name);
  if (ws.length === 1 && PLACE_SUFFIX.test(name)) return { name, kind: 'region' };
  if (ws.length >= 2 && ws.every((w) => COMPASS_WORDS.has(w.toLowerCase()))) return { name, kind: 'region' };
  if (ws.length >= 2 && (PLACE_HEADS.has(ws[ws.length - 1].toLowerCase()) || PLACE_PREFIXES.has(ws[0].toLowerCase()))) return { name, kind: 'other' };
  return null;
}

/** Per-sentence state of the name rules. */
interface SentenceScan {
  registry: EntityRegistry;
  sentence: number;
  text: string;
  tokens: Token[];
}

/** Pass: demonyms and capitalised runs of every sentence. */
export function classifyNames(sentences: Sentence[], registry: EntityRegistry): void {
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    uncapitaliseCommonWords(s.text, tokens, registry);
    const scan: SentenceScan = { registry, sentence: s.index, text: s.text, tokens };
    const chunks = joinNamedPossessives(s.text, joinPartnershipNames(s.text, tokens, joinInstitutionNames(s.text, tokens, capitalisedChunks(s.text, tokens), registry), registry), registry);
    const inName = (t: Token) => chunks.some((c) => c.to - c.from > 1 && tokens.indexOf(t) >= c.from && tokens.indexOf(t) < c.to);
    // Demonyms anywhere ("Azerbaijani media", "Afghan refugees"), but not inside a longer name ("European Union"): the
    // mention counts for the place, which is listed only where the text also names it ("Moroccan troops" alone names no place).
    for (const t of tokens) {
      const place = DEMONYMS.get(t.text);
      if (place && !inName(t)) registry.addPlace(place, PLACES.get(place.toLowerCase()) ?? 'region', s.index, true);
    }
    const known = registry.knownSpans.get(s.index) ?? [];
    chunks.forEach((c, k) => {
      // "Sunday Times": the known name already counted it; its words are not another name ("Times")
      if (known.some(([start, end]) => c.start >= start && c.end <= end)) return;
      // "Shares of AT and T": a run that ends inside a spelled-out ampersand is no other name ("AT")
      // (but "UK Treasury" is a run ending in a known name that names the country too)
      if (known.some(([start, end]) => c.start < start && c.end > start && c.end <= end && / and /.test(s.text.slice(start, end)))) return;
      if (k > 0 && subUnit(s.text, tokens, chunks[k - 1], c)) return;
      // "US$6.3 billion", "C$9.75", "HK$ 2": a country's letters before a dollar sign name its currency, not the place
      // (letters only, joined to the sign, or "US $": "paid Exxon $5 million" names Exxon)
      if (/^[A-Z]{1,3}$/.test(c.text) && (/^\$ ?\d/.test(s.text.slice(c.end, c.end + 3)) || (c.text === 'US' && /^ \$ ?\d/.test(s.text.slice(c.end, c.end + 4))))) return;
      classifyChunk(scan, c);
    });
  }
}

/** "Hudson's Bay shares" once "Hudson's Bay Co." is named: a possessive inside a named company's name joins its two chunks. */
function joinNamedPossessives(text: string, chunks: Chunk[], registry: EntityRegistry): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const prev = out[out.length - 1];
    if (prev?.possessive && /^['’]s?[ \t]+$/.test(text.slice(prev.end, c.start)) && registry.orgStartingWith(text.slice(prev.start, c.end))) {
      out[out.length - 1] = { from: prev.from, to: c.to, text: text.slice(prev.start, c.end), start: prev.start, end: c.end, possessive: c.possessive };
    } else out.push(c);
  }
  return out;
}

/** Generic heads of a part of an organisation. */
const SUB_UNIT_HEADS = new Set(['department', 'office', 'unit', 'division', 'team', 'bureau', 'branch', 'section', 'desk', 'service', 'arm', 'wing']);

/**
 * "Meridian's Compliance Department", "the ministry's Legal Office": a part named after its owner's possessive is
 * the owner's, not an organisation of its own (a body named in full after "of" is: "the White House's Council of
 * Economic Advisers").
 */
function subUnit(text: string, tokens: Token[], owner: Chunk, c: Chunk): boolean {
  if (!owner.possessive || !/^['’]s?\s+$/.test(text.slice(owner.end, c.start))) return false;
  const ws = tokens.slice(c.from, c.to);
  return ws.length <= 3 && ws.every((t) => t.cap) && SUB_UNIT_HEADS.has(ws[ws.length - 1].lower);
}


/** A word capitalised only by its place: it opens the sentence or a quotation, or the sentence is written in title case. */
function openingPosition(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  return /(?:["“‘(]|:\s*["“‘]?)\s*$/.test(text.slice(Math.max(0, tokens[i].start - 4), tokens[i].start));
}

/**
 * Words the article writes in lower case elsewhere are not names where only their position capitalises them:
 * "People", "Police" or "Replied" opening a sentence, or every word of a sentence set in title case. Given
 * names, places and known organisations keep their capital ("Bill", "Turkey", "Labour").
 */
export function uncapitaliseCommonWords(text: string, tokens: Token[], registry: EntityRegistry): void {
  // title case: nearly every common word of the sentence is capitalised (a list of names is not title case)
  const common = tokens.filter((t) => t.text.length >= 4 && registry.lowerCaseWords.has(t.lower));
  const titleCase = common.length >= 3 && common.filter((t) => t.cap).length >= common.length * 0.8;
  tokens.forEach((t, i) => {
    // "Certainly Saddam Hussein …", "Separately, Airbus …": an adverb opening the sentence
    if (t.cap && i + 1 < tokens.length && openingPosition(text, tokens, i) && (ADVERB.test(t.lower) || PAST_TENSE.test(t.lower)) && !FIRST_NAMES.has(t.lower) && !registry.capitalisedWords.has(t.text)) t.cap = false;
    // "Chanting Helmut Kohl …": an opening word before a given name and a surname is not part of the name
    if (t.cap && i + 2 < tokens.length && openingPosition(text, tokens, i) && FIRST_NAMES.has(tokens[i + 1].lower) && tokens[i + 1].cap && tokens[i + 2].cap
      && /^[ \t]+$/.test(text.slice(t.end, tokens[i + 1].start)) && /^[ \t]+$/.test(text.slice(tokens[i + 1].end, tokens[i + 2].start)) && !FIRST_NAMES.has(t.lower) && !HONORIFICS.has(t.lower) && !roleAt([t.text], 0) && !roleAt([t.text.replace(/s$/, '')], 0)
      && !PLACES.has(t.lower) && !DEMONYMS.has(t.text) && !knownOrganisation(t.text) && !isAcronym(t.text)) t.cap = false;
    if (!t.cap || isAcronym(t.text) || !registry.lowerCaseWords.has(t.lower)) return;
    if (!titleCase && !openingPosition(text, tokens, i)) return;
    // "Bank of England … the bank": a word the article also capitalises inside a sentence is a name's
    const nameGoesOn = i + 1 < tokens.length && /^[ \t]+$/.test(text.slice(t.end, tokens[i + 1].start)) && (tokens[i + 1].cap || /^(?:of|for|and|de)$/.test(tokens[i + 1].text));
    if (!titleCase && nameGoesOn && registry.capitalisedWords.has(t.text)) return;
    if (FIRST_NAMES.has(t.lower) || PLACES.has(t.lower) || DEMONYMS.has(t.text) || knownOrganisation(t.text) || registry.honorificSurnames.has(t.text)) return;
    // "Prime Minister Tony Blair", "New York": the first word of a title or of a longer name
    if (roleAt(tokens.map((x) => x.text), i) || (i + 1 < tokens.length && tokens[i + 1].cap && (PLACES.has(`${t.lower} ${tokens[i + 1].lower}`) || knownOrganisation(`${t.text} ${tokens[i + 1].text}`)))) return;
    if (t.lower === 'new' && i + 1 < tokens.length && tokens[i + 1].cap) return;
    t.cap = false;
  });
}

/**
 * "Oil and Natural Gas Corporation", "Public and Commercial Services Union": two runs joined by "and" are
 * one name when the second ends in an institution's head word and the first is not a name of its own.
 */
function joinInstitutionNames(text: string, tokens: Token[], chunks: Chunk[], registry: EntityRegistry): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const prev = out[out.length - 1];
    // not two institutions ("Navy and Air Force", "Army, Navy and Air Force"): the first is one already, or ends a list
    if (prev && !prev.possessive && text.slice(prev.end, c.start) === ' and ' && portfolioName(tokens, prev, c, registry)) {
      out[out.length - 1] = { from: prev.from, to: c.to, text: text.slice(prev.start, c.end), start: prev.start, end: c.end, possessive: c.possessive };
      continue;
    }
    const listed = prev ? listedInstitutionName(text, tokens, out, c, registry) : null;
    if (listed) {
      out.splice(out.length - listed.replace, listed.replace, ...listed.chunks);
      continue;
    }
    if (prev && !prev.possessive && text.slice(prev.end, c.start) === ' and ' && c.to - c.from >= 2 && prev.to - prev.from <= 4
      && !STANDALONE_BODIES.has(tokens[prev.to - 1].lower) && !/,\s*$/.test(text.slice(0, prev.start))
      // "Kingsbridge Capital Group and Cara Operations Ltd.": a company named in full is no part of the next one's name
      && !(prev.to - prev.from >= 2 && (COMPANY_FORMS.has(tokens[prev.to - 1].lower) || /^(?:group|corporation|company|holdings)$/.test(tokens[prev.to - 1].lower)))
      && ORG_HEADS.has(tokens[c.to - 1].lower) && !tokens.slice(prev.from, prev.to).some((t) => isAcronym(t.text))
      && !PLACES.has(prev.text.toLowerCase()) && !registry.findOrg(prev.text) && !knownOrganisation(prev.text) && (!FIRST_NAMES.has(tokens[prev.from].lower) || prev.to - prev.from >= 3)) {
      out[out.length - 1] = { from: prev.from, to: c.to, text: text.slice(prev.start, c.end), start: prev.start, end: c.end, possessive: c.possessive };
      continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * "Bakers, Food and Allied Workers' Union": trades listed with commas, then "and" and the body of those who work
 * in them (a plural possessive before the body: "Workers' Union"), are one body's name when every listed trade
 * is a word that names nothing of its own (not a place, a body or a person): "Army, Navy and Air Force" and
 * "Tesco, Asda and Allied Bakeries Group" stay apart. The first trade may close a longer run ("Members of the
 * Bakers"), which keeps its words before the trade. Returns the chunks that replace `out`'s last ones and `c`, or
 * null when it is no such name.
 */
function listedInstitutionName(text: string, tokens: Token[], out: Chunk[], c: Chunk, registry: EntityRegistry): { replace: number; chunks: Chunk[] } | null {
  const prev = out[out.length - 1];
  if (prev.possessive || text.slice(prev.end, c.start) !== ' and ' || c.to - c.from < 2 || !ORG_HEADS.has(tokens[c.to - 1].lower)) return null;
  const ownsBody = tokens.slice(c.from, c.to - 1).some((t) => /s$/.test(t.text) && /^['’]\s/.test(text.slice(t.end, t.end + 2)));
  if (!ownsBody) return null;
  let n = 1;
  while (n < out.length && text.slice(out[out.length - n - 1].end, out[out.length - n].start) === ', ') n++;
  if (n < 2) return null;
  const items = out.slice(out.length - n);
  // "Members of the Bakers": the trade is the run's capitalised words after its last connector
  const head = items[0];
  let tradeFrom = head.from;
  for (let k = head.from; k < head.to; k++) if (!tokens[k].cap) tradeFrom = k + 1;
  const lead: Chunk[] = [];
  if (tradeFrom > head.from) {
    let leadTo = tradeFrom;
    while (leadTo > head.from && !tokens[leadTo - 1].cap) leadTo--;
    lead.push({ from: head.from, to: leadTo, text: text.slice(head.start, tokens[leadTo - 1].end), start: head.start, end: tokens[leadTo - 1].end, possessive: tokens[leadTo - 1].possessive });
    items[0] = { from: tradeFrom, to: head.to, text: text.slice(tokens[tradeFrom].start, head.end), start: tokens[tradeFrom].start, end: head.end, possessive: head.possessive };
  }
  const trade = (k: Chunk) => k.to - k.from <= 2 && !k.possessive && !tokens.slice(k.from, k.to).some((t) => isAcronym(t.text) || FIRST_NAMES.has(t.lower))
    && !PLACES.has(k.text.toLowerCase()) && !registry.findOrg(k.text) && !knownOrganisation(k.text) && !STANDALONE_BODIES.has(tokens[k.to - 1].lower) && !ORG_HEADS.has(tokens[k.to - 1].lower);
  if (!items.every(trade)) return null;
  const first = items[0];
  return { replace: n, chunks: [...lead, { from: first.from, to: c.to, text: text.slice(first.start, c.end), start: first.start, end: c.end, possessive: c.possessive }] };
}

/** Legal forms after which "of X" is where the company is, not its name. */
const LOCATED_FORMS = new Set([...COMPANY_FORMS].filter((f) => f !== 'co' && f !== 'corp' && f !== 'cos'));

/**
 * "Goldman, Sachs & Co.", "Donaldson, Lufkin & Jenrette Securities Corp.": a firm named after its partners lists
 * them with commas before the "&"; single surnames before such a name, each followed by a comma, belong to it.
 */
function joinPartnershipNames(text: string, tokens: Token[], chunks: Chunk[], registry: EntityRegistry): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const partnership = tokens.slice(c.from, c.to).some((t, i) => i > 0 && (/^ & $/.test(text.slice(tokens[c.from + i - 1].end, t.start)) || (t.text === 'amp' && !t.cap)));
    let first = out.length;
    if (partnership) {
      while (first > 0 && out.length - first < 3) {
        const prev = out[first - 1];
        const next = first < out.length ? out[first] : c;
        const word = tokens[prev.from];
        if (prev.to - prev.from !== 1 || prev.possessive || text.slice(prev.end, next.start) !== ', ' || !/^\p{Lu}\p{Ll}+$/u.test(word.text)) break;
        if (FIRST_NAMES.has(word.lower) || placeByName(word.text) || DEMONYMS.has(word.text) || registry.findOrg(word.text) || knownOrganisation(word.text) || registry.lowerCaseWords.has(word.lower)) break;
        first--;
      }
    }
    if (first < out.length) {
      const head = out[first];
      out.splice(first, out.length - first, { from: head.from, to: c.to, text: text.slice(head.start, c.end), start: head.start, end: c.end, possessive: c.possessive });
      continue;
    }
    out.push(c);
  }
  return out;
}

/** Institutions that are a body on their own ("Navy", "Police", "Senate"): "Navy and Air Force" names two. */
const STANDALONE_BODIES = new Set(['army', 'navy', 'police', 'force', 'forces', 'party', 'court', 'office', 'department', 'ministry', 'council', 'commission', 'government', 'parliament', 'senate', 'congress', 'treasury', 'cabinet', 'guard']);

/** Heads of government bodies named by the portfolios they hold ("Department of Health and Human Services"). */
const PORTFOLIO_HEADS = new Set(['department', 'ministry', 'secretariat', 'office', 'committee', 'commission', 'council']);

/**
 * "Department of Trade and Industry", "Ministry of Science and Technology": a body named "Head of X" goes on
 * over "and Y" when Y is one to three capitalised words that name nothing else (not a place, a known body, a person).
 */
function portfolioName(tokens: Token[], prev: Chunk, c: Chunk, registry: EntityRegistry): boolean {
  if (prev.to - prev.from < 3 || !PORTFOLIO_HEADS.has(tokens[prev.from].lower) || !/^(?:of|for)$/.test(tokens[prev.from + 1].text)) return false;
  if (c.to - c.from > 3 || prev.possessive) return false;
  const second = tokens.slice(c.from, c.to).map((t) => t.text).join(' ');
  return !placeByName(second) && !registry.findOrg(second) && !knownOrganisation(second) && !FIRST_NAMES.has(tokens[c.from].lower) && !tokens.slice(c.from, c.to).some((t) => isAcronym(t.text));
}

function subChunk(scan: SentenceScan, from: number, to: number, possessive: boolean): Chunk {
  const head = scan.tokens[from];
  const last = scan.tokens[to - 1];
  return { from, to, text: scan.text.slice(head.start, last.end), start: head.start, end: last.end, possessive };
}

function classifyChunk(scan: SentenceScan, c: Chunk): void {
  const { registry, sentence, text, tokens } = scan;
  const toks = tokens.slice(c.from, c.to);
  const lowerWords = toks.map((t) => t.lower);
  const after = text.slice(c.end + (c.possessive && text[c.end] !== 's' ? 2 : 0), c.end + 160);
  const before = text.slice(Math.max(0, c.start - 100), c.start);

  // "Name (ACR)": an organisation when the name says so, otherwise a thing ("PlayStation Portable (PSP)")
  const acr = /^\s*\(\s*([A-Z][A-Za-z0-9&.]{1,11})\s*\)/.exec(after);
  if (acr && toks.length >= 2 && acronymMatches(acr[1], c.text)) {
    if (lowerWords.some((w) => ORG_HEADS.has(w)) || registry.findOrg(acr[1]) || knownOrganisation(c.text)) registry.addOrg(c.text, sentence, acr[1]);
    else registry.thingAcronyms.add(acr[1]);
    return;
  }

  // "San Diego-based Southwest Bancorp": a place of two or three words the name is based in
  const basedAt = toks.findIndex((t, i) => i > 0 && i <= 2 && /^\p{Lu}[\p{L}'’.-]*?-based$/u.test(t.text));
  if (basedAt > 0) {
    const place = placeByName([...toks.slice(0, basedAt).map((t) => t.text), toks[basedAt].text.replace(/-based$/, '')].join(' '));
    if (place) {
      registry.addPlace(place.name, place.kind, sentence);
      if (basedAt + 1 < toks.length) classifyChunk(scan, subChunk(scan, c.from + basedAt + 1, c.to, c.possessive));
      return;
    }
  }
  // "Miami-based Carnival Cruise Lines", "a Ledbury-based firm": the place the name is based in
  const based = /^(\p{Lu}[\p{L}'’.-]*?)-based$/u.exec(toks[0].text);
  if (based) {
    const place = placeByName(based[1]);
    const word = based[1].toLowerCase();
    if (place || !(isAcronym(based[1]) || registry.findOrg(based[1]) || knownOrganisation(based[1]) || registry.lowerCaseWords.has(word) || /^(?:internet|web|cloud|home|office|text|land|sea|space|ground|air)$/.test(word))) {
      registry.addPlace(place?.name ?? based[1], place?.kind ?? 'city', sentence);
    }
    if (toks.length > 1) classifyChunk(scan, subChunk(scan, c.from + 1, c.to, c.possessive));
    return;
  }

  // A dateline: "NEWARK, N.J. (AP) _", "BEIRUT, Lebanon (Reuters) -"
  if (c.from === 0 && /^[A-Z][A-Z .'-]{2,}$/.test(c.text) && /^(?:,\s+[\p{Lu}][\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?\s*)?(?:\(\s*\p{Lu}[\p{L}-]*\s*\)|\s+(?:_|--|-|–|—)\s)/u.test(after)) {
    const titled = c.text.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());
    const place = placeByName(titled);
    registry.addPlace(place?.name ?? titled, place?.kind ?? 'city', sentence);
    return;
  }

  if (pluralTitle(scan, c, before)) return;

  // "Du Pont's Conoco Inc.": a company named already, owning one named after it, is not part of its name
  const owner = toks.findIndex((t, i) => i < toks.length - 1 && t.possessive);
  if (owner >= 0) {
    const ownerName = text.slice(c.start, toks[owner].end);
    if (registry.findOrg(ownerName) || knownOrganisation(ownerName) || registry.orgStartingWith(ownerName)) {
      classifyName(scan, ownerName);
      classifyChunk(scan, subChunk(scan, c.from + owner + 1, c.to, c.possessive));
      return;
    }
  }

  // "Treasury bonds", "long-term Treasury yields": a government's securities, not the department
  if (/^(?:treasury|treasuries)$/.test(lowerWords[lowerWords.length - 1]) && TREASURY_SECURITIES.test(after)) return;

  // "In Tanzania Mr Brown said": an honorific inside the chunk starts a new name
  const inner = toks.findIndex((t, i) => i > 0 && HONORIFICS.has(t.lower) && i + 1 < toks.length && toks[i + 1].cap);
  if (inner > 0) {
    classifyChunk(scan, subChunk(scan, c.from, c.from + inner, tokens[c.from + inner - 1].possessive));
    classifyChunk(scan, subChunk(scan, c.from + inner, c.to, c.possessive));
    return;
  }

  // A sentence-opening common noun glued to a name by a connector ("Fans of the Gran Turismo"): drop it.
  if (c.from === 0 && toks.length >= 3 && !toks[1].cap && !NAME_PARTICLES.has(toks[1].text) && !FIRST_NAMES.has(lowerWords[0]) && !ORG_HEADS.has(lowerWords[0]) && !PLACES.has(lowerWords[0]) && !roleAt([toks[0].text], 0)) {
    let k = 1;
    while (k < toks.length && !toks[k].cap) k++;
    if (k < toks.length) {
      classifyChunk(scan, subChunk(scan, c.from + k, c.to, c.possessive));
      return;
    }
  }

  if (roleInChunk(scan, c, before, after)) return;

  // "X for Y", "X of Y", "X on Y": one name only when X is an institution or a place word ("Bank of England",
  // "Commission for Africa", "Isle of Wight"); otherwise two ("Bill for Crossrail", "Need for Speed").
  const connector = toks.findIndex((t, i) => i > 0 && !t.cap && (t.lower === 'for' || t.lower === 'of' || t.lower === 'on'));
  // "Haden Holding PLC of Surrey", "Norwood Partners Limited Partnership of Boston": after a company's legal form
  // (but "Co." and "Corp.", which go on: "Aluminum Co. of America"), "of" names where it is
  if (connector > 1 && lowerWords[connector] === 'of' && (LOCATED_FORMS.has(lowerWords[connector - 1]) || (lowerWords[connector - 1] === 'partnership' && lowerWords[connector - 2] === 'limited'))) {
    classifyChunk(scan, subChunk(scan, c.from, c.from + connector, false));
    if (connector + 1 < toks.length && toks[connector + 1].cap) classifyChunk(scan, subChunk(scan, c.from + connector + 1, c.to, c.possessive));
    return;
  }
  if (connector > 0 && !knownOrganisation(c.text) && !PLACES.has(c.text.toLowerCase())) {
    const left = lowerWords[connector - 1];
    const whole = ORG_HEADS.has(left) || PLACE_PREFIXES.has(lowerWords[0]) || roleAt([toks[connector - 1].text], 0) !== null || JOINED_PLACE.test(c.text);
    if (!whole) {
      classifyChunk(scan, subChunk(scan, c.from, c.from + connector, false));
      let k = c.from + connector;
      while (k < c.to && !tokens[k].cap) k++;
      if (k < c.to) classifyChunk(scan, subChunk(scan, k, c.to, c.possessive));
      return;
    }
  }

  // Honorific: "Mr Blair", "Sir Menzies Campbell", "Lord Goldsmith"
  if (HONORIFICS.has(lowerWords[0]) && toks.length >= 2 && toks.slice(1).every(isNameToken)) {
    const rest = toks.slice(1).map((t) => t.text);
    // "Messrs. Perlman": the surnames were collected with the honorifics
    if (lowerWords[0] === 'messrs') return;
    if (rest.length === 1 && !LORDLY.has(lowerWords[0])) {
      registry.surnameRefs.push({ surname: rest[0], sentence, display: c.text });
    } else {
      personWithContext(registry, LORDLY.has(lowerWords[0]) ? c.text : rest.join(' '), sentence, before, after);
    }
    return;
  }

  classifyName(scan, c.text, { before, after, toks, possessive: c.possessive, initial: c.from === 0 || /^["“'‘(]?$/.test(before.trim()) });
}

/**
 * "Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia", "Senators Ann Lee and Bo Chan": a title in
 * the plural before names gives each of them the title (in the singular).
 */
function pluralTitle(scan: SentenceScan, c: Chunk, before: string): boolean {
  const { registry, sentence, text, tokens } = scan;
  const first = tokens[c.from];
  if (c.to - c.from < 2 || first.possessive || !/\p{Ll}s$/u.test(first.text)) return false;
  const singular = first.text.slice(0, -1);
  const hit = roleAt([singular], 0);
  if (!hit || !SURNAME_TITLES.test(hit.role.toLowerCase())) return false;
  let k = c.from + 1;
  while (k < c.to && tokens[k].cap) k++;
  const nameToks = tokens.slice(c.from + 1, k);
  if (nameToks.length < 2 || nameToks.length > 4 || !nameToks.every(isNameToken)) return false;
  const name = nameToks.map((t) => t.text).join(' ');
  if (registry.findOrg(name) || knownOrganisation(name) || placeByName(name) || ORG_HEADS.has(nameToks[nameToks.length - 1].lower)) return false;
  personWithContext(registry, name, sentence, '', '', singular);
  // the rest of the run ("… of Ukraine") is classified alone
  let rest = k;
  while (rest < c.to && !tokens[rest].cap) rest++;
  if (rest < c.to) classifyChunk(scan, subChunk(scan, rest, c.to, c.possessive));
  // "… and Boris Yeltsin of Russia": the second name of the pair
  const second = /^(?:\s+of\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)?(?:,\s+|\s+)and\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){1,2})(?=[\s,.;:]|$)/u.exec(text.slice(tokens[k - 1].end));
  if (second) {
    const ws = second[1].split(/\s+/);
    if (!ws.some((w) => PLACES.has(w.toLowerCase()) || ORG_HEADS.has(w.toLowerCase()) || registry.lowerCaseWords.has(w.toLowerCase()))) personWithContext(registry, second[1], sentence, '', '', singular);
  }
  void before;
  return true;
}

/**
 * A role title inside the run, then a name: "Prime Minister Tony Blair", "EU Trade Commissioner Peter
 * Mandelson"; or a role of an organisation: "Secretary-General of the CSTO". Occupations count here only at
 * the start of a sentence ("Director Martin Scorsese"), never inside a title ("Star Wars Battlefront").
 */
function roleInChunk(scan: SentenceScan, c: Chunk, before: string, after: string): boolean {
  const { registry, sentence, text } = scan;
  const chunkWords = words(c.text);
  for (let r = 0; r < chunkWords.length; r++) {
    let hit = roleAt(chunkWords, r);
    if (!hit) continue;
    if (OCCUPATION_SET.has(hit.role.toLowerCase()) && !(r === 0 && c.from === 0)) continue;
    // "Deputy Assistant Secretary Ann Lee", "Acting Chief Constable Bo Chan": titles in a row are one role
    // ("Prime Minister Prince Norodom Ranariddh": a royal title is the person's style, no part of the office)
    for (let next = roleAt(chunkWords, r + hit.length); next && !OCCUPATION_SET.has(next.role.toLowerCase()) && !ROYAL_TITLES.test(next.role.toLowerCase()) && r + hit.length + next.length < chunkWords.length; next = roleAt(chunkWords, r + hit.length)) {
      hit = { role: `${hit.role} ${next.role}`, length: hit.length + next.length };
    }
    const rest = chunkWords.slice(r + hit.length);
    if (rest.length === 0) break;
    if (rest[0] === 'of' || rest[0] === 'for') {
      const orgName = rest.slice(rest[1] === 'the' ? 2 : 1).join(' ');
      // "Professor of Transplant Surgery": a chair's subject, not a body
      if (r === 0 && /^(?:professor|lecturer|reader|chair)$/i.test(hit.role)) return true;
      if (r === 0 && orgName) {
        classifyName(scan, orgName);
        return true;
      }
      break;
    }
    const honorific = HONORIFICS.has(rest[0].toLowerCase());
    const nameWords = honorific && !LORDLY.has(rest[0].toLowerCase()) ? rest.slice(1) : rest;
    // "Samuel A. Alito": a middle initial inside the name; "J.D. Vance", "J. D. Vance": initials before it
    const plausible = nameWords.length >= 1 && nameWords.length <= 4 && nameWords.every((w, i) => /^(?:(?:al|el|ad|as|ash|an)-)?\p{Lu}[\p{L}'’-]*$/u.test(w) || NAME_PARTICLES.has(w) || (/^\p{Lu}\.$/u.test(w) && i < nameWords.length - 1 && (i > 0 || /^\p{Lu}\.$/u.test(nameWords[1]))) || (/^(?:\p{Lu}\.){2,3}$/u.test(w) && i === 0 && nameWords.length >= 2))
      && !PLACES.has(nameWords.join(' ').toLowerCase()) && !registry.findOrg(nameWords.join(' ')) && !knownOrganisation(nameWords.join(' '))
      && !ORG_HEADS.has(nameWords[nameWords.length - 1].toLowerCase())
      && (nameWords.length >= 2 || registry.honorificSurnames.has(nameWords[0]) || honorific || titleBeforeSurname(registry, hit.role, chunkWords[r], nameWords[0]));
    if (!plausible) continue;
    // words before the role: an organisation or country first ("EU", "South Africa"), the rest qualifies the role
    const prefix = chunkWords.slice(0, r);
    let orgWords = 0;
    let organisation: string | undefined;
    for (let n = prefix.length; n >= 1; n--) {
      const cand = prefix.slice(0, n).join(' ');
      const country = placeOfDemonym(prefix.slice(0, n));
      if (country) {
        // "French President Jacques Chirac", "South African President Thabo Mbeki"
        orgWords = n;
        organisation = country;
        registry.addPlace(country, PLACES.get(country.toLowerCase()) ?? 'country', sentence);
        break;
      }
      if (PLACES.has(cand.toLowerCase()) || registry.findOrg(cand) || knownOrganisation(cand) || (n === 1 && isAcronym(cand)) || ORG_HEADS.has(prefix[n - 1].toLowerCase())) {
        orgWords = n;
        organisation = cand;
        classifyName(scan, cand);
        break;
      }
    }
    // "Kellogg Chairman William E. LaMothe": a company's name before a company office is the company
    if (!organisation && prefix.length >= 1 && prefix.length <= 3 && COMPANY_OFFICES.test(hit.role.toLowerCase()) && companyPrefix(registry, prefix, c.from === 0)) {
      orgWords = prefix.length;
      organisation = prefix.join(' ');
      classifyName(scan, organisation);
    }
    const outside = roleBefore(before, '');
    organisation = organisation ?? outside?.organisation;
    // "former Sen. Bob Dole", "Former President Jimmy Carter": the time word before the run says the office was held
    const formerly = /(?:^|[\s"“‘(,])(former|onetime|one-time|erstwhile)\s+$/i.exec(before)?.[1].toLowerCase();
    const role = [...(formerly ? [formerly] : []), ...prefix.slice(orgWords), ...chunkWords.slice(r, r + hit.length)].join(' ');
    const name = honorific && LORDLY.has(rest[0].toLowerCase()) ? rest.join(' ') : nameWords.join(' ');
    if (nameWords.length === 1 && !honorific && !registry.honorificSurnames.has(name)) {
      // "President Bush", "Chancellor Kohl": the full name, if the article gives it, carries the title
      // "King Hussein", "Prince Charles": a royal's title is part of the name
      const royal = ROYAL_TITLES.test(hit.role.toLowerCase());
      registry.surnameRefs.push({ surname: name, sentence, display: royal ? `${chunkWords.slice(r, r + hit.length).join(' ')} ${name}` : name, role, ...(organisation ? { organisation } : {}), ...(royal ? { whole: true } : {}) });
      return true;
    }
    personWithContext(registry, name, sentence, '', after, role, organisation);
    void text;
    return true;
  }
  return false;
}

/** Offices held in a company, written after its name ("Kellogg Chairman", "Acme Chief Executive"). */
const COMPANY_OFFICES = /^(?:chairman|chairwoman|chairperson|vice chairman|deputy chairman|chief executive(?: officer)?|chief (?:financial|operating|investment|information|technology) officer|(?:executive |senior )?vice president|managing director|finance director|founder|co-founder)$/;

/** Capitalised words before a company office that can be the company: no qualifier, adjective of party or nation, title or (opening the sentence) common word. */
function companyPrefix(registry: EntityRegistry, prefix: string[], opening: boolean): boolean {
  return prefix.every((w, i) => {
    const lower = w.toLowerCase();
    if (!/^\p{Lu}[\p{L}\p{N}&'’-]*$/u.test(w) || ROLE_MODIFIERS.has(lower) || STOP_WORDS.has(lower) || CAPITALISED_STOPWORDS.has(lower) || roleAt([w], 0)) return false;
    if (ROLE_ADJECTIVE.test(w) || NATIONAL_ADJECTIVE.test(w) || /\p{Ll}(?:an|ic|al)$/u.test(w) || DEMONYMS.has(w)) return false;
    return !(opening && i === 0 && registry.lowerCaseWords.has(lower));
  });
}

/** Titles that name one person by surname alone when written capitalised before it ("President Bush", "Gen. Powell"). */
const SURNAME_TITLES = /^(?:(?:vice[ -])?president|(?:deputy )?prime minister|chancellor|(?:[a-z]+ )?secretary|(?:[a-z]+ )?minister|premier|senator|governor|mayor|king|queen|prince|princess|pope|judge|justice|chief justice|sheikh|ayatollah|emperor|sultan|emir|speaker|commissioner|ambassador|gen|sen|gov|rep|lt|col|sgt|capt|adm|cmdr|lieutenant|colonel|admiral|commander|sergeant|detective|inspector|superintendent|archbishop|bishop|cardinal|rabbi|pastor|imam)$/;

/**
 * A capitalised title and one capitalised word ("President Bush", "Chancellor Kohl"): a surname when the word is
 * no title, place, organisation or common word of the article ("General Motors", "Executive Officer").
 */
function titleBeforeSurname(registry: EntityRegistry, role: string, written: string, word: string): boolean {
  if (!/^\p{Lu}/u.test(written) || !SURNAME_TITLES.test(role.toLowerCase().replace(/\.$/, ''))) return false;
  if (!/^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(word) || /['’]s$/.test(word)) return false;
  const lower = word.toLowerCase();
  if (registry.lowerCaseWords.has(lower) || STOP_WORDS.has(lower) || CAPITALISED_STOPWORDS.has(lower) || roleAt([word], 0) || ORG_HEADS.has(lower) || PLACE_HEADS.has(lower)) return false;
  return !DEMONYMS.has(word) && (!FIRST_NAMES.has(lower) || ROYAL_TITLES.test(role.toLowerCase())) && !placeByName(word);
}
const ROYAL_TITLES = /^(?:king|queen|prince|princess|crown prince|pope|emperor|empress|sultan|emir|sheikh)$/;

interface NameContext {
  before: string;
  after: string;
  toks: Token[];
  possessive: boolean;
  initial: boolean;
}

/** A role and a name follow: the name before them is an organisation ("Merrill Lynch food analyst William Maguire"). */
function roleFollows(after: string): boolean {
  const m = /^\s+((?:[a-z-]+\s+){0,3})\p{Lu}/u.exec(after);
  if (!m) return false;
  const ws = m[1].trim().split(/\s+/);
  return ws.some((w, i) => roleAt(ws, i) !== null);
}

const BUSINESS_APPOSITIVE = new RegExp(`^,\\s+its\\s+(?:[a-z-]+\\s+){0,3}(?:${BUSINESS_RELATIONS.join('|')})\\b`);

/** Evidence that a capitalised pair is a person's name, from the words around it. */
function personEvidence(registry: EntityRegistry, ctx: NameContext, name: string): boolean {
  const { before, after, toks } = ctx;
  const lower = toks.map((t) => t.lower);
  // "Tony Hawk's Underground 2": a name owning a capitalised title is a title
  if (ctx.possessive && /^\s*\p{Lu}/u.test(after) && !/^\s*(?:Mr|Mrs|Ms|Dr)\b/.test(after)) return false;
  const role = appositiveRole(after);
  // "John Deere, its current source of chassis": a person is no business's supplier or lender
  // (but may be its owner or its rival: "Mike Ashley, its owner")
  if (!role && BUSINESS_APPOSITIVE.test(after)) return false;
  if (FIRST_NAMES.has(lower[0]) || registry.honorificSurnames.has(toks[toks.length - 1].text)) return true;
  if (role || roleBefore(before, after)) return true;
  // "Yvon Bussieres was named chief operating officer"
  const office = NAMED_TO.exec(after);
  if (office && appositiveRole(`, ${after.slice(office[0].length)}`)) return true;
  // (not "guerrillas from Anlong Veng, who have …": after a preposition of place a plural clause is about the
  // people there; "a letter from Kwame Nkrumah, who had written" is a person's)
  if (/^,\s+(?:who\b|\d{1,3}\s*[,.)]|(?:the|a|an|his|her)\s+(?:\d{1,3}[\s-]year[\s-]old\s+)?(?:[a-z]+\s+){0,2}?(\w+))/.test(after) && !(/^,\s+who\s+(?:have|are|were)\b/.test(after) && /\b(?:from|in|at|near)\s+$/.test(before))) {
    const kin = /^,\s+(?:the|a|an|his|her)\s+(?:\d{1,3}[\s-]year[\s-]old\s+)?(?:[a-z]+\s+){0,2}?(\w+)/.exec(after);
    if (!kin || /^,\s+(?:who\b|\d)/.test(after) || KINSHIP_WORDS.has(kin[1])) return true;
  }
  // "said Aidan O'Carroll", but not "says Merrill Lynch food analyst William Maguire"
  if (toks.length <= 3 && (SAYING.test(after) || (SAID_BEFORE.test(before) && !roleFollows(after)))) return true;
  // "according to Jo Baines", "starring Ned Potter", "directed by Ann Lee"
  if (toks.length <= 3 && PERSON_BEFORE.test(before)) return true;
  // "three of the company's directors, Burt Sugarman, James Trotter and …": a role in the plural before a list of names
  const listed = listedAfterPluralRole(before, after, lower);
  if (listed && singularRole(listed)) return true;
  // "Jo Baines's wife", "Ned Potter's own"
  if (ctx.possessive && /^\s*(?:own|late|(?:[a-z]+\s+)?(?:wife|husband|son|daughter|father|mother|brother|sister|widow|family|children|parents|partner|girlfriend|boyfriend|career|lawyer|lawyers|spokesman|spokeswoman|agent|manager|aide|aides|bodyguard|bodyguards|biographer|assassin|assassins|assassination|murder|murderer|killer|killers|funeral|death))\b/.test(after)) return true;
  // "Name, a …, said": an appositive, then the reporting verb
  if (/^,\s+(?:a|an|the)\s+[^,]{3,80},\s+(?:said|says|told|added)\b/.test(after)) return true;
  void name;
  return false;
}

export function classifyName(scan: SentenceScan, name: string, ctx?: NameContext): void {
  const { registry, sentence } = scan;
  // "U.N.", "U.S.": the initials without their full stops, unless they are a US state's ("N.J.")
  if (DOTTED.test(name) && !US_STATE_ABBREVIATIONS.has(name.toLowerCase().replace(/\.$/, ''))) name = name.replace(/\./g, '');
  // "Peoria, Ill.", "Phoenix, Ariz.": a state's abbreviation after a town
  const state = US_STATE_ABBREVIATIONS.get(name.toLowerCase().replace(/\.$/, ''));
  if (state && (DOTTED.test(name) || (ctx && /\p{Lu}[\p{L}.'-]*,\s*$/u.test(ctx.before)))) {
    registry.addPlace(state, 'region', sentence);
    return;
  }
  const ws = words(name);
  const lower = ws.map((w) => w.toLowerCase());

  // Known organisation, acronym or alias
  const found = registry.findOrg(name);
  if (found) {
    found.sentences.add(sentence);
    return;
  }
  const known = knownOrganisation(name);
  if (known) {
    registry.addOrg(known.name, sentence, known.acronym, [name.replace(/^the\s+/i, '')]);
    return;
  }
  // Prefix of a known organisation's name ("Collective Security Treaty" → "... Treaty Organization")
  if (ws.length >= 2) {
    const prefixOf = registry.orgStartingWith(name);
    if (prefixOf) {
      registry.addAlias(prefixOf, name);
      prefixOf.sentences.add(sentence);
      return;
    }
  }
  // "the IRA-allied Sinn Fein party", "the Soviet-led Warsaw Pact": who backs or leads a body is no part of its name
  const backed = /^(\p{L}[\p{L}.]*)-(?:allied|backed|led|owned|controlled|run|funded|linked|affiliated|dominated|sponsored)$/u.exec(ws[0]);
  if (ws.length >= 2 && backed) {
    // (the backer is named on its own: "the Iran-backed Houthi movement" names Iran)
    const backer = placeByName(backed[1]);
    if (backer) registry.addPlace(backer.name, backer.kind, sentence);
    classifyName(scan, ws.slice(1).join(' '));
    return;
  }
  // "a Libyan World Court case", "the British Foreign Office": a nationality before a body or place already named
  // qualifies it (a one-word body keeps it: "Scottish Parliament")
  if (ws.length >= 3 && (DEMONYMS.has(ws[0]) || NATIONAL_ADJECTIVE.test(ws[0])) && !placeByName(ws[0])) {
    const rest = ws.slice(1).join(' ');
    const restPlace = placeByName(rest);
    if (registry.findOrg(rest) || knownOrganisation(rest) || (restPlace && restPlace.kind !== 'other')) {
      classifyName(scan, rest);
      return;
    }
  }
  // "the film Harry Lime", "her novel "Molly Brand"": the title of a work names no person or organisation
  if (ctx && (workTitleBefore(ctx.before) || (/["“‘]$/.test(ctx.before) && /^["”’]/.test(ctx.after)))) return;
  const place = placeByName(name);
  if (place && (place.kind !== 'other' || PLACE_HEADS.has(lower[lower.length - 1]) || !ORG_HEADS.has(lower[lower.length - 1]))) {
    registry.addPlace(place.name, place.kind, sentence);
    return;
  }
  // "Norfolk Southern", "Canadian Pacific": a compass or ocean word after a place names a company (a railway, an
  // airline) called after it; English puts a place's part before it ("South Wales"), never after
  // (not a continent's ocean side, "Asia Pacific", nor a place's coast or region: "Japan Pacific coast")
  if (ws.length >= 2 && COMPANY_AFTER_PLACE.has(lower[lower.length - 1]) && !CONTINENTS.has(lower.slice(0, -1).join(' '))
    && !(ctx && PART_OF_PLACE_AFTER.test(ctx.after)) && (placeByName(ws.slice(0, -1).join(' ')) || placeOfDemonym(ws.slice(0, -1)))) {
    registry.addOrg(name, sentence);
    return;
  }
  if (ws.length === 1 && DEMONYMS.has(name)) return; // handled as a place already
  // "Darlington Council", "Preston City Council": the place is named too
  if (ws.length >= 2 && lower[lower.length - 1] === 'council') {
    let head = ws.slice(0, -1);
    if (/^(?:city|county|borough|district|town)$/.test(head[head.length - 1].toLowerCase())) head = head.slice(0, -1);
    const placeName = head.join(' ');
    if (head.length >= 1 && head.length <= 3 && head.every((w) => /^\p{Lu}/u.test(w))) {
      const p = placeByName(placeName);
      registry.addPlace(p?.name ?? placeName, p?.kind ?? 'city', sentence);
    }
  }
  // "Chief Executive", "Managing Director": a title alone names no body
  if (roleAt(ws, 0)?.length === ws.length) return;
  if (ws.length >= 2 && lower.some((w, i) => ORG_HEADS.has(w) && (i > 0 || lower.includes('of') || lower.includes('for')))) {
    registry.addOrg(name, sentence);
    // "UK Treasury", "US Treasury": the country is named too
    // ("Canadian Bond Rating Service": a nationality names the country's people, listed only where the text names it)
    const demonym = placeByName(ws[0]) ? null : placeOfDemonym([ws[0]]);
    const country = placeByName(ws[0]) ?? (demonym ? placeByName(demonym) : null);
    if (country && country.kind === 'country') registry.addPlace(country.name, country.kind, sentence, Boolean(demonym));
    return;
  }
  if (ws.length === 1 && isAcronym(name)) {
    if (NOT_ORG_ACRONYMS.has(name.toUpperCase()) || registry.thingAcronyms.has(name)) return;
    // "U2", "GT4", "A380": a band, a product or a plane; the context pass decides
    if (/\d/.test(name)) {
      if (ctx) pend(scan, name, ctx);
      return;
    }
    const use = registry.acronyms.get(name) ?? { sentences: new Set<number>(), asName: false };
    use.sentences.add(sentence);
    use.asName ||= !ctx || acronymAsName(ctx.after);
    registry.acronyms.set(name, use);
    return;
  }
  if (!ctx) {
    if (ws.length >= 2) registry.addOrg(name, sentence);
    return;
  }
  // "South African", "North Korean": a demonym with a direction names a place
  const lastDemonym = DEMONYMS.get(ws[ws.length - 1]);
  if (lastDemonym) {
    const composed = `${ws.slice(0, -1).join(' ')} ${lastDemonym}`.trim().toLowerCase();
    // (the adjective names the place's people or things, not the place: listed only where the text names it)
    if (PLACES.has(composed)) registry.addPlace(PLACE_NAMES.get(composed) ?? composed, PLACES.get(composed) ?? 'country', sentence, true);
    return;
  }
  const { toks } = ctx;
  // "James M. Trotter III", "Louis Jones Jr.": a generational suffix ends a person's name
  // (after a given name or a middle initial only: "World War II" is no one)
  const suffixed = toks.length >= 3 && GENERATION.test(toks[toks.length - 1].text) && (FIRST_NAMES.has(toks[0].lower) || toks.some((t) => /^\p{Lu}$/u.test(t.text)));
  const core = suffixed ? toks.slice(0, -1) : toks;
  const nameLike = !name.includes('&') && core.length >= 2 && core.length <= 4 && isNameToken(core[0]) && isNameToken(core[core.length - 1])
    && core.every((t) => isNameToken(t) || NAME_PARTICLES.has(t.text));
  // "Unicorp Canada": a name ending in a country is a company's or a place's, not a person's
  const endsInCountry = placeByName(ws[ws.length - 1])?.kind === 'country';
  if (nameLike && !endsInCountry && !NOT_ORG_TAILS.has(core[core.length - 1].lower) && !lower.some((w) => ORG_HEADS.has(w))) {
    if (personEvidence(registry, ctx, name)) {
      personWithContext(registry, name, sentence, ctx.before, ctx.after);
      return;
    }
    // an unknown capitalised pair: could be a person, a band or a product; the context pass decides
    if (!placesIn(registry, toks, sentence, ctx.before, ctx.after)) pend(scan, name, ctx, true);
    return;
  }
  // Places inside other names ("Tajikistan-Afghanistan Border Security")
  if (placesIn(registry, toks, sentence, ctx.before, ctx.after)) return;
  if (NOT_ORG_TAILS.has(lower[lower.length - 1])) return;
  pend(scan, name, ctx);
}

/**
 * "other OPEC oil cartel members", "the Nato military alliance": the acronym names the body the noun says it is. Not
 * a cause's movement ("the XYZ rights movement", "the XYZ investing movement"): the acronym is what it is about.
 */
const ACRONYM_BODY_AFTER = /^\s+(?!(?:[a-z-]+\s+)?(?:rights|[a-z-]+ing)\s+movement\b)(?:[a-z-]+\s+){0,2}(?:cartel|alliance|bloc|organi[sz]ation|union|agency|watchdog|party|movement)\b/;

/** An acronym used as a name ("the UN said", "with the WTO") rather than before a noun only ("ID cards", "PAL version"). */
function acronymAsName(after: string): boolean {
  const next = /^\s*([\p{L}]+)/u.exec(after);
  if (!next || !/^\s/.test(after)) return true;
  const w = next[1];
  if (/^\p{Lu}/u.test(w)) return true;
  // "other OPEC oil cartel members", "the Nato military alliance": the acronym names the body the noun says it is
  if (ACRONYM_BODY_AFTER.test(after)) return true;
  return STOP_WORDS.has(w) || REPORTING_VERBS.includes(w) || /^(?:member|members|officials?|ministers?|chiefs?|spokes(?:man|woman|person)|leaders?|correspondents?|commission|countries|states|ambassador|envoy|president|chairman|director|head|boss|secretary|staff|troops|forces|summit|meeting|talks|agreed|called|wants|plans)$/.test(w);
}

function pend(scan: SentenceScan, name: string, ctx: NameContext, personLike = false): void {
  if (ctx.toks.length === 1 && (CAPITALISED_STOPWORDS.has(ctx.toks[0].lower) || FIRST_NAMES.has(ctx.toks[0].lower))) return;
  scan.registry.pending.push({
    name,
    sentence: scan.sentence,
    before: ctx.before,
    after: ctx.after,
    initial: ctx.initial,
    possessive: ctx.possessive,
    words: ctx.toks.map((t) => t.text),
    personLike,
  });
}

/** Last words that make a place's name a company's ("Norfolk Southern", "Canadian Pacific", "Virgin Atlantic"). */
const COMPANY_AFTER_PLACE = new Set(['southern', 'northern', 'eastern', 'western', 'pacific', 'atlantic']);
const CONTINENTS = new Set(['asia', 'europe', 'africa', 'america', 'americas', 'australasia', 'eurasia', 'oceania', 'antarctica']);
/** A place's part or waters after "X Pacific" ("the Japan Pacific coast", "India Atlantic waters"): a place, no company. */
// (nor routes across it: "its Australia Pacific routes", "Japan Atlantic flights"; a company's "traffic" or
// "services" are its own: "Norfolk Southern traffic")
const PART_OF_PLACE_AFTER = /^[\s-]+(?:coasts?|coastline|seaboard|rim|region|regions|ocean|waters|islands|basin|shores?|side|states|nations|countries|routes?|flights?|crossings?|shipping\s+lanes)\b/;
/** Words that make a new place's name out of a known one ("East Palestine", "New Glasgow", "Port Moresby"). */
const PLACE_NAME_PREFIXES = new Set(['east', 'west', 'north', 'south', 'new', 'port', 'fort', 'mount', 'upper', 'lower', 'great', 'little']);

/** Compass points (and Upper/Lower) that name a part of a country or region ("South Wales", "Upper Egypt"). */
const COMPASS_PREFIXES = new Set(['east', 'west', 'north', 'south', 'upper', 'lower']);

/** "the suburb of West Jordan": a word for a town before the name. */
const TOWN_OF = /\b(?:suburb|town|city|village|township|borough|municipality)\s+of\s+$/i;

/** ", Ohio", ", Queensland": the state or region a town is written with after its name. */
function regionFollows(after: string): boolean {
  const m = /^,\s+(\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)/u.exec(after);
  if (!m) return false;
  const kind = PLACES.get(m[1].toLowerCase()) ?? PLACES.get(m[1].split(/\s+/)[0].toLowerCase());
  return kind === 'region' || kind === 'country';
}

/** The longest known place starting at parts[k]: its key, kind and length in words. */
function knownPlaceAt(parts: string[], k: number): { key: string; kind: NonNullable<ReturnType<typeof PLACES.get>>; n: number } | null {
  for (let n = Math.min(MAX_PLACE_TOKENS, parts.length - k); n >= 1; n--) {
    const key = parts.slice(k, k + n).join(' ').toLowerCase();
    const kind = PLACES.get(key);
    if (kind) return { key, kind, n };
  }
  return null;
}

/** Places named inside a chunk, longest match first; hyphenated words are split ("Tajikistan-Afghanistan"). */
function placesIn(registry: EntityRegistry, tokens: Token[], sentence: number, before = '', after = ''): boolean {
  const parts: string[] = [];
  for (const t of tokens) parts.push(...t.text.split('-'));
  let found = false;
  for (let k = 0; k < parts.length; k++) {
    const hit = knownPlaceAt(parts, k);
    if (hit) {
      registry.addPlace(PLACE_NAMES.get(hit.key) ?? hit.key, hit.kind, sentence);
      k += hit.n - 1;
      found = true;
      continue;
    }
    // "East Palestine, Ohio", "New Britain": a capitalised direction or "New" before a known country or region
    // names a town, not that country (known pairs, "South Africa", "West Bank", "New Mexico", matched above; a
    // part of a city, "East London", still names the city)
    const next = PLACE_NAME_PREFIXES.has(parts[k].toLowerCase()) && /^\p{Lu}/u.test(parts[k]) ? knownPlaceAt(parts, k + 1) : null;
    if (next && (next.kind === 'country' || next.kind === 'region')) {
      const name = parts.slice(k, k + 1 + next.n).join(' ');
      // "South Wales", "West Bengal", "Upper Egypt": a compass point (or Upper/Lower) before a country or region
      // usually names a part of it, which lies in that country; a town ("East Palestine, Ohio") is written with
      // the state or region it lies in after it or is called one before it ("the suburb of West Jordan"), and
      // "New", "Port", "Fort"… make towns
      const part = COMPASS_PREFIXES.has(parts[k].toLowerCase()) && !(k === 0 && TOWN_OF.test(before)) && !(k + 1 + next.n === parts.length && regionFollows(after));
      registry.addPlace(name, part ? 'region' : 'city', sentence);
      if (part && next.kind === 'country') registry.addPlace(PLACE_NAMES.get(next.key) ?? next.key, next.kind, sentence);
      k += next.n;
      found = true;
    }
  }
  return found;
}

export function personWithContext(registry: EntityRegistry, name: string, sentence: number, before: string, after: string, givenRole?: string, givenOrg?: string): void {
  let role: string | undefined = givenRole;
  let organisation: string | undefined = givenOrg;
  const rb = role ? null : roleBefore(before, after);
  if (rb) {
    role = rb.role;
    organisation = organisation ?? rb.organisation;
  }
  // "Ann Lee and Bo Chan, attorneys for Mr. X,": the appositive after the second name is the first's too
  const pair = /^\s+and\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*))*(?=,)/u.exec(after);
  const pairRest = pair && !role ? after.slice(pair[0].length) : '';
  const pluralAfterPair = /^,\s+(?:[a-z-]+\s+){0,3}?[a-z-]+(?:s|men)\b/.exec(pairRest)?.[0].split(/\s+/).some((w) => singularRole(w) !== null);
  // "… and Jack Arseneault, attorneys for Mr. X": the second of two names
  const secondOfPair = /\p{Lu}[\p{L}'’.-]*\s+and\s+$/u.test(before);
  let ap = pluralAfterPair ? appositiveRole(pairRest, true) : appositiveRole(after, secondOfPair);
  // "producers Jon Peters and Peter Guber", "three Soviet astronauts, Valery Kubasov, Leonid Popov and …": a role
  // in the plural before a list of names is each one's
  if (!role && !rb) {
    const listed = listedAfterPluralRole(before, after, name.toLowerCase().split(/\s+/));
    const singular = listed ? singularRole(listed) : null;
    if (singular) role = singular;
  }
  // "X was named chairman and chief executive of Y", "X resigned as general manager": the office the sentence gives
  const office = role || ap ? null : NAMED_TO.exec(after);
  const named = office ? appositiveRole(`, ${after.slice(office[0].length)}`) : null;
  if (named) ap = named;
  // "X is chairman of Y", "X, is a senior official of a group": an office held in a body, said of the subject
  const copula = role || ap ? null : COPULAR_OFFICE.exec(after);
  const held = copula ? appositiveRole(`, ${after.slice(copula[0].length)}`) : null;
  if (held) ap = held;
  let employer = false;
  if (ap) {
    // "Dr Ann Lee, a surgeon": the office after the name, not the honorific before it
    role = role !== undefined && writtenOutRole(role) !== undefined ? role : ap.role;
    employer = !organisation && Boolean(ap.employer);
    organisation = organisation ?? ap.organisation;
  }
  // "Xbox's Peter Moore": the owner named right before the name is the person's organisation
  organisation ??= /(?:^|[\s,"“(])(\p{Lu}[\p{L}\p{N}&.-]*)['’]s\s+$/u.exec(before)?.[1];
  if (organisation && (registry.isPersonWord(organisation) || CAPITALISED_STOPWORDS.has(organisation.toLowerCase()))) organisation = undefined;
  // "Meridian's Compliance Department", "Qantas' India": a part of the owner names the owner, unless the part
  // is a body named in full ("the White House's Council of Economic Advisers")
  // (a class of people before a body's head word is part of its name, no owner: "the Women's League", "the
  // Transport Workers' Union"; "Qantas' India" is Qantas's)
  const peoplesBody = organisation !== undefined && /^(?:\p{Lu}[\p{L}-]*\s+)*(?:(?:People|Women|Children|Men)['’]s|\p{Lu}[\p{L}-]*s['’])\s/u.test(organisation)
    && ORG_HEADS.has((organisation.split(/\s+/).pop() as string).toLowerCase());
  const owned = organisation && !peoplesBody ? /^(.+?)['’]s?\s+(\p{Lu}.*)$/u.exec(organisation) : null;
  if (owned) {
    const namedBody = /\s(?:of|for|on)\s/.test(owned[2]) && ORG_HEADS.has(owned[2].split(/\s+/)[0].toLowerCase());
    attachOrganisation(registry, owned[1], sentence);
    organisation = namedBody ? owned[2] : owned[1];
  }
  // "Peter Quint's spokesman", "Mr. Bush's deputy adviser": a person's name, not an organisation
  const honorific = organisation ? /^(?:Mr|Mrs|Ms|Dr)\.?\s+(\p{Lu}[\p{L}'’-]+)$/u.exec(organisation) : null;
  if (honorific) {
    registry.surnameRefs.push({ surname: honorific[1], sentence, display: organisation as string });
    organisation = undefined;
  } else if (organisation && !employer && personShaped(organisation)) {
    registry.addPerson(organisation, sentence);
    organisation = undefined;
  }
  if (organisation) organisation = attachOrganisation(registry, organisation, sentence);
  registry.addPerson(name, sentence, role, organisation);
}

/** A role in the plural, then names before this one in a list ("directors, Ann Lee, Bo Chan and ", "three directors: Ann Lee and "). */
const PLURAL_ROLE_BEFORE_LIST = /\b([a-z][a-z-]*(?:s|men))[,:]?\s+(?:(?:\p{Lu}[\p{L}'’.-]*\s+)*\p{Lu}[\p{L}'’.-]*(?:,\s+(?:and\s+)?|\s+and\s+))*$/u;

/**
 * The plural role before a list of names this one is in ("producers Jon Peters and Peter Guber"), when the name
 * is listed as a person would be: not a body ("diplomats, Oxfam and Amnesty International") nor the first word
 * of a noun phrase ("ministers, Red Crescent officials and aid workers").
 */
function listedAfterPluralRole(before: string, after: string, words: string[]): string | null {
  const listed = PLURAL_ROLE_BEFORE_LIST.exec(before);
  if (!listed || words.some((w) => ORG_HEADS.has(w) || w === 'international')) return null;
  // (a name before the people or staff it qualifies: "Red Crescent officials", "Halden Trust staff")
  const next = /^\s+([a-z][a-z-]*)/.exec(after)?.[1];
  if (next && (singularRole(next) || ORG_ATTRIBUTES.has(next))) return null;
  // the names listed before this one are people's too, each of two words or more ("Oxfam and …" is no one's)
  const items = listed[0].replace(/^[a-z][a-z-]*[,:]?\s+/, '').split(/,\s+(?:and\s+)?|\s+and\s+/).filter((x) => x.trim());
  if (items.some((x) => !/\s/.test(x.trim()))) return null;
  return listed[1];
}

/** A verb that gives someone an office: "was named", "has been appointed", "was elected", "resigned as", "stepped down as". */
const NAMED_TO = /^\s+(?:(?:was|were|has\s+been|had\s+been|is|will\s+be)\s+(?:named|appointed|elected|promoted\s+to|made)(?:\s+as)?|(?:resigned|stepped\s+down|retired|quit)\s+as)\s+(?=[a-z])/;

/** The name is the subject of "is"/"was" and an office in a body follows ("is a senior official of", "was chairman at"). */
const COPULAR_OFFICE = /^,?\s+(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?(?=(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,3}?[a-z-]+\s+(?:of|for|at|with)\s)/;

/** A generational suffix after a surname. */
const GENERATION = /^(?:Jr|Sr|II|III|IV)\.?$/;

/** A given name and a surname (or two), nothing that makes them an institution or a place. */
function personShaped(name: string): boolean {
  const ws = words(name);
  if (ws.length < 2 || ws.length > 3 || !FIRST_NAMES.has(ws[0].toLowerCase())) return false;
  if (!ws.every((w) => /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(w))) return false;
  return !ORG_HEADS.has(ws[ws.length - 1].toLowerCase()) && !knownOrganisation(name) && !placeByName(name) && !placeByName(ws[ws.length - 1]);
}

/** An organisation a person belongs to, registered as what it is (a country, a known body, a new one); the name to show. */
function attachOrganisation(registry: EntityRegistry, given: string, sentence: number): string {
  let organisation = given;
  const demonym = placeOfDemonym(words(organisation));
  const known = knownOrganisation(organisation);
  const org = registry.findOrg(organisation) ?? (known ? registry.addOrg(known.name, sentence, known.acronym, [organisation]) : undefined);
  if (demonym) {
    organisation = demonym;
    registry.addPlace(demonym, PLACES.get(demonym.toLowerCase()) ?? 'country', sentence);
  } else if (org) {
    organisation = org.acronym && org.acronym === organisation.replace(/^the\s+/i, '') ? org.acronym : org.name;
    org.sentences.add(sentence);
  } else if (placeByName(organisation)) {
    const place = placeByName(organisation)!;
    registry.addPlace(place.name, place.kind, sentence);
  } else if (!registry.isPersonWord(organisation) && !(words(organisation).length === 1 && NATIONAL_ADJECTIVE.test(organisation))) {
    // ("his Cambodian interpreter": a nationality the word list lacks is no body either)
    registry.addOrg(organisation, sentence);
  }
  return organisation;
}
