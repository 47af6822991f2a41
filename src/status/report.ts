// What the status page shows, as JSON (pure): built from /status's snapshot for the whole bot, with what a
// server keeps to itself removed. Feeds a server added with /feed add appear without their URL, URLs in
// error texts are hidden, and every known secret is scrubbed, so the page reveals no token and no private feed.
import type { StatusSnapshot } from '../core/status-snapshot';

export interface Runtime {
  /** 'gateway': connected to Discord; 'http': Discord POSTs interactions (INTERACTIONS=http); 'console': the local console mode (no DISCORD_TOKEN). */
  mode: 'gateway' | 'http' | 'console';
  /** Gateway ready; the interactions endpoint listening (http); always true in the console mode, which serves its own input. */
  connected: boolean;
  /** Servers the bot is in (null in the console mode, and over HTTP, where no gateway tells it). */
  servers: number | null;
}

export interface StatusReport {
  generatedAt: string;
  startedAt: string;
  uptimeSeconds: number;
  mode: Runtime['mode'];
  connected: boolean;
  servers: number | null;
  articlesTracked: number;
  nextPosts: { at: string; description: string; channelId: string }[];
  missedReminders: number;
  /** Members' own reminders (Remind me) in every server and DM; null where this Herald keeps none. */
  memberReminders: { pending: number; missed: number; failed: number } | null;
  brokenChannels: { channelId: string; reason: string }[];
  failingFeeds: { feed: string; failures: number; lastError: string }[];
  lastErrors: { at: string; message: string; id?: string }[];
}

export interface ReportSource {
  /** Without a guild: everything; with null: only global items (what no single server owns). */
  snapshot(now: Date, guildId?: string | null): StatusSnapshot;
  recentErrors(): { at: Date; message: string; id?: string }[];
}

const URL_PATTERN = /\b(?:https?|ftp):\/\/[^\s"'<>)]+/gi;

/** Hides URLs in free text (a fetch error names the feed it failed on). */
export function hideUrls(text: string): string {
  // Punctuation after a URL belongs to the sentence ("failed on https://…: timeout").
  return text.replace(URL_PATTERN, (url) => `[a URL]${/[.,:;!?]+$/.exec(url)?.[0] ?? ''}`);
}

export function buildStatusReport(source: ReportSource, runtime: Runtime, now: Date, scrub: (text: string) => string = (t) => t): StatusReport {
  const all = source.snapshot(now);
  // The global view lists only FEEDS from the configuration: their URLs are the operator's own.
  const globalFeeds = new Set(source.snapshot(now, null).failingFeeds.map((f) => f.url));
  const clean = (text: string) => scrub(hideUrls(text)).slice(0, 500);
  return {
    generatedAt: now.toISOString(),
    startedAt: all.startedAt.toISOString(),
    uptimeSeconds: Math.max(0, Math.floor((now.getTime() - all.startedAt.getTime()) / 1000)),
    mode: runtime.mode,
    connected: runtime.connected,
    servers: runtime.servers,
    articlesTracked: all.articlesTracked,
    nextPosts: (all.nextPosts ?? (all.nextPost ? [all.nextPost] : [])).map((p) => ({ at: p.at.toISOString(), description: scrub(p.description).slice(0, 300), channelId: p.channelId })),
    missedReminders: all.missedReminders,
    memberReminders: all.memberReminders ? { ...all.memberReminders } : null,
    brokenChannels: all.brokenSubscriptions.map((b) => ({ channelId: b.channelId, reason: clean(b.reason) })),
    failingFeeds: all.failingFeeds.map((f) =>
      globalFeeds.has(f.url)
        ? { feed: scrub(f.url), failures: f.failures, lastError: scrub(f.lastError).slice(0, 500) }
        : { feed: 'a feed a server added (URL not shown)', failures: f.failures, lastError: clean(f.lastError) },
    ),
    lastErrors: source.recentErrors().map((e) => ({ at: e.at.toISOString(), message: clean(e.message), ...(e.id ? { id: e.id } : {}) })),
  };
}
