// Whether Herald can post embeds in a channel, without a gateway connection: the channel, its server's
// roles and Herald's own member are read over REST and Discord's permission algorithm is applied to them
// (the gateway transport reads the same from discord.js's cache). Same answers as the gateway's check.
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import { ChannelType, PermissionFlagsBits, type APIChannel, type APIGuild, type APIGuildMember, type APIOverwrite, type APIUser } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { ChannelAccess } from '../../core/transport-services';
import { channelFetchRefusal, missingPostPermissions } from '../discord/channel-access';
import { channelMention } from '../../format/parts';

const ALL = (1n << 64n) - 1n;

/** Discord's permission algorithm for a member in a guild channel (pure). */
export function channelPermissions(guild: Pick<APIGuild, 'id' | 'owner_id' | 'roles'>, member: { userId: string; roles: readonly string[] }, overwrites: readonly APIOverwrite[]): bigint {
  if (guild.owner_id === member.userId) return ALL;
  let perms = 0n;
  for (const role of guild.roles) if (role.id === guild.id || member.roles.includes(role.id)) perms |= BigInt(role.permissions);
  if (perms & PermissionFlagsBits.Administrator) return ALL;
  const everyone = overwrites.find((o) => o.id === guild.id);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && o.id !== guild.id && member.roles.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  const own = overwrites.find((o) => o.type === 1 && o.id === member.userId);
  if (own) perms = (perms & ~BigInt(own.deny)) | BigInt(own.allow);
  return perms;
}

const TEXT_TYPES = new Set<number>([ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildVoice, ChannelType.GuildStageVoice, ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread]);

export class RestChannelAccess implements ChannelAccess {
  private botUserId: string | undefined;

  constructor(
    private readonly rest: REST,
    private readonly log: Logger,
  ) {}

  async canPostEmbeds(channelId: string, guildId?: string): Promise<{ ok: true; name?: string; forum?: boolean } | { ok: false; reason: string }> {
    let channel: APIChannel;
    try {
      channel = (await this.rest.get(Routes.channel(channelId))) as APIChannel;
    } catch (error) {
      return channelFetchRefusal(error, channelId, this.log);
    }
    const channelGuild = 'guild_id' in channel ? channel.guild_id : undefined;
    if (!channelGuild) return { ok: false, reason: 'that is a direct-message channel, not a server channel' };
    const forum = channel.type === ChannelType.GuildForum;
    if (!TEXT_TYPES.has(channel.type) && !forum) return { ok: false, reason: `${channelMention(channelId)} is not a text channel` };
    if (guildId && channelGuild !== guildId) return { ok: false, reason: 'that channel belongs to another server' };
    try {
      this.botUserId ??= ((await this.rest.get(Routes.user('@me'))) as APIUser).id;
      const guild = (await this.rest.get(Routes.guild(channelGuild)).catch(() => null)) as APIGuild | null;
      if (!guild) return { ok: false, reason: 'Herald is not in the server of that channel' };
      const me = (await this.rest.get(Routes.guildMember(channelGuild, this.botUserId)).catch(() => null)) as APIGuildMember | null;
      if (!me) return { ok: false, reason: 'Herald could not read its own membership in this server; try again in a minute' };
      const overwrites = 'permission_overwrites' in channel ? channel.permission_overwrites ?? [] : [];
      const missing = missingPostPermissions(channelPermissions(guild, { userId: this.botUserId, roles: me.roles }, overwrites));
      if (missing.length) return { ok: false, reason: `Herald is missing ${listNames(missing)} in ${channelMention(channelId)}` };
      return { ok: true, ...('name' in channel && channel.name ? { name: channel.name } : {}), ...(forum ? { forum: true } : {}) };
    } catch (error) {
      this.log.warn({ err: error, channelId }, 'channel check failed');
      return { ok: false, reason: 'Discord did not answer the channel check; try again in a minute' };
    }
  }
}

function listNames(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
