// Discord's permission bits the fake checks (numbers as Discord defines them, so the fake stays an
// independent reference for Herald's own use of discord-api-types), and Discord's permission algorithm.
import type { FakeChannel, FakeRole } from './types';

export const Perm = {
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  ManageMessages: 1n << 13n,
  ManageWebhooks: 1n << 29n,
  CreatePublicThreads: 1n << 35n,
  Administrator: 1n << 3n,
} as const;

/** The test server's grants: @everyone's, the bot role's, and what a member sees in an interaction. */
export const EVERYONE_PERMS = Perm.ViewChannel | Perm.SendMessages | Perm.ReadMessageHistory;
export const BOT_ROLE_PERMS = Perm.ViewChannel | Perm.SendMessages | Perm.EmbedLinks | Perm.ReadMessageHistory | Perm.CreatePublicThreads;
export const MEMBER_PERMS = EVERYONE_PERMS | Perm.EmbedLinks;


/**
 * Discord's permission algorithm for a member in a guild channel: @everyone's and the member's roles'
 * permissions (everything for Administrator), then the channel's @everyone overwrite, the roles'
 * overwrites together, and the member's own overwrite.
 */
export function channelPermissions(roles: FakeRole[], channel: FakeChannel, guildId: string, userId: string, memberRoles: string[]): bigint {
  let perms = 0n;
  for (const r of roles) if (r.id === guildId || memberRoles.includes(r.id)) perms |= BigInt(r.permissions);
  if (perms & Perm.Administrator) return ~0n;
  const ow = channel.permission_overwrites;
  const everyone = ow.find((o) => o.id === guildId);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of ow) if (o.type === 0 && memberRoles.includes(o.id)) (allow |= BigInt(o.allow)), (deny |= BigInt(o.deny));
  perms = (perms & ~deny) | allow;
  const own = ow.find((o) => o.type === 1 && o.id === userId);
  if (own) perms = (perms & ~BigInt(own.deny)) | BigInt(own.allow);
  return perms;
}
