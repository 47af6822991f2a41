// What commands may use: the features' services as main.ts (the composition root) wires them. Each
// member's interface belongs to its feature (reminders, feeds, stories, /ask…); core/ knows none of them
// (its router and Command contract are generic over the services they carry). main.ts builds one
// Services object and hands it to every transport's router. Optional members belong to features that
// a deployment (or a test) may run without.
import type { ArticleLibrary } from './articles/library';
import type { ReminderService } from './reminders/reminders';
import type { MemberReminderService } from './reminders/member-reminders';
import type { DeliveryService, FeedService, OpmlService, WatchService } from './feeds/admin-services';
import type { StoryLookup } from './stories/index';
import type { AskService } from './answers/ask/ask';
import type { z } from 'zod';
import type { Command, CommandContext } from './core/command';
import type { Subcommand } from './core/subcommands';
import type { AttachmentReader, ChannelAccess } from './core/transport-services';
import type { StatusSource } from './core/status-snapshot';
import type { PictureMaker } from './pictures/picture-thread';

export interface Services {
  articles: ArticleLibrary;
  status: StatusSource;
  channels?: ChannelAccess;
  reminders?: ReminderService;
  /** Members' own reminders: the Remind me buttons, /remind me and /remind mine. */
  members?: MemberReminderService & { idle?(): Promise<void> };
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
  pictures?: PictureMaker;
  /**
   * The services as one server (null: a DM) sees them: its articles, stories and answers. Without it
   * every caller sees everything (a deployment without per-server feeds, tests).
   */
  forViewer?: (guildId: string | null) => Services;
}

/** A command module: its run, autocomplete and buttons get these services in `ctx.services`. */
export type HeraldCommand<A = unknown> = Command<A, Services>;
export type HeraldContext = CommandContext<Services>;

/** Identity helper for command modules that keeps each module's argument type and types `ctx.services`. */
export function defineCommand<A>(command: HeraldCommand<A>): HeraldCommand<A> {
  return command;
}

/**
 * The subcommand maker for one command whose run checked `E` before dispatching (core/subcommands.ts):
 * `const sub = subcommandMaker<{ guildId: string }>()`, then `name: sub({ description, options, args, run })`.
 */
export function subcommandMaker<E>() {
  return <Shape extends z.ZodRawShape>(subcommand: Subcommand<Shape, Services, E>): Subcommand<Shape, Services, E> => subcommand;
}

