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
}

export type FeedAddResult =
  | { ok: true; feed: FeedInfo; created: boolean; itemsRecorded: number }
  | { ok: false; reason: string };

export interface FeedService {
  list(guildId: string | null): Promise<FeedInfo[]>;
  /** Fetches the feed once (so a bad URL is refused now) and records its current items without announcing them. */
  add(input: { url: string; guildId: string; userId: string }): Promise<FeedAddResult>;
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
}

export interface WatchService {
  list(guildId: string): Promise<WatchInfo[]>;
  subscribe(input: { guildId: string; channelId: string; topic?: string; userId: string }): Promise<WatchInfo>;
  /** Narrows (or with null widens) the watch of one channel, or of every watch in the server when channelId is omitted. */
  setTopic(input: { guildId: string; channelId?: string; topic: string | null }): Promise<{ ok: true; watches: WatchInfo[] } | { ok: false; reason: string }>;
  /** Stops announcements to one channel, or to every channel of the server; returns how many stopped. */
  off(input: { guildId: string; channelId?: string }): Promise<number>;
}
