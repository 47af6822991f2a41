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
      'vocabulary', 'honorific surnames', 'known organisations', 'spelled ampersands', 'Sunday papers', 'name rules', 'context of open names', 'surname references', 'roles by office', 'person mentions', 'organisation mentions',
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

describe('general shapes of news text', () => {
  const people = (e: ReturnType<typeof extractEntities>) => Object.fromEntries(e.people.map((p) => [p.name, p.role ?? null]));
  const orgs = (e: ReturnType<typeof extractEntities>) => e.organisations.map((o) => o.name).sort();
  const places = (e: ReturnType<typeof extractEntities>) => e.places.map((p) => p.name).sort();

  it('does not take a common word for a name because it opens a sentence or a title-case line', () => {
    const e = extractEntities(sentences(
      'Police said the people of the town were angry.',
      'People gathered outside, and the police replied.',
      'Replied Quillon Department officials: nothing.',
      'Farmers Warn Of Higher Prices As Drought Continues Across The Region, farmers and prices said.',
    ));
    expect(orgs(e)).toEqual(['Quillon Department']);
    expect(e.people).toEqual([]);
  });

  it('reads an opening adverb or participle as no part of the name after it', () => {
    const e = extractEntities(sentences('Certainly Dominic Varga was there.', 'Chanting Helmut Okonjo walked in.'));
    expect(people(e)).toEqual({ 'Dominic Varga': null, 'Helmut Okonjo': null });
  });

  it('writes out an abbreviated title as the role ("Sen." → senator) and gives an honorific alone ("Dr") none', () => {
    const e = extractEntities(sentences('Sen. Maria Ortiz and Gov. Tim Walsh met Lt. Col. Dara Quill.', 'Rep. Joan Fenwick and Dr Ivo Brandt were not invited.', 'Dr Anna Pryce, a surgeon, said the wait was long.'));
    expect(people(e)).toEqual({ 'Maria Ortiz': 'senator', 'Tim Walsh': 'governor', 'Dara Quill': 'lieutenant colonel', 'Joan Fenwick': 'representative', 'Ivo Brandt': null, 'Anna Pryce': 'surgeon' });
  });

  it('reads a capitalised title before a surname as that person ("President Osei"), joined to the full name when given', () => {
    const e = extractEntities(sentences('President Osei met Chancellor Brandl and Gen. Tomas Rieder.', 'Kwabena Osei later flew home.', 'General Motors and Prince Albrecht were not there.'));
    expect(people(e)).toEqual({ 'Kwabena Osei': 'President', Brandl: 'Chancellor', 'Tomas Rieder': 'general', 'Prince Albrecht': 'Prince' });
    expect(orgs(e)).toEqual(['General Motors']);
  });

  it('names a person known only as "Mr X"', () => {
    const e = extractEntities(sentences('Mr. Pardew declined to comment.', "Mr Pardew's lawyer said so."));
    expect(people(e)).toEqual({ 'Mr Pardew': null });
    expect(orgs(e)).toEqual([]);
  });

  it('makes a person of a name the article later calls by surname, or that a pronoun refers back to', () => {
    const e = extractEntities(sentences(
      'The gunman, Yoram Keshet, fired twice.',
      'Keshet said he acted alone.',
      'Later Dorit Halevy said she would appeal.',
      'Valdo said he disagreed, and Quillon said it agreed.',
    ));
    expect(Object.keys(people(e)).sort()).toEqual(['Dorit Halevy', 'Yoram Keshet']);
    expect(orgs(e)).toEqual(['Quillon']);
  });

  it('reads a person\'s initials with full stops as part of the name ("J.D. Vance"), a country\'s or body\'s as their own', () => {
    const e = extractEntities(sentences('J.D. Vance told reporters the deal was fair.', 'Vice President A.J. Quarles met the U.S. Senate and the U.N. Security Council.'));
    expect(people(e)).toEqual({ 'J.D. Vance': null, 'A.J. Quarles': 'Vice President' });
    expect(orgs(e)).toEqual(['Security Council', 'Senate', 'United Nations']);
  });

  it('a business word after a proper name makes a company ("Marlow Engineering"), a hospital\'s name an institution', () => {
    const e = extractEntities(sentences('Marlow Engineering said it would cut 40 jobs.', 'Patients at Northbridge General Hospital waited for hours.', 'Kestrel Construction closed the site.'));
    expect(e.people).toEqual([]);
    expect(orgs(e)).toEqual(['Kestrel Construction', 'Marlow Engineering', 'Northbridge General Hospital']);
  });

  it('a compass or ocean word after a place names a company called after it ("Norfolk Southern"), not the place', () => {
    const e = extractEntities(sentences('Norfolk Southern declined to comment.', 'Canadian Pacific said freight volumes rose.', 'Trains in Suffolk were late.'));
    expect(orgs(e)).toEqual(['Canadian Pacific', 'Norfolk Southern']);
    expect(places(e)).toEqual(['Suffolk']);
  });

  it('a continent or a place\'s coast before "Pacific" or "Atlantic" stays a place ("Asia Pacific", "the Japan Pacific coast"), no company', () => {
    const e = extractEntities(sentences('Leaders from across Asia Pacific met in Lima.', 'Towns on the Japan Pacific coast were evacuated.'));
    expect(orgs(e)).toEqual([]);
    expect(places(e)).toEqual(expect.arrayContaining(['Asia', 'Japan']));
  });

  it('trades listed before "… Workers\' Union" are one union\'s name; bodies and companies in a list stay apart', () => {
    const e = extractEntities(sentences("Members of the Bakers, Food and Allied Workers' Union voted to strike.", 'The Army, Navy and Air Force were deployed.', 'Jobs went at Ford, Honda and General Motors.'));
    expect(orgs(e)).toEqual(['Air Force', 'Army', "Bakers, Food and Allied Workers' Union", 'Ford', 'General Motors', 'Honda', 'Navy'].sort());
  });

  it('"hit", "play", "show" before a place are verbs ("floods hit South Wales"), nouns of a work only after a determiner', () => {
    const e = extractEntities(sentences('Floods hit South Wales on Monday.', 'The band will play Glasgow on Friday.', 'Their hit Wonderwall sold well, and the smash hit Kerrigan Falls did too.'));
    expect(places(e)).toEqual(['Glasgow', 'South Wales', 'Wales']);
    expect(orgs(e)).toEqual([]);
    expect(e.people).toEqual([]);
  });

  it('reads initials with full stops and US states after a town ("U.N.", "Peoria, Ill.")', () => {
    const e = extractEntities(sentences('BRANFORD, Conn. (AP) _ The U.N. and U.S. officials met in Weldon, Ill., and Carver, Texas.'));
    expect(orgs(e)).toEqual(['AP', 'United Nations']);
    expect(places(e)).toEqual(['Branford', 'Carver', 'Connecticut', 'Illinois', 'Texas', 'United States', 'Weldon']);
  });

  it('reads "X-based" as a place, and keeps calendar abbreviations, counts and opening verbs out of names', () => {
    const e = extractEntities(sentences(
      'Ledbury-based Quillon Freight Ltd and a Tokyo-based rival were named by the Security Council on Aug. 3.',
      'Twelve Arab League states and the Bank of England agreed, the bank said.',
      'Bank of England officials replied.',
      'Replied Brindle Freight Ltd: no.',
    ));
    expect(orgs(e)).toEqual(['Arab League', 'Bank of England', 'Brindle Freight Ltd', 'Quillon Freight Ltd', 'Security Council']);
    expect(places(e)).toEqual(['Ledbury', 'Tokyo']);
  });

  it('finds people by "according to", a possessive relation or a list of people; a work is no organisation by its verb', () => {
    const e = extractEntities(sentences(
      'The prize went to Kate Ashby, Tamsin Orrell and Jude Marlow, according to Bram Kessel.',
      "Later Idris Penhale's wife said so.",
      'The film Sideways was nominated, and Quillon was sold.',
      'The CCTV and MRSA figures rose.',
    ));
    expect(Object.keys(people(e)).sort()).toEqual(['Bram Kessel', 'Idris Penhale', 'Jude Marlow', 'Kate Ashby', 'Tamsin Orrell']);
    expect(orgs(e)).toEqual(['Quillon']);
  });
});
