// The `article` option every article command shares: its definition, its autocomplete over
// headlines, and resolving what the user typed (or nothing: the most recently ingested article).
import { z } from 'zod';
import { OptionType, type OptionDefinition } from '../core/command';
import type { Choice, Reply } from '../core/reply';
import { userError } from '../core/reply';
import type { ArticleLibrary, TrackedArticle } from '../articles/library';
import { foldAccents } from '../language/accents';

export const articleOption: OptionDefinition = {
  type: OptionType.String,
  name: 'article',
  description: 'Which article (default: the most recently added)',
  required: false,
  autocomplete: true,
};

/** Optional text option: trimmed, empty counts as absent. */
export const optionalText = z
  .string()
  .max(200, 'at most 200 characters')
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

export const noSuchArticle = (): Reply => userError('No such article — see /articles.');

/** While the start-up load runs, an article not found may simply not be loaded yet. */
const notLoadedYet = (p: { done: number; total: number }): Reply =>
  userError(`No such article among those loaded so far — Herald is still loading its articles (${p.done.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} files read). Try again in a moment.`);

export const noArticles = (): Reply =>
  userError('Herald is not tracking any article yet. Add article files to the articles folder (or a feed), then try again.');

export type ArticleLookup = { ok: true; tracked: TrackedArticle } | { ok: false; reply: Reply };

export function lookupArticle(library: ArticleLibrary, query: string | undefined): ArticleLookup {
  const tracked = library.resolve(query);
  if (tracked) return { ok: true, tracked };
  const loading = library.loading?.();
  if (loading) return { ok: false, reply: notLoadedYet(loading) };
  return { ok: false, reply: query === undefined && library.size() === 0 ? noArticles() : noSuchArticle() };
}

/** Autocomplete choices: the headline shown, the article id sent back. */
export function suggestArticles(library: ArticleLibrary, typed: string): Choice[] {
  return library.suggest(typed, 25).map((t) => ({ name: t.article.headline || t.article.id, value: t.article.id }));
}

/** Lower-case words without punctuation or accents, for forgiving matches. */
export function normalise(text: string): string {
  return foldAccents(text.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Every word of the query appears (as a word prefix) in the text. */
export function matchesWords(query: string, text: string): boolean {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = normalise(text).split(' ');
  return words.every((w) => hay.some((h) => h.startsWith(w)));
}
