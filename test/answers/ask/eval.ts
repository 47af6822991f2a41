// Runs the /ask question set against the seed article and the held-out corpus, and scores it.
// Shared by `npm run eval` (prints) and test/answers/ask/eval.test.ts (asserts the targets).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryLibrary } from '../../../src/articles/library';
import { parseArticle } from '../../../src/articles/parse';
import { eventDateWords } from '../../../src/articles/date-text';
import { createAskService, type AskResult } from '../../../src/answers/ask/ask';
import { looseText } from '../../../src/answers/ask/text';
import { corpusDir, sharedPath } from '../../support/shared-data';
import { corpusQuestions, heldOutQuestions, seedQuestions, unanswerableQuestions, type EvalQuestion, type Expectation } from './questions';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const seedFile = join(repoRoot, 'data/articles/csto-border-plan.txt');
/** The clock the articles are parsed and questions asked at. */
export const EVAL_NOW = new Date('2026-11-27T12:00:00Z');

export interface EvalRow {
  set: 'seed' | 'corpus' | 'unanswerable' | 'held-out';
  question: string;
  expect: EvalQuestion['expect'];
  result: AskResult | { ok: false; type: string };
  answer: string;
  pass: boolean;
  cited: boolean;
  /** The answer /ask reads out of its best sentence whatever the confidence (undecided), and whether it is right. */
  best: AskResult | { ok: false; type: string };
  bestPass: boolean;
}

export interface EvalSummary {
  rows: EvalRow[];
  answerable: number;
  answerableCorrect: number;
  unanswerable: number;
  declined: number;
  answered: number;
  answeredCiting: number;
  /** Answerable questions whose best-read answer is right, whether or not /ask is confident enough to give it. */
  bestCorrect: number;
  /** Direct answers given (not quote-only) to answerable questions, and how many of them are wrong. */
  direct: number;
  directWrong: number;
}

export function loadLibrary(now = EVAL_NOW): MemoryLibrary {
  const library = new MemoryLibrary();
  const files = [seedFile, ...readdirSync(sharedPath('corpus/articles', 'the held-out news corpus')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(corpusDir, f))];
  for (const file of files) {
    const parsed = parseArticle(readFileSync(file, 'utf8'), { now, origin: file });
    if (parsed.ok) library.upsert({ article: parsed.article, origin: file, ingestedAt: now });
  }
  return library;
}

export function answerText(result: EvalRow['result']): string {
  if (!('text' in result) || !result.ok) return '';
  const parts = [result.text];
  if (result.date) parts.push(result.yearUnknown ? `${result.date.date.slice(5)} (no year)` : eventDateWords(result.date));
  if (result.items) parts.push(result.items.join(', '));
  return parts.join(' | ');
}

export function check(result: EvalRow['result'], expect: Expectation): boolean {
  if (!result.ok || !('citations' in result) || result.citations.length === 0) return false;
  // A quote offered without a direct answer answers nothing, whatever words the sentence holds.
  if (result.quoteOnly) return false;
  // Whole words only: "21" is not found in "2021", nor "10" in "$10bn".
  const hay = ` ${looseText(answerText(result)).replace(/[.,]+(?=\s|$)/g, '')} `;
  const has = (k: string) => hay.includes(` ${looseText(k).replace(/[.,]+$/, '')} `);
  if (expect.date) {
    // The full date, year included: the start of the answer's date, or the end of its range ("by 28 November").
    const d = result.date;
    if (!d || !/^\d{4}(?:-\d\d){0,2}$/.test(expect.date)) return false;
    // An answer that claims no year (its undated article gives none) is checked on day and month only.
    const wanted = result.yearUnknown && expect.date.length === 10 ? expect.date.slice(4) : expect.date;
    const matches = (iso: string) => (result.yearUnknown ? iso.slice(4) === wanted : wanted.length === 10 ? iso === wanted : iso.startsWith(wanted));
    if (!matches(d.date) && !matches(d.endDate)) return false;
  }
  if (expect.all && !expect.all.every(has)) return false;
  if (expect.any && !expect.any.some(has)) return false;
  return true;
}

export function runEval(now = EVAL_NOW, options: { heldOut?: boolean } = {}): EvalSummary {
  const service = createAskService(loadLibrary(now));
  const rows: EvalRow[] = [];
  const sets: [EvalRow['set'], EvalQuestion[]][] = [
    ['seed', seedQuestions],
    ['corpus', corpusQuestions],
    ['unanswerable', unanswerableQuestions],
  ];
  if (options.heldOut) sets.push(['held-out', heldOutQuestions]);
  for (const [set, questions] of sets) {
    for (const q of questions) {
      const result = service.ask(q.q, { now });
      const cited = result.ok && 'citations' in result && result.citations.length > 0;
      const pass = q.expect === 'decline' ? !result.ok : check(result, q.expect);
      const best = service.ask(q.q, { now, undecided: true });
      const bestPass = q.expect === 'decline' ? !best.ok : check(best, q.expect);
      rows.push({ set, question: q.q, expect: q.expect, result, answer: result.ok ? answerText(result) : 'declined', pass, cited, best, bestPass });
    }
  }
  // The targets are measured on the main set; the held-out rows are reported on their own.
  const main = rows.filter((r) => r.set !== 'held-out');
  const answerableRows = main.filter((r) => r.set !== 'unanswerable');
  const unanswerableRows = main.filter((r) => r.set === 'unanswerable');
  const answered = main.filter((r) => r.result.ok);
  return {
    rows,
    answerable: answerableRows.length,
    answerableCorrect: answerableRows.filter((r) => r.pass).length,
    unanswerable: unanswerableRows.length,
    declined: unanswerableRows.filter((r) => r.pass).length,
    answered: answered.length,
    answeredCiting: answered.filter((r) => r.cited).length,
    bestCorrect: answerableRows.filter((r) => r.bestPass).length,
    direct: answerableRows.filter((r) => r.result.ok && !('quoteOnly' in r.result && r.result.quoteOnly)).length,
    directWrong: answerableRows.filter((r) => r.result.ok && !('quoteOnly' in r.result && r.result.quoteOnly) && !r.pass).length,
  };
}

export const percent = (n: number, d: number): number => (d === 0 ? 100 : Math.round((1000 * n) / d) / 10);
