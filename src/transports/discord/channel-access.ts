// Whether Herald can post embeds in a channel, checked before an admin subscribes it to posts.
import { ChannelType, DiscordAPIError, PermissionFlagsBits, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { ChannelAccess } from '../../core/transport-services';
import { channelMention } from '../../format/parts';

const NEEDED: { bit: bigint; name: string }[] = [
  { bit: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { bit: PermissionFlagsBits.SendMessages, name: 'Send Messages' },
  { bit: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
];

/** The permissions Herald needs to post embeds that `granted` lacks, by their names in Discord's UI (pure). */
export function missingPostPermissions(granted: bigint): string[] {
  if (granted & PermissionFlagsBits.Administrator) return [];
  return NEEDED.filter((p) => (granted & p.bit) !== p.bit).map((p) => p.name);
}

export class DiscordChannelAccess implements ChannelAccess {
  constructor(
    private readonly client: Client,
    private readonly log: Logger,
  ) {}

  async canPostEmbeds(channelId: string, guildId?: string): Promise<{ ok: true; name?: string; forum?: boolean } | { ok: false; reason: string }> {
    let channel;
    try {
      // force: overwrites may have changed since the cache was filled.
      channel = await this.client.channels.fetch(channelId, { force: true });
    } catch (error) {
      return channelFetchRefusal(error, channelId, this.log);
    }
    if (!channel) return { ok: false, reason: 'that channel does not exist (Unknown Channel)' };
    if (channel.isDMBased()) return { ok: false, reason: 'that is a direct-message channel, not a server channel' };
    const forum = channel.type === ChannelType.GuildForum;
    if (!channel.isTextBased() && !forum) return { ok: false, reason: `${channelMention(channelId)} is not a text channel` };
    // channel.guildId comes from Discord's answer; channel.guild is looked up in a cache the interaction itself can fill.
    if (guildId && channel.guildId !== guildId) return { ok: false, reason: 'that channel belongs to another server' };
    const guild = this.client.guilds.cache.get(channel.guildId) ?? (await this.client.guilds.fetch(channel.guildId).catch(() => null));
    if (!guild) return { ok: false, reason: 'Herald is not in the server of that channel' };
    const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
    if (!me) return { ok: false, reason: 'Herald could not read its own membership in this server; try again in a minute' };
    const missing = missingPostPermissions(channel.permissionsFor(me).bitfield);
    if (missing.length) return { ok: false, reason: `Herald is missing ${listNames(missing)} in ${channelMention(channelId)}` };
    return { ok: true, name: channel.name, ...(forum ? { forum: true } : {}) };
  }
}

function listNames(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Why a channel could not be fetched, as the admin reads it (both transports' channel checks). */
export function channelFetchRefusal(error: unknown, channelId: string, log: Logger): { ok: false; reason: string } {
  if (error instanceof DiscordAPIError && (error.code === 10003 || error.status === 404)) return { ok: false, reason: 'that channel does not exist (Unknown Channel)' };
  if (error instanceof DiscordAPIError && (error.code === 50001 || error.status === 403)) {
    return { ok: false, reason: `Herald cannot see ${channelMention(channelId)}: it is missing View Channel there` };
  }
  log.warn({ err: error, channelId }, 'channel check failed');
  return { ok: false, reason: 'Discord did not answer the channel check; try again in a minute' };
}
