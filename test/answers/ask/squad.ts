// /ask on SQuAD 2.0: each title's paragraphs become one library (each paragraph an article headed by
// the title), every question is asked with no article option, and the direct answer alone is the
// prediction ("" where Herald gives none). Scored with SQuAD 2.0's official metric, plus the precision
// of the answers given and their coverage. Shared by `npm run eval -- --squad` and the tests.
import { readFileSync } from 'node:fs';
import { MemoryLibrary } from '../../../src/articles/library';
import { parseArticle } from '../../../src/articles/parse';
import { createAskService, type AskResult } from '../../../src/answers/ask/ask';

export interface SquadQuestion {
  id: string;
  question: string;
  answers: string[];
  impossible: boolean;
}

export interface SquadTitle {
  title: string;
  paragraphs: { context: string; questions: SquadQuestion[] }[];
}

const squadFileSchema = {
  parse(raw: unknown): SquadTitle[] {
    const data = (raw as { data?: unknown }).data;
    if (!Array.isArray(data)) throw new Error('not a SQuAD file: no data[]');
    return data.map((t: { title: string; paragraphs: { context: string; qas: { id: string; question: string; answers: { text: string }[]; is_impossible?: boolean }[] }[] }) => ({
      title: String(t.title),
      paragraphs: t.paragraphs.map((p) => ({
        context: String(p.context),
        questions: p.qas.map((q) => ({ id: String(q.id), question: String(q.question), answers: q.answers.map((a) => String(a.text)), impossible: q.is_impossible === true || q.answers.length === 0 })),
      })),
    }));
  },
};

export function loadSquad(file: string): SquadTitle[] {
  return squadFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** FNV-1a: a stable hash, so the split never depends on file order. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Titles split in two halves by a hash of the title: the first half (tuning) is the only one the
 * thresholds and rules were tuned on; the second (held-out) is reported, never tuned to.
 */
export function splitByTitle(titles: SquadTitle[]): { tuning: SquadTitle[]; heldOut: SquadTitle[] } {
  const ranked = [...titles].sort((a, b) => fnv1a(a.title) - fnv1a(b.title) || a.title.localeCompare(b.title));
  const half = Math.ceil(ranked.length / 2);
  const tuningNames = new Set(ranked.slice(0, half).map((t) => t.title));
  return { tuning: titles.filter((t) => tuningNames.has(t.title)), heldOut: titles.filter((t) => !tuningNames.has(t.title)) };
}

// ---------- the official metric ----------

/** SQuAD's normalisation: lower case, no punctuation, no articles, single spaces. */
export function normalizeAnswer(s: string): string {
  const lower = s.toLowerCase();
  // string.punctuation of Python: ASCII punctuation only.
  const noPunct = lower.replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '');
  const noArticles = noPunct.replace(/\b(a|an|the)\b/g, ' ');
  return noArticles.split(/\s+/).filter(Boolean).join(' ');
}

export function exactMatch(prediction: string, gold: string): number {
  return normalizeAnswer(prediction) === normalizeAnswer(gold) ? 1 : 0;
}

export function tokenF1(prediction: string, gold: string): number {
  const p = normalizeAnswer(prediction).split(' ').filter(Boolean);
  const g = normalizeAnswer(gold).split(' ').filter(Boolean);
  // Either empty: 1 when both are (a right "no answer"), else 0.
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of p) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      same++;
      counts.set(t, n - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Best over the gold answers; an unanswerable question's only gold answer is "". */
export function scoreOne(prediction: string, q: SquadQuestion): { em: number; f1: number } {
  const golds = q.impossible ? [''] : q.answers.filter((a) => normalizeAnswer(a) !== '');
  const list = golds.length > 0 ? golds : [''];
  return { em: Math.max(...list.map((g) => exactMatch(prediction, g))), f1: Math.max(...list.map((g) => tokenF1(prediction, g))) };
}

export interface SquadScore {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Percentages, as SQuAD prints them. */
  exact: number;
  f1: number;
  hasAnsF1: number;
  noAnsAccuracy: number;
  /** Mean F1 over the questions Herald answered (an answered unanswerable question counts 0); null when none was answered. */
  precision: number | null;
  /** Answered share of the answerable questions. */
  coverage: number;
  answered: number;
}

export function score(questions: SquadQuestion[], predictions: Record<string, string>): SquadScore {
  let em = 0;
  let f1 = 0;
  let hasF1 = 0;
  let noRight = 0;
  let answered = 0;
  let answeredF1 = 0;
  let answeredAnswerable = 0;
  let answerable = 0;
  for (const q of questions) {
    const prediction = predictions[q.id] ?? '';
    const s = scoreOne(prediction, q);
    em += s.em;
    f1 += s.f1;
    const given = normalizeAnswer(prediction) !== '';
    if (q.impossible) noRight += given ? 0 : 1;
    else {
      answerable++;
      hasF1 += s.f1;
      if (given) answeredAnswerable++;
    }
    if (given) {
      answered++;
      answeredF1 += q.impossible ? 0 : s.f1;
    }
  }
  const n = questions.length;
  const unanswerable = n - answerable;
  const pct = (x: number, d: number) => (d === 0 ? 0 : Math.round((1000 * x) / d) / 10);
  return {
    questions: n,
    answerable,
    unanswerable,
    exact: pct(em, n),
    f1: pct(f1, n),
    hasAnsF1: pct(hasF1, answerable),
    noAnsAccuracy: pct(noRight, unanswerable),
    precision: answered === 0 ? null : pct(answeredF1, answered),
    coverage: pct(answeredAnswerable, answerable),
    answered,
  };
}

/** The score as the eval prints it: no answers given means no precision ("–"), not a precision of 0. */
export function scoreLine(s: SquadScore): string {
  return (
    `questions ${s.questions} (${s.answerable} answerable, ${s.unanswerable} not) · EM ${s.exact} · F1 ${s.f1} · ` +
    `answerable F1 ${s.hasAnsF1} · no-answer accuracy ${s.noAnsAccuracy} · precision of given answers ${s.precision ?? '–'} ` +
    `(${s.answered} answered) · coverage ${s.coverage}`
  );
}

// ---------- running /ask over it ----------

/** What the member reads first: the direct answer alone, or "" when /ask gives none. */
export function directAnswer(result: AskResult | { ok: false }): string {
  if (!result.ok) return '';
  if (result.quoteOnly) return '';
  if (result.type === 'yesno') return 'yes';
  return result.text;
}

export interface SquadRun {
  predictions: Record<string, string>;
  /** Per question: the raw result, for calibration and inspection. */
  results: Map<string, AskResult | { ok: false; type: string }>;
  questions: SquadQuestion[];
}

/** The clock the SQuAD paragraphs are parsed and asked at (they carry no publication date). */
export const SQUAD_NOW = new Date('2026-11-27T12:00:00Z');

export function runSquad(titles: SquadTitle[], options: { undecided?: boolean } = {}, now = SQUAD_NOW): SquadRun {
  const predictions: Record<string, string> = {};
  const results = new Map<string, AskResult | { ok: false; type: string }>();
  const questions: SquadQuestion[] = [];
  for (const title of titles) {
    const library = new MemoryLibrary();
    const headline = title.title.replace(/_/g, ' ');
    title.paragraphs.forEach((p, i) => {
      const origin = `squad/${title.title}/${i}`;
      const parsed = parseArticle(`${headline}\n\n${p.context}\n`, { now, origin });
      if (parsed.ok) library.upsert({ article: parsed.article, origin, ingestedAt: now });
    });
    const service = createAskService(library);
    for (const p of title.paragraphs) {
      for (const q of p.questions) {
        const result = service.ask(q.question, { now, undecided: options.undecided });
        results.set(q.id, result);
        predictions[q.id] = directAnswer(result as AskResult);
        questions.push(q);
      }
    }
  }
  return { predictions, results, questions };
}

// ---------- the precision–coverage curve ----------

export interface CurvePoint {
  /** Direct answers are given from this shown confidence up (each class's own table, calibration.ts). */
  from: number;
  answered: number;
  /** Mean F1 of those answers (an answered unanswerable question counts 0), percent; null when none is given. */
  precision: number | null;
  /** Answered share of the answerable questions, percent. */
  coverage: number;
  /** Overall F1 had every other question been declined, percent. */
  f1: number;
}

/**
 * From an undecided run (every question's best direct answer with its confidence): what precision,
 * coverage and overall F1 a bar at each shown confidence would give. The confidence, not the raw score,
 * is what answers of different classes share: each class maps its raw scores through its own table.
 */
export function precisionCurve(run: SquadRun, thresholds: number[]): CurvePoint[] {
  const rows = run.questions.map((q) => {
    const r = run.results.get(q.id);
    const prediction = run.predictions[q.id];
    const confidence = r && r.ok && 'raw' in r && r.raw > 0 && normalizeAnswer(prediction) !== '' ? r.confidence : -1;
    return { q, prediction, confidence, f1: scoreOne(prediction, q).f1 };
  });
  const answerable = run.questions.filter((q) => !q.impossible).length;
  const pct = (x: number, d: number) => (d === 0 ? 0 : Math.round((1000 * x) / d) / 10);
  return thresholds.map((from) => {
    const given = rows.filter((r) => r.confidence >= from);
    const predictions: Record<string, string> = {};
    for (const r of rows) predictions[r.q.id] = r.confidence >= from ? r.prediction : '';
    const s = score(run.questions, predictions);
    return {
      from,
      answered: given.length,
      precision: given.length === 0 ? null : pct(given.reduce((a, r) => a + (r.q.impossible ? 0 : r.f1), 0), given.length),
      coverage: pct(given.filter((r) => !r.q.impossible).length, answerable),
      f1: s.f1,
    };
  });
}
