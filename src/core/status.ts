// Collects what /status shows from the parts that know it.
import type { ArticleLibrary } from '../articles/library';
import type { StatusSnapshot, StatusSource } from './services';

export type StatusContributor = (now: Date) => Partial<Omit<StatusSnapshot, 'startedAt' | 'articlesTracked' | 'lastError'>>;

export class Status implements StatusSource {
  private lastError: StatusSnapshot['lastError'] = null;
  private contributors: StatusContributor[] = [];

  constructor(
    private readonly startedAt: Date,
    private readonly articles: ArticleLibrary,
  ) {}

  contribute(contributor: StatusContributor): void {
    this.contributors.push(contributor);
  }

  recordError(error: { message: string; id?: string }, at: Date): void {
    this.lastError = { at, message: error.message, id: error.id };
  }

  snapshot(now: Date): StatusSnapshot {
    const base: StatusSnapshot = {
      startedAt: this.startedAt,
      articlesTracked: this.articles.size(),
      nextPost: null,
      lastError: this.lastError,
      missedReminders: 0,
      brokenSubscriptions: [],
      failingFeeds: [],
    };
    for (const c of this.contributors) Object.assign(base, c(now));
    return base;
  }
}
