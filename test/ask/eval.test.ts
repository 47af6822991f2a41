// CI guard for /ask quality: the question set in questions.ts, answered over the seed and the held-out
// corpus, must meet the targets (≥ 90% correct, every unanswerable declined, every answer cited).
import { describe, expect, it } from 'vitest';
import { percent, runEval } from './eval';
import { corpusQuestions, seedQuestions, unanswerableQuestions } from './questions';

describe('the /ask question set', () => {
  it('has at least 40 seed, 40 corpus and 10 unanswerable questions, none repeated', () => {
    expect(seedQuestions.length).toBeGreaterThanOrEqual(40);
    expect(corpusQuestions.length).toBeGreaterThanOrEqual(40);
    expect(unanswerableQuestions.length).toBeGreaterThanOrEqual(10);
    const all = [...seedQuestions, ...corpusQuestions, ...unanswerableQuestions].map((q) => q.q.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });

  const summary = runEval();
  const failures = summary.rows.filter((r) => !r.pass).map((r) => `${r.set}: ${r.question} → ${r.answer}`);

  it('answers at least 90% of the answerable questions correctly', () => {
    expect(percent(summary.answerableCorrect, summary.answerable), failures.join('\n')).toBeGreaterThanOrEqual(90);
  });

  it('declines every question the articles cannot answer', () => {
    expect(summary.rows.filter((r) => r.set === 'unanswerable' && !r.pass).map((r) => `${r.question} → ${r.answer}`)).toEqual([]);
  });

  it('cites the sentence behind every answer it gives', () => {
    expect(summary.answeredCiting).toBe(summary.answered);
  });
});
