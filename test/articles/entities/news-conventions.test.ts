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
