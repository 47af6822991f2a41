// The held-out BBC corpus (read from ../shared beside the repo, never copied): every article parses into a
// valid model, and facts checked by reading the articles come out right. Ingested on 2026-11-27.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse';
import { articleSchema, type Article } from '../../src/articles/model';
import { readCorpus } from '../support/shared-data';

const now = new Date('2026-11-27T12:00:00Z');
const texts = new Map(readCorpus().map((a) => [a.file.replace(/\.txt$/, ''), a.text]));
const parsed = new Map<string, Article>();
for (const [name, text] of texts) {
  const result = parseArticle(text, { now, origin: name });
  if (result.ok) parsed.set(name, result.article);
}

function article(name: string): Article {
  const a = parsed.get(name);
  if (!a) throw new Error(`${name} did not parse`);
  return a;
}
function event(a: Article, expression: string, sentence?: number) {
  const e = a.events.find((x) => x.expression === expression && (sentence === undefined || x.sentence === sentence));
  if (!e) throw new Error(`no event "${expression}"; have: ${a.events.map((x) => `${x.expression}@${x.sentence}`).join(' | ')}`);
  return e;
}
const person = (a: Article, name: string) => a.people.find((p) => p.name === name);
const org = (a: Article, name: string) => a.organisations.find((o) => o.name === name);

describe('every corpus article', () => {
  it('has 30 articles to read', () => {
    expect(texts.size).toBe(30);
  });

  it('parses into a schema-valid article with exact sentence offsets and no repeated headline', () => {
    for (const [name, text] of texts) {
      const a = article(name);
      expect(articleSchema.safeParse(a).success, name).toBe(true);
      expect(a.sentences.length, name).toBeGreaterThan(2);
      for (const s of a.sentences) expect(text.slice(s.start, s.end), name).toBe(s.text);
      expect(a.sentences.some((s) => s.text === a.headline), name).toBe(false);
      for (const e of a.events) {
        expect(e.date <= e.endDate, `${name} ${e.expression}`).toBe(true);
        expect(e.description.length, `${name} ${e.expression}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives every article a distinct id that is stable across parses', () => {
    const ids = [...parsed.values()].map((a) => a.id);
    expect(new Set(ids).size).toBe(30);
    const again = parseArticle(texts.get('bbc_politics_026') as string, { now: new Date('2030-01-01T00:00:00Z') });
    expect(again.ok && again.article.id).toBe(article('bbc_politics_026').id);
  });
});

describe('bbc_politics_026: "on 11 March" with no year anywhere', () => {
  const a = article('bbc_politics_026');

  it('dates the report on 11 March of the year read from the ingestion date, and says that is an assumption', () => {
    expect(a.headline).toBe('Blair sets date for Africa report');
    expect(a.published.date).toBeNull();
    expect(a.published.reason).toContain('only placed near the ingestion date 2026-11-27 (2026), an assumption, not evidence, so their years are not certain');
    expect(event(a, '11 March')).toMatchObject({ date: '2027-03-11', endDate: '2027-03-11', precision: 'day', sentence: 0, status: 'unknown', yearCertain: false, description: "Commission for Africa's report to be released" });
    expect(a.events).toHaveLength(1);
  });

  it('knows who is involved', () => {
    expect(person(a, 'Bob Geldof')).toMatchObject({ role: 'singer' });
    // sentence 1 names him by office ("chaired by the prime minister"), which is also his role here
    expect(person(a, 'Tony Blair')).toMatchObject({ role: 'prime minister', sentences: [0, 1, 4, 6, 7] });
    expect(org(a, 'Commission for Africa')?.sentences).toEqual([0, 2, 3, 8, 9]);
    expect(a.attributions[0]).toMatchObject({ source: 'Tony Blair', verb: 'said', sentence: 0 });
  });
});

describe('bbc_entertainment_287: "Tuesday, 14 June" pins the year', () => {
  const a = article('bbc_entertainment_287');

  it('places 14 June in 2022 by the weekday rule and reads the other dates around it', () => {
    expect(a.published.date).toBeNull();
    expect(a.published.reason).toContain('"Tuesday, 14 June": 14 June fell on a Tuesday in 2022, 2016, 2011, 2005…; nothing in the text decides between them');
    expect(event(a, 'Tuesday, 14 June')).toMatchObject({ date: '2022-06-14', precision: 'day', sentence: 1, yearCertain: false, status: 'past' });
    expect(event(a, '22 February')).toMatchObject({ date: '2022-02-22', sentence: 3 });
    expect(event(a, '9-10 July')).toMatchObject({ date: '2022-07-09', endDate: '2022-07-10', qualifier: 'range', sentence: 9 });
    expect(event(a, '1 April').date).toBe('2022-04-01');
  });

  it('finds the people, the promoter and the venues', () => {
    expect(person(a, 'Mark Mackie')).toEqual({ name: 'Mark Mackie', role: 'director', organisation: 'Regular Music', sentences: [6] });
    expect(person(a, 'Mike Mills')?.role).toBe('bassist');
    expect(a.places.find((p) => p.name === 'Glasgow')?.kind).toBe('city');
    expect(a.places.map((p) => p.name)).toContain('Loch Lomond');
    expect(a.attributions.find((x) => x.source === 'Mark Mackie')?.claim).toMatch(/^It is fantastic news/);
  });
});

describe('other corpus articles', () => {
  it('bbc_business_093: "next Thursday (3 March)" — the explicit date wins', () => {
    const a = article('bbc_business_093');
    expect(event(a, 'next Thursday (3 March)')).toMatchObject({ date: '2022-03-03', precision: 'day', sentence: 3 });
    expect(person(a, 'Nestor Kirchner')).toMatchObject({ role: 'President', organisation: 'Argentina' });
    expect(person(a, 'Roberto Lavagna')).toMatchObject({ role: 'economy minister', organisation: 'Argentina' });
    expect(a.attributions.find((x) => x.sentence === 3)?.source).toBe('Roberto Lavagna');
  });

  it('bbc_politics_401: "4 or 5 April" is a pair of alternatives; "by June 2006" a deadline', () => {
    const a = article('bbc_politics_401');
    expect(event(a, '4 or 5 April', 1)).toMatchObject({ date: '2006-04-04', endDate: '2006-04-05', qualifier: 'alternative' });
    expect(event(a, 'June 2006')).toMatchObject({ date: '2006-06-01', endDate: '2006-06-30', precision: 'month', qualifier: 'by' });
    expect(event(a, '5 May').date).toBe('2006-05-05');
    expect(a.attributions[0]).toMatchObject({ source: 'Andrew Marr', verb: 'says', sentence: 1 });
  });

  it('bbc_politics_412: registration deadline "by Friday 11 March"', () => {
    const a = article('bbc_politics_412');
    expect(a.published.reason).toContain('"Friday 11 March": 11 March fell on a Friday in 2022, 2016, 2011, 2005');
    expect(event(a, 'Friday 11 March')).toMatchObject({ date: '2022-03-11', qualifier: 'by', sentence: 9 });
    expect(event(a, '5 May', 0).date).toBe('2022-05-05');
    expect(org(a, 'Electoral Commission')).toBeDefined();
  });

  it('bbc_tech_112: product names with years ("Fifa 2005") are not dates', () => {
    const a = article('bbc_tech_112');
    expect(a.events.map((e) => e.expression)).toEqual(['12 December', 'early 2005', 'next year', 'this year', 'Tuesday 9 November', '9 November']);
    // "analysts expect it to debut … in early 2005" leaves 2004 the one year 9 November was a Tuesday.
    expect(event(a, 'Tuesday 9 November')).toMatchObject({ date: '2004-11-09', yearCertain: true });
    expect(event(a, '12 December')).toMatchObject({ date: '2004-12-12', yearCertain: true });
    expect(event(a, 'next year')).toMatchObject({ yearCertain: false, dateBasis: 'relative' });
    // the PlayStation Portable (PSP) is a product, Sony and Konami make things; "Tony Hawk's Underground 2" is a game
    expect(org(a, 'PSP')).toBeUndefined();
    expect(org(a, 'Sony')?.sentences).toEqual([0, 3, 9]);
    expect(org(a, 'Konami')).toBeDefined();
    expect(person(a, 'Tony Hawk')).toBeUndefined();
    expect(a.attributions.find((x) => x.source === 'Peter Moore')?.sentence).toBe(14);
  });

  it('bbc_politics_324: full dates anchor the yearless ones', () => {
    const a = article('bbc_politics_324');
    expect(a.published.date).toBeNull();
    expect(a.published.reason).toContain('relative to "17 March 2003", the first full date in the text');
    expect(event(a, '7 March 2003').date).toBe('2003-03-07');
    expect(event(a, '13 March').date).toBe('2003-03-13');
    expect(event(a, 'March 17 2003').date).toBe('2003-03-17');
    expect(person(a, 'Lord Goldsmith')?.role).toBe('Attorney General');
  });

  it('bbc_politics_207: month and year precisions', () => {
    const a = article('bbc_politics_207');
    expect(event(a, 'June 2001')).toMatchObject({ date: '2001-06-01', endDate: '2001-06-30', precision: 'month' });
    expect(event(a, '1974')).toMatchObject({ date: '1974-01-01', endDate: '1974-12-31', precision: 'year' });
    expect(event(a, 'February 2005').precision).toBe('month');
    expect(event(a, '5 May').date).toBe('2005-05-05');
  });

  it('bbc_entertainment_035: the ceremony on 27 February 2005', () => {
    const a = article('bbc_entertainment_035');
    expect(event(a, '27 February')).toMatchObject({ date: '2005-02-27', description: 'main Oscar ceremony to be held in Los Angeles' });
    expect(event(a, '12 February 2005').date).toBe('2005-02-12');
    expect(a.published.date).toBeNull();
  });

  it('bbc_business_424: a 1992 agreement and talks "in the next three months"', () => {
    const a = article('bbc_business_424');
    expect(event(a, '1992')).toMatchObject({ date: '1992-01-01', precision: 'year', sentence: 6 });
    expect(event(a, 'in the next three months').qualifier).toBe('by');
    expect(person(a, 'Peter Mandelson')).toMatchObject({ role: 'Trade Commissioner', organisation: 'EU' });
    expect(org(a, 'World Trade Organisation')?.acronym).toBe('WTO');
  });

  it('bbc_politics_058: Jack Straw, UK Foreign Secretary', () => {
    const a = article('bbc_politics_058');
    expect(person(a, 'Jack Straw')).toMatchObject({ role: 'Foreign Secretary', organisation: 'UK' });
    expect(event(a, 'in the next six months')).toMatchObject({ qualifier: 'by', sentence: 0 });
    expect(a.attributions.filter((x) => x.source === 'Jack Straw').length).toBeGreaterThanOrEqual(5);
  });

  it('bbc_politics_209: Kofi Annan, UN Secretary General; the PA acronym', () => {
    const a = article('bbc_politics_209');
    expect(person(a, 'Kofi Annan')).toMatchObject({ role: 'Secretary General', organisation: 'UN' });
    expect(org(a, 'Palestinian Authority')).toMatchObject({ acronym: 'PA', aliases: ['PA'] });
    expect(a.attributions.find((x) => x.sentence === 8)?.source).toBe('Mahmoud Abbas');
  });

  it('bbc_business_241: acronyms linked and roles inside names', () => {
    const a = article('bbc_business_241');
    expect(org(a, 'International Monetary Fund')?.acronym).toBe('IMF');
    expect(org(a, 'Group of Eight')?.acronym).toBe('G8');
    expect(person(a, 'John Taylor')).toMatchObject({ role: 'Under-Secretary', organisation: 'US Treasury' });
    expect(person(a, 'Trevor Manuel')).toMatchObject({ role: 'Finance Minister', organisation: 'South Africa' });
  });

  it('bbc_business_181: reports by Russian media', () => {
    const a = article('bbc_business_181');
    expect(a.attributions.find((x) => x.sentence === 5)).toMatchObject({ source: 'Russian media', verb: 'reported' });
    expect(person(a, 'Viktor Khristenko')?.role).toBe('energy minister');
  });
});
