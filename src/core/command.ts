// The contract between command modules (commands/) and the router that runs them for any transport.
// No discord.js object crosses it: options arrive as plain values, replies leave as Reply data.
import { ApplicationCommandOptionType, ApplicationIntegrationType, ChannelType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Choice, Reply } from './reply';
import type { StatusSource } from './status-snapshot';

/** Plain option values as the transports deliver them (channel/role/user options carry ids). */
export type RawOptions = Record<string, string | number | boolean | undefined> & {
  /** For commands with subcommands: which one was chosen. */
  subcommand?: string;
};

export interface Caller {
  userId: string;
  guildId: string | null;
  channelId: string | null;
  /** Whether the caller has Manage Server in this guild (false in DMs). Checked in code for admin commands. */
  canManageGuild: boolean;
  /** Whether the caller has Manage Webhooks there (webhook delivery setup checks it in code). */
  canManageWebhooks?: boolean;
}

/**
 * What the router itself reads from the services it hands to commands. The full set commands use is
 * `Services` (src/services.ts, wired by main.ts); core knows no feature, so its contracts are generic
 * over `S`.
 */
export interface RouterServices<S = unknown> {
  status: StatusSource;
  articles: { loading?(): { done: number; total: number } | undefined };
  /** The services as one server (null: a DM) sees them; without it every caller sees everything. */
  forViewer?: (guildId: string | null) => S;
}

export interface CommandContext<S = unknown> {
  now(): Date;
  caller: Caller;
  services: S;
  log: Logger;
  /** The router's commands (for /help). */
  commands(): readonly Command<any, S>[];
}

/** Discord application-command option JSON (the subset Herald uses). */
export interface OptionDefinition {
  type: ApplicationCommandOptionType;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: OptionDefinition[];
  channel_types?: ChannelType[];
  min_value?: number;
  max_value?: number;
  max_length?: number;
}

/** Discord application-command JSON for a chat-input command. */
export interface CommandDefinition {
  name: string;
  description: string;
  options?: OptionDefinition[];
  /** Permission bit string, e.g. "32" for Manage Server; Discord hides the command from others by default. */
  default_member_permissions?: string | null;
  /** Where the command may be used: a server, the bot's DMs, other private channels. */
  contexts?: InteractionContextType[];
  integration_types?: ApplicationIntegrationType[];
}

/** Discord's option types, under the short name command modules use. */
export const OptionType = ApplicationCommandOptionType;

/** default_member_permissions for admin commands: Manage Server, as Discord's bit string. */
export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild.toString();

/** Where commands may be used: every command works in a server; the read-only ones in the bot's DMs too. */
export const IN_SERVERS = [InteractionContextType.Guild];
export const IN_SERVERS_AND_DMS = [InteractionContextType.Guild, InteractionContextType.BotDM];

/** Channels Herald may post in: text and announcement channels. */
export const POSTABLE_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

/** Channels announcements may go to: text, announcement and forum channels (each article a forum post). */
export const ANNOUNCEMENT_CHANNELS = [...POSTABLE_CHANNELS, ChannelType.GuildForum];

export interface Command<A = unknown, S = unknown> {
  definition: CommandDefinition;
  /** Parses raw option values; a failure becomes an ephemeral "what to do" reply. */
  args: z.ZodType<A>;
  /** How the router defers before running: 'none' for instant in-memory answers. */
  defer: 'none' | 'public' | 'ephemeral';
  /** Requires Manage Server; the router checks it in code too (servers can override command permissions). */
  adminOnly?: boolean;
  /**
   * With adminOnly (or guildOnly): the subcommands and buttons (custom_id prefixes) every member may use,
   * in a server or not (/remind me, /remind mine, Remind me). Everything else still needs Manage Server.
   */
  memberOpen?: { subcommands: readonly string[]; buttons: readonly string[] };
  /** Works only in a server (e.g. subscribing a channel). */
  guildOnly?: boolean;
  run(args: A, ctx: CommandContext<S>): Promise<Reply> | Reply;
  autocomplete?(option: string, value: string, raw: RawOptions, ctx: CommandContext<S>): Promise<Choice[]> | Choice[];
  /** Button presses whose customId starts with "<name>:". */
  button?(customId: string, ctx: CommandContext<S>): Promise<Reply> | Reply;
}


/** Loaded-module shape check (STYLE: a malformed command module is reported, not half-loaded). */
export const commandModuleSchema = z.object({
  definition: z.object({ name: z.string().regex(/^[-_a-z0-9]{1,32}$/), description: z.string().min(1).max(100) }).passthrough(),
  args: z.custom<z.ZodType>((v) => v instanceof z.ZodType, 'args must be a zod schema'),
  defer: z.enum(['none', 'public', 'ephemeral']),
  run: z.custom<(...a: unknown[]) => unknown>((v) => typeof v === 'function', 'run must be a function'),
});
