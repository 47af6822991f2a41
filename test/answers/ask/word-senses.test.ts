// A word counts in the sense the question uses it (issue 13): "mine" the pit is no pronoun, "the plan"
// is not stated by "planned", and "power" in "came to power" is not electricity. Each is checked both ways.
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../../src/articles/library';
import { parseArticle } from '../../../src/articles/parse';
import { createAskService, type AskResult } from '../../../src/answers/ask/ask';
import { analyseQuestion } from '../../../src/answers/ask/question';

const now = new Date('2026-11-27T12:00:00Z');

function ask(text: string, question: string): AskResult {
  const library = new MemoryLibrary();
  const parsed = parseArticle(`Test history\n\n${text}\n`, { now, origin: '/t.txt' });
  if (!parsed.ok) throw new Error('parse failed');
  library.upsert({ article: parsed.article, origin: '/t.txt', ingestedAt: now });
  return createAskService(library).ask(question, { now }) as AskResult;
}

/** The sentences /ask quotes or cites for `question` (none when it declines). */
function quoted(text: string, question: string): string[] {
  const r = ask(text, question);
  return r.ok ? r.citations.map((c) => c.text) : [];
}

const words = (question: string) => analyseQuestion(question).concepts.map((c) => c.text.toLowerCase());

describe('word senses', () => {
  it('reads "mine" after a determiner or beside a noun as the pit, and as the pronoun after "of" or a copula', () => {
    expect(words('Where is the mine?')).toContain('mine');
    expect(words('When did mine workers strike?')).toContain('mine');
    expect(words('Is that coat a friend of mine?')).not.toContain('mine');
    expect(words('Was the decision mine?')).not.toContain('mine');
    const text = 'The Aberpergwm colliery will shut in September. The mine is near Glynneath in south Wales. Its owners blamed falling prices.';
    expect(quoted(text, 'Where is the mine?')).toEqual(['The mine is near Glynneath in south Wales.']);
  });
});
