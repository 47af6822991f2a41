// The tracked articles, in memory, with lookup by id or headline. Ingestion (ingest.ts) fills it.
import type { Article } from './model';

export interface TrackedArticle {
  article: Article;
  /** File path or URL it came from. */
  origin: string;
  /** When Herald ingested (or last re-ingested) it. */
  ingestedAt: Date;
}

export type LibraryChange =
  | { type: 'added' | 'updated'; tracked: TrackedArticle; previous?: TrackedArticle }
  | { type: 'removed'; tracked: TrackedArticle };

export interface ArticleLibrary {
  /** Most recently ingested first. */
  list(): TrackedArticle[];
  get(id: string): TrackedArticle | undefined;
  /** No query → the most recently ingested. Otherwise id, exact headline, or a unique headline match. */
  resolve(query?: string): TrackedArticle | undefined;
  /** Autocomplete: articles whose headline (or id) contains every word of the query. */
  suggest(query: string, limit?: number): TrackedArticle[];
  size(): number;
}

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export class MemoryLibrary implements ArticleLibrary {
  private byId = new Map<string, TrackedArticle>();
  private byOrigin = new Map<string, string>();
  private listeners: ((change: LibraryChange) => void)[] = [];

  onChange(listener: (change: LibraryChange) => void): void {
    this.listeners.push(listener);
  }

  /** Adds or replaces the article that came from `origin`. */
  upsert(tracked: TrackedArticle): LibraryChange {
    const previousId = this.byOrigin.get(tracked.origin);
    const previous = previousId ? this.byId.get(previousId) : undefined;
    if (previous) this.byId.delete(previous.article.id);
    this.byId.set(tracked.article.id, tracked);
    this.byOrigin.set(tracked.origin, tracked.article.id);
    const change: LibraryChange = previous ? { type: 'updated', tracked, previous } : { type: 'added', tracked };
    for (const l of this.listeners) l(change);
    return change;
  }

  removeOrigin(origin: string): LibraryChange | undefined {
    const id = this.byOrigin.get(origin);
    const tracked = id ? this.byId.get(id) : undefined;
    if (!tracked) return undefined;
    this.byId.delete(tracked.article.id);
    this.byOrigin.delete(origin);
    const change: LibraryChange = { type: 'removed', tracked };
    for (const l of this.listeners) l(change);
    return change;
  }

  byOriginPath(origin: string): TrackedArticle | undefined {
    const id = this.byOrigin.get(origin);
    return id ? this.byId.get(id) : undefined;
  }

  origins(): string[] {
    return [...this.byOrigin.keys()];
  }

  list(): TrackedArticle[] {
    return [...this.byId.values()].sort(
      (a, b) => b.ingestedAt.getTime() - a.ingestedAt.getTime() || a.article.headline.localeCompare(b.article.headline),
    );
  }

  get(id: string): TrackedArticle | undefined {
    return this.byId.get(id);
  }

  size(): number {
    return this.byId.size;
  }

  resolve(query?: string): TrackedArticle | undefined {
    if (query === undefined || query.trim() === '') return this.list()[0];
    const exact = this.byId.get(query.trim());
    if (exact) return exact;
    const q = norm(query);
    const all = this.list();
    const byHeadline = all.find((t) => norm(t.article.headline) === q);
    if (byHeadline) return byHeadline;
    const matches = this.suggest(query, 2);
    return matches.length === 1 ? matches[0] : undefined;
  }

  suggest(query: string, limit = 25): TrackedArticle[] {
    const words = norm(query).split(' ').filter(Boolean);
    const out: TrackedArticle[] = [];
    for (const t of this.list()) {
      const hay = `${norm(t.article.headline)} ${t.article.id}`;
      if (words.every((w) => hay.includes(w))) {
        out.push(t);
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}
