// An initialism written with full stops ("U.S.", "U.N.") is one word of a name to /ask's who- and
// where-extractors: "led by the U.S. government" names "U.S.", never "U".
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../../src/articles/library';
import { parseArticle } from '../../../src/articles/parse';
import { createAskService, type AskResult } from '../../../src/answers/ask/ask';
import { placesIn } from '../../../src/answers/ask/extract';
import { CAPITALISED_WORD } from '../../../src/language/name-tokens';

const now = new Date('2026-11-27T12:00:00Z');

function best(text: string, question: string): string | null {
  const library = new MemoryLibrary();
  const parsed = parseArticle(`Harbour works\n\n${text}\n`, { now, origin: '/t.txt' });
  if (!parsed.ok) throw new Error('parse failed');
  library.upsert({ article: parsed.article, origin: '/t.txt', ingestedAt: now });
  const r = createAskService(library).ask(question, { now, undecided: true }) as AskResult;
  return r.ok ? r.text : null;
}

describe('initialisms in names', () => {
  it('reads "U.S." whole as one capitalised word', () => {
    const word = new RegExp(`^${CAPITALISED_WORD}`, 'u');
    expect('U.S. government'.match(word)?.[0]).toBe('U.S.');
    expect('U.N. envoy'.match(word)?.[0]).toBe('U.N.');
    expect("O'Brien said".match(word)?.[0]).toBe("O'Brien");
    expect('US troops'.match(word)?.[0]).toBe('US');
  });

  it('gives the agent after "by" with its initialism, not its first letter', () => {
    const answer = best('Officials said the harbour plan was led by the U.S. government.', 'Who led the harbour plan?');
    expect(answer).not.toBe('U');
    expect(answer).toContain('U.S.');
  });

  it('finds a place written as an initialism after a preposition', () => {
    const text = 'The engineers trained in the U.K. before the works began.';
    const parsed = parseArticle(`Harbour works\n\n${text}\n`, { now, origin: '/p.txt' });
    if (!parsed.ok) throw new Error('parse failed');
    const names = placesIn(text, parsed.article, 0).map((p) => p.text);
    expect(names).not.toContain('U');
  });
});

describe('accents', () => {
  it('matches a word written with and without its accent ("communiqué", "communique")', () => {
    const text = 'The ministers issued a communiqué on 4 March 1975 that ended the dispute.';
    expect(best(text, 'When did the ministers issue the communique?')).toBe('4 March 1975');
    expect(best('Talks in Zurich began on 9 May 1988 after a long delay.', 'When did talks in Zürich begin?')).toBe('9 May 1988');
  });
});
