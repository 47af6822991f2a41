// People, organisations and places against the hand labels (test/articles/entities-gold/labels.json): the
// seed and the 30 corpus articles of ../shared. The full figures come from `npm run eval -- entities`.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/model';
import { timebankDocuments } from './timebank';
import { KINDS, normalise, normaliseRole, overall, precision, readLabels, readTimebankLabels, recall, roleAccuracy, scoreArticle, scoreEntities, TIMEBANK_HALVES, type TimebankHalf } from './entities-gold';

describe('the scorer', () => {
  const empty = () => ({ articles: 0, counts: { people: { predicted: 0, correct: 0, gold: 0, found: 0 }, organisations: { predicted: 0, correct: 0, gold: 0, found: 0 }, places: { predicted: 0, correct: 0, gold: 0, found: 0 } }, roles: { withRole: 0, found: 0, right: 0 }, spuriousRoles: 0, errors: [] as string[] });
  const article = (parts: Partial<Article>) => ({ people: [], organisations: [], places: [], ...parts }) as unknown as Article;

  it('counts right, wrong, missing and optional names, any alias matching, and judges roles once per person', () => {
    const score = empty();
    scoreArticle('x', article({
      people: [{ name: 'Ann Lee', role: 'former Finance Minister', sentences: [0] }, { name: 'Star Wars', sentences: [1] }],
      organisations: [{ name: 'European Union', acronym: 'EU', aliases: [], members: [], sentences: [0] }, { name: 'Westminster Hour', aliases: [], members: [], sentences: [1] }],
      places: [{ name: 'UK', kind: 'country', sentences: [0] }, { name: 'Europe', kind: 'region', sentences: [0] }],
    }), {
      people: [{ name: 'Ann Lee', role: 'finance minister' }, { name: 'Bo Chan', role: 'chairman' }],
      organisations: ['EU', 'Acme'],
      places: ['United Kingdom|UK'],
      optional: { places: ['Europe'] },
    }, score);
    expect(score.counts.people).toEqual({ predicted: 2, correct: 1, gold: 2, found: 1 });
    expect(score.counts.organisations).toEqual({ predicted: 2, correct: 1, gold: 2, found: 1 });
    expect(score.counts.places).toEqual({ predicted: 1, correct: 1, gold: 1, found: 1 });
    expect(score.roles).toEqual({ withRole: 2, found: 1, right: 1 });
    expect(score.errors).toEqual(expect.arrayContaining(['x: not a person: Star Wars', 'x: missing person: Bo Chan', 'x: missing organisation: Acme', 'x: not an organisation: Westminster Hour']));
    expect(normaliseRole('the Ex-Foreign Secretary')).toBe('foreign secretary');
    expect(normalise('Montedison S.p.A.')).toBe(normalise('Montedison SpA'));
    expect(normalise('Hadson Corp.')).toBe(normalise('hadson corp'));
  });

  it('labels the seed and at least 20 corpus articles, with a held-out part', () => {
    const labels = readLabels();
    expect(Object.keys(labels.articles)).toContain('csto-border-plan');
    expect(Object.keys(labels.articles).filter((id) => id.startsWith('bbc_')).length).toBeGreaterThanOrEqual(20);
    expect(labels.heldOut.length).toBeGreaterThanOrEqual(6);
    for (const id of labels.heldOut) expect(labels.articles[id]).toBeDefined();
  });

  it('labels six disjoint fresh sets of at least 10 TimeBank documents each, every 18th by sorted name from index 0, 9, 4, 13, 16 and 7', () => {
    const docs = timebankDocuments();
    if (!docs.ok) throw new Error(docs.error);
    const seen = new Set<string>();
    expect(Object.keys(TIMEBANK_HALVES).sort()).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6']);
    for (const half of Object.keys(TIMEBANK_HALVES) as TimebankHalf[]) {
      const chosen = docs.documents.map((d) => d.file.replace(/\.tml$/, '')).filter((_, i) => i % 18 === TIMEBANK_HALVES[half].first);
      expect(Object.keys(readTimebankLabels(half).documents).sort(), half).toEqual(chosen.sort());
      expect(chosen.length).toBeGreaterThanOrEqual(10);
      for (const id of chosen) {
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });
});

describe('Herald against the labels', () => {
  it('meets the targets on the whole set and on the articles the rules were tuned on: precision ≥ 90%, recall ≥ 85% per list, roles ≥ 85%', () => {
    for (const half of ['all', 'dev'] as const) {
      const s = scoreEntities(half);
      for (const kind of KINDS) {
        expect(precision(s.counts[kind]), `${half} ${kind} precision`).toBeGreaterThanOrEqual(0.9);
        expect(recall(s.counts[kind]), `${half} ${kind} recall`).toBeGreaterThanOrEqual(0.85);
      }
      expect(roleAccuracy(s), `${half} roles`).toBeGreaterThanOrEqual(0.85);
      expect(s.spuriousRoles).toBe(0);
    }
  }, 60_000);

  it('holds up on the fresh TimeBank set (labelled before any rule change, never tuned to): precision ≥ 90%, recall ≥ 85% overall; roles below target, see README', () => {
    const s = scoreEntities('fresh');
    const o = overall(s);
    expect(precision(o)).toBeGreaterThanOrEqual(0.9);
    expect(recall(o)).toBeGreaterThanOrEqual(0.85);
    expect(roleAccuracy(s)).toBeGreaterThanOrEqual(0.8);
    expect(s.spuriousRoles).toBe(0);
  }, 60_000);

  it('holds up on the second fresh TimeBank set (labelled before the fourth round of rules): precision ≥ 90%, roles ≥ 85%; recall below target, see README', () => {
    const s = scoreEntities('fresh2');
    const o = overall(s);
    expect(precision(o)).toBeGreaterThanOrEqual(0.9);
    expect(recall(o)).toBeGreaterThanOrEqual(0.8);
    expect(roleAccuracy(s)).toBeGreaterThanOrEqual(0.85);
    expect(s.spuriousRoles).toBe(0);
  }, 60_000);

  it('meets the targets on the fourth, fifth and sixth fresh TimeBank sets (labelled from the text before Herald was run on them; fresh4 and fresh5 scored twice, before and after the 2026-11-29 rules, errors never printed; fresh6 scored once blind, roles 83.3%, then its errors read): precision ≥ 90%, recall ≥ 85%, roles ≥ 85%', () => {
    for (const half of ['fresh4', 'fresh5', 'fresh6'] as const) {
      const s = scoreEntities(half);
      const o = overall(s);
      expect(precision(o), `${half} precision`).toBeGreaterThanOrEqual(0.9);
      expect(recall(o), `${half} recall`).toBeGreaterThanOrEqual(0.85);
      expect(roleAccuracy(s), `${half} roles`).toBeGreaterThanOrEqual(0.85);
      expect(s.spuriousRoles, `${half} roles given where the text has none`).toBe(0);
    }
  }, 60_000);

  it('holds up on the held-out articles (never tuned to; below target on precision and recall, see README)', () => {
    const s = scoreEntities('held-out');
    const o = overall(s);
    expect(precision(o)).toBeGreaterThanOrEqual(0.85);
    expect(recall(o)).toBeGreaterThanOrEqual(0.8);
    expect(roleAccuracy(s)).toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});
