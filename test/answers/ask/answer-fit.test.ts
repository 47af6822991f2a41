// Rules that keep a direct answer from a sentence that answers another question (issue 13): the sentence
// negates what the question asserts, lacks "first"/"last"/"most"…, gives a year where a month is asked,
// or names the asked-about party in the other role. Each is checked both ways, so removing a rule fails.
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../../src/articles/library';
import { parseArticle } from '../../../src/articles/parse';
import { createAskService, type AskResult } from '../../../src/answers/ask/ask';

const now = new Date('2026-11-27T12:00:00Z');

function serviceOver(text: string) {
  const library = new MemoryLibrary();
  const parsed = parseArticle(`Test history\n\n${text}\n`, { now, origin: '/t.txt' });
  if (!parsed.ok) throw new Error('parse failed');
  library.upsert({ article: parsed.article, origin: '/t.txt', ingestedAt: now });
  return createAskService(library);
}

/** The best answer /ask reads, whatever its confidence; raw 0 means a rule ruled it out as a direct answer. */
function best(text: string, question: string): { text: string; raw: number } | null {
  const r = serviceOver(text).ask(question, { now, undecided: true }) as AskResult;
  return r.ok ? { text: r.text, raw: r.raw } : null;
}

describe('direct answers that fit the question', () => {
  it('gives none from a sentence that negates the question', () => {
    const text = 'In 1965 the committee approved the bridge. A polynomial time algorithm is not always practical.';
    expect(best(text, 'What algorithm is always practical?')?.raw ?? 0).toBe(0);
    expect(best('In 1965 the committee approved the bridge. A polynomial time algorithm is always practical.', 'When did the committee approve the bridge?')?.raw).toBeGreaterThan(0);
  });

  it('gives none when the sentence lacks the question\'s "first" or "last"', () => {
    const text = 'The first steam engine in the town was built in 1912 by the mill owners.';
    expect(best(text, 'When was the first steam engine in the town built?')).toMatchObject({ text: expect.stringContaining('1912') });
    expect(best(text, 'When was the first steam engine in the town built?')?.raw).toBeGreaterThan(0);
    expect(best(text, 'When was the last steam engine in the town built?')?.raw ?? 0).toBe(0);
  });

  it('gives no year for "what month", and the month when the sentence states it', () => {
    expect(best('The oil crisis began in 1973 after the embargo.', 'What month did the oil crisis begin?')?.raw ?? 0).toBe(0);
    const withMonth = best('The oil crisis began in October 1973 after the embargo.', 'What month did the oil crisis begin?');
    expect(withMonth?.text).toContain('October');
    expect(withMonth?.raw).toBeGreaterThan(0);
  });

  it('asks "who did X replace" of the object, and never answers "who replaced X" with the one replaced', () => {
    const text = 'After 1066 the invading Normans and their descendants replaced the Anglo-Saxons as the ruling class of England.';
    expect(best(text, 'Who did the Normans replace as the ruling class of England?')).toMatchObject({ text: 'Anglo-Saxons' });
    expect(best(text, 'Who did the Normans replace as the ruling class of England?')?.raw).toBeGreaterThan(0);
    expect(best(text, 'Who replaced the Normans as the ruling class of England?')?.raw ?? 0).toBe(0);
  });
});
