// People (with role and organisation), organisations (with acronyms and aliases) and places, each with
// the sentences that mention them. A pipeline of named passes over one registry (./entities/registry):
// known organisations by name, names spelled with "and" for their ampersand ("AT and T"), then the name rules for each capitalised run (titles, honorifics,
// appositives, acronym definitions, head words, the gazetteer), then the context of names still open,
// then later references. Each pass is exported and testable alone.
import type { Sentence } from './model';
import { classifyByContext } from './entities/context';
import { findKnownOrganisations, findSpelledAmpersands, findSundayPapers } from './entities/known';
import { classifyNames } from './entities/names';
import { linkOrganisationMentions, linkPersonMentions, resolveSurnameRefs, rolesByOffice } from './entities/references';
import { EntityRegistry, type Entities } from './entities/registry';
import { allMatches } from '../language/matches';

export type { Entities } from './entities/registry';

type Pass = (sentences: Sentence[], registry: EntityRegistry) => void;

/** "Mr Lavagna" not followed by another capitalised word: the honorific and the surname. */
const HONORIFIC_SURNAME = /\b(Mr|Mrs|Ms|Dr|Miss)\.?\s+(\p{Lu}[\p{L}'’-]*\p{L})(?![\p{L}'’-]*\s+\p{Lu})/gu;
/** Any surname after an honorific. */
const SURNAME_AFTER_HONORIFIC = /\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+(\p{Lu}[\p{L}'’-]*\p{L})/gu;
/** "Messrs. Perlman and Price": the surnames after it. */
const MESSRS = /\bMessrs\.?\s+((?:\p{Lu}[\p{L}'’-]*\p{L}(?:,\s+|\s+(?:and|nor|or)\s+)?)+)/gu;
/** A word written in lower case, after a space or an opening mark. */
const LOWER_CASE_WORD = /(?<=[\s(,;:“"‘'-])([a-z][a-z'’-]*[a-z])\b/g;
/** A capitalised word inside a sentence: not its first, nor one opening a quotation. */
const CAPITALISED_INSIDE = /(?<=[\p{L}\p{N},;)]\s+)(\p{Lu}[\p{Ll}]+)\b/gu;

/**
 * Surnames used with an honorific anywhere ("Mr Lavagna") make "Roberto Lavagna" a person; each such mention
 * is a reference to resolve, and names a person of its own ("Mr Lavagna") when no full name is found.
 */
export function collectHonorificSurnames(sentences: Sentence[], registry: EntityRegistry): void {
  for (const s of sentences) {
    for (const m of allMatches(HONORIFIC_SURNAME, s.text)) {
      const surname = m[2].replace(/['’]s$/, '');
      registry.honorificSurnames.add(surname);
      registry.surnameRefs.push({ surname, sentence: s.index, display: `${m[1]} ${surname}` });
    }
    for (const m of allMatches(SURNAME_AFTER_HONORIFIC, s.text)) registry.honorificSurnames.add(m[1]);
    // "Messrs. Perlman and Price", "Messrs Drabinsky, Gottlieb and Lee": each surname is a person's, met before
    for (const m of allMatches(MESSRS, s.text)) {
      for (const surname of m[1].split(/,\s+|\s+(?:and|nor|or)\s+/).map((w) => w.trim().replace(/['’]s$/, '')).filter((w) => /^\p{Lu}/u.test(w))) {
        registry.honorificSurnames.add(surname);
        registry.surnameRefs.push({ surname, sentence: s.index, display: surname });
      }
    }
  }
}

/** The words the article writes in lower case, after a sentence's first word ("police", "people", "replied"). */
export function collectVocabulary(sentences: Sentence[], registry: EntityRegistry): void {
  const capitalised: string[][] = [];
  for (const s of sentences) {
    for (const m of allMatches(LOWER_CASE_WORD, s.text)) registry.lowerCaseWords.add(m[1]);
    // capitalised words inside the sentence: not its first, nor one opening a quotation
    capitalised.push(allMatches(CAPITALISED_INSIDE, s.text).map((m) => m[1]));
  }
  // a sentence in title case capitalises common words; its capitals say nothing
  for (const words of capitalised) {
    const common = words.filter((w) => registry.lowerCaseWords.has(w.toLowerCase()));
    if (common.length >= 3 && common.length >= words.length * 0.5) continue;
    for (const w of words) registry.capitalisedWords.add(w);
  }
}

/** The passes, in order. */
export const ENTITY_PASSES: [string, Pass][] = [
  ['vocabulary', collectVocabulary],
  ['honorific surnames', collectHonorificSurnames],
  ['known organisations', findKnownOrganisations],
  ['spelled ampersands', findSpelledAmpersands],
  ['Sunday papers', findSundayPapers],
  ['name rules', classifyNames],
  ['context of open names', classifyByContext],
  ['surname references', resolveSurnameRefs],
  ['roles by office', rolesByOffice],
  ['person mentions', linkPersonMentions],
  ['organisation mentions', linkOrganisationMentions],
];

export function extractEntities(sentences: Sentence[]): Entities {
  const registry = new EntityRegistry(sentences.length);
  for (const [, pass] of ENTITY_PASSES) pass(sentences, registry);
  return registry.result();
}
