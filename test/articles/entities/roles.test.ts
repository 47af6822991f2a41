// The role rules alone, on phrases written for the test.
import { describe, expect, it } from 'vitest';
import { appositiveRole, basedOrFrom, orgBefore, roleBefore } from '../../../src/articles/entities/roles';

describe('roles before a name', () => {
  it('keeps the qualifiers of the role and takes the owner from a possessive', () => {
    expect(roleBefore("Talks with Norway's fisheries minister ")).toEqual({ role: 'fisheries minister', organisation: 'Norway' });
    expect(roleBefore("Earlier, the Herald's chief political editor ")).toEqual({ role: 'chief political editor', organisation: 'Herald' });
  });

  it('takes a capitalised name right before the role as its organisation, but not a sentence-opening word', () => {
    expect(roleBefore('A statement from Greenpeace senior campaigner ')).toEqual({ role: 'senior campaigner', organisation: 'Greenpeace' });
    expect(roleBefore('Greenpeace senior campaigner ')).toEqual({ role: 'senior campaigner' }); // the first word of a sentence says nothing
    expect(roleBefore('A meeting with Acme Holdings chairman ')).toEqual({ role: 'chairman', organisation: 'Acme Holdings' });
    expect(roleBefore('Meanwhile chairman ')).toEqual({ role: 'chairman' });
  });

  it('stops at time words and verbs ("last week after solicitor")', () => {
    expect(roleBefore('He resigned last week after solicitor ')).toEqual({ role: 'solicitor' });
    expect(roleBefore('The panel includes singer ')).toEqual({ role: 'singer' });
  });

  it('reads "the Y of Z, X" and "Z\'s Y, X"', () => {
    expect(roleBefore('the Mayor of Bristol, ', ', said')).toEqual({ role: 'Mayor', organisation: 'Bristol' });
    expect(roleBefore("Chile's mining minister, ", '.')).toEqual({ role: 'mining minister', organisation: 'Chile' });
  });

  it('finds nothing without a role', () => {
    expect(roleBefore('The weather in ')).toBeNull();
    expect(orgBefore('nothing here ')).toBeUndefined();
  });
});

describe('roles after a name (appositives)', () => {
  it('reads ", the Y of Z" and ", a Y for Z"', () => {
    expect(appositiveRole(', the managing director of Northwind Foods, said')).toEqual({ role: 'managing director', organisation: 'Northwind Foods' });
    expect(appositiveRole(', a spokeswoman for Westrail, said')).toEqual({ role: 'spokeswoman', organisation: 'Westrail' });
  });

  it('skips an age and reads the role of the second conjunct', () => {
    expect(appositiveRole(', 41, a locksmith from Leeds')).toBeNull(); // a locksmith is no listed role
    expect(appositiveRole(', 52, a solicitor from Leeds')).toEqual({ role: 'solicitor' });
    expect(appositiveRole(', a former rugby player and joint owner of the Red Lion, said')).toEqual({ role: 'former rugby player' });
  });

  it('keeps a lower-case complement and skips a country before the role', () => {
    expect(appositiveRole(", Norland's UK head of research.")).toEqual({ role: 'head of research', organisation: 'Norland' });
  });

  it('is no role when the role word belongs to a relation or to the next name', () => {
    expect(appositiveRole(', the 22 year old son of film star Ann Lee')).toBeNull();
    expect(appositiveRole(', auctioneer Tom Hill, 42')).toBeNull();
  });
});

describe('roles joined by "and", in the plural, and compound titles (issue 12)', () => {
  it('joins roles held in the body named after the last ("founder and former chairman of Y"), not roles with no body', () => {
    expect(appositiveRole(', founder and former chairman of Northwind Foods Inc., was charged')).toEqual({ role: 'founder and former chairman', organisation: 'Northwind Foods Inc' });
    expect(appositiveRole(', QC and international law professor, said')).toEqual({ role: 'QC' });
  });

  it('reads a role in the plural as each person\'s, in the singular ("attorneys for Mr. X")', () => {
    expect(appositiveRole(', attorneys for Mr. Okafor, declined to comment', true)?.role).toBe('attorney');
    expect(appositiveRole(', officials say the slope may fall')).toBeNull(); // after one name, a plural is no role of it
    expect(appositiveRole(', spokesmen for the ministry, said', true)?.role).toBe('spokesman');
  });

  it('reads a compound title whole after a name (", chief financial officer,")', () => {
    expect(appositiveRole(', chief financial officer, said')?.role).toBe('chief financial officer');
    expect(appositiveRole(', executive vice president of Westrail, said')).toEqual({ role: 'executive vice president', organisation: 'Westrail' });
  });
});

describe('more appositive shapes of news writing (issue 12)', () => {
  it('a nationality among the qualifiers is the country, not the role ("a former Indian ambassador")', () => {
    expect(appositiveRole(', 58, a former Indian ambassador, is part of the effort')).toEqual({ role: 'former ambassador', organisation: 'India' });
  });

  it('a body named before the role is its organisation ("a Fidelity vice president"), a place is not', () => {
    expect(appositiveRole(', a Westmill vice president, marketing, said')).toEqual({ role: 'vice president', organisation: 'Westmill' });
    expect(appositiveRole(', the Essex County prosecutor, said')).toEqual({ role: 'prosecutor' });
  });

  it('a body after "at" or "with" is where someone works', () => {
    expect(appositiveRole(', an analyst with Dean Harrow Reynolds, said')).toEqual({ role: 'analyst', organisation: 'Dean Harrow Reynolds', employer: true });
    expect(appositiveRole(', a spokeswoman for Westrail, said')).toEqual({ role: 'spokeswoman', organisation: 'Westrail' });
  });

  it('reads occupations of news stories: astronaut, financier, delegate, publisher, trader, scholar, official', () => {
    for (const role of ['astronaut', 'financier', 'delegate', 'publisher', 'trader', 'scholar', 'official']) expect(appositiveRole(`, a ${role}, said`)?.role).toBe(role);
  });

  it('a place or nationality before "financier" is no organisation ("Montreal-based financier", "Anglo-French financier")', () => {
    expect(roleBefore('a bid from Anglo-French financier ')).toEqual({ role: 'financier' });
    expect(roleBefore('a bid from Montreal-based financier ')).toEqual({ role: 'financier' });
  });
});

describe('where someone is based or from is one test (issue 12)', () => {
  it('"Montreal-based", "Anglo-French", in any case, name no body; a plain name or a hyphenated body does', () => {
    expect(['Montreal-based', 'Toronto-Based', 'Anglo-French'].map(basedOrFrom)).toEqual([true, true, true]);
    expect(['Coca-Cola', 'Gazprom', 'Rolls-Royce'].map(basedOrFrom)).toEqual([false, false, false]);
  });
});

describe('a company written with commas is one employer (issue 12)', () => {
  it('", a vice president at Donaldson, Lufkin & Jenrette Securities Corp.": the whole name to its legal form; ", a director of Acme, Boston" stops at the comma', () => {
    expect(appositiveRole(', a vice president at Dorrance, Lufkett & Jenner Securities Corp., said the deal was fine.')).toEqual({ role: 'vice president', organisation: 'Dorrance, Lufkett & Jenner Securities Corp', employer: true });
    expect(appositiveRole(', an analyst with Baer, Stearman & Co., said it would fail.')).toEqual({ role: 'analyst', organisation: 'Baer, Stearman & Co', employer: true });
    expect(appositiveRole(', a director of Acme, Boston, said no.')).toEqual({ role: 'director', organisation: 'Acme' });
  });
});

describe('a body based in a town (issue 12)', () => {
  it('", chief executive officer of Toledo, Ohio-based Meridian": the body is the company, not the town', () => {
    expect(appositiveRole(', chief executive officer of Toledo, Ohio-based Merrion National, said the bid was low.')).toEqual({ role: 'chief executive officer', organisation: 'Merrion National' });
  });
});

describe('a time word before the body named with a role (issue 12)', () => {
  it('", a former IRA prisoner who leads …": the role and its body; ", a former Fidelity vice president"', () => {
    expect(appositiveRole(', a former IRA prisoner who leads protests.')).toEqual({ role: 'former prisoner', organisation: 'IRA' });
    expect(appositiveRole(', a former Fidelity vice president, said')).toEqual({ role: 'former vice president', organisation: 'Fidelity' });
  });
});
