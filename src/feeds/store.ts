// The stores news monitoring needs, one per table group (declared here, implemented by store/feeds/ and
// store/postgres/feeds/): feeds and their poll state, seen items and stored feed articles, folder files,
// announcement watches, the announcement outbox and channels' webhooks. Async, so that the PostgreSQL implementation
// (several Herald processes on one database) and the SQLite one are interchangeable. Everything here is
// camelCase: the stores map their rows at the border (store/feed-rows.ts).
import type { PostAction } from '../core/poster';
import type { Reply } from '../core/reply';

/** A followed feed and its poll state, as the monitor sees it (store/feed-rows.ts maps the table's rows). */
export interface Feed {
  id: number;
  url: string;
  /** '' for a feed of FEEDS (everyone's). */
  guildId: string;
  origin: 'config' | 'command';
  addedBy: string | null;
  addedAt: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Once the first poll recorded the feed's items without announcing them. */
  baselineDone: boolean;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  failures: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** Minutes between polls of this feed; null: on FEED_POLL. */
  pollMinutes: number | null;
  /** The feed's own filter (JSON, feeds/filters.ts), applied to its items wherever they are announced. */
  filterJson: string | null;
}

/** A channel's watch (or, with feedId, a feed's route) and its delivery settings. */
export interface Watch {
  id: number;
  guildId: string;
  channelId: string;
  topic: string | null;
  createdBy: string | null;
  createdAt: string;
  brokenReason: string | null;
  /** Set: this watch is the route of that feed (only its items, to this channel). */
  feedId: number | null;
  filterJson: string | null;
  template: string | null;
  format: 'embed' | 'text';
  pingRoleId: string | null;
  /** Open a thread under each announcement. */
  openThread: boolean;
  /** Publish each announcement to following servers (announcement channels). */
  publish: boolean;
  /** Why the last thread or publish failed (shown in /watch list until the setting changes). */
  actionError: string | null;
  /** The channel is a forum: each announcement is a forum post (a thread with the message). */
  forum: boolean;
}

/** One announcement in the outbox, with the channel of its watch. */
export interface Announcement {
  watchId: number;
  articleKey: string;
  nonce: string;
  /** summarised: over a channel's per-minute cap, counted in a "…and N more" line instead of posted (feeds/announcer.ts). */
  status: 'pending' | 'posted' | 'failed' | 'summarised';
  replyJson: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  messageId: string | null;
  postedAt: string | null;
  lastError: string | null;
  channelId: string;
  /** Threads and publishing still to do once posted (JSON PostAction[]), or null. */
  actionsJson: string | null;
  actionAttempts: number;
  /** A forum post's name (the headline). */
  threadName: string | null;
  /** Set when a send without a nonce (webhook, forum post) started and its outcome is not recorded yet:
   * before sending again, Herald looks for a message made since then (a crash between post and record). */
  sendClaimedAt: string | null;
  /** What that send went through: the webhook id, or 'bot'. */
  sendVia: string | null;
}

/**
 * Article keys of summary lines ("…and N more"): exempt from the per-minute cap (they are what it
 * leaves).
 */
export const SUMMARY_KEY = 'summary:';
/** A channel's per-minute summary: `summary:channel:<channel id>:<when>`. */
export const CHANNEL_SUMMARY = `${SUMMARY_KEY}channel:`;

export interface PollSuccess {
  title: string;
  etag: string | null;
  lastModified: string | null;
  at: Date;
}

/** One announcement to queue: a (watch, article) pair is queued at most once, ever. */
export interface NewAnnouncement {
  watchId: number;
  articleKey: string;
  nonce: string;
  reply: Reply;
  /** What to do once it is posted (a thread under it, publishing it). */
  actions?: PostAction[];
  /** The name of the thread a forum post opens (the headline). */
  threadName?: string;
}

/** A channel's webhook setting. */
export interface ChannelWebhook {
  channelId: string;
  guildId: string;
  /** The name and avatar announcements carry (the server's choice). */
  name: string;
  avatarUrl: string | null;
  /** The webhook Herald created; null while posts fall back to Herald's own messages. */
  webhookId: string | null;
  /** A secret: never logged or shown (registered with the scrubber when read). */
  webhookToken: string | null;
  /** Why posts go out as Herald's own messages instead (missing permission, webhook deleted). */
  fallbackReason: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

export interface StoredFeedArticle {
  origin: string;
  /** '' for an article of FEEDS. */
  guildId: string;
  text: string;
  updatedAt: string;
}

/**
 * An item a feed listed before: its content hash, and the library origin it was taken under (null: not
 * taken).
 */
export interface SeenItem {
  contentHash: string;
  origin: string | null;
}

/** A watch's (or route's) delivery settings to change; fields left out stay. Changing openThread or
 * publish clears the recorded action error. */
export interface WatchSettingsPatch {
  filterJson?: string | null;
  template?: string | null;
  format?: 'embed' | 'text';
  pingRoleId?: string | null;
  openThread?: boolean;
  publish?: boolean;
}
/** The followed feeds and their poll state (table feeds). */
export interface FeedList {
  /** Adds the feed unless it is already followed in that scope; returns its row either way. */
  addFeed(input: { url: string; guildId: string | null; origin: 'config' | 'command'; addedBy?: string; at: Date }): Promise<{ row: Feed; created: boolean }>;
  removeFeed(url: string, guildId: string | null): Promise<boolean>;
  feedByUrl(url: string, guildId: string | null): Promise<Feed | undefined>;
  feed(id: number): Promise<Feed | undefined>;
  feeds(): Promise<Feed[]>;
  /** Feeds a guild sees: the global ones and its own. */
  feedsVisibleTo(guildId: string | null): Promise<Feed[]>;
  recordPollSuccess(id: number, result: PollSuccess): Promise<void>;
  recordNotModified(id: number, at: Date): Promise<void>;
  recordPollFailure(id: number, error: string, at: Date, nextAttemptAt: Date): Promise<void>;
  /**
   * Takes the right to poll a feed until `until` (several processes: one polls a feed at a time), unless
   * another holds it or the feed was polled after `notPolledSince` (another process already did this
   * round). Returns the row as it stands when taken, or undefined.
   */
  claimPoll(id: number, claim: { until: Date; notPolledSince: Date | null }, now: Date): Promise<Feed | undefined>;
  releasePoll(id: number): Promise<void>;
  /** After a restart: poll leases left by processes that are gone are freed. */
  releaseStalePolls(): Promise<void>;
  setFeedInterval(id: number, minutes: number | null): Promise<void>;
  setFeedFilter(id: number, filterJson: string | null): Promise<void>;
}

/**
 * The items feeds listed and the feed articles taken into the library (tables feed_items, feed_articles);
 * an item taken or shared queues its announcements in the same transaction, through the outbox.
 */
export interface FeedItemStore {
  /** The stored hash of an item of this feed, if seen before. */
  seenItem(feedId: number, itemKey: string): Promise<SeenItem | undefined>;
  /** True when a global feed ('' = FEEDS) or a feed of the same server already delivered this content. */
  hashSeen(contentHash: string, guildId: string): Promise<boolean>;
  recordItem(feedId: number, itemKey: string, contentHash: string, origin: string | null, at: Date): Promise<void>;
  /** Records many items at once (a feed's first poll). */
  recordItems(feedId: number, items: { key: string; hash: string }[], at: Date): Promise<void>;
  saveArticle(origin: string, feedId: number, guildId: string | null, text: string, at: Date): Promise<void>;
  /**
   * An item taken into the library, in one transaction: its article text is stored, its announcements
   * queued and the item recorded as seen (a crash before the commit means the next poll takes it again).
   * Returns how many announcements were newly queued.
   */
  recordTakenItem(
    item: { feedId: number; itemKey: string; contentHash: string; origin: string; guildId: string | null; text: string; at: Date },
    announcements: NewAnnouncement[],
  ): Promise<number>;
  /**
   * Another feed (another server's, or FEEDS) carrying an item already taken under the same library
   * origin: in one transaction, its announcements are queued, the item recorded as seen, and the stored
   * article marked updated (so other processes on the database learn that this server now sees it).
   * Returns how many announcements were newly queued.
   */
  recordSharedItem(item: { feedId: number; itemKey: string; contentHash: string; origin: string; at: Date }, announcements: NewAnnouncement[]): Promise<number>;
  /** Whether a feed recorded an item with this content under this library origin (one parse per shared item). */
  originHasHash(origin: string, contentHash: string): Promise<boolean>;
  /** Library origin → the servers ('' = FEEDS, everyone) whose feeds carry it: per-server libraries. */
  originOwners(origins: string[]): Promise<Map<string, string[]>>;
  /** Stored feed articles, newest first. */
  articles(limit: number): Promise<StoredFeedArticle[]>;
  /** Stored feed articles updated after `after` (what other processes ingested), oldest first. */
  articlesUpdatedAfter(after: string, limit: number): Promise<StoredFeedArticle[]>;
  articleScope(origin: string): Promise<string | null | undefined>;
  /** Bounds the tables that grow with every item; returns how many rows went. */
  prune(limits: { itemsPerFeed: number; articles: number }): Promise<number>;
  /** Which feed (and server) a stored feed article came from. */
  articleSource(origin: string): Promise<{ feedId: number | null; guildId: string } | undefined>;
}

/**
 * The articles folder's files as last recorded (table folder_files); a changed file queues its
 * announcements in the same transaction, through the outbox.
 */
export interface FolderFileStore {
  folderFile(origin: string): Promise<{ contentHash: string } | undefined>;
  folderFileCount(): Promise<number>;
  /**
   * Records the file's content hash unless it is already recorded with it; only the caller that changed
   * the row queues `announcements` (in the same transaction), so a folder several processes watch is
   * announced once. Returns whether this call recorded the change.
   */
  recordFolderFile(origin: string, contentHash: string, at: Date, announcements?: NewAnnouncement[]): Promise<boolean>;
  forgetFolderFile(origin: string): Promise<void>;
}

/** Channels' watches and feeds' routes, with their delivery settings (table watches). */
export interface WatchStore {
  /** `forum`: the channel is a forum (kept as given; an existing watch keeps its flag when left out). */
  upsertWatch(input: { guildId: string; channelId: string; topic: string | null; createdBy: string; at: Date; forum?: boolean }): Promise<Watch>;
  setWatchTopic(id: number, topic: string | null): Promise<void>;
  markWatchBroken(id: number, reason: string): Promise<void>;
  removeWatches(guildId: string, channelId?: string): Promise<number>;
  watches(guildId?: string): Promise<Watch[]>;
  watch(id: number): Promise<Watch | undefined>;
  /** Routes a feed's items to a channel (replacing its earlier route), or with null un-routes it. */
  setRoute(input: { feedId: number; guildId: string; channelId: string | null; createdBy: string; at: Date; forum?: boolean }): Promise<Watch | undefined>;
  /** The route of a feed, if it has one. */
  routeOf(feedId: number): Promise<Watch | undefined>;
  /** Changes a watch's (or route's) delivery settings; fields left out stay. */
  setWatchSettings(id: number, patch: WatchSettingsPatch): Promise<void>;
  /** Records why a thread or publish failed for a watch (null clears it). */
  setWatchActionError(id: number, error: string | null): Promise<void>;
}

/** The announcement outbox (table announcements). */
export interface Outbox {
  /** The oldest announcement still waiting for a watch: the next message it will post. */
  nextPending(watchId: number): Promise<Announcement | undefined>;
  /** Queues announcements; returns how many were new. */
  enqueue(announcements: NewAnnouncement[], at: Date): Promise<number>;
  /**
   * Due announcements (pending, next attempt ≤ now, watch not broken), oldest first, reserved for the
   * caller until `leaseUntil`: no other caller gets them before then (or before the reserving
   * process is known dead, on PostgreSQL).
   */
  due(now: Date, limit: number, leaseUntil: Date): Promise<Announcement[]>;
  markPosted(watchId: number, articleKey: string, messageId: string, at: Date): Promise<void>;
  markRetry(watchId: number, articleKey: string, error: string, next: Date): Promise<void>;
  markFailed(watchId: number, articleKey: string, error: string): Promise<void>;
  /** Over its channel's per-minute cap: counted in a summary line instead of posted (its reservation ends). */
  markSummarised(watchId: number, articleKey: string): Promise<void>;
  /** Waits until `next` without counting an attempt (the channel's per-minute cap is reached; its reservation ends). */
  defer(watchId: number, articleKey: string, next: Date): Promise<void>;
  /**
   * A channel's announcements since `since`, whichever process posted them: when each was posted, and
   * when the latest per-minute summary line for the channel was queued (epoch ms; null: none).
   */
  channelWindow(channelId: string, since: Date): Promise<{ posted: number[]; lastSummary: number | null }>;
  /** After a restart: reservations left by processes that are gone become due now. Returns how many. */
  releaseStaleReservations(now: Date): Promise<number>;
  announcement(watchId: number, articleKey: string): Promise<Announcement | undefined>;
  /** The actions still to do for a posted announcement (null: none left); counts an attempt when `attempted`. */
  setAnnouncementActions(watchId: number, articleKey: string, actions: PostAction[] | null, attempted: boolean): Promise<void>;
  /** Posted announcements whose thread or publishing is still to do (a retry after a transient failure). */
  pendingActions(limit: number): Promise<Announcement[]>;
  /** Records that a send without a nonce starts (keeps the first claim's time); markPosted and markFailed clear it. */
  claimSend(watchId: number, articleKey: string, via: string, at: Date): Promise<void>;
  announcementCounts(): Promise<{ pending: number; posted: number; failed: number; summarised: number }>;
}

/** Channels' webhook settings (table channel_webhooks). */
export interface ChannelWebhookStore {
  channelWebhook(channelId: string): Promise<ChannelWebhook | undefined>;
  /** Every channel's webhook setting; with guildId, that server's. */
  channelWebhooks(guildId?: string): Promise<ChannelWebhook[]>;
  setChannelWebhook(input: { channelId: string; guildId: string; name: string; avatarUrl: string | null; webhookId: string | null; webhookToken: string | null; fallbackReason: string | null; updatedBy: string; at: Date }): Promise<void>;
  /** Posts fall back to Herald's own messages for this reason; `dropWebhook` forgets the webhook (deleted). */
  setWebhookFallback(channelId: string, reason: string, dropWebhook: boolean): Promise<void>;
  removeChannelWebhook(channelId: string): Promise<ChannelWebhook | undefined>;
}

/**
 * Everything news monitoring keeps, one store per table group (the composition root builds them on one
 * database).
 */
export interface FeedStore {
  feeds: FeedList;
  items: FeedItemStore;
  folderFiles: FolderFileStore;
  watches: WatchStore;
  outbox: Outbox;
  webhooks: ChannelWebhookStore;
}
