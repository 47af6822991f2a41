// Issue 12's findings on /who's lists, each checked on the corpus article it was seen in (read from
// ../shared, never copied): what was wrong then, right now.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/model';
import { parseArticle } from '../../src/articles/parse';
import { readCorpus } from '../support/shared-data';

const texts = new Map(readCorpus().map((a) => [a.file.replace(/\.txt$/, ''), a.text]));
function article(name: string): Article {
  const r = parseArticle(texts.get(name) ?? '', { now: new Date('2026-11-28T12:00:00Z'), origin: name });
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r.article;
}
const orgNames = (a: Article) => a.organisations.flatMap((o) => [o.name, ...(o.acronym ? [o.acronym] : []), ...o.aliases]);
const person = (a: Article, name: string) => a.people.find((p) => p.name === name);

describe('issue 12: people and organisations', () => {
  it('a game is no person, a product no organisation; Sony and Konami are organisations (bbc_tech_112)', () => {
    const a = article('bbc_tech_112');
    expect(a.people.map((p) => p.name)).toEqual(['Peter Moore']);
    expect(person(a, 'Peter Moore')).toMatchObject({ organisation: 'Xbox' }); // the text gives no role
    expect(orgNames(a)).toEqual(expect.arrayContaining(['Sony', 'Konami']));
    expect(orgNames(a)).not.toContain('PSP');
    expect(orgNames(a)).not.toContain('GT4');
  });

  it('Airbus and Boeing are organisations, the Airbus A380 is not (bbc_business_424)', () => {
    const a = article('bbc_business_424');
    expect(orgNames(a)).toEqual(expect.arrayContaining(['Airbus', 'Boeing', 'UPS', 'EADS', 'BAE Systems']));
    expect(orgNames(a).some((n) => /A380|A300/.test(n))).toBe(false);
  });

  it('Coldplay and Oasis are organisations (bbc_entertainment_287)', () => {
    expect(orgNames(article('bbc_entertainment_287'))).toEqual(expect.arrayContaining(['Coldplay', 'Oasis', 'REM', 'Regular Music']));
  });

  it('Jeremy de Souza is the Crossrail spokesman; no "Bill for Crossrail" (bbc_business_166)', () => {
    const a = article('bbc_business_166');
    expect(person(a, 'Jeremy de Souza')).toMatchObject({ role: 'spokesman', organisation: 'Crossrail' });
    expect(orgNames(a)).not.toContain('Bill for Crossrail');
  });

  it('Tony Blair and Andrew Marr have their roles; "ID cards Bill" names no organisation; the quote is not "\'s Today programme" (bbc_politics_401)', () => {
    const a = article('bbc_politics_401');
    expect(person(a, 'Tony Blair')?.role).toBe('prime minister');
    expect(person(a, 'Andrew Marr')).toMatchObject({ role: 'political editor', organisation: 'BBC' });
    expect(orgNames(a)).not.toContain('ID');
    const quote = a.attributions.find((x) => x.source === 'Andrew Marr' && x.verb === 'said');
    expect(quote?.claim).toMatch(/^There's almost nobody/);
  });

  it('"In an interview with the BBC\'s political editor Andrew Marr, Mr Blair said" is Mr Blair speaking (bbc_politics_149)', () => {
    const a = article('bbc_politics_149');
    expect(person(a, 'Andrew Marr')?.role).toBe('political editor');
    expect(a.attributions.find((x) => /tough, but at least/.test(x.claim ?? ''))?.source).toBe('Tony Blair');
  });
});
