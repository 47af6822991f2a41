// The seed article (data/articles/csto-border-plan.txt), ingested on 2026-11-27: every fact the issue names.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse';
import { articleSchema, type Article } from '../../src/articles/model';
import { contentHash } from '../../src/articles/ingest';
import { eventStatus } from '../../src/articles/event-status';

const repoRoot = resolve(__dirname, '../..');
const text = readFileSync(resolve(repoRoot, 'data/articles/csto-border-plan.txt'), 'utf8');
const now = new Date('2026-11-27T12:00:00Z');

function parsed(): Article {
  const result = parseArticle(text, { now, origin: 'csto-border-plan.txt' });
  if (!result.ok) throw new Error(result.error);
  return result.article;
}
const article = parsed();
const eventBy = (expression: string) => {
  const e = article.events.find((x) => x.expression === expression);
  if (!e) throw new Error(`no event "${expression}" in ${article.events.map((x) => x.expression).join(', ')}`);
  return e;
};

describe('seed article: structure', () => {
  it('is a valid Article with a stable id built from the headline slug and the content hash', () => {
    expect(articleSchema.safeParse(article).success).toBe(true);
    expect(article.headline).toBe('CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security');
    const hash = createHash('sha256').update(text).digest('hex');
    expect(article.contentHash).toBe(hash);
    expect(contentHash(text)).toBe(article.contentHash);
    expect(article.id).toBe(`csto-to-approve-plan-strengthening-tajikistan-afghanistan-${hash.slice(0, 8)}`);
    expect(parsed().id).toBe(article.id);
  });

  it('has eleven body paragraphs and sentences whose offsets point into the body', () => {
    expect(article.paragraphs).toHaveLength(11);
    expect(article.sentences).toHaveLength(11);
    for (const s of article.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(article.sentences[1].text).toBe('Azerbaijani media reported on Tuesday, November 26, that the CSTO is set to approve this plan on November 28.');
    expect(article.sentences[1].paragraph).toBe(1);
  });

  it('drops the headline repeated as the last line (page furniture)', () => {
    expect(article.sentences.some((s) => s.text.startsWith('CSTO to approve plan'))).toBe(false);
    expect(article.paragraphs.some((p) => p.startsWith('CSTO to approve plan'))).toBe(false);
    expect(article.sentences[10].text).toBe('The international community must ensure that any security measures do not compromise the rights of vulnerable populations and contribute to long-term peace and stability in the region.');
    expect(article.warnings).toContain('dropped a line that repeats the headline (page furniture)');
  });
});

describe('seed article: dates', () => {
  it('infers publication on Tuesday 2024-11-26 by the weekday rule, from the sentence that reports it', () => {
    expect(article.published.date).toBe('2024-11-26');
    expect(article.published.inferred).toBe(true);
    expect(article.published.sentence).toBe(1);
    // Ingested in 2026, nothing in the text decides between the Tuesdays 26 November after "May 1992":
    // 2024 is the most recent, and a guess.
    expect(article.published).toMatchObject({ confidence: 0.5, yearCertain: false, basis: 'text' });
    expect(article.published.reason).toContain('26 November fell on a Tuesday in 2024, 2019, 2013, 2002');
    expect(article.published.reason).toContain('"May 1992" is already past');
    expect(article.published.reason).toContain('2024, the most recent up to 2026-11-27, is a guess');
    const pub = eventBy('Tuesday, November 26');
    expect(pub).toMatchObject({ date: '2024-11-26', isPublication: true, precision: 'day', sentence: 1 });
  });

  it('dates the approval on 2024-11-28 at day precision, past as of 2026 whatever the year', () => {
    const e = eventBy('November 28');
    expect(e).toMatchObject({ date: '2024-11-28', endDate: '2024-11-28', precision: 'day', qualifier: 'on', sentence: 1, status: 'past', isPublication: false, yearCertain: false, yearIsLatest: true });
    expect(e.description).toBe('CSTO to approve the plan to strengthen the border between Tajikistan and Afghanistan');
    expect(e.sentences).toEqual([0, 1]);
    expect(eventStatus(e, now)).toBe('past');
    expect(eventStatus(e, new Date('2024-11-27T10:00:00Z'))).toBe('unknown');
  });

  it('ingested on 27 November 2024, the day after the report, the year is certain and the approval upcoming', () => {
    const fresh = parseArticle(text, { now: new Date('2024-11-27T10:00:00Z'), origin: 'csto-border-plan.txt' });
    if (!fresh.ok) throw new Error(fresh.error);
    expect(fresh.article.published).toMatchObject({ date: '2024-11-26', yearCertain: true });
    const e = fresh.article.events.find((x) => x.expression === 'November 28');
    expect(e).toMatchObject({ date: '2024-11-28', yearCertain: true, status: 'upcoming' });
    expect(eventStatus(e!, new Date('2024-11-28T10:00:00Z'))).toBe('today');
  });

  it('ranks the approval as the most salient event', () => {
    const top = [...article.events].sort((a, b) => b.salience - a.salience)[0];
    expect(top.expression).toBe('November 28');
    expect(eventBy('Tuesday, November 26').salience).toBeLessThan(top.salience);
  });

  it('reads "in the next two days" as a deadline two days after publication', () => {
    expect(eventBy('in the next two days')).toMatchObject({ date: '2024-11-28', endDate: '2024-11-28', qualifier: 'by', precision: 'day', sentence: 0 });
  });

  it('reads "13 years ago" as 2011 at year precision', () => {
    const e = eventBy('13 years ago');
    expect(e).toMatchObject({ date: '2011-01-01', endDate: '2011-12-31', precision: 'year', sentence: 4 });
    expect(e.description).toContain('decision to develop the plan');
  });

  it('reads "May 1992" at month precision', () => {
    expect(eventBy('May 1992')).toMatchObject({ date: '1992-05-01', endDate: '1992-05-31', precision: 'month', sentence: 6, status: 'past' });
  });

  it('does not turn "for several years" into an event', () => {
    expect(article.events.map((e) => e.expression).sort()).toEqual(['13 years ago', 'May 1992', 'November 28', 'Tuesday, November 26', 'in the next two days']);
  });
});

describe('seed article: who and what', () => {
  it('knows Imangali Tasmagambetov as Secretary-General of the CSTO, including later references', () => {
    const p = article.people.find((x) => x.name === 'Imangali Tasmagambetov');
    expect(p).toEqual({ name: 'Imangali Tasmagambetov', role: 'Secretary-General', organisation: 'CSTO', sentences: [2, 3, 4] });
    expect(article.people).toHaveLength(1);
  });

  it('links CSTO and Collective Security Treaty Organization, with the treaty members', () => {
    const o = article.organisations.find((x) => x.acronym === 'CSTO');
    expect(o?.name).toBe('Collective Security Treaty Organization');
    expect(o?.aliases).toEqual(['CSTO', 'Collective Security Treaty']);
    expect(o?.members).toEqual(['Russia', 'Belarus', 'Armenia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan']);
    expect(o?.sentences).toEqual([0, 1, 2, 3, 6, 8]);
    expect(article.organisations.filter((x) => /CSTO|Collective/.test(x.name))).toHaveLength(1);
  });

  it('finds the places and countries', () => {
    const names = article.places.map((p) => p.name);
    for (const n of ['Tajikistan', 'Afghanistan', 'Central Asia', 'Tashkent', 'Uzbekistan', 'Russia', 'Belarus', 'Armenia', 'Kazakhstan', 'Kyrgyzstan']) {
      expect(names).toContain(n);
    }
    expect(article.places.find((p) => p.name === 'Tashkent')).toEqual({ name: 'Tashkent', kind: 'city', sentences: [6] });
    expect(article.places.find((p) => p.name === 'Central Asia')?.kind).toBe('region');
  });

  it('attributes the report to Azerbaijani media, Imangali Tasmagambetov and RIA Novosti', () => {
    const by = (source: string) => article.attributions.filter((a) => a.source === source);
    expect(by('Azerbaijani media')).toEqual([
      { source: 'Azerbaijani media', verb: 'reported', claim: 'the CSTO is set to approve this plan on November 28', sentence: 1 },
    ]);
    expect(by('Imangali Tasmagambetov').map((a) => [a.verb, a.sentence])).toEqual([
      ['based on statements from', 2], ['mentioned', 3], ['emphasized', 4],
    ]);
    expect(by('RIA Novosti')).toEqual([
      expect.objectContaining({ verb: 'according to a report by', sentence: 5, claim: expect.stringMatching(/^the plan includes several stages/) }),
    ]);
  });

  it('lists the members, the stages of the plan and the concerns', () => {
    expect(article.lists).toEqual([
      { label: 'stages of the plan', items: ['clarifying capabilities', 'practical implementation', 'full deployment along the border', 'the possibility of adjusting weapon ranges'], sentence: 5 },
      { label: 'members of the Collective Security Treaty', items: ['Russia', 'Belarus', 'Armenia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan'], sentence: 6 },
      { label: 'concerns', items: ['the impact on local communities and trade', 'the humanitarian consequences for Afghan refugees seeking refuge in Tajikistan'], sentence: 9 },
    ]);
  });
});
