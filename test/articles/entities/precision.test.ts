// Precision rules of the entity passes (issue 12): general rules of English and news writing, each on
// sentences written for the test. Each names what must not be listed as well as what must.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/articles/entities';
import { entities } from './listed';


describe('a person is not an organisation', () => {
  it('a surname the article writes after a title ("President Bush") is a person wherever it stands alone', () => {
    const e = entities('President Quayford said the talks would go on.', 'Quayford can call up 200,000 reservists without a vote.', 'Quayford held out the prospect of more aid.', 'Quayford told a news conference on Tuesday that the blockade might be extended.');
    expect(e.orgs).not.toContain('Quayford');
    expect(e.people).toContain('Quayford');
  });

  it('a name listed with people before "and defense secretary Y" is no organisation', () => {
    const e = entities('Secretary of state Ann Orwell, Bergstrom and defense secretary William Cope will travel to Ohio.');
    expect(e.orgs).not.toContain('Bergstrom');
  });

  it('a possessive before "assassin", "murder" or "funeral" is a person\'s', () => {
    const e = entities("A friend of Yitzak Ravell's assassin took the stand.", 'She failed to report the plan to kill Ravell.', 'Ravell was a traitor, she had said.');
    expect(e.people).toContain('Yitzak Ravell');
    expect(e.orgs).toEqual([]);
  });

  it('a verb opening the sentence and an adjective before a role are no part of an organisation ("Replied State Department spokesman")', () => {
    const e = entities('Replied Trade Ministry deputy spokesman Rick Bolan, "We have not read it."', 'Parliamentary president Rita Seeler said the party was fined.');
    expect(e.orgs).toEqual(['Trade Ministry']);
    expect(e.people).toEqual(['Rick Bolan', 'Rita Seeler']);
  });

  it('the field of an office before its role is no organisation ("Health minister Kay Roth", "Opposition leader Ned Carr")', () => {
    const e = entities('Health minister Kay Roth will open the ward on Monday.', 'Opposition leader Ned Carr said the cost had doubled.', 'Transport secretary Ann Bly agreed.', 'Later Housing minister Rob Tate visited the estate.');
    expect(e.orgs).toEqual([]);
    expect(e.roles).toMatchObject({ 'Kay Roth': 'Health minister', 'Ned Carr': 'Opposition leader', 'Rob Tate': 'Housing minister' });
    // a body's own name before a role stays a body
    expect(entities('Gazprom chairman Alexei Miller said prices would rise.').orgs).toEqual(['Gazprom']);
  });

  it('a doctor\'s title after a role is the person\'s style, not the role ("Chief executive Dr Ola Bayo")', () => {
    const e = entities('Chief executive Dr Ola Bayo said the hospital would hire 40 nurses.', "Work will begin in March, according to the trust's medical director, Dr Ravi Menon.", 'Dr Ines Kahl said the figures were wrong.');
    expect(e.roles).toEqual({ 'Ola Bayo': 'Chief executive', 'Ravi Menon': 'medical director' });
  });

  it('a compass point before a country names a part of it, which lies in that country ("South Wales", "Upper Egypt")', () => {
    const kinds = (text: string) => Object.fromEntries(extractEntities([{ index: 0, paragraph: 0, text, start: 0, end: text.length }]).places.map((p) => [p.name, p.kind]));
    expect(kinds('Police in South Wales arrested two men.')).toEqual({ 'South Wales': 'region', Wales: 'country' });
    expect(kinds('Farmers in Upper Egypt lost their crops.')).toEqual({ 'Upper Egypt': 'region', Egypt: 'country' });
    expect(kinds('Voters in West Bengal went to the polls.')).toEqual({ 'West Bengal': 'region' });
    // a town is written with its state after it; "New", "Port" make towns
    expect(kinds('A freight train derailed near East Palestine, Ohio, on Friday.')).toEqual({ 'East Palestine': 'city', Ohio: 'region' });
    expect(kinds('The ferry sails from New Britain to Port Moresby.')).toEqual({ 'New Britain': 'city', 'Port Moresby': 'city' });
  });

  it('a direction before a country names a town, not the country ("East Palestine, Ohio")', () => {
    expect(entities('A freight train derailed near East Palestine, Ohio, on Friday.').places).toEqual(['East Palestine', 'Ohio']);
    expect(entities('Flooding hit the suburb of West Jordan overnight.').places).toEqual(['West Jordan']);
    // known pairs and parts of a city keep their names
    expect(entities('Aid reached South Africa and the West Bank.', 'Traffic in East London was slow.').places).toEqual(['London', 'South Africa', 'West Bank']);
  });

  it('a pronoun opening a quotation is no organisation ("Nobody wants …", "Everyone knows …")', () => {
    const e = entities('Councillor Ann Bly said: "Nobody wants to close the library."', '"Everyone knows the roof leaks," she added.', 'Somebody has to pay, the mayor said.');
    expect(e.orgs).toEqual([]);
    expect(e.people).toEqual(['Ann Bly']);
  });

  it('a title opening the sentence keeps its first word ("First Minister Rhona Dale")', () => {
    const e = entities('First Minister Rhona Dale said the ferries would run.', 'Later, First Secretary Ian Moss left.');
    expect(e.roles).toMatchObject({ 'Rhona Dale': 'First Minister' });
  });

  it('a union convener or organiser has that role, and the union\'s common noun opening the sentence is no body', () => {
    const e = entities('Union convener Moira Hale said the deal secured 900 jobs.', 'Party organiser Dev Rao agreed.');
    expect(e.roles).toEqual({ 'Moira Hale': 'convener', 'Dev Rao': 'organiser' });
    expect(e.orgs).toEqual([]);
  });

  it('a single capital letter is no organisation ("AT and T")', () => {
    const e = entities('Major job cuts at AT and T were announced.', 'Earlier AT and T also reported a drop in profits.', 'For T and the people here, it is intense.');
    expect(e.orgs).not.toContain('T');
  });

  it('a plural title before two names gives each a role ("Presidents Ivo Marek of Ruritania and Jon Vale of Elbonia")', () => {
    const e = entities('Presidents Ivo Marek of Ruritania and Jon Vale of Elbonia signed a trade plan Friday.', 'Marek assured Vale that the plan would hold.');
    expect(e.people).toEqual(expect.arrayContaining(['Ivo Marek', 'Jon Vale']));
    expect(e.roles['Ivo Marek']).toBe('President');
    expect(e.orgs).not.toContain('Marek');
  });

  it('a person-shaped owner before a role ("Tony Blair\'s spokesman") is a person, not the spokesman\'s organisation', () => {
    const e = entities("Peter Quint's spokesman Alan Ferris said the visit was private.");
    expect(e.orgs).not.toContain('Peter Quint');
    expect(e.people).toEqual(expect.arrayContaining(['Alan Ferris', 'Peter Quint']));
  });
});

describe('one organisation, one name', () => {
  it('two institutions joined by "and" stay two ("Navy and Air Force troops")', () => {
    const e = entities('The plan sends Army, Navy and Air Force troops to the region.');
    expect(e.orgs).not.toContain('Navy and Air Force');
  });

  it('a nationality before a known organisation or place qualifies it ("a Libyan World Court case")', () => {
    const e = entities('The World Court rejected the objections on Friday.', 'Lawyers filed a Libyan World Court case in 1992.', 'She lived in the Jewish West Bank settlement of Ofra.');
    expect(e.orgs).toEqual(['World Court']);
    expect(e.places).toContain('West Bank');
    expect(e.places).not.toContain('Jewish West Bank');
  });

  it('"People\'s", "Women\'s", "Children\'s" inside an institution\'s name keep it whole ("the German People\'s Union")', () => {
    const e = entities("The fine will cost the far-right German People's Union about 500,000 marks.", "The Women's Institute met in the village hall.");
    expect(e.orgs).toEqual(expect.arrayContaining(["German People's Union", "Women's Institute"]));
    expect(e.orgs).not.toContain('Union');
    expect(e.orgs).not.toContain('Institute');
  });

  it('a possessive sub-unit before a role names the owner ("Qantas\' India manager", "the Acme\'s Sales Department")', () => {
    const e = entities("Vantaris' India manager Ravi Menon said the airline was working closely with the tourist board.", "Bo Lund, a spokesman for Meridian's Compliance Department, declined to comment.");
    expect(e.orgs).not.toContain("Vantaris' India");
    expect(e.orgs).not.toContain("Meridian's Compliance Department");
    expect(e.orgs).toEqual(expect.arrayContaining(['Vantaris', 'Meridian']));
  });

  it('a named body after a possessive owner is that body ("the White House\'s Council of Economic Advisers")', () => {
    const e = entities("Janet Orr, chairwoman of the White House's Council of Economic Advisers, said growth would slow.");
    expect(e.orgs).toEqual(expect.arrayContaining(['White House', 'Council of Economic Advisers']));
    expect(e.orgs).not.toContain("White House's Council of Economic Advisers");
  });
});

describe('long names of bodies', () => {
  it('"and" inside a body named by its portfolios or ending in its head keeps it whole', () => {
    const e = entities('The Department of Health and Human Services will pay.', 'The Ministry of Science and Technology agreed.', 'It bought Valley Federal Savings and Loan Association last year.', 'Benjamin Franklin Federal Savings and Loan Association was seized.');
    expect(e.orgs).toEqual(['Benjamin Franklin Federal Savings and Loan Association', 'Department of Health and Human Services', 'Ministry of Science and Technology', 'Valley Federal Savings and Loan Association']);
    expect(e.people).toEqual([]);
  });

  it('a bank named "of" a place and another name stay two ("the Bank of England and Barclays")', () => {
    const e = entities('The Bank of England and Barclays said rates would rise.');
    expect(e.orgs).not.toContain('Bank of England and Barclays');
  });
});

describe('not organisations', () => {
  it('a professor\'s subject, a ship with a person\'s name, a people in the plural, a class of shares, a preposition opening a sentence', () => {
    const e = entities(
      'Doctor James Burwell, the Professor of Transplant Surgery at a hospital in Baltimore, spoke.',
      'A new ship will replace the carrier Dwight D. Eisenhower, which has been on patrol since March.',
      'Arab leaders met.', 'He hopes to lure support from Arabs who have spurned him so far.',
      "The company's Class A shares fell.",
      'Amid reports that soldiers had surrendered, aides were upbeat.',
      'The instruction is in English for most classes, in Arabic for religious studies.',
    );
    expect(e.orgs).toEqual([]);
    expect(e.places).toEqual(['Baltimore']);
  });

  it('an honorific and a surname owning a role name a person ("Mr. Bush\'s deputy adviser")', () => {
    const e = entities('And Robert Gaites, Mr. Bosh\'s deputy national security adviser, asserted that troops had set fires.');
    expect(e.orgs).toEqual([]);
    expect(e.people).toContain('Robert Gaites');
  });
});

describe('companies', () => {
  it('a company form before or after a name is no company alone ("N.V. DSM", "Nashua B.V.")', () => {
    const e = entities('N.V. Dexam said net income in the quarter jumped 63%.', 'Its unit, Nashor B.V., said sales rose.');
    expect(e.orgs).not.toContain('NV');
    expect(e.orgs).not.toContain('BV');
  });

  it('a name ending in a company word or a country is no person ("Warburg Securities said", "Unicorp Canada said")', () => {
    const e = entities('Warbeck Securities said the shares were cheap.', 'Analysts at Wakon Securities agreed, said Ann Lee.', 'Unicorn Canada said it would sell its stake.');
    expect(e.people).toEqual(['Ann Lee']);
  });

  it('a title alone names no body ("the Chief Executive")', () => {
    const e = entities('Sir Colin Hogg, the Chief Executive, said profits fell.', 'The Chief Executive added that the Managing Director would stay.');
    expect(e.orgs).toEqual([]);
  });
});

describe('one body under one name', () => {
  it('a name that a longer one ends with, after a qualifier, is the same body ("German People\'s Union" … "People\'s Union")', () => {
    const e = entities("The fine will cost the German People's Union about 500,000 marks.", "The People's Union will challenge it, the Interior Ministry said.", 'The Federal Interior Ministry declined to comment.');
    expect(e.orgs).toEqual(["Federal Interior Ministry", "German People's Union"]);
  });
});

describe('titles of works are neither people nor organisations', () => {
  it('a name right after "film", "album", "game" or "novel" names the work', () => {
    const e = entities('He starred in the film Harry Lime last year.', 'The game Jack Crater sold a million copies.');
    expect(e.people).toEqual([]);
    expect(e.orgs).toEqual([]);
  });

  it('a name written whole in quotation marks is a title', () => {
    const e = entities('Her novel "Molly Brand" was published in May.', 'Fans queued for “Nova Systems” at the cinema.');
    expect(e.people).toEqual([]);
    expect(e.orgs).toEqual([]);
  });
});

describe('places with a joining word', () => {
  it('"X-upon-Y", "X-on-Sea" and "X upon Y" are one place, not its parts', () => {
    const e = entities('The festival moved from Stratford-upon-Avon to Southend-on-Sea.', 'Fans in Newcastle upon Tyne were pleased.');
    expect(e.places).toEqual(expect.arrayContaining(['Stratford-upon-Avon', 'Southend-on-Sea', 'Newcastle upon Tyne']));
    expect(e.places).not.toContain('Avon');
    expect(e.places).not.toContain('Tyne');
    expect(e.orgs).toEqual([]);
  });

  it('a name before "village", "area" or "district" is a place', () => {
    const e = entities('The school wants to move to Ashvale village, Virginia.', 'The pastor of the church in Ashvale has led the campaign.');
    expect(e.places).toContain('Ashvale');
    expect(e.orgs).toEqual([]);
  });
});

describe('titles before a name are the role, not the name (issue 12)', () => {
  it('a rank of two or more words stays whole and out of the name ("Chief Superintendent", "U.S. Attorney")', () => {
    const e = entities('Chief Superintendent Ivo Marek said the march would go ahead.', 'U.S. Attorney Jon P. Vale said the case was closed.', 'Detective Chief Inspector Ann Okafor led the inquiry.');
    expect(e.people).toEqual(['Ann Okafor', 'Ivo Marek', 'Jon P. Vale']);
    expect(e.roles).toEqual({ 'Ivo Marek': 'Chief Superintendent', 'Jon P. Vale': 'Attorney', 'Ann Okafor': 'Detective Chief Inspector' });
  });

  it('titles written in a row are one role ("Deputy Assistant Secretary", "Acting Chief Constable")', () => {
    const e = entities('Deputy Assistant Secretary Bo Lindqvist spoke first.', 'Acting Chief Constable Mira Osei agreed.', 'He backed ousted Prime Minister Prince Tomas Vale.');
    expect(e.roles).toEqual({ 'Bo Lindqvist': 'Deputy Assistant Secretary', 'Mira Osei': 'Acting Chief Constable', 'Prince Tomas Vale': 'Prime Minister' }); // a royal style stays with the name, as in "King Hussein"
  });

  it('a company named before a company office is its organisation ("Kellogg Chairman X"), a party adjective or a qualifier is not', () => {
    const ent = (text: string) => extractEntities([{ index: 0, paragraph: 0, text, start: 0, end: text.length }]);
    const kellogg = ent('In announcing the delay, Westmill Chairman Peter J. Harrow said volume fell.');
    expect(kellogg.people.map((p) => [p.name, p.role, p.organisation])).toEqual([['Peter J. Harrow', 'Chairman', 'Westmill']]);
    expect(kellogg.organisations.map((o) => o.name)).toEqual(['Westmill']);
    const party = ent('The committee heard Republican Chairman Ann Okafor and Former Chairman Bo Lindqvist.');
    expect(party.organisations).toEqual([]);
    expect(party.people.map((p) => p.organisation)).toEqual([undefined, undefined]);
  });

  it('"Messrs. A and B": each surname is a person\'s, joined to the full name the article gives', () => {
    const e = entities('The office will include Messrs. Harrow and Okafor.', 'Lawrence Harrow spoke.');
    expect(e.people).toEqual(['Lawrence Harrow', 'Okafor']);
  });

  it('two names before a role in the plural both hold it ("A and B, attorneys for Mr. C")', () => {
    const e = entities('Ivo Marek and Jon Vale, attorneys for Mr. Okafor, declined to comment.', 'Ann Lee and Bo Chan, the chairman of Westrail, met.');
    expect(e.roles['Ivo Marek']).toBe('attorney');
    expect(e.roles['Jon Vale']).toBe('attorney');
    expect(e.roles['Ann Lee']).toBeUndefined(); // a singular role after two names is the second's
    expect(e.roles['Bo Chan']).toBe('chairman');
  });
});

describe('long company names stay whole (issue 12)', () => {
  it('a firm named after its partners keeps the names before its "&" ("Goldman, Sachs & Co.")', () => {
    const e = entities('The notes were sold through Harrow, Okafor & Co. and Lindqvist, Marek & Vale Securities Corp.', 'Shares fell in London, Marks & Spencer said.');
    expect(e.orgs).toEqual(['Harrow, Okafor & Co', 'Lindqvist, Marek & Vale Securities Corp', 'Marks & Spencer']);
    expect(e.places).toEqual(['London']);
  });

  it('a possessive inside a company\'s name before its legal form is part of it ("Moody\'s Investors Service Inc."), unless it is an owner named already', () => {
    const e = entities("Rated by Harrow's Investors Service Inc., the issue rose.", "Okafor's Inc. said it adopted a plan.", 'Westmill Co. reported a profit.', "Westmill's Tarnow Inc. unit gained.");
    expect(e.orgs).toEqual(["Harrow's Investors Service Inc", "Okafor's Inc", 'Tarnow Inc', 'Westmill Co']);
  });

  it('an "&" whose markup was stripped in extraction ("Crum amp Forster") joins a name as "&" does', () => {
    const e = entities('Aetna Life amp Casualty Co. said its profit fell.', 'The loss at Harrow amp Okafor Inc. was small.');
    expect(e.orgs).toEqual(['Aetna Life amp Casualty Co', 'Harrow amp Okafor Inc']);
  });

  it('"of" after a legal form other than Co. or Corp. says where the company is ("Haden Holding PLC of Surrey")', () => {
    const e = entities('The sale of Tarnow Holding PLC of Surrey raised cash.', 'Norwood Partners Limited Partnership of Boston bid.');
    expect(e.orgs).toEqual(['Norwood Partners Limited Partnership', 'Tarnow Holding PLC']);
    expect(e.places).toEqual(['Boston', 'Surrey']);
  });

  it('a place of two words before "-based" is the place, not part of the company ("San Diego-based X")', () => {
    const e = entities('San Diego-based Tarnow Bancorp agreed to the deal.');
    expect(e.orgs).toEqual(['Tarnow Bancorp']);
    expect(e.places).toEqual(['San Diego']);
  });

  it('"Treasury" before "bonds", "bills" or "yields" is a security, not the department', () => {
    expect(entities('The yield on the 30-year Treasury bond fell.', 'Long-term Treasury yields rose.').orgs).toEqual([]);
    expect(entities('The Treasury said it would sell more bills.').orgs).toEqual(['Treasury']);
  });
});

describe('offices given by the verb (issue 12)', () => {
  it('"X was named Y of Z", "X resigned as Y": the office is X\'s role, and makes X a person', () => {
    const ent = (text: string) => extractEntities([{ index: 0, paragraph: 0, text, start: 0, end: text.length }]);
    const named = ent('Yvon Tarnowski was named senior vice president and chief operating officer of Westmill, a new post.');
    expect(named.people.map((p) => [p.name, p.role, p.organisation])).toEqual([['Yvon Tarnowski', 'senior vice president and chief operating officer', 'Westmill']]);
    expect(ent('Michael Okafor resigned as general manager to pursue other interests.').people.map((p) => p.role)).toEqual(['general manager']);
    expect(ent('Ann Okafor was named in the lawsuit.').people.map((p) => p.role)).toEqual([undefined]);
  });

  it('an employer after "an analyst with" is an organisation even when it looks like a name ("Dean Witter Reynolds")', () => {
    const e = entities('Jay Harrow, an analyst with Dean Okafor Reynolds, said the results were poor.');
    expect(e.people).toEqual(['Jay Harrow']);
    expect(e.orgs).toEqual(['Dean Okafor Reynolds']);
  });
});

describe('honorifics and companies in a row (issue 12)', () => {
  it('a role before "Sir" and a name is the person\'s ("chairman Sir Ian Harrow")', () => {
    const e = entities('Shares rose, said chairman Sir Ian Harrow.', 'The bid came from financier Sir Jon Okafor.');
    expect(e.roles).toEqual({ 'Ian Harrow': 'chairman', 'Jon Okafor': 'financier' });
  });

  it('a company named in full and the next one after "and" stay two ("Tarnow Capital Group and Cara Operations Ltd.")', () => {
    expect(entities('The group includes Tarnow Capital Group and Westmill Operations Ltd., the filing said.').orgs).toEqual(['Tarnow Capital Group', 'Westmill Operations Ltd']);
  });
});

describe('one entry per person and company (issue 12)', () => {
  it('"Mr. X" refers to a full name ending in a suffix ("John C. Harrow Jr." … "Mr. Harrow")', () => {
    expect(entities('Another analyst, John C. Harrow Jr. of Westmill Securities, cut his rating.', 'Mr. Harrow said he would not be surprised.').people).toEqual(['John C. Harrow Jr']);
  });

  it('a company named with and without its legal form is one company ("Tarnow Co." … "Tarnow")', () => {
    expect(entities("This has not been Tarnow Co.'s year.", 'In a statement, Tarnow Chairman Ann Okafor said work would stop.').orgs).toEqual(['Tarnow Co']);
  });
});

describe('roles in the plural before names (issue 12)', () => {
  it('a plural title opening the sentence before a given name stays a title ("Justices Sandra Day Okafor and Anthony Vale")', () => {
    const e = entities('Justices Sandra Day Okafor and Anthony Vale seemed to agree.');
    expect(e.roles).toEqual({ 'Sandra Day Okafor': 'Justice', 'Anthony Vale': 'Justice' });
  });

  it('a lower-case role in the plural before a list of names is each one\'s ("producers A and B")', () => {
    const e = entities('Westmill wants to hire producers Jon Harrow and Peter Okafor to run the studio.', 'He flew with three astronauts, Valery Marek, Leonid Vale and Igor Tarnow.', 'It makes planes and John Lindqvist said so.');
    expect(e.roles).toEqual({ 'Jon Harrow': 'producer', 'Peter Okafor': 'producer', 'Valery Marek': 'astronaut', 'Leonid Vale': 'astronaut', 'Igor Tarnow': 'astronaut', 'John Lindqvist': undefined });
  });
});

describe('a nationality adjective names no place (issue 12)', () => {
  it('"Moroccan troops", "a Dutch firm" list no place; a place the text also names is listed once', () => {
    const e = entities('Egyptian and Moroccan troops are already there.', 'A Dutch firm is seeking to buy the company.', 'Egyptian officials flew to Cairo, and later to Egypt\'s coast.');
    expect(e.places).toEqual(['Cairo', 'Egypt']);
  });
});

describe('people with no given name the word lists know (issue 12)', () => {
  it('a role after the name (", then the guerrilla group\'s leader") or before it ("one of its top leaders, X"; "his Cambodian interpreter X") makes a person', () => {
    const e = entities(
      'He was killed by a faction loyal to Tol Vek, then the guerrilla group\'s leader.',
      'The group split after the defection of one of its top leaders, Ieng Varo.',
      'He was abducted with his Cambodian interpreter Houn Rath in March.',
    );
    expect(e.people).toEqual(['Houn Rath', 'Ieng Varo', 'Tol Vek']);
    expect(e.roles).toEqual({ 'Houn Rath': 'interpreter', 'Ieng Varo': 'top leader', 'Tol Vek': 'leader' });
    expect(e.orgs).toEqual([]);
  });

  it('"guerrillas from Anlong Veng, who have …" is a place, not a person; "the province of X" too', () => {
    const e = entities('They were aided by guerrillas from Anlong Vorn, who have formed an alliance.', 'The camp lies opposite the Thai province of Surat.');
    expect(e.people).toEqual([]);
    expect(e.places).toContain('Surat');
  });

  it('a company named after a person ("John Deere, its current source of …") is no person', () => {
    const e = entities('The company is phasing out John Derwent, its current source of chassis.');
    expect(e.people).toEqual([]);
    expect(e.orgs).toEqual(['John Derwent']);
  });
});

describe('people listed after a role in the plural, with generational suffixes (issue 12)', () => {
  it('"three of the company\'s directors, Burt Sugarman, James M. Trotter III and …": each is a person and a director; "World War II" is no one', () => {
    const e = entities("A group led by three of the company's directors, Burt Sagerman, James M. Trotwell III and Willam E. Trotwell II, indicated it had a stake.", 'World War II ended in 1945.');
    expect(e.people).toEqual(['Burt Sagerman', 'James M. Trotwell III', 'Willam E. Trotwell II']);
    expect(Object.values(e.roles)).toEqual(['director', 'director', 'director']);
  });
});

describe('places after "port of" and "province of", before a dash (issue 12)', () => {
  it('"Jordan\'s Red Sea port of Aqaba", "the Thai province of Surin _ against …"', () => {
    const e = entities("The blockade may extend to Jordan's Red Sea port of Aqabri to shut the route.", 'The camp lies opposite the Thai province of Surat _ against all odds.');
    expect(e.places).toEqual(['Aqabri', 'Jordan', 'Red Sea', 'Surat']);
  });
});

describe('towns named by their river, written with spaces (issue 12)', () => {
  it('"Stockton on Tees", "Stoke on Trent" are one place each, no "Trent" organisation; "Focus on Africa" is no town', () => {
    const e = entities('Polls at Bristol and Stockton on Tees and mayors at Stoke on Trent are due.', 'He spoke about Focus on Africa.');
    expect(e.places).toEqual(['Africa', 'Bristol', 'Stockton on Tees', 'Stoke on Trent']);
    expect(e.orgs).toEqual([]);
  });
});

describe('a town and its US state after "the" (issue 12)', () => {
  it('"The Rockford, Ill., maker of fasteners", "the Peoria, Ill., bank holding company": the town is a place', () => {
    const e = entities('The Rockmoor, Ill., maker of fasteners also said it expects higher sales.', 'It agreed to acquire the Pellville, Ill., bank holding company in January.');
    expect(e.places).toEqual(['Illinois', 'Pellville', 'Rockmoor']);
    expect(e.orgs).toEqual([]);
  });
});
