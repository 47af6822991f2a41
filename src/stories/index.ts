// Stories: tracked articles grouped by storyScore links. Keeps each article's signature up to date
// through the library's change events; storyOf(articleId) gives the whole story for /brief.
import type { LibraryChange, MemoryLibrary, TrackedArticle } from '../articles/library';
import type { Article } from '../articles/model';
import { movedEvents, sameStory, signature, storyScore, type DateMove, type StorySignature } from './link';

export interface Story {
  /** Every article of the story, oldest first (publication date, else ingestion time). */
  articles: TrackedArticle[];
  /** The article the story started with. */
  first: TrackedArticle;
}

export interface StoryLink {
  tracked: TrackedArticle;
  score: number;
  /** Events the newer article moved to another date. */
  moves: DateMove[];
}

/** What /brief (and reminders) need from stories. */
export interface StoryLookup {
  /** The story an article belongs to, oldest article first. */
  storyOf(articleId: string): Story | undefined;
  /** Events of older articles on the same story that this article moved to another date (optional: test doubles may omit it). */
  supersededBy?(articleId: string): { origin: string; eventId: string; from: string; to: string }[];
}

export class StoryIndex implements StoryLookup {
  private signatures = new Map<string, StorySignature>();

  constructor(private readonly library: MemoryLibrary) {
    for (const t of library.list()) this.signatures.set(t.article.id, signature(t.article));
    library.onChange((change) => this.apply(change));
  }

  private apply(change: LibraryChange): void {
    if (change.type === 'removed') {
      this.signatures.delete(change.tracked.article.id);
      return;
    }
    if (change.previous) this.signatures.delete(change.previous.article.id);
    this.signatures.set(change.tracked.article.id, signature(change.tracked.article));
  }

  private sig(article: Article): StorySignature {
    return this.signatures.get(article.id) ?? signature(article);
  }

  /** The tracked article (other than `article` and anything from the same origin) that it best continues. */
  bestLink(article: Article, origin?: string): StoryLink | undefined {
    const mine = this.sig(article);
    let best: StoryLink | undefined;
    for (const t of this.library.list()) {
      if (t.article.id === article.id || (origin && t.origin === origin)) continue;
      const theirs = this.sig(t.article);
      const s = storyScore(mine, theirs);
      if (!sameStory(s)) continue;
      if (!best || s.score > best.score) best = { tracked: t, score: s.score, moves: movedEvents(theirs, mine) };
    }
    return best;
  }

  /**
   * Events of other (older) tracked articles that this article moved to another date: what a reminder
   * keyed by (origin, event id) should treat as superseded. Only articles published no earlier count.
   */
  supersededBy(articleId: string): { origin: string; eventId: string; from: string; to: string }[] {
    const newer = this.library.get(articleId);
    if (!newer) return [];
    const mine = this.sig(newer.article);
    const out: { origin: string; eventId: string; from: string; to: string }[] = [];
    for (const t of this.library.list()) {
      if (t.article.id === articleId || t.origin === newer.origin || when(t) > when(newer)) continue;
      const theirs = this.sig(t.article);
      if (!sameStory(storyScore(mine, theirs))) continue;
      for (const m of movedEvents(theirs, mine)) out.push({ origin: t.origin, eventId: m.eventId, from: m.from, to: m.to });
    }
    return out;
  }

  /** The story an article belongs to (just itself when nothing links to it); undefined for an unknown id. */
  storyOf(articleId: string): Story | undefined {
    const start = this.library.get(articleId);
    if (!start) return undefined;
    const all = this.library.list();
    const members = new Map<string, TrackedArticle>([[articleId, start]]);
    const queue = [start];
    while (queue.length > 0) {
      const current = queue.shift() as TrackedArticle;
      const cs = this.sig(current.article);
      for (const t of all) {
        if (members.has(t.article.id)) continue;
        if (sameStory(storyScore(cs, this.sig(t.article)))) {
          members.set(t.article.id, t);
          queue.push(t);
        }
      }
    }
    const articles = [...members.values()].sort((a, b) => when(a) - when(b) || a.article.headline.localeCompare(b.article.headline));
    return { articles, first: articles[0] };
  }
}

function when(t: TrackedArticle): number {
  return t.article.published.date ? Date.parse(`${t.article.published.date}T00:00:00Z`) : t.ingestedAt.getTime();
}
