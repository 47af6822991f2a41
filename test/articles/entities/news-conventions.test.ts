// Conventions of news English the entity passes follow (the kinds of misreading the sixth fresh TimeBank set and
// earlier trials showed), each on sentences written for the test.
import { describe, expect, it } from 'vitest';
import { entities } from './listed';

describe('a nationality or a currency is not the place', () => {
  it('a country\'s letters before a dollar sign name its currency ("US$6.3 billion", "C$9.75"), not the country', () => {
    expect(entities('Sales were C$2.1 billion (US$1.8 billion) in the latest year.').places).toEqual([]);
    expect(entities('The bid values the group at about US $4 billion.').places).toEqual([]);
    // the country named as a place still is one
    expect(entities('Sales in the US rose to US$2 billion.').places).toEqual(['United States']);
    // a name before a sum paid to it is still named
    expect(entities('The firm will pay Ireland $5 million.').places).toEqual(['Ireland']);
  });

  it('a nationality of two words ("West German", "South African") or one opening a body\'s name names no place of its own', () => {
    expect(entities('Representatives of West German insurer Hanseat AG joined the board.').places).toEqual([]);
    expect(entities('Last month, Canadian Bond Rating Service downgraded the lender.').places).toEqual([]);
    // …but the place is listed once the text names it
    expect(entities('South African police arrived.', 'Talks in South Africa went on.').places).toEqual(['South Africa']);
  });
});

describe('names written the way other languages write them', () => {
  it('a French body\'s name keeps "des" and "de" ("Commission des Operations de Bourse")', () => {
    expect(entities('The bid still needs the approval of the Conseil des Bourses de Valeurs, a regulatory agency.').orgs).toEqual(['Conseil des Bourses de Valeurs']);
    expect(entities('The Commission des Marches Financiers said it would rule within a month.').orgs).toEqual(['Commission des Marches Financiers']);
  });
});

describe('a role in the plural before a list of names', () => {
  it('after a colon is each listed person\'s ("three company directors: A, B and C")', () => {
    const e = entities('The group includes three company directors: Tom Ashdown, Ruth K. Pellow and Amos Wren.');
    expect(e.roles).toEqual({ 'Tom Ashdown': 'director', 'Ruth K. Pellow': 'director', 'Amos Wren': 'director' });
  });
});

describe('an office said of the person with "is" or "was"', () => {
  it('"X is a senior official of Y", "X, is the chief executive of Y" give the role; "X was a victim of" gives none', () => {
    expect(entities('A Somali nurse in Oslo, Mary Farah, is a senior official of a group called the Horn Relief Network.').roles).toEqual({ 'Mary Farah': 'senior official' });
    expect(entities('David Ruskin was chairman of Northgate Mills until 1987.').employers).toEqual({ 'David Ruskin': 'chairman @ Northgate Mills' });
    expect(entities('David Ruskin was a victim of the fraud.').roles).toEqual({ 'David Ruskin': undefined });
  });
});

describe('known misses of earlier trials', () => {
  it('spaced initials before a surname are one person\'s name ("J. D. Vance", "H. G. Wells")', () => {
    expect(entities('Vice President R. T. Halloway spoke to reporters in Ohio.').roles).toEqual({ 'R. T. Halloway': 'Vice President' });
    expect(entities('The novelist P. K. Dunmore died in 1946.').people).toEqual(['P. K. Dunmore']);
    expect(entities('R. T. Halloway said he would run.').people).toEqual(['R. T. Halloway']);
  });

  it('a saint\'s possessive goes on into the institution\'s name ("St Mary\'s Hospital")', () => {
    const e = entities("She was taken to St Agnes's Hospital in Leeds after the crash.", "He studied at St Bede's College before the war.");
    expect(e.orgs).toEqual(["St Agnes's Hospital", "St Bede's College"]);
    expect(e.places).toEqual(['Leeds']);
    // "St." with its full stop opening a name is a saint's too ("Main St." is a street's)
    expect(entities("Doctors at St. Agnes' Hospital said she was stable.").orgs).toEqual(["St. Agnes' Hospital"]);
    expect(entities('He flew to St. Louis on Monday.').places).toEqual(['St Louis']);
    expect(entities('She lives on Main St. The house is old.').places).toEqual([]);
  });

  it('a place\'s name, then "on Sunday", is a Sunday paper where the words around say a paper is meant', () => {
    const e = entities('Her father told Wales on Sunday that he was shocked.', 'Wales on Sunday said the club would be sold.');
    expect(e.orgs).toEqual(['Wales on Sunday']);
    expect(e.places).toEqual([]);
    expect(entities("Scotland on Sunday's editor said the minister would quit.").orgs).toEqual(['Scotland on Sunday']);
    // a place and a day: after a word of place, or a country speaking on a Sunday
    expect(entities('The team arrived in Wales on Sunday.').places).toEqual(['Wales']);
    expect(entities('France on Sunday said it would send troops.')).toMatchObject({ orgs: [], places: ['France'] });
    // only places a Sunday paper is named after: a country told something on a Sunday is the country
    expect(entities('The president told Israel on Sunday that he opposed the raid.')).toMatchObject({ orgs: [], places: ['Israel'] });
    expect(entities('The minister told France on Sunday that the deal was off.')).toMatchObject({ orgs: [], places: ['France'] });
  });

  it('"former" before a title is part of the role ("former Sen. X", "Former President X")', () => {
    expect(entities('Former Sen. Walter Brandt said the bill would pass.').roles).toEqual({ 'Walter Brandt': 'former senator' });
    expect(entities('The plan was backed by former President Ellis Hart.').roles).toEqual({ 'Ellis Hart': 'former President' });
    expect(entities('President Ellis Hart said no.').roles).toEqual({ 'Ellis Hart': 'President' });
  });

  it('a place and an ocean before routes or flights are no company ("its Australia Pacific routes"); a company named so still is', () => {
    const e = entities('The airline will cut its Australia Pacific routes next year.');
    expect(e.orgs).toEqual([]);
    expect(e.places).toContain('Australia');
    expect(entities('Shares of Canadian Pacific rose.').orgs).toEqual(['Canadian Pacific']);
    // a company's own traffic or services are no route
    expect(entities('Analysts said Norfolk Southern traffic rose.').orgs).toEqual(['Norfolk Southern']);
  });
});

describe('a company named by one word at the start of a sentence ("Ford")', () => {
  it('is one when an appositive says what business it is, or a possessive gives it a chief executive or a board', () => {
    expect(entities('Holbrook, the carmaker, said sales fell.').orgs).toEqual(['Holbrook']);
    expect(entities("Brakstad, the world's biggest brewer, said sales rose.").orgs).toEqual(['Brakstad']);
    expect(entities("Holbrook's chief executive said sales fell.").orgs).toEqual(['Holbrook']);
    // a sentence adverb, and a person who holds an office in the firm, stay no company
    expect(entities('Separately, the carmaker said sales fell.').orgs).toEqual([]);
    expect(entities("Holbrook, the firm's founder, said no.").orgs).toEqual([]);
    // the business noun ends the appositive: a person's office in it ("the bank governor") or an adverb before "the retailer said" is no company
    expect(entities('Harlow, the bank governor, warned of inflation.').orgs).toEqual([]);
    expect(entities('Brennan, the airline boss, said demand was strong.').orgs).toEqual([]);
    expect(entities('Overall, the retailer reported a loss.').orgs).toEqual([]);
    expect(entities('Elsewhere, the carmaker cut 500 jobs.').orgs).toEqual([]);
  });
});

describe('a name set off by commas after a place', () => {
  it('is the clause\'s subject, not the next place of a list ("a nurse in Oslo, Amina Farah, is …")', () => {
    expect(entities('A Somali nurse in Oslo, Amina Farah, is a senior official of a relief group.').places).toEqual(['Oslo']);
    expect(entities('Talks were held in Oslo, Bergen and Tromso.').places).toEqual(['Bergen', 'Oslo', 'Tromso']);
  });
});

describe('a body named after a class of people', () => {
  it('keeps its whole name as a person\'s employer ("the Women\'s League", "the Transport Workers\' Union"); "Qantas\' India manager" is still Qantas\'s', () => {
    expect(entities("Mary Okafor, a senior official of the Tenants' Federation, said no.")).toMatchObject({ orgs: ["Tenants' Federation"], employers: { 'Mary Okafor': "senior official @ Tenants' Federation" } });
    expect(entities("Mary Okafor, a senior official of the Women's Institute, said no.").orgs).toEqual(["Women's Institute"]);
    expect(entities("Ann Lee, a lawyer at Meridian's Compliance Department, said no.").employers).toEqual({ 'Ann Lee': 'lawyer @ Meridian' });
  });
});
