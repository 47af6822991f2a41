import { describe, expect, it } from 'vitest';
import { matchTopic, topicTerms } from '../../src/feeds/topic';
import { capitalisedNames, initialism } from '../../src/stories/entities';
import { makeArticle } from './article-builder';

const alliance = makeArticle({
  headline: 'Alliance ministers meet on border plan',
  paragraphs: ['The Collective Security Treaty Organization will review the plan, said Secretary-General Imangali Tasmagambetov.'],
  organisations: [{ name: 'Collective Security Treaty Organization' }],
  people: ['Imangali Tasmagambetov'],
  places: ['Tajikistan'],
});

describe('matchTopic', () => {
  it('matches an acronym against an organisation the article only spells out', () => {
    expect(matchTopic(alliance, 'CSTO')).toEqual({ matched: true, terms: ['CSTO'] });
  });

  it('matches a spelled-out name against an organisation known by its acronym', () => {
    const byAcronym = makeArticle({ headline: 'NATO summit', organisations: [{ name: 'NATO', acronym: 'NATO' }] });
    expect(matchTopic(byAcronym, 'North Atlantic Treaty Organization')).toEqual({ matched: true, terms: ['North Atlantic Treaty Organization'] });
  });

  it('matches a person by surname and a place by name, case-insensitively', () => {
    expect(matchTopic(alliance, 'tasmagambetov').matched).toBe(true);
    expect(matchTopic(alliance, 'TAJIKISTAN').matched).toBe(true);
  });

  it('matches plain keywords as whole words of the text', () => {
    expect(matchTopic(alliance, 'border plan')).toEqual({ matched: true, terms: ['border plan'] });
    expect(matchTopic(alliance, 'bord').matched).toBe(false);
  });

  it('matches when any comma-separated term matches, and reports which', () => {
    expect(matchTopic(alliance, 'NATO, CSTO, ferries')).toEqual({ matched: true, terms: ['CSTO'] });
    expect(matchTopic(alliance, 'NATO, ferries')).toEqual({ matched: false, terms: [] });
  });

  it('lets everything through when there is no topic', () => {
    expect(matchTopic(alliance, null)).toEqual({ matched: true, terms: [] });
    expect(matchTopic(alliance, '  ')).toEqual({ matched: true, terms: [] });
  });

  it('falls back to capitalised names in the text when the parser found no entities', () => {
    const bare = makeArticle({ headline: 'Plan approved', paragraphs: ['The Collective Security Treaty Organization approved the plan in Dushanbe.'] });
    expect(matchTopic(bare, 'CSTO').matched).toBe(true);
    expect(matchTopic(bare, 'NATO').matched).toBe(false);
  });
});

describe('topic helpers', () => {
  it('splits terms on commas, semicolons and OR', () => {
    expect(topicTerms('CSTO, Tajikistan; border OR Afghanistan')).toEqual(['CSTO', 'Tajikistan', 'border', 'Afghanistan']);
  });

  it('builds initialisms without minor words', () => {
    expect(initialism('Collective Security Treaty Organization')).toBe('csto');
    expect(initialism('Organisation for Economic Co-operation and Development')).toBe('oecd');
    expect(initialism('Russia')).toBe('russia');
  });

  it('finds capitalised names in linear time on hostile input', () => {
    expect(capitalisedNames('The Bank of England met the IMF in Central Asia.')).toEqual(['The Bank of England', 'IMF', 'Central Asia']);
    const hostile = `Abc${' '.repeat(200_000)}x`;
    expect(capitalisedNames(hostile)).toEqual([]);
  });
});
