// People (with role and organisation), organisations (with acronyms and aliases) and places, each with
// the sentences that mention them. Pattern-based: titles, appositives ("X, the Y of Z"), acronym
// definitions ("Name (ACR)"), head words ("... Commission") and a general gazetteer.
import type { Organisation, Person, Place, Sentence } from './model';
import { capitalisedChunks, isAcronym, tokenize, type Chunk, type Token } from '../language/name-tokens';
import { NOT_ORG_ACRONYMS, NOT_ORG_TAILS, ORG_HEADS } from '../language/organisations';
import { FIRST_NAMES, HONORIFICS, MAX_ROLE_TOKENS, NAME_PARTICLES, ROLE_MODIFIERS, ROLE_SET } from '../language/people';
import { DEMONYMS, MAX_PLACE_TOKENS, PLACE_HEADS, PLACE_NAMES, PLACE_PREFIXES, PLACES, type PlaceKind } from '../language/places';
import { CAPITALISED_STOPWORDS } from '../language/stop-words';

export interface Entities {
  people: Person[];
  organisations: Organisation[];
  places: Place[];
  /** Per sentence: the people mentioned, in order (names as in `people`). */
  peopleBySentence: string[][];
}

const SAYING = /^\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:said|says|told|added|insisted|argued|warned|announced|claimed|stated|explained|confirmed)\b/;

interface PersonDraft {
  name: string;
  role?: string;
  organisation?: string;
  sentences: Set<number>;
}
interface OrgDraft {
  name: string;
  acronym?: string;
  aliases: Set<string>;
  members: string[];
  sentences: Set<number>;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

const ROLE_FIRST_WORDS = new Set([...ROLE_SET].map((r) => r.split(' ')[0]));
const ROLE_LAST_WORDS = new Set([...ROLE_SET].map((r) => r.split(' ').pop() as string));

/** Longest role title starting at words[i] (case-insensitive), with its length in words. */
function roleAt(ws: string[], i: number): { role: string; length: number } | null {
  if (i >= ws.length || !ROLE_FIRST_WORDS.has(ws[i].toLowerCase())) return null;
  for (let n = Math.min(MAX_ROLE_TOKENS, ws.length - i); n >= 1; n--) {
    const candidate = ws.slice(i, i + n).join(' ').toLowerCase().replace(/[,.;:]$/, '');
    if (ROLE_SET.has(candidate)) return { role: ws.slice(i, i + n).join(' ').replace(/[,.;:]$/, ''), length: n };
  }
  return null;
}

/** Longest role title ending exactly at words[end - 1]. */
function roleEndingAt(ws: string[], end: number): { role: string; start: number } | null {
  if (end < 1 || !ROLE_LAST_WORDS.has(ws[end - 1].toLowerCase().replace(/[,.;:]$/, ''))) return null;
  for (let n = Math.min(MAX_ROLE_TOKENS, end); n >= 1; n--) {
    const candidate = ws.slice(end - n, end).join(' ').toLowerCase();
    if (ROLE_SET.has(candidate)) return { role: ws.slice(end - n, end).join(' '), start: end - n };
  }
  return null;
}

function acronymMatches(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  const initials = words(name).map((w) => w[0]).join('').toUpperCase();
  if (!letters || initials[0] !== letters[0]) return false;
  let j = 0;
  for (const ch of initials) if (ch === letters[j]) j++;
  return j === letters.length || initials.replace(/[^A-Z]/g, '') === letters;
}

function isNameToken(t: Token): boolean {
  return t.cap && /^[\p{L}][\p{L}'’-]*$/u.test(t.text) && !isAcronym(t.text);
}

export function extractEntities(sentences: Sentence[]): Entities {
  const people = new Map<string, PersonDraft>();
  const orgs: OrgDraft[] = [];
  const places = new Map<string, { name: string; kind: PlaceKind; sentences: Set<number> }>();
  const peopleBySentence: string[][] = sentences.map(() => []);
  const surnameRefs: { surname: string; sentence: number; display: string }[] = [];
  // Surnames used with an honorific anywhere ("Mr Lavagna") make "Roberto Lavagna" a person.
  const surnames = new Set<string>();
  for (const s of sentences) {
    for (const m of s.text.matchAll(/\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+(\p{Lu}[\p{L}'’-]+)/gu)) surnames.add(m[1]);
  }

  const findOrg = (name: string): OrgDraft | undefined => {
    const lower = name.toLowerCase().replace(/^the\s+/, '');
    return orgs.find((o) => o.name.toLowerCase() === lower || o.acronym?.toLowerCase() === lower || [...o.aliases].some((a) => a.toLowerCase() === lower));
  };
  const addOrg = (name: string, sentence: number, acronym?: string): OrgDraft => {
    const clean = name.replace(/^the\s+/i, '').trim();
    let org = findOrg(clean) ?? (acronym ? findOrg(acronym) : undefined);
    if (!org) {
      org = { name: clean, aliases: new Set(), members: [], sentences: new Set() };
      orgs.push(org);
    } else if (acronym && org.name === acronym) {
      // first seen as a bare acronym; now we know its full name
      org.aliases.add(org.name);
      org.name = clean;
    }
    if (acronym && !org.acronym) org.acronym = acronym;
    if (acronym) org.aliases.add(acronym);
    org.sentences.add(sentence);
    return org;
  };
  const addPlace = (name: string, kind: PlaceKind, sentence: number) => {
    const key = name.toLowerCase();
    const p = places.get(key) ?? { name, kind, sentences: new Set<number>() };
    p.sentences.add(sentence);
    places.set(key, p);
  };
  const addPerson = (name: string, sentence: number, role?: string, organisation?: string) => {
    const key = name.toLowerCase();
    const p = people.get(key) ?? { name, sentences: new Set<number>() };
    if (role && !p.role) p.role = role;
    if (organisation && !p.organisation) p.organisation = organisation;
    p.sentences.add(sentence);
    people.set(key, p);
    peopleBySentence[sentence].push(p.name);
  };

  /** Places named inside a chunk, longest match first; hyphenated words are split ("Tajikistan-Afghanistan"). */
  const placesIn = (tokens: Token[], from: number, to: number, sentence: number): boolean => {
    const parts: string[] = [];
    for (let k = from; k < to; k++) parts.push(...tokens[k].text.split('-'));
    let found = false;
    for (let k = 0; k < parts.length; k++) {
      for (let n = Math.min(MAX_PLACE_TOKENS, parts.length - k); n >= 1; n--) {
        const key = parts.slice(k, k + n).join(' ').toLowerCase();
        const kind = PLACES.get(key);
        if (kind) {
          addPlace(PLACE_NAMES.get(key) ?? key, kind, sentence);
          k += n - 1;
          found = true;
          break;
        }
      }
    }
    return found;
  };

  for (const s of sentences) {
    const text = s.text;
    const tokens = tokenize(text);
    const chunks = capitalisedChunks(text, tokens);

    // Demonyms anywhere ("Azerbaijani media", "Afghan refugees").
    for (const t of tokens) {
      const place = DEMONYMS.get(t.text);
      if (place) addPlace(place, PLACES.get(place.toLowerCase()) ?? 'region', s.index);
    }

    for (const c of chunks) {
      classifyChunk(c, s.index, text, tokens);
    }
  }

  function classifyChunk(c: Chunk, sentence: number, text: string, tokens: Token[]): void {
    const toks = tokens.slice(c.from, c.to);
    const lowerWords = toks.map((t) => t.lower);
    const after = text.slice(c.end + (c.possessive ? 2 : 0), c.end + 160);
    const before = text.slice(Math.max(0, c.start - 80), c.start);

    // "Name (ACR)"
    const acr = /^\s*\(\s*([A-Z][A-Za-z0-9&.]{1,11})\s*\)/.exec(after);
    if (acr && toks.length >= 2 && acronymMatches(acr[1], c.text)) {
      addOrg(c.text, sentence, acr[1]);
      return;
    }

    // "In Tanzania Mr Brown said": an honorific inside the chunk starts a new name
    const inner = toks.findIndex((t, i) => i > 0 && HONORIFICS.has(t.lower) && i + 1 < toks.length && toks[i + 1].cap);
    if (inner > 0) {
      const head = tokens.slice(c.from, c.from + inner);
      const tail = tokens.slice(c.from + inner, c.to);
      classifyChunk({ from: c.from, to: c.from + inner, text: text.slice(head[0].start, head[head.length - 1].end), start: head[0].start, end: head[head.length - 1].end, possessive: head[head.length - 1].possessive }, sentence, text, tokens);
      classifyChunk({ from: c.from + inner, to: c.to, text: text.slice(tail[0].start, tail[tail.length - 1].end), start: tail[0].start, end: c.end, possessive: c.possessive }, sentence, text, tokens);
      return;
    }

    // A sentence-opening common noun glued to a name by a connector ("Fans of the Gran Turismo"): drop it.
    if (c.from === 0 && toks.length >= 3 && !toks[1].cap && !ORG_HEADS.has(lowerWords[0]) && !PLACES.has(lowerWords[0]) && !roleAt([toks[0].text], 0)) {
      let k = 1;
      while (k < toks.length && !toks[k].cap) k++;
      if (k < toks.length) {
        const rest = tokens.slice(c.from + k, c.to);
        const sub: Chunk = { from: c.from + k, to: c.to, text: text.slice(rest[0].start, rest[rest.length - 1].end), start: rest[0].start, end: c.end, possessive: c.possessive };
        classifyChunk(sub, sentence, text, tokens);
        return;
      }
    }

    // Role title inside the chunk, then a name: "Prime Minister Tony Blair", "EU Trade Commissioner Peter Mandelson";
    // or a role "of" an organisation: "Secretary-General of the CSTO".
    const chunkWords = words(c.text);
    for (let r = 0; r < chunkWords.length; r++) {
      const hit = roleAt(chunkWords, r);
      if (!hit) continue;
      const rest = chunkWords.slice(r + hit.length);
      if (rest.length === 0) break;
      if (rest[0] === 'of' || rest[0] === 'for') {
        const orgName = rest.slice(rest[1] === 'the' ? 2 : 1).join(' ');
        if (r === 0 && orgName) {
          classifyName(orgName, sentence, text);
          return;
        }
        break;
      }
      const honorific = HONORIFICS.has(rest[0].toLowerCase());
      const nameWords = honorific ? rest.slice(1) : rest;
      const plausible = nameWords.length >= 1 && nameWords.length <= 3 && nameWords.every((w) => /^\p{Lu}[\p{L}'’-]*$/u.test(w))
        && !PLACES.has(nameWords.join(' ').toLowerCase()) && !findOrg(nameWords.join(' ')) && !ORG_HEADS.has(nameWords[nameWords.length - 1].toLowerCase())
        && (nameWords.length >= 2 || surnames.has(nameWords[0]) || honorific);
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
          addPlace(country, PLACES.get(country.toLowerCase()) ?? 'country', sentence);
          break;
        }
        if (PLACES.has(cand.toLowerCase()) || findOrg(cand) || (n === 1 && isAcronym(cand)) || ORG_HEADS.has(prefix[n - 1].toLowerCase())) {
          orgWords = n;
          organisation = cand;
          classifyName(cand, sentence, text);
          break;
        }
      }
      organisation = organisation ?? orgBefore(before);
      const role = [...prefix.slice(orgWords), ...chunkWords.slice(r, r + hit.length)].join(' ');
      personWithContext(nameWords.join(' '), sentence, '', after, role, organisation);
      return;
    }

    // Honorific: "Mr Blair", "Sir Menzies Campbell"
    if (HONORIFICS.has(lowerWords[0]) && toks.length >= 2 && toks.slice(1).every(isNameToken)) {
      const rest = toks.slice(1).map((t) => t.text);
      if (rest.length === 1 && lowerWords[0] !== 'sir' && lowerWords[0] !== 'lord' && lowerWords[0] !== 'lady' && lowerWords[0] !== 'dame') {
        surnameRefs.push({ surname: rest[0], sentence, display: c.text });
      } else {
        const name = lowerWords[0] === 'sir' || lowerWords[0] === 'lord' || lowerWords[0] === 'lady' || lowerWords[0] === 'dame' ? c.text : rest.join(' ');
        personWithContext(name, sentence, before, after);
      }
      return;
    }

    classifyName(c.text, sentence, text, { before, after, toks, possessive: c.possessive });
  }

  function classifyName(name: string, sentence: number, _text: string, ctx?: { before: string; after: string; toks: Token[]; possessive: boolean }): void {
    const ws = words(name);
    const lower = ws.map((w) => w.toLowerCase());
    const key = name.toLowerCase();

    // Known organisation, acronym or alias
    const known = findOrg(name);
    if (known) {
      known.sentences.add(sentence);
      return;
    }
    // Prefix of a known organisation's name ("Collective Security Treaty" → "... Treaty Organization")
    if (ws.length >= 2) {
      const prefixOf = orgs.find((o) => o.name.toLowerCase().startsWith(`${key} `));
      if (prefixOf) {
        prefixOf.aliases.add(name);
        prefixOf.sentences.add(sentence);
        return;
      }
    }
    const placeKind = PLACES.get(key);
    if (placeKind) {
      addPlace(PLACE_NAMES.get(key) ?? name, placeKind, sentence);
      return;
    }
    if (ws.length === 1 && DEMONYMS.has(name)) return; // handled as a place already
    if (ws.length >= 2 && lower.some((w, i) => ORG_HEADS.has(w) && (i > 0 || lower.includes('of') || lower.includes('for')))) {
      addOrg(name, sentence);
      return;
    }
    if (ws.length >= 2 && (PLACE_HEADS.has(lower[lower.length - 1]) || PLACE_PREFIXES.has(lower[0]))) {
      addPlace(name, 'other', sentence);
      return;
    }
    if (ws.length === 1 && isAcronym(name)) {
      if (NOT_ORG_ACRONYMS.has(name.toUpperCase())) return;
      addOrg(name, sentence);
      return;
    }
    if (!ctx) {
      if (ws.length >= 2) addOrg(name, sentence);
      return;
    }
    const { before, after, toks } = ctx;
    const nameLike = toks.length >= 2 && toks.length <= 4 && isNameToken(toks[0]) && isNameToken(toks[toks.length - 1])
      && toks.every((t) => isNameToken(t) || NAME_PARTICLES.has(t.text));
    if (nameLike && !NOT_ORG_TAILS.has(lower[lower.length - 1]) && !lower.some((w) => ORG_HEADS.has(w))) {
      const roleAfter = appositiveRole(after);
      const roleBefore = roleBeforeText(before, after);
      const surnameKnown = surnames.has(toks[toks.length - 1].text);
      if (FIRST_NAMES.has(lower[0]) || surnameKnown || roleAfter || roleBefore || /^,\s+who\b/.test(after) || (SAYING.test(after) && toks.length <= 3)) {
        personWithContext(name, sentence, before, after);
        return;
      }
      // an unknown capitalised pair: could be a person, a band or a product; say nothing rather than guess
      placesIn(toks, 0, toks.length, sentence);
      return;
    }
    // "South African", "North Korean": a demonym with a direction names a place
    const lastDemonym = DEMONYMS.get(ws[ws.length - 1]);
    if (lastDemonym) {
      const composed = `${ws.slice(0, -1).join(' ')} ${lastDemonym}`.trim().toLowerCase();
      if (PLACES.has(composed)) addPlace(PLACE_NAMES.get(composed) ?? composed, PLACES.get(composed) ?? 'country', sentence);
      return;
    }
    // Places inside other names ("Tajikistan-Afghanistan Border Security")
    const hadPlace = placesIn(toks, 0, toks.length, sentence);
    if (!hadPlace && ws.length >= 2 && !NOT_ORG_TAILS.has(lower[lower.length - 1])) addOrg(name, sentence);
  }

  /** Organisation named just before a role: "the CSTO's Secretary-General", "Regular Music's director". */
  function orgBefore(before: string): string | undefined {
    const m = /((?:\p{Lu}[\p{L}&.-]*\s+){0,4}\p{Lu}[\p{L}&.-]*)['’]s\s*$/u.exec(before);
    if (!m) return undefined;
    const ws = m[1].replace(/[.]+$/, '').split(/\s+/);
    while (ws.length > 1 && CAPITALISED_STOPWORDS.has(ws[0].toLowerCase())) ws.shift();
    return CAPITALISED_STOPWORDS.has(ws[0].toLowerCase()) ? undefined : ws.join(' ');
  }

  function roleAtText(text: string): { role: string; rest: string } | null {
    const ws = text.split(/\s+/).slice(0, MAX_ROLE_TOKENS + 2);
    let i = 0;
    const mods: string[] = [];
    while (i < ws.length && ROLE_MODIFIERS.has(ws[i].toLowerCase())) mods.push(ws[i++]);
    const r = roleAt(ws, i);
    if (!r) return null;
    const consumed = [...mods, ...ws.slice(i, i + r.length)].join(' ');
    const idx = text.indexOf(consumed);
    return { role: [...mods, r.role].join(' '), rest: idx >= 0 ? text.slice(idx + consumed.length) : '' };
  }

  function roleBeforeText(before: string, after = ''): { role: string; organisation?: string } | null {
    // "Argentina's economy minister, Roberto Lavagna, said"; "the Mayor of London, Ken Livingstone, ..."
    if (/,\s*$/.test(before) && /^,/.test(after)) {
      const inner = before.replace(/,\s*$/, '');
      const roleOf = /(\S+(?:\s+\S+){0,2})\s+(?:of|for)\s+(?:the\s+)?((?:\p{Lu}[\p{L}&.'’-]*\s?){1,4})$/u.exec(inner);
      if (roleOf) {
        const ws = roleOf[1].split(/\s+/);
        const r = roleEndingAt(ws, ws.length);
        if (r) return { role: r.role, organisation: roleOf[2].trim() };
      }
      const direct = roleBeforeText(`${inner} `);
      if (direct) return direct;
    }
    const trimmed = before.replace(/\s+$/, '');
    if (trimmed.length === before.length && before.length > 0) return null; // no space before the name
    const ws = trimmed.split(/\s+/).slice(-MAX_ROLE_TOKENS - 3);
    const r = roleEndingAt(ws, ws.length);
    if (!r) return null;
    let start = r.start;
    const mods: string[] = [];
    while (start > 0 && ROLE_MODIFIERS.has(ws[start - 1].toLowerCase())) mods.unshift(ws[--start]);
    const prefix = ws.slice(0, start).join(' ') + ' ';
    return { role: [...mods, r.role].join(' '), organisation: orgBefore(prefix.trimEnd()) ?? orgBefore(prefix) };
  }

  /** ", the Secretary-General of the CSTO", ", Afghanistan's envoy to the United Nations", ", who is director of X". */
  function appositiveRole(after: string): { role: string; organisation?: string } | null {
    const appositive = /^,\s+(?:who\s+(?:is|was)\s+)?(?:the\s+|a\s+|an\s+)?/.exec(after);
    if (!appositive) return null;
    const rest = after.slice(appositive[0].length);
    const possessiveOrg = /^((?:\p{Lu}[\p{L}&.-]*\s+){0,4}\p{Lu}[\p{L}&.-]*)['’]s\s+/u.exec(rest);
    const roleText = possessiveOrg ? rest.slice(possessiveOrg[0].length) : rest;
    const ra = roleAtText(roleText);
    if (!ra) return null;
    let organisation = possessiveOrg?.[1];
    const of = /^\s+(?:of|at|for|with|to)\s+(?:the\s+)?((?:\p{Lu}[\p{L}&.-]*)(?:\s+(?:of|for|and|the|\p{Lu}[\p{L}&.-]*))*)/u.exec(ra.rest);
    if (of) organisation = organisation ?? of[1].replace(/\s+(of|for|and|the)$/, '').replace(/['’]s$/, '').replace(/[.]+$/, '');
    return { role: ra.role, ...(organisation ? { organisation } : {}) };
  }

  function personWithContext(name: string, sentence: number, before: string, after: string, givenRole?: string, givenOrg?: string): void {
    let role: string | undefined = givenRole;
    let organisation: string | undefined = givenOrg;
    const rb = role ? null : roleBeforeText(before, after);
    if (rb) {
      role = rb.role;
      organisation = rb.organisation;
    }
    const ap = appositiveRole(after);
    if (ap) {
      role = role ?? ap.role;
      organisation = organisation ?? ap.organisation;
    }
    if (organisation) {
      const org = findOrg(organisation);
      if (org) {
        organisation = org.acronym && org.acronym === organisation.replace(/^the\s+/i, '') ? org.acronym : org.name;
      } else if (!PLACES.has(organisation.toLowerCase())) {
        addOrg(organisation, sentence);
      }
    }
    addPerson(name, sentence, role, organisation);
  }

  // Surname references ("Mr Blair") attach to the full name when one was seen; otherwise they stand alone.
  const all = [...people.values()];
  for (const ref of surnameRefs) {
    const full = all.find((p) => p.name.split(' ').length > 1 && p.name.endsWith(` ${ref.surname}`));
    if (full) {
      full.sentences.add(ref.sentence);
      peopleBySentence[ref.sentence].push(full.name);
    } else {
      addPerson(ref.display, ref.sentence);
    }
  }

  // Later references by surname alone, by role ("the Secretary-General") or by pronoun ("He ...").
  const named = [...people.values()].map((p) => {
    const parts = p.name.split(' ');
    const surname = parts[parts.length - 1];
    return {
      p,
      bySurname: parts.length > 1 && surname.length > 2 ? new RegExp(`\\b${escapeRegex(surname)}\\b`) : null,
      byRole: p.role ? new RegExp(`\\bthe ${escapeRegex(p.role)}\\b`, 'i') : null,
    };
  });
  let last: PersonDraft | undefined;
  for (const s of sentences) {
    const here = peopleBySentence[s.index];
    if (here.length === 0) {
      for (const { p, bySurname, byRole } of named) {
        if (bySurname?.test(s.text) || byRole?.test(s.text)) {
          p.sentences.add(s.index);
          here.push(p.name);
        }
      }
    }
    if (here.length === 0 && last && /^(He|She)\b/.test(s.text)) {
      last.sentences.add(s.index);
      here.push(last.name);
    }
    if (here.length > 0) last = people.get(here[here.length - 1].toLowerCase()) ?? last;
  }

  // Organisations referenced by acronym or by their head word in lower case ("the commission").
  for (const o of orgs) {
    const heads = words(o.name).filter((w) => ORG_HEADS.has(w.toLowerCase()));
    const byAcronym = o.acronym ? new RegExp(`\\b${escapeRegex(o.acronym)}\\b`) : null;
    const uniqueHead = heads.length === 1 && orgs.filter((x) => x.name.toLowerCase().includes(heads[0].toLowerCase())).length === 1;
    const byHead = uniqueHead ? new RegExp(`\\bthe ${escapeRegex(heads[0].toLowerCase())}\\b`) : null;
    for (const s of sentences) {
      if (o.sentences.has(s.index)) continue;
      if (byAcronym?.test(s.text) || byHead?.test(s.text)) o.sentences.add(s.index);
    }
  }

  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return {
    people: [...people.values()].map((p) => ({
      name: p.name,
      ...(p.role ? { role: p.role } : {}),
      ...(p.organisation ? { organisation: p.organisation } : {}),
      sentences: sorted(p.sentences),
    })),
    organisations: orgs.map((o) => ({
      name: o.name,
      ...(o.acronym ? { acronym: o.acronym } : {}),
      aliases: [...o.aliases].filter((a) => a !== o.name),
      members: o.members,
      sentences: sorted(o.sentences),
    })),
    places: [...places.values()].map((p) => ({ name: p.name, kind: p.kind, sentences: sorted(p.sentences) })),
    peopleBySentence,
  };
}

/** "French" → "France", "South African" → "South Africa"; null when the words are not a nationality. */
function placeOfDemonym(ws: string[]): string | null {
  const base = DEMONYMS.get(ws[ws.length - 1]);
  if (!base) return null;
  if (ws.length === 1) return base;
  const composed = [...ws.slice(0, -1), base].join(' ').toLowerCase();
  return PLACES.has(composed) ? (PLACE_NAMES.get(composed) ?? null) : null;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
