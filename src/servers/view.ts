// Per-server libraries: the services as one server sees them. Articles from ARTICLES_DIR and FEEDS
// are everyone's; a server's own /feed add items are that server's (articles/scopes.ts). Commands read
// `ctx.services`, which the router takes from forViewer(caller's server), so /articles, /ask, /brief,
// /when, /who, /facts, /source, /timeline, autocomplete and /status all see the same view.
import type { MemoryLibrary } from '../articles/library';
import { ScopedLibrary, type ArticleScopes } from '../articles/scopes';
import type { Services } from '../services';

export function viewFor(services: Services, library: MemoryLibrary, scopes: ArticleScopes, guildId: string | null): Services {
  const articles = new ScopedLibrary(library, scopes, guildId);
  const { stories, ask } = services;
  return {
    ...services,
    articles,
    stories: stories && {
      storyOf(articleId, keep) {
        const filter = articles.filter();
        const story = stories.storyOf(articleId, filter && keep ? (t) => filter(t) && keep(t) : filter ?? keep);
        if (!story) return undefined;
        const seen = story.articles.map((t) => articles.view(t) ?? t);
        return { articles: seen, first: seen[0] };
      },
    },
    ask: ask && {
      ask: (question, options) => ask.ask(question, articles.filter() ? { ...options, visible: (id) => articles.sees(id) } : options),
      stats: () => ask.stats(),
    },
  };
}
