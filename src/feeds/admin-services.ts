// Feed following and announcement watches, as commands (/feed, /watch, /status) see them.
// Implemented by FeedMonitor and WatchRegistry (src/feeds/monitor.ts, src/feeds/watches.ts).

export interface FeedInfo {
  url: string;
  title?: string;
  /** 'global': from FEEDS in .env, announced to every server's watches; 'server': added with /feed add. */
  scope: 'global' | 'server';
  /** Consecutive failed polls (0 = healthy). */
  failures: number;
  lastError?: string;
  lastOkAt?: Date;
  /** Set while backing off after failures. */
  nextAttemptAt?: Date;
  /** The channel its items are routed to (server feeds only). */
  channelId?: string;
  /** Its own poll interval in minutes (none: FEED_POLL). */
  pollMinutes?: number;
  /** Its filter, described (none: every item). */
  filter?: string;
}

export type FeedAddResult =
  | { ok: true; feed: FeedInfo; created: boolean; itemsRecorded: number; backfilled?: number }
  | { ok: false; reason: string };

export interface FeedAddOptions {
  /** Route its items to this channel from the first poll on. */
  channelId?: string;
  /** Its own poll interval in minutes (already checked against the floor). */
  pollMinutes?: number;
  /** Announce the newest N items once, now (default 0: the current items are only recorded). */
  backfill?: number;
  /** The route's channel is a forum (each item a forum post). */
  forum?: boolean;
}

export interface FeedService {
  list(guildId: string | null): Promise<FeedInfo[]>;
  /** Fetches the feed once (so a bad URL is refused now) and records its current items without announcing them
   * (except the newest `backfill` ones, announced once). */
  add(input: { url: string; guildId: string; userId: string } & FeedAddOptions): Promise<FeedAddResult>;
  remove(input: { url: string; guildId: string }): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Feeds currently failing, for /status. */
  /** Failing feeds; with `guildId`, only that server's and the global ones. */
  failing(guildId?: string | null): { url: string; lastError: string; failures: number }[];
}

export interface WatchInfo {
  channelId: string;
  topic?: string;
  /** Why announcements to the channel stopped (missing access, unknown channel). */
  broken?: string;
  /** Set for a feed's route: only that feed's items go to this channel. */
  feed?: { url: string; title?: string };
  /** Its filter, described (none: no filter). */
  filter?: string;
  format?: 'embed' | 'text';
  template?: string;
  /** The role each announcement pings (opt-in). */
  pingRoleId?: string;
  /** A thread is opened under each announcement. */
  openThread?: boolean;
  /** Each announcement is published to following servers (announcement channels). */
  publish?: boolean;
  /** Why the last thread or publish failed. */
  actionError?: string;
  /** A forum channel: each article is a forum post. */
  forum?: boolean;
  /** Webhook delivery in this channel. */
  webhook?: WebhookInfo;
}

/** A channel's webhook delivery as admins see it (never the webhook's token). */
export interface WebhookInfo {
  channelId: string;
  name: string;
  avatarUrl?: string;
  /** Set while posts go out as Herald's own messages instead, with why. */
  fallback?: string;
}

export interface WatchService {
  list(guildId: string): Promise<WatchInfo[]>;
  subscribe(input: { guildId: string; channelId: string; topic?: string; userId: string; forum?: boolean }): Promise<WatchInfo>;
  /** Narrows (or with null widens) the watch of one channel, or of every watch in the server when channelId is omitted. */
  setTopic(input: { guildId: string; channelId?: string; topic: string | null }): Promise<{ ok: true; watches: WatchInfo[] } | { ok: false; reason: string }>;
  /** Stops announcements to one channel, or to every channel of the server; returns how many stopped. */
  off(input: { guildId: string; channelId?: string }): Promise<number>;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; reason: string };

/** What an admin changes about a watch's or route's messages; fields left out stay as they are. */
export interface DeliveryPatch {
  /** Words and patterns, as typed (feeds/filters.ts buildFilter: "-" clears a part). */
  filter?: import('./filters').FilterInput;
  /** null: back to Herald's own text. */
  template?: string | null;
  format?: 'embed' | 'text';
  /** null: no ping. */
  pingRoleId?: string | null;
  /** Open a thread under each announcement. */
  openThread?: boolean;
  /** Publish each announcement to following servers (announcement channels). */
  publish?: boolean;
}

/** Routing, filters, templates, role pings and previews for a server's feeds and watches (server admins). */
export interface DeliveryService {
  /** FEED_MIN_INTERVAL in minutes: the shortest per-feed poll interval. */
  readonly minIntervalMinutes: number;
  route(input: { guildId: string; url: string; channelId: string | null; userId: string; forum?: boolean }): Promise<Outcome<{ feed: FeedInfo }>>;
  /**
   * Webhook delivery in a watched (or routed-to) channel: creates the webhook with the server's name and
   * avatar, or keeps the setting with the reason posts fall back to Herald's own messages; `off` goes back
   * to Herald's own messages (and deletes the webhook).
   */
  configureWebhook(input: { guildId: string; channelId: string; userId: string; name?: string; avatarUrl?: string | null; off?: boolean }): Promise<Outcome<{ webhook?: WebhookInfo }>>;
  setInterval(input: { guildId: string; url: string; minutes: number | null }): Promise<Outcome<{ feed: FeedInfo }>>;
  /** The feed's filter (every place its items go) and, when it is routed, its route's template, format and ping. */
  configureFeed(input: { guildId: string; url: string; patch: DeliveryPatch }): Promise<Outcome<{ feed: FeedInfo; route?: WatchInfo }>>;
  /** One watched channel's settings, or every channel watch of the server when channelId is omitted. */
  configureWatch(input: { guildId: string; channelId?: string; patch: DeliveryPatch }): Promise<Outcome<{ watches: WatchInfo[] }>>;
  previewFeed(input: { guildId: string; url: string }): Promise<PreviewOutcome>;
  previewWatch(input: { guildId: string; channelId: string }): Promise<PreviewOutcome>;
}

export type PreviewOutcome =
  | { ok: true; reply: import('../core/reply').Reply; article?: string; queued: boolean; channelId: string }
  | { ok: false; reason: string };

export type OpmlImportReport =
  | { ok: true; added: FeedInfo[]; already: string[]; failed: { url: string; reason: string }[]; skipped: string[] }
  | { ok: false; reason: string };

/** A server's feed list in and out as OPML (/feed import, /feed export). */
export interface OpmlService {
  /** The server's own feeds (not FEEDS from the configuration). */
  exportFeeds(guildId: string): Promise<{ opml: string; count: number }>;
  importFeeds(input: { guildId: string; userId: string; data: Uint8Array }): Promise<OpmlImportReport>;
}
