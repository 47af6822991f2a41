// Who reported or said what: "X reported (on <date>) that ...", "According to a report by X, ...",
// "... based on statements from X", "..., X said.", "X told the BBC: ...".
import type { Attribution, Person, Sentence } from './model';
import { HONORIFICS, REPORTING_VERBS, ROLE_SET, SURNAME_HONORIFICS } from '../language/people';
import { CAPITALISED_STOPWORDS } from '../language/stop-words';

const VERBS = REPORTING_VERBS.slice().sort((a, b) => b.length - a.length).join('|');
const ACCORDING = /^(.*?)\b[Aa]ccording to\s+((?:(?:a|an|the)\s+)?(?:(?:new|recent|latest|separate)\s+)?(?:reports?|statements?|survey|study|figures|poll|data|sources?|estimates?|research|interview)\s+(?:by|from|in|of|with)\s+)?/;
const BASED_ON = /\bbased on\s+((?:(?:a|an|the)\s+)?(?:statements?|comments?|remarks?|information|interviews?|an interview|briefings?|data|figures|reports?)\s+(?:from|by|of|with)\s+)/i;
const SUBJECT_VERB = new RegExp(`^(.{2,120}?)\\s+(?:has\\s+|have\\s+|had\\s+)?(?:also\\s+)?(${VERBS})\\b`);
const DATE_AFTER_VERB = /^\s+(?:on|last|this)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))?(?:,?\s+\d{4})?,?/;
const TRAILING = new RegExp(`,["”]?\\s+(?:(said|says|added|told|warned|insisted|argued|claimed)\\s+([^,]{2,80}?)|([^,"“”]{2,80}?)\\s+(?:has\\s+|had\\s+)?(${VERBS}))\\s*\\.?["”]?$`);
/** '"…," Ms Marsh said in a speech to …': a quote opening the sentence, then its speaker and a reporting verb. */
const QUOTE_FIRST = new RegExp(`^["“]([^"“”]{3,}?)[,?!]["”]\\s+([^,"“”]{2,80}?)\\s+(?:has\\s+|had\\s+)?(?:also\\s+)?(${VERBS})\\b`);
const NOT_SUBJECT = /\b(is|are|was|were|will|would|could|should|can|that|which|because|if|when|it|they|we|there|not|never|yet|this|these)\b|["“”]/i;
const LEADING_TIME = /^(?:yesterday|today|on \w+day|last \w+|earlier|later|meanwhile|however|now|also|previously)[,\s]+/i;
const TRAILING_TIME = /\s+(?:earlier|later|last|this|on|yesterday|today)(?:\s+\w+){0,2}$/i;

function cleanSource(raw: string, subject = true): string {
  let s = raw.trim();
  if (subject) s = s.replace(LEADING_TIME, '').replace(TRAILING_TIME, '');
  s = s.replace(/\s*\([^)]*\)\s*/g, ' ').trim(); // "Organization (CSTO)" → "Organization"
  // "In an interview with the Independent, Mr Abbas": the name at the end is the source
  const trailingName = /(?:^|,\s+|\s)((?:Mr|Mrs|Ms|Dr|Miss)\.?\s+\p{Lu}[\p{L}'’-]+)$/u.exec(s);
  if (trailingName) return trailingName[1];
  const pieces = s.split(/,\s+/);
  // "Previously, the Secretary-General": drop a leading adverb
  if (pieces.length > 1 && pieces[0].split(/\s+/).length === 1) pieces.shift();
  s = pieces[0];
  // "Tanzania Mr Brown", "Leaving a Brussels summit Mr Blair": the name is the source
  const honorific = /(?:^|\s)((?:Mr|Mrs|Ms|Dr|Miss)\.?\s+\p{Lu}[\p{L}'’-]+)$/u.exec(s);
  if (honorific) s = honorific[1];
  s = s.replace(/^(?:and|but|so|then|meanwhile)\s+/i, '').replace(/^the\s+/i, (m) => (/^the\s+\p{Lu}/iu.test(s) ? '' : m));
  return s.replace(/[,:;.]+$/, '').trim();
}

function cleanClaim(raw: string): string | undefined {
  const s = raw.trim().replace(/^(?:that\s+|:\s*)/i, '').replace(/^["“]|["”]$/g, '').replace(/[.]$/, '').trim();
  return s.length >= 3 ? s : undefined;
}

export interface AttributionContext {
  people: Person[];
  /** People mentioned in each sentence (from entity extraction), for resolving "He"/"the Secretary-General". */
  peopleBySentence: string[][];
}

/** "He" → the last person mentioned; "Mr Blair" → "Tony Blair"; "the Secretary-General" → that person. */
function resolveSource(source: string, sentence: number, ctx: AttributionContext): string {
  // "UK chancellor Gordon Brown", "Xbox's Peter Moore": the person's name is the source
  const named = ctx.people.filter((p) => p.name.includes(' ') && source.includes(p.name));
  if (named.length === 1 && source !== named[0].name) return named[0].name;
  const ref = /(?:^|\s)(?:\p{Lu}[\p{L}&.-]*['’]s\s+)?(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+(\p{Lu}[\p{L}'’-]+)$/u.exec(source);
  if (ref) {
    const full = ctx.people.find((p) => p.name.endsWith(` ${ref[1]}`));
    if (full) return full.name;
  }
  if (/^(he|she)$/i.test(source)) {
    for (let i = sentence; i >= 0; i--) {
      const here = ctx.peopleBySentence[i] ?? [];
      if (here.length > 0) return here[here.length - 1];
    }
    return source;
  }
  const words = source.split(/\s+/);
  if (words.length === 2 && HONORIFICS.has(words[0].toLowerCase().replace('.', ''))) {
    const full = ctx.people.find((p) => p.name.endsWith(` ${words[1]}`));
    if (full) return full.name;
  }
  const role = source.replace(/^the\s+/i, '').toLowerCase();
  const byRole = ctx.people.filter((p) => p.role?.toLowerCase() === role);
  if (byRole.length === 1) return byRole[0].name;
  return source;
}

function plausibleSubject(s: string): boolean {
  const words = s.split(/\s+/);
  // lower-case words other than a few nouns of reporting mean a clause, not a name ("He nodded briefly towards")
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !/^(?:of|the|and|for|de|media|officials?|sources?|spokes(?:man|woman|person)|reports?|analysts?|experts?|critics?|correspondents?|editor|leader|minister|secretary|chancellor|president|chairman|director|band|group|company|firm|agency|agencies|news|union|government|council|party|police|report|newspapers?|paper|statement|study|survey|officer|chief|executive|head|judge|court|campaigners?|researchers?|economists?|members?|one|men|women|people|residents?|commentators?)$/u.test(w));
  if (lower.length > 0 && !/^(he|she)$/i.test(s)) return false;
  if (/^\p{Lu}\p{L}+ing\b/u.test(s)) return false;
  if (words.length > 9 || NOT_SUBJECT.test(s.replace(/^(he|she)$/i, ''))) return false;
  if (/^(?:at|in|on|for|with|by|from|after|before|during|as|of|to|a|an|some)\b/i.test(s)) return false;
  if (/^(he|she)$/i.test(s)) return true;
  if (words.length === 1 && CAPITALISED_STOPWORDS.has(s.toLowerCase())) return false;
  return /^(?:the\s+)?[\p{Lu}\d]/u.test(s) || /^(?:the\s+)?[\p{L}-]+\s+(?:media|officials?|sources?|spokesman|spokeswoman|reports?|analysts?|experts?|critics?)$/iu.test(s);
}

/** A subject that is or ends with a known person ("Leaving a Brussels summit Mr Blair"). */
function namesPerson(subject: string, ctx: AttributionContext): boolean {
  if (subject.split(/\s+/).length > 12 || /["“”]/.test(subject)) return false;
  const bare = subject.replace(/,\s*$/, '');
  return ctx.people.some((p) => {
    const surname = p.name.split(' ').pop() ?? p.name;
    return subject.endsWith(p.name) || (p.name.includes(' ') && endsWithApposed(bare, p.name)) || endsWithHonorific(subject, surname);
  });
}

const isSpace = (c: string) => /\s/.test(c);

/** `text` is `name`, or ends with ", <name>" (any white space after the comma): /(?:^|,\s)name$/ without compiling it per name. */
export function endsWithApposed(text: string, name: string): boolean {
  if (!text.endsWith(name)) return false;
  const at = text.length - name.length;
  return at === 0 || (at >= 2 && isSpace(text[at - 1]) && text[at - 2] === ',');
}

/** `text` ends with an honorific, an optional full stop, white space and `surname`: /(?:Mr|…|Sir)\.?\s+surname$/ without compiling it per name. */
export function endsWithHonorific(text: string, surname: string): boolean {
  if (!text.endsWith(surname)) return false;
  let at = text.length - surname.length;
  if (at === 0 || !isSpace(text[at - 1])) return false;
  while (at > 0 && isSpace(text[at - 1])) at--;
  if (text[at - 1] === '.') at--;
  const before = text.slice(0, at);
  return SURNAME_HONORIFICS.some((h) => before.endsWith(h));
}

/** Whether a source phrase ends with this person's name set off by a comma ("the director, Dr Jo Bell"). */
function apposedName(source: string, name: string): boolean {
  const text = source.trim().replace(/[.,;:]+$/, '');
  if (!text.endsWith(name)) return false;
  return /,\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady)\.?\s+)?$/.test(text.slice(0, text.length - name.length));
}

/**
 * "a spokesman for its chief, Tom Hale", "the agency for its chief, Tom Hale": a name in apposition to the object
 * of "for", "to" or "on behalf of" is whom the speaker speaks for or to; the speaker is the phrase before the
 * preposition. Null when the name is in apposition to the phrase's own head ("the council's director, Dr Jo Bell").
 */
function speakerBeforePreposition(source: string, name: string): string | null {
  const text = source.trim().replace(/[.,;:]+$/, '');
  const before = text.slice(0, text.length - name.length).replace(/,\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady)\.?\s+)?$/, '');
  const m = /^(.*?\S)\s+(?:for|to|on\s+behalf\s+of)\s+([^,]+)$/i.exec(before);
  if (!m || /\b(?:according|spoke|speaking|talking|told|said|says)$/i.test(m[1])) return null;
  // "In a statement to Newsnight, Lord Goldsmith": an opening phrase, then the speaker, is no apposition;
  // a name stands in apposition to a common noun ("its chief"), not to a name ("Newsnight")
  if (/^(?:in|at|on|after|before|during|with|from|by|under|as|speaking|writing)\b/i.test(m[1]) || !/(?:^|\s)\p{Ll}[\p{L}'’-]*$/u.test(m[2].trim())) return null;
  // and only to a person's role ("its chief", "the mayor"): "a spokesman for the company, John Smith" names the spokesman
  const head = /(\p{Ll}[\p{L}'’-]*)$/u.exec(m[2].trim())![1];
  return ROLE_SET.has(head) ? m[1] : null;
}

export function extractAttributions(sentences: Sentence[], ctx: AttributionContext): Attribution[] {
  const out: Attribution[] = [];
  for (const s of sentences) {
    const text = s.text.length > 2000 ? s.text.slice(0, 2000) : s.text;
    const push = (source: string, verb: string, claim: string | undefined, subject = true) => {
      // "according to the council's transport director, Dr Sunil Varma": a person named in apposition is the source
      const apposed = ctx.people.find((p) => p.name.includes(' ') && apposedName(source, p.name));
      const speaker = apposed ? speakerBeforePreposition(source, apposed.name) : null;
      if (speaker) {
        out.push({ source: resolveSource(cleanSource(speaker, subject), s.index, ctx), verb, ...(claim ? { claim } : {}), sentence: s.index });
        return;
      }
      if (apposed) {
        out.push({ source: apposed.name, verb, ...(claim ? { claim } : {}), sentence: s.index });
        return;
      }
      // "Argentina's President, Nestor Kirchner, said": a known person named in the subject is the source
      // ("In an interview with the BBC's Andrew Marr, Mr Blair said": the name closing the subject is the source)
      const closingName = /(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+\p{Lu}[\p{L}'’-]+$/u.test(source.trim());
      const named = subject && !closingName ? ctx.people.filter((p) => p.name.includes(' ') && source.includes(p.name)) : [];
      if (named.length === 1) {
        out.push({ source: named[0].name, verb, ...(claim ? { claim } : {}), sentence: s.index });
        return;
      }
      const cleaned = cleanSource(source, subject);
      if (!cleaned || cleaned.length > 100) return;
      const resolved = resolveSource(cleaned, s.index, ctx);
      out.push({ source: resolved, verb, ...(claim ? { claim } : {}), sentence: s.index });
    };

    const acc = ACCORDING.exec(text);
    if (acc) {
      const rest = text.slice(acc[0].length);
      const comma = rest.search(/,\s/);
      if (acc[1].trim() === '' && comma > 0) {
        push(rest.slice(0, comma), `according to${acc[2] ? ` ${acc[2].trim()}` : ''}`, cleanClaim(rest.slice(comma + 1)), false);
      } else if (acc[1].trim() !== '') {
        push(rest.replace(/[.,]+$/, ''), `according to${acc[2] ? ` ${acc[2].trim()}` : ''}`, cleanClaim(acc[1].replace(/,\s*$/, '')), false);
      }
      continue;
    }

    const based = BASED_ON.exec(text);
    if (based) {
      const rest = text.slice(based.index + based[0].length);
      const end = rest.search(/,\s|\.\s|\.$|;|$/);
      const previous = out.length > 0 && /\bthe report\b|\bthis\b/i.test(text) ? out[out.length - 1].claim : undefined;
      push(rest.slice(0, end), `based on ${based[1].trim()}`, previous, false);
      continue;
    }

    // '"...," Mr Jones said.' and '..., X said.': the source closes the sentence
    const closing = TRAILING.exec(text);
    if (closing && /^,["”]/.test(closing[0])) {
      const source = closing[2] ?? closing[3];
      if (source && (plausibleSubject(cleanSource(source)) || namesPerson(cleanSource(source), ctx))) {
        push(source, closing[1] ?? closing[4], cleanClaim(text.slice(0, closing.index)));
        continue;
      }
    }

    // '"…," Ms Okafor told reporters at the town hall': what was said is the quote, not what follows the verb
    const quoteFirst = QUOTE_FIRST.exec(text);
    if (quoteFirst && (plausibleSubject(cleanSource(quoteFirst[2])) || namesPerson(cleanSource(quoteFirst[2]), ctx))) {
      push(quoteFirst[2], quoteFirst[3], cleanClaim(quoteFirst[1]));
      continue;
    }

    const sv = SUBJECT_VERB.exec(text);
    if (sv && (plausibleSubject(cleanSource(sv[1])) || namesPerson(cleanSource(sv[1]), ctx) || namesPerson(sv[1], ctx))) {
      let rest = text.slice(sv[0].length);
      const date = DATE_AFTER_VERB.exec(rest);
      if (date && date[0].trim().length > 3) rest = rest.slice(date[0].length);
      // "said on Wednesday's Today programme:": the rest of the possessive names where, not what
      if (date) rest = rest.replace(/^['’]s\s+[^:,"“]{1,60}?(?=:|,)/, '');
      // "told a news conference:", "told the BBC that"
      if (sv[2] === 'told') rest = rest.replace(/^\s+[^:,"“]{1,60}?(?=:|\s+that\b|,)/, '');
      push(sv[1], sv[2], cleanClaim(rest.replace(/^,\s*/, '')));
      continue;
    }

    const tr = TRAILING.exec(text);
    if (tr) {
      const source = tr[2] ?? tr[3];
      const verb = tr[1] ?? tr[4];
      if (source && (plausibleSubject(cleanSource(source)) || namesPerson(cleanSource(source), ctx))) push(source, verb, cleanClaim(text.slice(0, tr.index)));
    }
  }
  return out;
}
