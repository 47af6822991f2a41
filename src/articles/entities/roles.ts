// Roles around a name, from the words before or after it: "Prime Minister Tony Blair", "India's petroleum
// minister Mani Shankar Aiyar", "Jane Doe, the chief executive of Acme", "John Holliday, 37, a huntsman from
// Ledbury", "said Aidan O'Carroll, E&Y's UK head of tax". Pure functions of text, each testable alone.
import { isAcronym } from '../../language/name-tokens';
import { ORG_HEADS } from '../../language/organisations';
import { knownOrganisation } from './known';
import { MAX_ROLE_TOKENS, PORTFOLIO_WORDS, REPORTING_VERBS, ROLE_MODIFIERS, ROLE_SET } from '../../language/people';
import { DEMONYMS, PLACE_HEADS, PLACES } from '../../language/places';
import { CAPITALISED_STOPWORDS, STOP_WORDS } from '../../language/stop-words';

export interface RoleFound {
  role: string;
  organisation?: string;
  /** The organisation follows "at" or "with" ("an analyst with X"): a body someone works at, never a person. */
  employer?: boolean;
}

const ROLE_FIRST_WORDS = new Set([...ROLE_SET].map((r) => r.split(' ')[0]));
const ROLE_LAST_WORDS = new Set([...ROLE_SET].map((r) => r.split(' ').pop() as string));
const VERBS = new Set([...REPORTING_VERBS, 'include', 'includes', 'including', 'included', 'featuring', 'starring', 'like', 'unlike', 'such', 'met', 'meets', 'meet', 'named', 'appointed', 'elected', 'replaced', 'backed', 'blamed', 'quoted', 'called', 'asked', 'urged', 'joined', 'thanked', 'criticised', 'accused', 'attacked', 'praised', 'sacked']);
/** Time and place words that never qualify a role ("last month after bassist X"). */
const NOT_QUALIFIERS = new Set(['month', 'week', 'year', 'day', 'night', 'morning', 'evening', 'weekend', 'time', 'ago', 'says', 'said', 'while', 'whose', 'versus']);
/** Sentence adverbs ("Separately", "Certainly"), capitalised only by opening the sentence. */
export const ADVERB = /^[a-z]{3,}(?:al|ate|ent|ant|ous|ive|ab|ib|ed|ing|ain|ear|ss|ful|ct|ar|us)ly$/;
/** Verbs in the past tense opening a sentence ("Replied State Department officials: …"). */
export const PAST_TENSE = /^[a-z]{3,}(?:ied|ated|cted|sted|ssed|ised|ized|ked|ped|ved|hed)$/;
/** Adjectives that qualify a role and name no body ("Parliamentary president", "Presidential spokesman"). */
export const ROLE_ADJECTIVE = /^\p{Lu}\p{Ll}{3,}(?:ary|ial|ive|ous)$/u;

/** "Montreal-based", "Anglo-French": one word saying where someone or something is based or from, never a body. */
export function basedOrFrom(word: string): boolean {
  return /-based$/i.test(word) || (word.includes('-') && DEMONYMS.has(word.split('-').pop() as string));
}

/** Lower-case words that may qualify a role before its head ("petroleum minister", "senior policy adviser"). */
const MAX_QUALIFIERS = 3;

function bare(word: string): string {
  return word.toLowerCase().replace(/[,.;:]$/, '');
}

/** Longest role title starting at words[i] (case-insensitive), with its length in words. */
export function roleAt(ws: string[], i: number): { role: string; length: number } | null {
  if (i >= ws.length || !ROLE_FIRST_WORDS.has(bare(ws[i]))) return null;
  for (let n = Math.min(MAX_ROLE_TOKENS, ws.length - i); n >= 1; n--) {
    const candidate = ws.slice(i, i + n).join(' ').toLowerCase().replace(/[,.;:]$/, '');
    if (ROLE_SET.has(candidate)) return { role: ws.slice(i, i + n).join(' ').replace(/[,.;:]$/, ''), length: n };
  }
  return null;
}

/** Longest role title ending exactly at words[end - 1]. */
export function roleEndingAt(ws: string[], end: number): { role: string; start: number } | null {
  if (end < 1 || !ROLE_LAST_WORDS.has(bare(ws[end - 1]))) return null;
  for (let n = Math.min(MAX_ROLE_TOKENS, end); n >= 1; n--) {
    const candidate = ws.slice(end - n, end).join(' ').toLowerCase();
    if (ROLE_SET.has(candidate)) return { role: ws.slice(end - n, end).join(' '), start: end - n };
  }
  return null;
}

/** A lower-case word that can qualify a role ("petroleum", "home affairs", "royal"): not a function word or a verb. */
function isQualifier(word: string): boolean {
  if (!/^[a-z][a-z-]*$/.test(word)) return false;
  if (STOP_WORDS.has(word) || CAPITALISED_STOPWORDS.has(word) || VERBS.has(word) || NOT_QUALIFIERS.has(word)) return false;
  return !/(?:ed|ly)$/.test(word) || ROLE_MODIFIERS.has(word);
}

/** The qualifiers right before words[start] ("former", "petroleum", "senior policy"), as a start index. */
function qualifiersBefore(ws: string[], start: number): number {
  let i = start;
  while (i > 0 && start - i < MAX_QUALIFIERS && (ROLE_MODIFIERS.has(ws[i - 1].toLowerCase()) || isQualifier(ws[i - 1]))) i--;
  return i;
}

/** "of tax", "of elections strategy": a lower-case complement that belongs to the role ("head of tax"). */
function lowerComplement(rest: string): string {
  const m = /^\s+of\s+((?:[a-z][a-z-]*\s?){1,3})(?=[,.;:]|\s*$|\s+(?:at|in|for|with|and|said|says|who)\b)/.exec(rest);
  if (!m) return '';
  const words = m[1].trim().split(/\s+/);
  return words.every((w) => isQualifier(w)) ? ` of ${words.join(' ')}` : '';
}

/** Organisation named just before a role: "the CSTO's Secretary-General", "Regular Music's director". */
export function orgBefore(before: string): string | undefined {
  const m = /((?:\p{Lu}[\p{L}&.-]*\s+){0,4}\p{Lu}[\p{L}&.-]*)['’]s?\s*$/u.exec(before);
  if (!m || !/['’]/.test(m[0])) return undefined;
  const ws = m[1].replace(/[.]+$/, '').split(/\s+/);
  while (ws.length > 1 && CAPITALISED_STOPWORDS.has(ws[0].toLowerCase())) ws.shift();
  return CAPITALISED_STOPWORDS.has(ws[0].toLowerCase()) ? undefined : ws.join(' ');
}

/** A capitalised name right before a role, as in "Oxfam senior policy adviser", "Gazprom chairman", "Tory leader". */
function nameBefore(words: string[], initialAt: number): string | undefined {
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0 && out.length < 5; i--) {
    const w = words[i];
    if (/^\p{Lu}[\p{L}\p{N}&.'’-]*$/u.test(w) || (out.length > 0 && /^(?:of|for|&)$/.test(w))) out.unshift(w);
    // "Oil and Natural Gas Corporation chairman": "and" inside an institution's name only
    else if (w === 'and' && out.length > 0 && ORG_HEADS.has(out[out.length - 1].toLowerCase()) && i > 0 && /^\p{Lu}/u.test(words[i - 1])) out.unshift(w);
    else break;
  }
  while (out.length && /^(?:of|for|and|&)$/.test(out[0])) out.shift();
  // the first word of a sentence is capitalised whatever it is
  while (out.length && CAPITALISED_STOPWORDS.has(out[0].toLowerCase())) out.shift();
  // "Replied State Department deputy spokesman": a verb or adverb opening the sentence is no part of the name
  if (words.length - out.length === initialAt && out.length >= 3 && (PAST_TENSE.test(out[0].toLowerCase()) || ADVERB.test(out[0].toLowerCase())) && !knownOrganisation(out.join(' '))) out.shift();
  // "Qantas' India manager", "Meridian's Sales Department chief": a part of an organisation names the owner
  const owner = out.findIndex((w, i) => i < out.length - 1 && /['’]s?$/.test(w));
  if (owner >= 0) out.splice(owner + 1);
  if (out.length === 0) return undefined;
  if (out.length === 1 && ROLE_ADJECTIVE.test(out[0]) && !knownOrganisation(out[0])) return undefined;
  if (out.length === 1 && basedOrFrom(out[0])) return undefined;
  if (words.length - out.length === initialAt && out.length === 1 && !/^\p{Lu}{2,}/u.test(out[0]) && !DEMONYMS.has(out[0]) && !PLACES.has(out[0].toLowerCase())) return undefined;
  return out.join(' ').replace(/['’]s?$/, '');
}

/**
 * The role written right before a name: "economy minister" in "Argentina's economy minister, Roberto Lavagna";
 * "Mayor" in "the Mayor of London, Ken Livingstone, …"; "senior policy adviser" of Oxfam in "Oxfam senior
 * policy adviser Max Lawson"; "political editor" of the BBC in "the BBC's political editor Andrew Marr".
 */
export function roleBefore(before: string, after = ''): RoleFound | null {
  // "Chief executive Dr Olu Adebayo", "the transport director, Dr Sunil Varma": an academic or clerical title
  // between a role and the name is the person's style; the role is the office before it
  const styled = /(\s)(?:Dr|Prof|Professor|Rev|Revd)\.?\s+$/.exec(before);
  if (styled) {
    const office = roleBefore(before.slice(0, styled.index + 1), after);
    if (office) return office;
  }
  // "chairman Sir Ian Vallance", "financier Sir James Goldsmith": the honorific stands between the role and the name
  before = before.replace(/(\s)(?:Sir|Dame)\s+$/, '$1');
  // "Argentina's economy minister, Roberto Lavagna, said"; "the Palestinian leader, Mahmoud Abbas."
  if (/,\s*$/.test(before) && /^(?:,|\.|\s*$|\s+(?:who|said|says)\b)/.test(after)) {
    const inner = before.replace(/,\s*$/, '');
    const roleOf = /(\S+(?:\s+\S+){0,2})\s+(?:of|for|to|at)\s+(?:the\s+)?((?:\p{Lu}[\p{L}&.'’-]*\s?){1,4})$/u.exec(inner);
    if (roleOf) {
      const ws = roleOf[1].split(/\s+/);
      const r = roleEndingAt(ws, ws.length);
      if (r) {
        const start = qualifiersBefore(ws, r.start);
        return { role: [...ws.slice(start, r.start), r.role].join(' '), organisation: roleOf[2].trim() };
      }
    }
    const direct = roleBefore(`${inner} `);
    if (direct) return direct;
    // "one of its top leaders, Ieng Sary": one of the holders of a role in the plural holds it
    const oneOf = /\bone\s+of\s+(?:the|its|his|her|their)\s+((?:[a-z-]+\s+){0,2})([a-z-]+)$/.exec(inner);
    const singular = oneOf && singularRole(oneOf[2]);
    if (oneOf && singular && oneOf[1].split(/\s+/).filter(Boolean).every((w) => isQualifier(w))) return { role: `${oneOf[1]}${singular}` };
  }
  const trimmed = before.replace(/\s+$/, '');
  if (trimmed.length === before.length && before.length > 0) return null; // no space before the name
  const ws = trimmed.split(/\s+/).slice(-MAX_ROLE_TOKENS - 8);
  const r = roleEndingAt(ws, ws.length);
  if (!r) return null;
  let start = qualifiersBefore(ws, r.start);
  // "Housing minister", "Later Transport secretary": the field of the office, capitalised, is part of the role
  if (start === r.start && start > 0 && PORTFOLIO_WORDS.has(ws[start - 1].toLowerCase())) start--;
  const role = [...ws.slice(start, r.start), r.role].join(' ');
  const prefix = ws.slice(0, start);
  const initialAt = trimmed.split(/\s+/).length === ws.length ? 0 : -1;
  const organisation = orgBefore(`${prefix.join(' ')} `.trimEnd()) ?? nameBefore(prefix, initialAt);
  return { role, ...(organisation ? { organisation } : {}) };
}

/** A role in the plural, in the singular ("attorneys" → "attorney", "spokesmen" → "spokesman"); null when it is none. */
export function singularRole(word: string): string | null {
  for (const singular of [word.replace(/men$/, 'man'), word.replace(/s$/, ''), word.replace(/es$/, '')]) {
    if (singular !== word && ROLE_SET.has(singular)) return singular;
  }
  return null;
}

/** The role at the start of a phrase, with its qualifiers: "joint leader", "senior policy adviser". */
function roleAtPhrase(phrase: string): { role: string; rest: string; country?: string } | null {
  const ws = phrase.split(/\s+/).filter(Boolean);
  for (let i = 0; i < ws.length && i <= MAX_QUALIFIERS + 1; i++) {
    const r = roleAt(ws, i);
    if (r) {
      // "a former Indian ambassador": a nationality among the qualifiers is the country the role is held for
      const demonym = ws.slice(0, i).find((w) => DEMONYMS.has(w));
      if (ws.slice(0, i).some((w) => !(ROLE_MODIFIERS.has(w.toLowerCase()) || isQualifier(w) || DEMONYMS.has(w)))) return null;
      const role = [...ws.slice(0, i).filter((w) => !DEMONYMS.has(w)), r.role].join(' ');
      const consumed = ws.slice(0, i + r.length).join(' ');
      const idx = phrase.indexOf(consumed);
      const rest = idx >= 0 ? phrase.slice(idx + consumed.length) : '';
      return { role: role + lowerComplement(rest), rest, ...(demonym ? { country: DEMONYMS.get(demonym) } : {}) };
    }
    // a role comes before any preposition: "the son of rock star X" is no rock star
    if (/^(?:of|for|at|to|from|in|with|on|by|who|which|that)$/i.test(ws[i])) return null;
  }
  return null;
}

/** " of the CSTO", " at Donaldson, Lufkin & Jenrette Securities Corp": the body a role is held in. */
const OF_BODY = /^\s+(of|at|for|with|to)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}&.'’-]*)(?:\s+(?:of|for|and|the|amp|&|\p{Lu}[\p{L}\p{N}&.'’-]*))*)/u;
const OF_BODY_WITH_COMMAS = /^\s+(of|at|for|with|to)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}&.'’-]*)(?:\s+(?:of|for|and|the|amp|&|\p{Lu}[\p{L}\p{N}&.'’-]*)|,\s+\p{Lu}[\p{L}\p{N}&.'’-]*)*)/u;

/** A captive's role: held by someone, not working for them. */
const CAPTIVE = /^(?:[a-z-]+\s+)?(?:prisoners?|hostages?|detainees?|inmates?|captives?|internees?)\b/;

/**
 * ", the Secretary-General of the CSTO", ", Afghanistan's envoy to the United Nations", ", who is director of
 * X", ", 37, a huntsman from Ledbury", ", E&Y's UK head of tax", ", a former Eton pupil and joint leader of …".
 */
export function appositiveRole(after: string, plural = false): RoleFound | null {
  // ", then the guerrilla group's leader": a time word before the appositive's article
  const appositive = /^,\s+(?:\d{1,3},\s+)?(?:who\s+(?:is|was)\s+)?(?:(?:then|now)\s+)?(?:(?:the|a|an)\s+)?/.exec(after);
  if (!appositive) return null;
  // "chief executive officer of Toledo, Ohio-based Meridian": the body is the one based there, not the town
  const full = after.slice(appositive[0].length).replace(/^([^,;:]*?\s(?:of|at|with|for)\s+)(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}?\p{Lu}[\p{L}.'’-]*,\s+\p{Lu}[\p{L}.'’-]*-based\s+(?=\p{Lu})/u, '$1');
  let phrase = full.split(/[,;:()"“”]|\s[-–]\s/)[0];
  // ", a vice president at Donaldson, Lufkin & Jenrette Securities Corp.": a company's name written with commas goes on to its legal form
  // (joined by "and", only the legal form may follow it: "Smith, Barney and Co."; "Ford, Chrysler and General Motors
  // Corp." and "Nomura, Nikko and Daiwa Securities" are lists of companies)
  const commaName = /^(?:,\s+(?:\p{Lu}[\p{L}'’-]*\s+)*?\p{Lu}[\p{L}'’-]*)+(?:\s+(?:amp|&)\s+(?:\p{Lu}[\p{L}'’-]*\s+)*|\s+and\s+|\s+(?:\p{Lu}[\p{L}'’-]*\s+)*)(?:Corp|Co|Inc|Cos|Ltd|PLC|Securities|LP)\b\.?/u.exec(full.slice(phrase.length));
  const commaJoined = Boolean(commaName && /\s(?:at|with|of|for)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*$/u.test(phrase));
  if (commaName && commaJoined) phrase += commaName[0];
  const possessiveOrg = /^((?:\p{Lu}[\p{L}\p{N}&.-]*\s+){0,4}\p{Lu}[\p{L}\p{N}&.-]*)['’]s?\s+/u.exec(phrase);
  let roleText = possessiveOrg ? phrase.slice(possessiveOrg[0].length) : phrase;
  // "the guerrilla group's leader", "the company's president": a body named by a common noun owns the role
  if (!possessiveOrg) roleText = roleText.replace(/^(?:[a-z-]+\s+){0,2}[a-z-]+['’]s\s+(?=[a-z])/, '');
  // "UK head of tax": a country or nationality before the role qualifies it
  roleText = roleText.replace(/^(?:\p{Lu}\p{L}*\s+)(?=[a-z])/u, (w) => (PLACES.has(w.trim().toLowerCase()) || DEMONYMS.has(w.trim()) ? '' : w));
  // "a Fidelity vice president", "a Police Department spokesman": the body named before the role
  let namedBefore: string | undefined;
  // ("a former IRA prisoner": a time word may stand before the body)
  const timeWord = /^(?:former|ex|then|onetime|one-time|longtime|long-time)\s+(?=\p{Lu})/u.exec(roleText)?.[0] ?? '';
  const bodyBefore = /^((?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+){1,4})(?=[a-z])/u.exec(roleText.slice(timeWord.length));
  if (bodyBefore && !possessiveOrg) {
    const body = bodyBefore[1].trim();
    const first = body.split(/\s+/)[0].toLowerCase();
    if (roleAtPhrase(roleText.slice(timeWord.length + bodyBefore[0].length)) && !CAPITALISED_STOPWORDS.has(first) && !STOP_WORDS.has(first) && !roleAt(body.split(/\s+/), 0) && !DEMONYMS.has(body)) {
      namedBefore = PLACES.has(body.toLowerCase()) || PLACE_HEADS.has((body.split(/\s+/).pop() as string).toLowerCase()) ? undefined : body;
      // "a former Guantanamo prisoner", "a Gulag inmate": where a captive was held is a place as often as a body;
      // only a body known by name or by its initials holds them ("a former IRA prisoner")
      if (CAPTIVE.test(roleText.slice(timeWord.length + bodyBefore[0].length)) && !knownOrganisation(body) && !isAcronym(body) && !ORG_HEADS.has((body.split(/\s+/).pop() as string).toLowerCase())) namedBefore = undefined;
      roleText = timeWord + roleText.slice(timeWord.length + bodyBefore[0].length);
    }
  }
  // "attorneys for Mr. Antar" after two names: each holds the role in the singular
  if (plural) roleText = roleText.replace(/\b[a-z][a-z-]*(?:s|men)\b/g, (w) => singularRole(w) ?? w);
  const conjuncts = roleText.split(/\s+and\s+/);
  for (let k = 0; k < conjuncts.length; k++) {
    let ra = roleAtPhrase(conjuncts[k]);
    if (!ra) continue;
    // "founder and former chairman of Crazy Eddie": roles joined by "and" before the body they are held in are
    // one ("QC and law professor", with no body, stays the first)
    for (let j = k + 1; j < conjuncts.length && /^\s*$/.test(ra.rest); j++) {
      const next = roleAtPhrase(conjuncts[j]);
      if (!next) break;
      if (/^\s+(?:of|at|for|with)\s+(?:the\s+)?\p{Lu}/u.test(next.rest)) {
        ra = { role: [ra.role, ...conjuncts.slice(k + 1, j).map((c) => roleAtPhrase(c)?.role), next.role].join(' and '), rest: next.rest };
        break;
      }
    }
    if (/^\s+(?!of\b|at\b|for\b|to\b|with\b)\p{Lu}/u.test(ra.rest)) return null; // ", auctioneer Andrew Elliot": the next name's role
    let organisation = possessiveOrg?.[1] ?? namedBefore;
    // (a comma goes on with the body's name only in a name written with commas, above: "Donaldson, Lufkin & Jenrette")
    const of = (commaJoined ? OF_BODY_WITH_COMMAS : OF_BODY).exec(ra.rest);
    const body = of?.[2].replace(/\s+(of|for|and|the)$/, '').replace(/['’]s?$/, '').replace(/[.]+$/, '');
    // "the Professor of Transplant Surgery at …": a chair's subject, not a body
    if (of && !/^(?:professor|lecturer|reader)$/i.test(ra.role.split(' ').pop() as string)) organisation = organisation ?? body;
    organisation ??= ra.country;
    // "an analyst with Dean Witter Reynolds", "a trader at X": the body someone works at, whatever its name looks like
    const employer = Boolean(of && /^(?:at|with)$/.test(of[1]) && organisation === body);
    return { role: ra.role, ...(organisation ? { organisation } : {}), ...(employer ? { employer } : {}) };
  }
  return null;
}
