// People (with role and organisation), organisations (with acronyms and aliases) and places, each with
// the sentences that mention them. A pipeline of named passes over one registry (./entities/registry):
// known organisations by name, then the name rules for each capitalised run (titles, honorifics,
// appositives, acronym definitions, head words, the gazetteer), then the context of names still open,
// then later references. Each pass is exported and testable alone.
import type { Sentence } from './model';
import { classifyByContext } from './entities/context';
import { findKnownOrganisations } from './entities/known';
import { classifyNames } from './entities/names';
import { linkOrganisationMentions, linkPersonMentions, resolveSurnameRefs, rolesByOffice } from './entities/references';
import { EntityRegistry, type Entities } from './entities/registry';

export type { Entities } from './entities/registry';
export { escapeRegex } from './entities/references';

type Pass = (sentences: Sentence[], registry: EntityRegistry) => void;

/** Surnames used with an honorific anywhere ("Mr Lavagna") make "Roberto Lavagna" a person. */
export function collectHonorificSurnames(sentences: Sentence[], registry: EntityRegistry): void {
  for (const s of sentences) {
    for (const m of s.text.matchAll(/\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+(\p{Lu}[\p{L}'’-]+)/gu)) registry.honorificSurnames.add(m[1]);
  }
}

/** The passes, in order. */
export const ENTITY_PASSES: [string, Pass][] = [
  ['honorific surnames', collectHonorificSurnames],
  ['known organisations', findKnownOrganisations],
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
