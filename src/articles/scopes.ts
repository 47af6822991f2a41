// Who may see an article. The operator's articles (ARTICLES_DIR, FEEDS) are everyone's; an item of a
// feed a server added with /feed add is that server's (and every other server that follows a feed
// carrying it). The library keeps one parsed copy per content; visibility is per origin (file or item
// link) and an article is visible to a server when any origin holding it is: a shared story keeps one
// copy, and no server's items hide, move or reveal another's.
import type { ArticleLibrary, LoadProgress, MemoryLibrary, TrackedArticle } from './library';

/** Owner key of the operator's origins (everyone sees them). */
export const EVERYONE = '';

/**
 * A viewer: a server id; null in DMs and for the operator's REMINDER_CHANNEL_ID (the operator's
 * articles only); undefined for the operator's own tools (everything).
 */
export type Viewer = string | null | undefined;

export class ArticleScopes {
  /** origin → owners. An origin never granted (an article file) is everyone's. */
  private readonly owners = new Map<string, Set<string>>();
  /** Origins held by servers only (not by the operator): none means every article is everyone's. */
  private serverOnly = 0;
  private readonly listeners: ((origin: string) => void)[] = [];

  /** Called when an origin gains an owner (a server now sees what it holds). */
  onGrant(listener: (origin: string) => void): void {
    this.listeners.push(listener);
  }

  constructor(private readonly library: MemoryLibrary) {}

  /** `owner` (a server id, or null for the operator) holds `origin`. Returns whether that is news. */
  grant(origin: string, owner: string | null): boolean {
    const key = owner ?? EVERYONE;
    let set = this.owners.get(origin);
    if (!set) this.owners.set(origin, (set = new Set()));
    if (set.has(key)) return false;
    const wasServerOnly = set.size > 0 && !set.has(EVERYONE);
    set.add(key);
    const isServerOnly = !set.has(EVERYONE);
    this.serverOnly += Number(isServerOnly) - Number(wasServerOnly);
    for (const l of this.listeners) l(origin);
    return true;
  }

  /** Forgets what was granted for `origin` (it left the library). */
  forget(origin: string): void {
    const set = this.owners.get(origin);
    if (set && !set.has(EVERYONE)) this.serverOnly--;
    this.owners.delete(origin);
  }

  /** Whether any origin is held by servers alone (else every article is everyone's: the fast path). */
  get scoped(): boolean {
    return this.serverOnly > 0;
  }

  /** Whether `viewer` may see what `origin` holds. */
  originVisible(origin: string, viewer: Viewer): boolean {
    if (viewer === undefined) return true;
    const set = this.owners.get(origin);
    if (!set || set.has(EVERYONE)) return true;
    return viewer !== null && set.has(viewer);
  }

  /** The servers (and EVERYONE) `origin` belongs to; undefined for an article file (everyone's). */
  ownersOf(origin: string): ReadonlySet<string> | undefined {
    return this.owners.get(origin);
  }

  /**
   * The article as `viewer` sees it: undefined when no origin holding it is visible; else with the first
   * origin the viewer may see (so /source and reminders never name another server's feed item).
   */
  view(tracked: TrackedArticle, viewer: Viewer): TrackedArticle | undefined {
    if (this.originVisible(tracked.origin, viewer)) return tracked;
    for (const origin of this.library.originsOf(tracked.article.id)) {
      if (origin !== tracked.origin && this.originVisible(origin, viewer)) return { ...tracked, origin };
    }
    return undefined;
  }

  visible(tracked: TrackedArticle, viewer: Viewer): boolean {
    return this.view(tracked, viewer) !== undefined;
  }
}

/** The library as one viewer sees it (articles/scopes.ts): what every command, autocomplete and /status reads. */
export class ScopedLibrary implements ArticleLibrary {
  private readonly keep = (tracked: TrackedArticle) => this.scopes.visible(tracked, this.viewer);

  constructor(
    private readonly library: MemoryLibrary,
    private readonly scopes: ArticleScopes,
    readonly viewer: Viewer,
  ) {}

  private seen = (tracked: TrackedArticle | undefined) => (tracked ? this.scopes.view(tracked, this.viewer) : undefined);

  list(): TrackedArticle[] {
    if (!this.scopes.scoped) return this.library.list();
    return this.library.list(this.keep).map((t) => this.seen(t) as TrackedArticle);
  }

  get(id: string): TrackedArticle | undefined {
    return this.seen(this.library.get(id));
  }

  resolve(query?: string): TrackedArticle | undefined {
    return this.seen(this.library.resolve(query, this.scopes.scoped ? this.keep : undefined));
  }

  suggest(query: string, limit?: number): TrackedArticle[] {
    if (!this.scopes.scoped) return this.library.suggest(query, limit);
    return this.library.suggest(query, limit, this.keep).map((t) => this.seen(t) as TrackedArticle);
  }

  loading(): LoadProgress | undefined {
    return this.library.loading();
  }

  size(): number {
    return this.scopes.scoped ? this.library.list(this.keep).length : this.library.size();
  }

  /** Whether the viewer may see the article with this id. */
  sees(articleId: string): boolean {
    const tracked = this.library.get(articleId);
    return tracked !== undefined && this.keep(tracked);
  }

  /** The filter for other indexes (stories, /ask), or undefined when every article is everyone's. */
  filter(): ((tracked: TrackedArticle) => boolean) | undefined {
    return this.scopes.scoped ? this.keep : undefined;
  }

  /** The article as this viewer sees it (its origin one the viewer may see). */
  view(tracked: TrackedArticle): TrackedArticle | undefined {
    return this.seen(tracked);
  }
}
