// The hand-labelled people, organisations and places of the seed and the 30 BBC articles of
// ../shared/corpus (test/articles/entities-gold/labels.json: ids, names and roles, never article text),
// and the score of Herald's lists — the ones /who shows — against them: precision and recall of people,
// organisations and places, and whether each person's role is the one the text gives. A second, fresh
// held-out set labels 11 TimeBank news documents of ../shared/eval/timebank (entities-gold/timebank-labels.json,
// half 'fresh': every 18th by sorted name from the first), and a second one 10 more (timebank-labels-fresh2.json,
// half 'fresh2': every 18th from index 9), labelled after the first was spent, and a third 10 more
// (timebank-labels-fresh3.json, half 'fresh3': every 18th from index 4), labelled after the second was spent, and a fourth
// and fifth 10 more each (timebank-labels-fresh4.json, half 'fresh4': every 18th from index 13; timebank-labels-fresh5.json,
// half 'fresh5': every 18th from index 16), labelled by reading the text only after the third was spent, and a sixth
// (timebank-labels-fresh6.json, half 'fresh6': every 18th from index 7), labelled the same way after the fifth was spent. Used by `npm run eval -- entities` and test/articles/entities-gold.test.ts. Reads the
// articles; never copies them.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/articles/model';
import { parseArticle } from '../../src/articles/parse';
import { readCorpus } from '../support/shared-data';
import { timebankArticleText, timebankDocuments } from './timebank';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

export type Kind = 'people' | 'organisations' | 'places';
export const KINDS: Kind[] = ['people', 'organisations', 'places'];

interface GoldPerson {
  name: string;
  role?: string;
}
interface GoldArticle {
  people: GoldPerson[];
  organisations: string[];
  places: string[];
  optional?: Partial<Record<Kind, string[]>>;
}
interface Labels {
  heldOut: string[];
  articles: Record<string, GoldArticle>;
}

export function readLabels(): Labels {
  return JSON.parse(readFileSync(resolve(here, 'entities-gold/labels.json'), 'utf8')) as Labels;
}

/** The labelled articles' texts by id: the seed from data/articles, the rest from ../shared/corpus. */
export function labelledTexts(labels = readLabels()): Map<string, string> {
  const texts = new Map<string, string>();
  texts.set('csto-border-plan', readFileSync(resolve(repoRoot, 'data/articles/csto-border-plan.txt'), 'utf8'));
  for (const a of readCorpus()) texts.set(a.file.replace(/\.txt$/, ''), a.text);
  const missing = Object.keys(labels.articles).filter((id) => !texts.has(id));
  if (missing.length) throw new Error(`Labelled articles not found: ${missing.join(', ')} (the corpus is read from ../shared/corpus/articles).`);
  return texts;
}

/** Case, accents, curly quotes, hyphens, full stops ("Corp." = "Corp", "S.p.A." = "SpA"), a leading "the" and a trailing possessive do not count. */
export function normalise(name: string): string {
  return name
    .replace(/\./g, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[-–]/g, ' ')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ROLE_NOISE = new Set(['the', 'a', 'an', 'former', 'ex', 'then', 'new']);
/** A role's words without articles and time qualifiers ("former president" = "president"). */
export function normaliseRole(role: string): string {
  return normalise(role).split(' ').filter((w) => !ROLE_NOISE.has(w)).join(' ');
}

function names(entry: string): string[] {
  return entry.split('|').map(normalise);
}

export interface Counts {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}
export interface EntityScore {
  articles: number;
  counts: Record<Kind, Counts>;
  /** Gold people with a role who were found, and of those how many carry the right role. */
  roles: { withRole: number; found: number; right: number };
  /** Found people the text gives no role for, but Herald gave one. */
  spuriousRoles: number;
  errors: string[];
}

export function precision(c: Counts): number {
  return c.predicted === 0 ? 1 : c.correct / c.predicted;
}
export function recall(c: Counts): number {
  return c.gold === 0 ? 1 : c.found / c.gold;
}

function predictedNames(article: Article, kind: Kind): { label: string; keys: string[]; role?: string; organisation?: string }[] {
  if (kind === 'people') return article.people.map((p) => ({ label: p.name, keys: [normalise(p.name)], role: p.role, organisation: p.organisation }));
  if (kind === 'organisations') {
    return article.organisations.map((o) => ({ label: o.name, keys: [o.name, o.acronym, ...o.aliases].filter((k): k is string => Boolean(k)).map(normalise) }));
  }
  return article.places.map((p) => ({ label: p.name, keys: [normalise(p.name)] }));
}

/** The role as Herald gives it, without a leading organisation or country it also names ("Oxfam senior policy adviser"). */
function predictedRole(role: string, organisation: string | undefined): string {
  let r = normaliseRole(role);
  if (organisation) {
    const org = normaliseRole(organisation);
    if (r.startsWith(`${org} `)) r = r.slice(org.length + 1);
  }
  return r;
}

export function scoreArticle(id: string, article: Article, gold: GoldArticle, score: EntityScore): void {
  for (const kind of KINDS) {
    const goldEntries = kind === 'people' ? gold.people.map((p) => p.name) : gold[kind];
    const goldKeys = goldEntries.map(names);
    const optional = (gold.optional?.[kind] ?? []).map(names);
    const predictions = predictedNames(article, kind);
    const matchedGold = new Map<number, { role?: string; organisation?: string; label: string }[]>();
    const c = score.counts[kind];
    for (const p of predictions) {
      const g = goldKeys.findIndex((keys) => p.keys.some((k) => keys.includes(k)));
      if (g >= 0) {
        matchedGold.set(g, [...(matchedGold.get(g) ?? []), p]);
        c.predicted++;
        c.correct++;
        continue;
      }
      if (optional.some((keys) => p.keys.some((k) => keys.includes(k)))) continue;
      c.predicted++;
      score.errors.push(`${id}: not ${kind === 'people' ? 'a person' : kind === 'places' ? 'a place' : 'an organisation'}: ${p.label}`);
    }
    if (kind === 'people') {
      // One role judgement per labelled person, from the best of the entries that name them.
      for (const [g, found] of matchedGold) {
        const goldRole = gold.people[g].role;
        const withRole = found.filter((p) => p.role);
        if (goldRole) {
          const accepted = goldRole.split('|').map(normaliseRole);
          if (withRole.some((p) => accepted.includes(predictedRole(p.role as string, p.organisation)))) score.roles.right++;
          else score.errors.push(`${id}: role of ${found[0].label}: ${withRole.map((p) => p.role).join(' / ') || '(none)'} (text: ${goldRole})`);
        } else if (withRole.length) {
          score.spuriousRoles++;
          score.errors.push(`${id}: role of ${found[0].label}: ${withRole[0].role}, but the text gives none`);
        }
      }
    }
    c.gold += goldKeys.length;
    c.found += matchedGold.size;
    goldEntries.forEach((entry, g) => {
      if (!matchedGold.has(g)) score.errors.push(`${id}: missing ${kind === 'people' ? 'person' : kind === 'places' ? 'place' : 'organisation'}: ${entry.split('|')[0]}`);
    });
    if (kind === 'people') {
      for (const [g, person] of gold.people.entries()) {
        if (!person.role) continue;
        score.roles.withRole++;
        if (matchedGold.has(g)) score.roles.found++;
      }
    }
  }
  score.articles++;
}

function emptyScore(): EntityScore {
  const counts = () => ({ predicted: 0, correct: 0, gold: 0, found: 0 });
  return { articles: 0, counts: { people: counts(), organisations: counts(), places: counts() }, roles: { withRole: 0, found: 0, right: 0 }, spuriousRoles: 0, errors: [] };
}

export type Half = 'dev' | 'held-out' | 'all' | 'fresh' | 'fresh2' | 'fresh3' | 'fresh4' | 'fresh5' | 'fresh6';
export const HALVES: Half[] = ['dev', 'held-out', 'all', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6'];
/** The TimeBank halves: their label files, and the index (0-based, in sorted file order) of the first of every 18 documents they label. */
export const TIMEBANK_HALVES = {
  fresh: { file: 'timebank-labels.json', first: 0 },
  fresh2: { file: 'timebank-labels-fresh2.json', first: 9 },
  fresh3: { file: 'timebank-labels-fresh3.json', first: 4 },
  fresh4: { file: 'timebank-labels-fresh4.json', first: 13 },
  fresh5: { file: 'timebank-labels-fresh5.json', first: 16 },
  fresh6: { file: 'timebank-labels-fresh6.json', first: 7 },
} as const;
export type TimebankHalf = keyof typeof TIMEBANK_HALVES;

interface TimebankLabels {
  documents: Record<string, GoldArticle>;
}

export function readTimebankLabels(half: TimebankHalf = 'fresh'): TimebankLabels {
  return JSON.parse(readFileSync(resolve(here, 'entities-gold', TIMEBANK_HALVES[half].file), 'utf8')) as TimebankLabels;
}

/** A fresh set: the labelled TimeBank documents, read from ../shared/eval/timebank (a clear error when it is missing). */
export function scoreTimebankEntities(labels = readTimebankLabels()): EntityScore {
  const docs = timebankDocuments();
  if (!docs.ok) throw new Error(docs.error);
  const byId = new Map(docs.documents.map((d) => [d.file.replace(/\.tml$/, ''), d]));
  const missing = Object.keys(labels.documents).filter((id) => !byId.has(id));
  if (missing.length) throw new Error(`Labelled TimeBank documents not found: ${missing.join(', ')} (read from ../shared/eval/timebank).`);
  const score = emptyScore();
  for (const [id, gold] of Object.entries(labels.documents)) {
    const doc = byId.get(id) as NonNullable<ReturnType<typeof byId.get>>;
    const parsed = parseArticle(timebankArticleText(doc, doc.dct), { now: new Date('2026-11-28T12:00:00Z'), origin: doc.file });
    if (!parsed.ok) throw new Error(`${id}: ${parsed.error}`);
    scoreArticle(id, parsed.article, gold, score);
  }
  return score;
}

/** Parses every labelled article of the half (the clock does not matter for entities) and scores it. */
export function scoreEntities(half: Half, labels = readLabels(), texts?: Map<string, string>): EntityScore {
  if (half in TIMEBANK_HALVES) return scoreTimebankEntities(readTimebankLabels(half as TimebankHalf));
  texts ??= labelledTexts(labels);
  const score = emptyScore();
  const held = new Set(labels.heldOut);
  for (const [id, gold] of Object.entries(labels.articles)) {
    if (half === 'dev' && held.has(id)) continue;
    if (half === 'held-out' && !held.has(id)) continue;
    const parsed = parseArticle(texts.get(id) as string, { now: new Date('2026-11-28T12:00:00Z'), origin: `${id}.txt` });
    if (!parsed.ok) throw new Error(`${id}: ${parsed.error}`);
    scoreArticle(id, parsed.article, gold, score);
  }
  return score;
}

/** Micro-averaged over the three lists. */
export function overall(score: EntityScore): Counts {
  const sum = { predicted: 0, correct: 0, gold: 0, found: 0 };
  for (const k of KINDS) for (const f of Object.keys(sum) as (keyof Counts)[]) sum[f] += score.counts[k][f];
  return sum;
}

/** Share of the found people with a role in the text whose role Herald gives right. */
export function roleAccuracy(score: EntityScore): number {
  return score.roles.found === 0 ? 1 : score.roles.right / score.roles.found;
}
