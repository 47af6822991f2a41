import { describe, expect, it } from 'vitest';
import { enumerations, numbersIn, personNames, reasonsIn, roleMentions } from '../../../src/answers/ask/extract';
import { findAliases } from '../../../src/answers/ask/corpus-index';
import { makeArticle } from '../helpers';

describe('reading answers out of sentences', () => {
  it('finds people with the roles written before or after their names', () => {
    const roles = (s: string) => roleMentions(s).map((r) => `${r.name.text} = ${r.role}`);
    expect(roles('A meeting between ONGC chairman Subir Raha, Gazprom chairman Aleksey Miller and the minister.')).toEqual([
      'Subir Raha = ONGC chairman',
      'Aleksey Miller = Gazprom chairman',
    ]);
    expect(roles('The report quoted Jeremy de Souza, a spokesman for Crossrail, on Sunday.')).toEqual(['Jeremy de Souza = spokesman for Crossrail']);
    expect(roles("Yesterday Argentina's economy minister, Roberto Lavagna, said so.")).toEqual(["Roberto Lavagna = Argentina's economy minister"]);
    expect(roles('Also due to attend is US Secretary of State Condoleezza Rice.')).toEqual(['Condoleezza Rice = US Secretary of State']);
  });

  it('does not take institutions for people', () => {
    expect(personNames('He will be honoured at the Scientific and Technical Awards Dinner by Takuo Miyagishima.').map((p) => p.text)).toEqual(['Takuo Miyagishima']);
  });

  it('reads numbers with their kind, leaving out days of the month and numbers inside names', () => {
    const found = numbersIn('On 12 December Halo 2 sold 1.5 million copies at 19,800 yen (145 euros), up 15.6% in 40 minutes, for the 21st time.');
    expect(found.map((n) => `${n.text}:${n.kind}`)).toEqual(['1.5 million:count', '19,800 yen (145 euros):money', '15.6%:percent', '40:duration', '21st:ordinal']);
  });

  it('reads a number written together with its unit ("90mph"), but not "5m" (five million) as metres', () => {
    expect(numbersIn('Winds of up to 90mph and trains at 300km/h over 12km.').map((n) => n.text)).toEqual(['90', '300', '12']);
    expect(numbersIn('The club paid 5m for him.').map((n) => `${n.text}:${n.kind}`)).toEqual(['5m:count']);
  });

  it('reads a number after a hedge that opens the sentence ("About 300 firefighters"), not as part of a name', () => {
    expect(numbersIn('About 300 firefighters and 12 aircraft were deployed.').map((n) => n.text)).toEqual(['300', '12']);
    expect(numbersIn('Nearly 4,500 homes were flooded.').map((n) => n.text)).toEqual(['4,500']);
    expect(numbersIn('Windows 11 sold well.').map((n) => n.text)).toEqual([]);
  });

  it('splits enumerations after "include" and "such as"', () => {
    expect(enumerations('Its members include Russia, Belarus, Armenia, and Tajikistan.')[0].items).toEqual(['Russia', 'Belarus', 'Armenia', 'Tajikistan']);
  });

  it('finds reason clauses', () => {
    expect(reasonsIn('The US said it could not approve the application because it is reviewing relations.').map((r) => r.clause)).toEqual([
      'because it is reviewing relations',
    ]);
  });

  it('does not read a time ("after 2am", "since March") or a schedule ("due to start") as a reason', () => {
    const clauses = (s: string) => reasonsIn(s).map((r) => r.clause);
    expect(clauses('The blaze started shortly after 2am on Sunday.')).toEqual([]);
    expect(clauses('The theatre had been closed since March for a refurbishment.')).toEqual([]);
    expect(clauses('Construction is due to start in 2028 and the line should open in 2033.')).toEqual([]);
    expect(clauses('The delay was due to bad weather in the north.')).toEqual(['due to bad weather in the north']);
    expect(clauses('Shares fell after it warned that wage costs would rise.')).toEqual(['after it warned that wage costs would rise']);
  });

  it('reads what delayed or held something up as a reason, but not by how long', () => {
    const clauses = (s: string) => reasonsIn(s).map((r) => r.clause);
    expect(clauses('The vote was delayed by a dispute over bin collections.')).toEqual(['delayed by a dispute over bin collections']);
    expect(clauses('The route was held up by disputes over funding.')).toEqual(['held up by disputes over funding']);
    expect(clauses('The opening was delayed by two weeks.')).toEqual([]);
    expect(clauses('The opening was delayed by a further month.')).toEqual([]);
    expect(clauses('The opening was delayed by 40 minutes.')).toEqual([]);
  });

  it('reads "citing" a reason, not a source; what is blamed, not who blames', () => {
    const clauses = (s: string) => reasonsIn(s).map((r) => r.clause);
    expect(clauses('The minister resigned on Friday, citing ill health.')).toEqual(['citing ill health']);
    // where a report comes from is no reason
    expect(clauses('Prices rose by 5% last month, the agency reported, citing official figures.')).toEqual([]);
    expect(clauses('The minister would resign, the paper said, citing two people familiar with the matter.')).toEqual([]);
    expect(clauses('The deal was close, the broadcaster said, citing unnamed sources.')).toEqual([]);
    // who blames, or what someone is blamed for, is no reason
    expect(clauses('The company blamed falling demand for the closure.')).toEqual(['falling demand']);
    expect(clauses('The council was blamed by residents for the delays.')).toEqual([]);
    expect(clauses('The minister was blamed for failing to plan for the floods.')).toEqual([]);
  });

  it('links acronyms with their names, written out or spelled by initials', () => {
    const article = makeArticle('Energy talks', [
      'The Public and Commercial Services Union (PCS) will co-ordinate action.',
      'Oil and Natural Gas Corporation chairman Subir Raha said ONGC was ready.',
    ]);
    const aliases = findAliases(article, article.sentences.map((s) => s.text)).map((a) => `${a.acronym}=${a.name}`);
    expect(aliases).toEqual(expect.arrayContaining(['pcs=Public and Commercial Services Union', 'ongc=Oil and Natural Gas Corporation']));
  });
});
