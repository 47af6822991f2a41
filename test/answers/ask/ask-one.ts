// /ask over a library of one article made from `text` (headed "Test history"), for the tests that check
// how a sentence of their own is read: one helper instead of a copy in each file.
import { MemoryLibrary } from '../../../src/articles/library';
import { parseArticle } from '../../../src/articles/parse';
import { createAskService, type AskResult } from '../../../src/answers/ask/ask';

export const ASK_NOW = new Date('2026-11-27T12:00:00Z');

/**
 * /ask's result for `question` over `text`; `undecided` keeps the answer read even where /ask would not give it
 * directly; `headline` heads the article (else "Test history").
 */
export function askOne(text: string, question: string, options: { undecided?: boolean; headline?: string } = {}): AskResult {
  const library = new MemoryLibrary();
  const parsed = parseArticle(`${options.headline ?? 'Test history'}\n\n${text}\n`, { now: ASK_NOW, origin: '/t.txt' });
  if (!parsed.ok) throw new Error('parse failed');
  library.upsert({ article: parsed.article, origin: '/t.txt', ingestedAt: ASK_NOW });
  return createAskService(library).ask(question, { now: ASK_NOW, undecided: options.undecided }) as AskResult;
}
