// Collects what /status shows from the parts that know it.

export interface StatusSnapshot {
  startedAt: Date;
  articlesTracked: number;
  /** While the start-up load runs: article files settled so far of those it reads. */
  loading?: { done: number; total: number };
  /** Next reminder post (any channel), if one is scheduled. */
  nextPost: { at: Date; description: string; channelId: string } | null;
  /** The soonest post of each reminder channel, soonest first (at most 5); the status page lists them. */
  nextPosts?: { at: Date; description: string; channelId: string }[];
  lastError: { at: Date; message: string; id?: string } | null;
  missedReminders: number;
  /** Members' own reminders (Remind me) the viewer's server holds; absent where Herald keeps none (no member store). */
  memberReminders?: { pending: number; missed: number; failed: number };
  brokenSubscriptions: { channelId: string; reason: string }[];
  failingFeeds: { url: string; lastError: string; failures: number }[];
  /** Channels with webhook delivery whose announcements go out as Herald's own messages, and why. */
  webhookFallbacks?: { channelId: string; reason: string }[];
  /** Set when posting stopped because Discord rejected the token (401): no reminder or announcement goes out. */
  postingStopped?: { reason: string; at: Date } | null;
}

export interface StatusSource {
  /** With `guildId` (null in DMs), only that server's and global items; without it, everything. */
  snapshot(now: Date, guildId?: string | null): StatusSnapshot;
  /**
   * `guildId`: the server whose command failed (null: in a DM); its /status alone shows it (and the
   * operator's status page). Errors of the process itself (no guildId given) are shown to everyone, as
   * `toServers` when given: a bug's message (an unhandled rejection) may carry any server's data.
   */
  recordError(error: { message: string; id?: string; guildId?: string | null; toServers?: string }, at: Date): void;
}

/** `guildId`: the server asking (null in DMs), whose view is limited to its own and global items; undefined = everything. */
export type StatusContributor = (now: Date, guildId?: string | null) => Partial<Omit<StatusSnapshot, 'startedAt' | 'articlesTracked' | 'lastError' | 'loading'>>;

/** Whether an item of `owner` (null = global, e.g. REMINDER_CHANNEL_ID or FEEDS) may be shown to `viewer`. */
export function visibleTo(owner: string | null, viewer: string | null | undefined): boolean {
  return viewer === undefined || owner === null || owner === '' || owner === viewer;
}

/** How many recent errors the status page lists. */
export const RECENT_ERRORS = 10;

/** What the status needs of the article library: how many articles, and the start-up load's progress. */
export interface CountedArticles {
  size(): number;
  loading?(): { done: number; total: number } | undefined;
}

type RecordedError = NonNullable<StatusSnapshot['lastError']> & { owner: string | null; toServers?: string };

/** A command's error in a DM is no server's: only the status page shows it. */
const IN_DM = 'dm';

export class Status implements StatusSource {
  private recent: RecordedError[] = [];
  private contributors: StatusContributor[] = [];

  constructor(
    private readonly startedAt: Date,
    private readonly articles: CountedArticles,
    /** A server's view of the library (per-server libraries); without it every server counts every article. */
    private readonly articlesFor?: (guildId: string | null) => CountedArticles,
  ) {}

  contribute(contributor: StatusContributor): void {
    this.contributors.push(contributor);
  }

  recordError(error: { message: string; id?: string; guildId?: string | null; toServers?: string }, at: Date): void {
    const owner = error.guildId === undefined ? null : (error.guildId ?? IN_DM);
    const toServers = owner === null ? error.toServers : undefined;
    this.recent = [{ at, message: error.message, id: error.id, owner, ...(toServers !== undefined ? { toServers } : {}) }, ...this.recent].slice(0, RECENT_ERRORS);
  }

  /** The last errors, newest first (at most RECENT_ERRORS). */
  recentErrors(): NonNullable<StatusSnapshot['lastError']>[] {
    return this.recent.map((e) => shown(e));
  }

  get started(): Date {
    return this.startedAt;
  }

  snapshot(now: Date, guildId?: string | null): StatusSnapshot {
    const base: StatusSnapshot = {
      startedAt: this.startedAt,
      articlesTracked: guildId === undefined || !this.articlesFor ? this.articles.size() : this.articlesFor(guildId).size(),
      ...(this.articles.loading?.() ? { loading: this.articles.loading() } : {}),
      nextPost: null,
      // Another server's failure is not this server's to read (its message may carry that server's data).
      lastError: ((e) => (e ? shown(e, guildId) : null))(this.recent.find((e) => visibleTo(e.owner, guildId))),
      missedReminders: 0,
      brokenSubscriptions: [],
      failingFeeds: [],
    };
    for (const c of this.contributors) Object.assign(base, c(now, guildId));
    return base;
  }
}

/** An error as `viewer` sees it (undefined: the operator's status page, every message whole). */
const shown = ({ owner: _owner, toServers, ...error }: RecordedError, viewer?: string | null): NonNullable<StatusSnapshot['lastError']> =>
  viewer !== undefined && toServers !== undefined ? { ...error, message: toServers } : error;
