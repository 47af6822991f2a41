// People, organisations, places, attributions and lists on a synthetic article that uses each pattern once.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse';
import type { Article } from '../../src/articles/model';

const text = `Ministers agree trade deal

Prime Minister Tony Blair met Chancellor Gordon Brown in London on Monday. Jane Doe, the chief executive of the Acme Trading Company, said the deal was good. The union's general secretary Bill Jones warned of strikes. Sarah Smith, who is director of the National Farmers Union (NFU), welcomed it.

"This is a good day for workers," Mr Jones said. Mr Blair told the BBC that talks would continue. The Ministry of Defence said nothing. According to Reuters, the deal covers steel, coal, timber and textiles. The plan has three stages, such as consultation, drafting and approval.

Its members include France, Germany and Italy. Analysts raised concerns about jobs, as well as the cost of imports. Later, the Secretary-General of the World Trade Organization, Pascal Lamy, praised it. He said it was fair. French President Jacques Chirac and the NFU stayed silent.
`;

const result = parseArticle(text, { now: new Date('2026-11-27T12:00:00Z') });
if (!result.ok) throw new Error(result.error);
const a: Article = result.article;
const person = (name: string) => a.people.find((p) => p.name === name);

describe('people', () => {
  it('reads titles before names: "Prime Minister Tony Blair", "Chancellor Gordon Brown"', () => {
    expect(person('Tony Blair')).toEqual({ name: 'Tony Blair', role: 'Prime Minister', sentences: [0, 5] });
    expect(person('Gordon Brown')).toEqual({ name: 'Gordon Brown', role: 'Chancellor', sentences: [0] });
  });

  it('reads "X, the Y of Z", "X, who is Y of Z" and "Z\'s Y X"', () => {
    expect(person('Jane Doe')).toMatchObject({ role: 'chief executive', organisation: 'Acme Trading Company', sentences: [1] });
    expect(person('Sarah Smith')).toMatchObject({ role: 'director', organisation: 'National Farmers Union', sentences: [3] });
    expect(person('Bill Jones')).toMatchObject({ role: 'general secretary', sentences: [2, 4] });
    expect(person('Pascal Lamy')).toMatchObject({ role: 'Secretary-General', organisation: 'World Trade Organization', sentences: [11, 12] });
  });

  it('maps a nationality before a role to the country', () => {
    expect(person('Jacques Chirac')).toMatchObject({ role: 'President', organisation: 'France' });
  });
});

describe('organisations and places', () => {
  it('links acronyms and detects organisations by their head words', () => {
    expect(a.organisations.find((o) => o.acronym === 'NFU')).toEqual({ name: 'National Farmers Union', acronym: 'NFU', aliases: ['NFU'], members: [], sentences: [3, 13] });
    expect(a.organisations.map((o) => o.name)).toEqual(expect.arrayContaining(['Acme Trading Company', 'Ministry of Defence', 'World Trade Organization', 'BBC']));
  });

  it('finds places from the gazetteer', () => {
    expect(a.places.map((p) => [p.name, p.kind, p.sentences])).toEqual(expect.arrayContaining([
      ['London', 'city', [0]], ['France', 'country', [9, 13]], ['Germany', 'country', [9]], ['Italy', 'country', [9]],
    ]));
  });
});

describe('attributions', () => {
  it('finds who said what, resolving "Mr Jones" and "He" to the full name', () => {
    expect(a.attributions).toEqual([
      { source: 'Jane Doe', verb: 'said', claim: 'the deal was good', sentence: 1 },
      { source: 'Bill Jones', verb: 'warned', claim: 'of strikes', sentence: 2 },
      { source: 'Bill Jones', verb: 'said', claim: 'This is a good day for workers', sentence: 4 },
      { source: 'Tony Blair', verb: 'told', claim: 'talks would continue', sentence: 5 },
      { source: 'Ministry of Defence', verb: 'said', claim: 'nothing', sentence: 6 },
      { source: 'Reuters', verb: 'according to', claim: 'the deal covers steel, coal, timber and textiles', sentence: 7 },
      { source: 'Pascal Lamy', verb: 'said', claim: 'it was fair', sentence: 12 },
    ]);
  });
});

/** The attributions of an article written for a test. */
function attributionsOf(text: string) {
  const parsed = parseArticle(text, { now: new Date('2026-11-27T12:00:00Z') });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.article.attributions;
}

describe('a quote that opens the sentence', () => {
  it('is what was said, whatever follows the speaker and the verb', () => {
    expect(attributionsOf('Ferry fares to rise\n\nTransport chief Maria Lopez met union leaders on Monday. "Nobody wants higher fares, but the boats are old," Ms Lopez said in a speech to councillors in Oban. "We will keep talking," she told reporters at the harbour. Union organiser Tom Reid said the rise was unfair.')).toEqual([
      { source: 'Maria Lopez', verb: 'said', claim: 'Nobody wants higher fares, but the boats are old', sentence: 1 },
      { source: 'Maria Lopez', verb: 'told', claim: 'We will keep talking', sentence: 2 },
      { source: 'Tom Reid', verb: 'said', claim: 'the rise was unfair', sentence: 3 },
    ]);
  });
});

describe('a source named in apposition', () => {
  it('is the person, not the role before the name', () => {
    const found = attributionsOf("Dam repairs to start\n\nRepairs will begin in March, according to the water board's chief engineer, Dr Lena Holt. According to the mayor's office, the road stays open.");
    expect(found.map((x) => [x.source, x.verb, x.claim])).toEqual([
      ['Lena Holt', 'according to', 'Repairs will begin in March'],
      ["mayor's office", 'according to', 'the road stays open'],
    ]);
  });

  it('is the name in apposition to a spokesman for a body, not the spokesman ("a spokesman for the company, John Smith")', () => {
    const found = attributionsOf('Plant to close\n\nThe plant will close, according to a spokesman for the company, John Smith. A spokeswoman for the council, Jane Doe, said the site would be sold.');
    expect(found.map((x) => [x.source, x.verb, x.claim])).toEqual([
      ['John Smith', 'according to', 'The plant will close'],
      ['Jane Doe', 'said', 'the site would be sold'],
    ]);
  });

  it('is not a name in apposition to whom the source speaks for ("a spokesman for its chief, Tom Hale")', () => {
    const found = attributionsOf('Port to close\n\nThe port will close, according to a spokesman for its chief, Tom Hale. A spokeswoman for its mayor, Ada Quist, said the cranes would go. The quay is safe, according to its engineer, Bo Lund. In a statement to Newsnight, Ada Quist said the pier would stay.');
    expect(found.map((x) => [x.source, x.verb, x.claim])).toEqual([
      ['a spokesman', 'according to', 'The port will close'],
      ['A spokeswoman', 'said', 'the cranes would go'],
      ['Bo Lund', 'according to', 'The quay is safe'],
      // an opening phrase before the speaker is no apposition
      ['Ada Quist', 'said', 'the pier would stay'],
    ]);
  });
});

describe('lists', () => {
  it('labels enumerations by the words that introduce them', () => {
    expect(a.lists).toEqual([
      { label: 'the deal covers', items: ['steel', 'coal', 'timber', 'textiles'], sentence: 7 },
      { label: 'stages of the plan', items: ['consultation', 'drafting', 'approval'], sentence: 8 },
      { label: 'members', items: ['France', 'Germany', 'Italy'], sentence: 9 },
      { label: 'concerns', items: ['jobs', 'the cost of imports'], sentence: 10 },
    ]);
  });
});
