// /remind list's "Not scheduled": the articles with day-precise events that give no reminder, each with
// why, kept in the library's own order (newest first) as articles come and go. A listing reads the
// first few of them instead of asking every article of the library why (issue 17).
import { insertInOrder, newestFirst, removeInOrder, type LibraryChange, type TrackedArticle } from '../articles/library';
import { noReminderReason } from './plan';

interface Entry {
  tracked: TrackedArticle;
  why: string;
}

export interface NotScheduledPage {
  /** The first `limit` articles accepted, newest first. */
  shown: { headline: string; why: string }[];
  /** How many articles are accepted in all. */
  count: number;
}

export class NotScheduled {
  /** Only the articles that have a reason, in the library's order. */
  private entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();

  /** `freshDays`: ARTICLE_FRESH_DAYS, which decides what is archive news. */
  constructor(private readonly freshDays?: number) {}

  /** Starts again from every article of a library (its order need not be kept: it is sorted here). */
  rebuild(articles: Iterable<TrackedArticle>): void {
    this.entries = [];
    this.byId.clear();
    for (const tracked of articles) {
      const why = noReminderReason(tracked, this.freshDays);
      if (why === undefined) continue;
      const entry = { tracked, why };
      this.byId.set(tracked.article.id, entry);
      this.entries.push(entry);
    }
    this.entries.sort((a, b) => newestFirst(a.tracked, b.tracked));
  }

  /** Follows one library change: only the article it names is looked at. */
  apply(change: LibraryChange): void {
    if (change.type !== 'removed' && change.previous) this.remove(change.previous.article.id);
    this.remove(change.tracked.article.id);
    if (change.type !== 'removed') this.add(change.tracked);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * The first `limit` articles `keep` accepts, and how many it accepts in all. Without `keep` (every
   * article visible) that reads `limit` entries; with it, the count needs every entry with a reason.
   */
  page(limit: number, keep?: (tracked: TrackedArticle) => boolean): NotScheduledPage {
    const shown: NotScheduledPage['shown'] = [];
    if (!keep) {
      for (const e of this.entries.slice(0, limit)) shown.push({ headline: e.tracked.article.headline, why: e.why });
      return { shown, count: this.entries.length };
    }
    let count = 0;
    for (const e of this.entries) {
      if (!keep(e.tracked)) continue;
      if (shown.length < limit) shown.push({ headline: e.tracked.article.headline, why: e.why });
      count++;
    }
    return { shown, count };
  }

  private add(tracked: TrackedArticle): void {
    const why = noReminderReason(tracked, this.freshDays);
    if (why === undefined) return;
    const entry = { tracked, why };
    this.byId.set(tracked.article.id, entry);
    insertInOrder(this.entries, entry);
  }

  private remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    removeInOrder(this.entries, entry);
  }
}
