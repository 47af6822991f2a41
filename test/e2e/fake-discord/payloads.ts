// Discord objects as the fake sends them: a guild member, and a guild's fields other than its live state
// (channels, members…), as READY/GUILD_CREATE and GET /guilds/:id carry them.
import type { FakeRole } from './types';

/** A guild member record for `user` with `roles` (joined at the epoch, no nick). */
export function memberPayload(user: Record<string, unknown>, roles: string[]): Record<string, unknown> {
  return { user, roles, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false };
}

/** A guild's own fields: name, owner and roles; the rest as a new server's defaults. */
export function guildFields(guildId: string, name: string | undefined, ownerId: string, roles: FakeRole[]): Record<string, unknown> {
  return {
    id: guildId,
    name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-GB',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
}
