// Question answering over the tracked articles, as /ask sees it: one in-memory index over every
// tracked article's sentences, kept in step with the library, answering in a few milliseconds.
import type { TrackedArticle } from '../../articles/library';
import type { LibraryChange } from '../../articles/library';
import { answerQuestion, type AskResult } from './answer';
import { CorpusIndex } from './corpus-index';

export type { AskResult, AskAnswer, AskDecline, Citation } from './answer';

export interface AskOptions {
  /** Only this article (its id); otherwise every tracked article. */
  articleId?: string;
  now: Date;
  /** Calibration runs only: the best answer whatever its score. */
  undecided?: boolean;
  /** Only articles this accepts (by id): a server's view. */
  visible?: (articleId: string) => boolean;
}

export interface AskService {
  ask(question: string, options: AskOptions): AskResult | { ok: false; type: 'unknown-article'; articleId: string };
  /** Articles and sentences indexed. */
  stats(): { articles: number; sentences: number };
}

/** What the service needs of the library: its articles now, and news of changes. */
export interface AskSource {
  list(): TrackedArticle[];
  onChange?(listener: (change: LibraryChange) => void): void;
}

export function createAskService(source: AskSource): AskService {
  const index = new CorpusIndex();
  let built = false;
  const build = () => {
    if (built) return;
    built = true;
    for (const t of source.list()) index.add(t);
    index.trim();
  };
  source.onChange?.((change) => {
    if (!built) return;
    if (change.type === 'removed') index.remove(change.tracked.article.id);
    else {
      if (change.previous) index.remove(change.previous.article.id);
      index.add(change.tracked);
    }
  });
  return {
    ask(question, options) {
      build();
      const only = options.articleId === undefined ? undefined : index.article(options.articleId);
      if (options.articleId !== undefined && !only) return { ok: false, type: 'unknown-article', articleId: options.articleId };
      if (only && options.visible && !options.visible(only.tracked.article.id)) return { ok: false, type: 'unknown-article', articleId: options.articleId as string };
      return answerQuestion(index, question, { now: options.now, article: only, undecided: options.undecided, visible: options.visible });
    },
    stats() {
      build();
      return { articles: index.size, sentences: index.sentenceCount };
    },
  };
}
