// What commands may use. main.ts builds one Services object and hands it to every transport's router.
// Optional members belong to features that a deployment (or a test) may run without.
import type { ArticleLibrary } from '../articles/library';
import type { ReminderService } from '../reminders/reminders';
import type { DeliveryService, FeedService, OpmlService, WatchService } from '../feeds/admin-services';
import type { StoryLookup } from '../stories/index';
import type { AskService } from '../answers/ask/service';
import type { Command } from './command';
import type { StatusSource } from './status-snapshot';
import type { TimelinePictures } from '../pictures/timeline-picture';

/** What only the chat transport can check: can the bot post embeds in that channel? */
export interface ChannelAccess {
  /** With `guildId`, a channel of another server is refused (a channel option can carry any id). */
  /** `forum`: a forum channel (announcements there are forum posts; nothing else posts in one). */
  canPostEmbeds(channelId: string, guildId?: string): Promise<{ ok: true; name?: string; forum?: boolean } | { ok: false; reason: string }>;
}

export interface AttachmentReader {
  /** The file behind an attachment option's value, at most `maxBytes` (larger: refused without reading on). */
  read(url: string, maxBytes: number): Promise<{ ok: true; data: Uint8Array; name: string } | { ok: false; reason: string }>;
}

export interface Services {
  articles: ArticleLibrary;
  status: StatusSource;
  channels?: ChannelAccess;
  reminders?: ReminderService;
  feeds?: FeedService;
  watches?: WatchService;
  /** Feed routes, poll intervals, filters, templates, role pings and previews (news monitoring). */
  deliveries?: DeliveryService;
  /** /feed import and /feed export. */
  opml?: OpmlService;
  /** Reads a file a user attached to a command (Discord's attachment URL), bounded; only the chat transport has one. */
  attachments?: AttachmentReader;
  /** Stories (news monitoring): every tracked article on the same story as one, for /brief. */
  stories?: StoryLookup;
  ask?: AskService;
  /** Draws /timeline as a PNG; without it /timeline answers in text only. */
  pictures?: TimelinePictures;
  /**
   * The services as one server (null: a DM) sees them: its articles, stories and answers. Without it
   * every caller sees everything (a deployment without per-server feeds, tests).
   */
  forViewer?: (guildId: string | null) => Services;
  /** The router's commands, for /help (main.ts sets it once the router exists). */
  commandList?: () => readonly Command<any>[];
}
