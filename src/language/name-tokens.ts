// Word tokens with offsets, and runs of capitalised words ("chunks") that may name people, places or
// organisations. One linear regex pass per sentence. Hyphens, apostrophes and "&" stay inside a word
// ("Al-Qaeda", "O'Brien", "AT&T"), unlike /ask's search terms (./terms).
import { isMonthOrWeekday, MONTHS } from './calendar-words';
import { CARDINALS } from './numbers';
import { NAME_PARTICLES, ROLE_SET } from './people';
import { COMPANY_FORMS, ORG_HEADS } from './organisations';
import { PLACE_ALIASES, US_STATE_ABBREVIATIONS } from './places';
import { CAPITALISED_STOPWORDS } from './stop-words';
import { allMatches } from './matches';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter (or is an all-caps acronym such as "G8"). */
  cap: boolean;
  /** Ended in 's / ’s (stripped from text). */
  possessive: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*/gu;
/** Abbreviated honorifics and titles written with a full stop before a name ("Mr. Bush", "Gen. Powell", "Sen. Dole"). */
export const TITLE_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'adm', 'rev', 'messrs', 'cmdr', 'maj']);
/** Lower-case words that may join capitalised words inside one name ("Bank of England", "Jeremy de Souza", French "des": "Commission des Operations de Bourse"). */
const CONNECTORS = new Set(['of', 'for', 'the', 'on', 'upon', 'and', 'des', ...NAME_PARTICLES]);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of allMatches(WORD, text)) {
    let t = m[0];
    let possessive = false;
    if (t.length > 2 && /['’]s$/.test(t)) {
      t = t.slice(0, -2);
      possessive = true;
    } else if (t.endsWith('s') && (text[m.index + t.length] === "'" || text[m.index + t.length] === '’')) {
      possessive = true; // plural possessive: "members' votes"
    }
    const first = t[0];
    // "al-Jibouri", "el-Sisi": an Arabic article before a capitalised name is part of it
    const cap = (first !== first.toLowerCase() && first === first.toUpperCase()) || /^(?:al|el|ad|as|ash|an)-\p{Lu}/u.test(t);
    out.push({ text: t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, cap, possessive });
  }
  return out;
}

export function isAcronym(t: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(t) && /[A-Z].*[A-Z0-9]/.test(t);
}

export interface Chunk {
  /** Token index range [from, to). */
  from: number;
  to: number;
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

/**
 * Runs of capitalised tokens joined only by spaces, allowing lower-case connectors inside
 * ("Commission for Africa", "Bank of England"); leading sentence words ("The", "Previously") are dropped.
 */
/** "Transport and General Workers' Union": a plural possessive inside an institution's name. */
const INSTITUTION_AFTER_PLURAL = /^(?:union|association|federation|party|league|alliance|society|council|fund|trust|club|institute|college|academy|guild|front|movement|congress|commission|hospital|army|bank|liberation|daily|assembly|mujahedeen)$/;
/** Plural nouns of people whose possessive is written "'s" ("People's Union", "Women's Institute", "Children's Hospital"). */
const IRREGULAR_PLURALS = /^(?:people|women|children|men)$/;

function pluralPossessiveInName(text: string, tokens: Token[], to: number): boolean {
  const prev = tokens[to - 1];
  const next = tokens[to];
  if (!prev.cap || !next.cap || !INSTITUTION_AFTER_PLURAL.test(next.lower)) return false;
  if (prev.text.endsWith('s') && /^['’]$/.test(text[prev.end] ?? '') && text[prev.end + 1] === ' ') return true;
  // "the German People's Union": a class of people owning an institution's name; the name goes on
  return prev.possessive && IRREGULAR_PLURALS.test(prev.lower) && /^['’]s[ \t]+$/.test(text.slice(prev.end, next.start));
}

/**
 * "Moody's Investors Service Inc.", "Rally's Inc.": a possessive inside a company's name, which a legal form
 * ends within three capitalised words.
 */
function possessiveInCompanyName(text: string, tokens: Token[], to: number): boolean {
  if (!tokens[to - 1].cap || !/^['’]s[ \t]+$/.test(text.slice(tokens[to - 1].end, tokens[to]?.start))) return false;
  for (let k = to; k < tokens.length && k < to + 3; k++) {
    if (!tokens[k].cap || (k > to && !/^[ \t]+$/.test(text.slice(tokens[k - 1].end, tokens[k].start))) || (k > to && tokens[k - 1].possessive)) return false;
    if (COMPANY_FORMS.has(tokens[k].lower)) return true;
  }
  return false;
}

/**
 * "St Mary's Hospital", "St. Thomas' Hospital", "Saint Paul's Cathedral": a saint's possessive names the institution
 * or place after it (a hospital, church, school, college); the name goes on to the capitalised word that follows.
 */
function saintsPossessive(text: string, tokens: Token[], to: number): boolean {
  const saint = tokens[to - 2];
  const next = tokens[to];
  if (!saint || !next?.cap || !/^(?:st|saint|ste)$/.test(saint.lower) || !/^\.?[ \t]+$/.test(text.slice(saint.end, tokens[to - 1].start))) return false;
  return /^['’]s?[ \t]+$/.test(text.slice(tokens[to - 1].end, next.start));
}

/** "Crum amp Forster": an "&" whose entity markup was stripped in extraction ("&amp;" → "amp"), between two capitalised words. */
function strippedAmpersand(text: string, tokens: Token[], to: number): boolean {
  const t = tokens[to];
  const next = tokens[to + 1];
  return t.text === 'amp' && next !== undefined && next.cap && tokens[to - 1].cap && !tokens[to - 1].possessive
    && text.slice(tokens[to - 1].end, t.start) === ' ' && text.slice(t.end, next.start) === ' ';
}

/** Initials written with full stops ("J.D.", "A.J."), as the tokenizer leaves them (the last stop outside). */
const DOTTED_INITIALS = /^(?:\p{Lu}\.){1,2}\p{Lu}$/u;
/** Dotted initialisms of places and bodies ("U.S. Senate", "U.N. envoy"), never a person's initials. */
const DOTTED_BODIES = new Set(['un', 'eu', 'uae', 'ussr', 'ok']);

/**
 * "J.D. Vance", "A.J. Ayer": a person's initials with full stops, then the surname. Not a place's or body's
 * dotted initialism ("U.S. Senate", "N.Y. Times"), nor before an institution's head word.
 */
function initialsBeforeSurname(text: string, tokens: Token[], to: number): boolean {
  const initials = tokens[to - 1];
  const next = tokens[to];
  if (!DOTTED_INITIALS.test(initials.text) || text.slice(initials.end, next.start) !== '. ') return false;
  const bare = initials.lower.replace(/\./g, '');
  if (PLACE_ALIASES.has(bare) || DOTTED_BODIES.has(bare) || US_STATE_ABBREVIATIONS.has(initials.lower)) return false;
  return next.cap && !isAcronym(next.text) && !ORG_HEADS.has(next.lower);
}

/** "J. D. Vance": the token at `to` is a second initial with its full stop, and a capitalised surname follows. */
function spacedInitials(text: string, tokens: Token[], to: number): boolean {
  const next = tokens[to + 1];
  return /^\p{Lu}$/u.test(tokens[to].text) && next !== undefined && /^\.[ \t]+$/.test(text.slice(tokens[to].end, next.start)) && next.cap && !isAcronym(next.text);
}

export function capitalisedChunks(text: string, tokens: Token[]): Chunk[] {
  const chunks: Chunk[] = [];
  // "Monday", "August", and "Aug. 15": calendar words, never part of a name
  const calendar = (k: number) => isMonthOrWeekday(tokens[k].lower) || (Object.hasOwn(MONTHS, tokens[k].lower) && /^\.?\s*\d/.test(text.slice(tokens[k].end, tokens[k].end + 4)));
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].cap || calendar(i)) {
      i++;
      continue;
    }
    let from = i;
    let to = i + 1;
    while (to < tokens.length && (!tokens[to - 1].possessive || pluralPossessiveInName(text, tokens, to) || possessiveInCompanyName(text, tokens, to) || saintsPossessive(text, tokens, to))) {
      const gap = text.slice(tokens[to - 1].end, tokens[to].start);
      const t = tokens[to];
      // "Ernst & Young", "Marks & Spencer"
      if (/^ & $/.test(gap) && t.cap && !tokens[to - 1].possessive) {
        to++;
        continue;
      }
      if (strippedAmpersand(text, tokens, to)) {
        to += 2;
        continue;
      }
      // "John C. Smith": a middle initial; "J. D. Vance", "H. G. Wells": a first initial before a second and a surname
      const initial = /^\p{Lu}$/u.test(tokens[to - 1].text) && /^\.[ \t]+$/.test(gap) && t.cap && (to - 1 > from || spacedInitials(text, tokens, to));
      // "Mr. Bush", "Gen. Colin Powell"
      // (and "St. Louis", "St. Thomas' Hospital": "St." opening a name is a saint's, not a street's as in "Main St.")
      const title = (TITLE_ABBREVIATIONS.has(tokens[to - 1].lower) || (tokens[to - 1].text === 'St' && (to - 1 === from || CAPITALISED_STOPWORDS.has(tokens[to - 2].lower)))) && /^\.[ \t]+$/.test(gap) && t.cap;
      const initials = !initial && !title && initialsBeforeSurname(text, tokens, to);
      if (!/^[ \t]+$/.test(gap) && !(tokens[to - 1].possessive && /^['’]s?[ \t]+$/.test(gap)) && !initial && !title && !initials) break;
      if (t.cap && !calendar(to)) {
        to++;
        continue;
      }
      // connectors: up to two, and only when a capitalised word follows
      if (CONNECTORS.has(t.text) && t.text !== 'and') {
        let k = to;
        while (k < tokens.length && k - to < 2 && CONNECTORS.has(tokens[k].text) && tokens[k].text !== 'and' && /^[ \t]+$/.test(text.slice(tokens[k - 1].end, tokens[k].start))) k++;
        if (k < tokens.length && k > to && tokens[k].cap && !calendar(k) && /^[ \t]+$/.test(text.slice(tokens[k - 1].end, tokens[k].start))) {
          to = k + 1;
          continue;
        }
      }
      break;
    }
    // drop leading stopwords ("The", "According")
    // ("New" stays when a capitalised word follows: "New York", "New Zealand", "New Labour"; so does the first word
    // of a title: "First Minister John Swinney")
    while (from < to && (CAPITALISED_STOPWORDS.has(tokens[from].lower) || Object.hasOwn(CARDINALS, tokens[from].lower)) && !isAcronym(tokens[from].text) && !(tokens[from].lower === 'new' && from + 1 < to && tokens[from + 1].cap) && !(from + 1 < to && ROLE_SET.has(`${tokens[from].lower} ${tokens[from + 1].lower}`))) from++;
    // a chunk cannot start or end on a connector
    while (from < to && !tokens[from].cap) from++;
    while (to > from && !tokens[to - 1].cap) to--;
    if (from < to) {
      chunks.push({
        from, to,
        text: text.slice(tokens[from].start, tokens[to - 1].end),
        start: tokens[from].start,
        end: tokens[to - 1].end,
        possessive: tokens[to - 1].possessive,
      });
    }
    i = Math.max(i + 1, to);
  }
  return chunks;
}

/**
 * One capitalised word of a name, as a regular-expression source for the /ask extractors' patterns:
 * an initialism written with full stops ("U.S.", "U.N.") as one word, or a word starting upper-case
 * ("Taliban", "O'Brien", "Al-Qaeda"). Without the first branch "the U.S. government" reads as "U".
 */
export const CAPITALISED_WORD = "(?:(?:\\p{Lu}\\.){2,}|[\\p{Lu}][\\p{L}'’-]*)";
