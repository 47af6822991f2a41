// Each entity pass alone, on sentences written for the test: the registry before and after one pass.
import { describe, expect, it } from 'vitest';
import { collectHonorificSurnames, ENTITY_PASSES, extractEntities } from '../../../src/articles/entities';
import { classifyByContext } from '../../../src/articles/entities/context';
import { findKnownOrganisations } from '../../../src/articles/entities/known';
import { classifyNames } from '../../../src/articles/entities/names';
import { linkPersonMentions, resolveSurnameRefs, rolesByOffice } from '../../../src/articles/entities/references';
import { EntityRegistry } from '../../../src/articles/entities/registry';
import type { Sentence } from '../../../src/articles/model';

function sentences(...texts: string[]): Sentence[] {
  let start = 0;
  return texts.map((text, index) => {
    const s = { index, paragraph: 0, text, start, end: start + text.length };
    start += text.length + 1;
    return s;
  });
}

function run(texts: string[], passes: ((s: Sentence[], r: EntityRegistry) => void)[]): EntityRegistry {
  const s = sentences(...texts);
  const r = new EntityRegistry(s.length);
  for (const pass of passes) pass(s, r);
  return r;
}

const orgNames = (r: EntityRegistry) => r.organisations.map((o) => o.name).sort();
const placeNames = (r: EntityRegistry) => [...r.places.values()].map((p) => p.name).sort();

describe('the pipeline', () => {
  it('runs its passes in a fixed, named order', () => {
    expect(ENTITY_PASSES.map(([name]) => name)).toEqual([
      'honorific surnames', 'known organisations', 'name rules', 'context of open names', 'surname references', 'roles by office', 'person mentions', 'organisation mentions',
    ]);
  });
});

describe('known organisations', () => {
  it('finds parties, institutions and news organisations by any of their names, "the Independent" only after "the"', () => {
    const r = run(['The Tories and Lib Dems voted with Labour in the Commons.', 'Independent experts told the Independent so.'], [findKnownOrganisations]);
    expect(orgNames(r)).toEqual(['House of Commons', 'Independent', 'Labour Party', 'Liberal Democrats', 'Conservative Party'].sort());
    expect(r.findOrg('Independent')?.sentences).toEqual(new Set([1]));
    expect(r.findOrg('Tories')?.name).toBe('Conservative Party');
  });
});

describe('name rules', () => {
  it('reads honorifics, titles, appositives and acronym definitions; leaves unknown single names open', () => {
    const r = run([
      'Foreign Minister Ana Lopes met Dr Kwame Mensah of the National Tin Council (NTC).',
      'Harriet Vane, a spokeswoman for Brindle, said Quillon would decide.',
    ], [collectHonorificSurnames, findKnownOrganisations, classifyNames]);
    expect(r.people.get('ana lopes')).toMatchObject({ role: 'Foreign Minister' });
    expect(r.people.get('harriet vane')).toMatchObject({ role: 'spokeswoman', organisation: 'Brindle' });
    expect(r.findOrg('NTC')?.name).toBe('National Tin Council');
    expect(r.surnameRefs.map((s) => s.surname)).toEqual([]);
    expect(r.people.has('kwame mensah')).toBe(true);
    expect(r.pending.map((p) => p.name)).toEqual(['Quillon']);
  });

  it('keeps products out: an acronym defined for a thing, a name owning a capitalised title', () => {
    const r = run(['The Zeta Pocket (ZP) sold well, and Mary Kent\'s Island 3 topped the charts.', 'Stores sold the ZP.'], [findKnownOrganisations, classifyNames, classifyByContext]);
    expect(r.thingAcronyms.has('ZP')).toBe(true);
    expect(r.findOrg('ZP')).toBeUndefined();
    expect(r.people.has('mary kent')).toBe(false);
  });

  it('splits "X for Y" unless X is an institution, and joins "A and B Union"', () => {
    const r = run(['MPs debated the Bill for Westrail while the Commission for Rivers and the Rail and Maritime Workers Union watched.'], [findKnownOrganisations, classifyNames, classifyByContext]);
    expect(orgNames(r)).toContain('Commission for Rivers');
    expect(orgNames(r)).toContain('Rail and Maritime Workers Union');
    expect(orgNames(r)).not.toContain('Bill for Westrail');
  });
});

describe('context of open names', () => {
  it('makes organisations of names with a descriptor, a possessed role, a plural verb or an organisation beside them', () => {
    const r = run([
      'Mining giant Orvex and its rival Kestrel bid.',
      "Tamsin Reed, Pellucid's chief economist, said so.",
      'Tinderbox have announced a tour, and Brindle said Quillon and Orvex agreed.',
    ], [findKnownOrganisations, classifyNames, classifyByContext]);
    expect(orgNames(r)).toEqual(['Brindle', 'Kestrel', 'Orvex', 'Pellucid', 'Quillon', 'Tinderbox']);
  });

  it('makes places of names after a preposition of place, before a county, or listed with places', () => {
    const r = run(['The farmer from Upper Witton, Herefordshire, moved to Stenby and later lived near Ashcombe.', 'Stops in Farleigh, Leeds and Manchester follow.'], [findKnownOrganisations, classifyNames, classifyByContext]);
    expect(placeNames(r)).toEqual(['Ashcombe', 'Farleigh', 'Herefordshire', 'Leeds', 'Manchester', 'Stenby', 'Upper Witton']);
  });

  it('says nothing without evidence, and a person-shaped name is not made an organisation by its verb', () => {
    const r = run(['It went to Quillon.', 'Wong Kwan was there.'], [findKnownOrganisations, classifyNames, classifyByContext]);
    expect(orgNames(r)).toEqual([]);
    expect(placeNames(r)).toEqual([]);
  });

  it('treats acronyms used only before a noun as no organisation ("ID cards")', () => {
    const r = run(['The ID cards plan and the PQR scheme were dropped, the ABT said.'], [findKnownOrganisations, classifyNames, classifyByContext]);
    expect(orgNames(r)).toEqual(['ABT']);
  });
});

describe('one entry per entity', () => {
  it('lists a place once however it is named, and gives a person the owner named before them', () => {
    const e = extractEntities(sentences('The UK and Britain\'s allies met British officials in the US and America.', '"It works," said Zentek\'s Paul Orr.'));
    expect(e.places.map((p) => p.name).sort()).toEqual(['United Kingdom', 'United States']);
    expect(e.people.find((p) => p.name === 'Paul Orr')).toMatchObject({ organisation: 'Zentek' });
  });
});

describe('references', () => {
  it('attaches "Mr X" to the full name and "He" to the last person', () => {
    const r = run(['Mr Okafor arrived.', 'Chidi Okafor, the mayor of Lagos, spoke.', 'He left.'], [collectHonorificSurnames, classifyNames, resolveSurnameRefs, linkPersonMentions]);
    expect(r.people.get('chidi okafor')?.sentences).toEqual(new Set([1, 0, 2]));
  });

  it('gives the office named later to the person the article is most about', () => {
    const r = run(['Ruth Ames said the plan was fair.', 'Critics disagreed with Mrs Ames and Tom Bell.', 'The foreign secretary told MPs it would pass.'], [collectHonorificSurnames, classifyNames, resolveSurnameRefs, rolesByOffice]);
    expect(r.people.get('ruth ames')?.role).toBe('foreign secretary');
    expect(r.people.get('tom bell')?.role).toBeUndefined();
  });

  it('leaves an office alone when someone already holds it, or when a name follows it', () => {
    const r = run(['Prime Minister Ola Berg met Kim Sato.', 'The prime minister left.', 'Later the chancellor Ivo Rask arrived.'], [collectHonorificSurnames, classifyNames, resolveSurnameRefs, rolesByOffice]);
    expect(r.people.get('kim sato')?.role).toBeUndefined();
  });

  it('takes a nameless role from the sentence before ("the Herald\'s political editor has learned. X says")', () => {
    const e = extractEntities(sentences('The vote is set for May, the Herald\'s political editor has learned.', 'Dana Shore says the date is fixed.'));
    expect(e.people.find((p) => p.name === 'Dana Shore')).toMatchObject({ role: 'political editor', organisation: 'Herald' });
  });
});
