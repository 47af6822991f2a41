// Red-team scenarios on admin settings: a channel of another server passed where discord.js's cache had
// been filled from the interaction (so channel.guild looked like this server), and /remind role set to
// @everyone (whose id is the server's id).
import { describe, expect, it, afterEach, beforeEach } from 'vitest';
import type { Client } from 'discord.js';
import { DiscordChannelAccess } from '../../src/transports/discord/channel-access';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { harness, silent } from '../reminders/harness';

const HERE = '111111111111111111';
const ELSEWHERE = '999999999999999999';

/** A discord.js-shaped client double: the channel Discord returned, and the guild cache the interaction filled. */
function clientWith(channel: Record<string, unknown>, cachedGuilds: Record<string, unknown>): Client {
  const fullPermissions = { bitfield: (1n << 53n) - 1n };
  const guild = (id: string) => ({ id, members: { me: { id: 'bot' }, fetchMe: async () => ({ id: 'bot' }) } });
  return {
    channels: { fetch: async () => ({ isDMBased: () => false, isTextBased: () => true, permissionsFor: () => fullPermissions, name: 'news', ...channel }) },
    guilds: {
      cache: new Map(Object.keys(cachedGuilds).map((id) => [id, guild(id)])),
      fetch: async (id: string) => {
        if (!(id in cachedGuilds)) throw new Error('Unknown Guild');
        return guild(id);
      },
    },
  } as unknown as Client;
}

describe('channel checks compare the channel’s own server id', () => {
  it('refuses a channel whose guildId is another server even when channel.guild points at this one', async () => {
    const access = new DiscordChannelAccess(clientWith({ guildId: ELSEWHERE, guild: { id: HERE } }, { [HERE]: {} }), silent);
    expect(await access.canPostEmbeds('222222222222222222', HERE)).toEqual({ ok: false, reason: 'that channel belongs to another server' });
  });

  it('refuses a channel of a server Herald is not in, and accepts one of this server', async () => {
    const notIn = new DiscordChannelAccess(clientWith({ guildId: ELSEWHERE, guild: { id: ELSEWHERE } }, { [HERE]: {} }), silent);
    expect(await notIn.canPostEmbeds('222222222222222222')).toEqual({ ok: false, reason: 'Herald is not in the server of that channel' });
    const here = new DiscordChannelAccess(clientWith({ guildId: HERE, guild: { id: HERE } }, { [HERE]: {} }), silent);
    expect(await here.canPostEmbeds('222222222222222222', HERE)).toEqual({ ok: true, name: 'news' });
  });
});

describe('/remind role', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('refuses the @everyone role (its id is the server id) and keeps the role unset', async () => {
    const h = await harness({ fake, start: '2024-11-27T12:00:00Z' });
    await h.reminders.subscribe(fake.guildId, fake.channels.general);
    expect(await h.reminders.setRole(fake.guildId, fake.guildId)).toEqual({
      ok: false,
      reason: 'The @everyone role cannot be the reminder role: it would ping every member. Pick a role members opt into.',
    });
    expect((await h.reminders.settings(fake.guildId)).roleId).toBeNull();
    expect((await h.reminders.setRole(fake.guildId, '333333333333333333')).ok).toBe(true);
    h.db.close();
  });
});
