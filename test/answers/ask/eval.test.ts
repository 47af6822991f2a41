// CI guard for /ask quality on the project's own question set (questions.ts), answered over the seed and
// the held-out corpus. Precision first (issue 13): a direct answer is given only from ANSWER_PRECISION
// up, so the set checks that every direct answer given is right, that the answer /ask reads out of its
// best sentence is right for ≥ 90% of the answerable questions (confident or not), and that every
// unanswerable question is declined.
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
  const answerable = summary.rows.filter((r) => r.set === 'seed' || r.set === 'corpus');

  it('gives no wrong direct answer: every answer it is confident enough to give is right', () => {
    const wrong = answerable.filter((r) => r.result.ok && !('quoteOnly' in r.result && r.result.quoteOnly) && !r.pass).map((r) => `${r.question} → ${r.answer}`);
    expect(wrong).toEqual([]);
  });

  it('reads the right answer out of its best sentence for at least 90% of the answerable questions', () => {
    const failures = answerable.filter((r) => !r.bestPass).map((r) => `${r.set}: ${r.question} → ${'text' in r.best ? r.best.text : 'declined'}`);
    expect(percent(summary.bestCorrect, summary.answerable), failures.join('\n')).toBeGreaterThanOrEqual(90);
  });

  it('declines every question the articles cannot answer', () => {
    expect(summary.rows.filter((r) => r.set === 'unanswerable' && !r.pass).map((r) => `${r.question} → ${r.answer}`)).toEqual([]);
  });

  it('cites the sentence behind every answer it gives', () => {
    expect(summary.answeredCiting).toBe(summary.answered);
  });
});
