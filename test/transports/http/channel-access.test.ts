// The channel check without a gateway (REST only, Discord's permission algorithm) gives the gateway's
// answers for every kind of channel the fake Discord has; and the algorithm itself on hand-made cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/core/logger';
import { createDiscord } from '../../../src/transports/discord/client';
import { channelPermissions, RestChannelAccess } from '../../../src/transports/http/channel-access';
import { startBot, type Bot } from '../../e2e/bot-harness';
import { Perm, startFakeDiscord, type FakeDiscord } from '../../e2e/fake-discord';
import { asDiscord } from '../../support/discord-markup';

let fake: FakeDiscord;
let gateway: Bot;
let rest: RestChannelAccess;
let destroy: () => Promise<void>;

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  gateway = await startBot(fake);
  const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log: createLogger('silent') });
  rest = new RestChannelAccess(discord.client.rest, createLogger('silent'));
  destroy = () => discord.client.destroy();
});

afterAll(async () => {
  await destroy();
  await gateway.stop();
  await fake.close();
});

describe('RestChannelAccess', () => {
  it('answers like the gateway check for every channel, with and without the caller’s server', async () => {
    const both = fake.addChannel({ name: 'no-both', overwrites: [{ id: fake.botRoleId, type: 0, allow: '0', deny: String(Perm.SendMessages | Perm.EmbedLinks) }] });
    const memberAllowed = fake.addChannel({
      name: 'member-allowed',
      overwrites: [
        { id: fake.botRoleId, type: 0, allow: '0', deny: String(Perm.SendMessages) },
        { id: fake.botUserId, type: 1, allow: String(Perm.SendMessages), deny: '0' },
      ],
    });
    const cases: [string, string | undefined][] = [];
    for (const id of [...Object.values(fake.channels), both, memberAllowed, '112233445566778899']) {
      cases.push([id, undefined], [id, fake.guildId], [id, '998877665544332211']);
    }
    for (const [id, guild] of cases) {
      expect(asDiscord(await rest.canPostEmbeds(id, guild)), `${id} ${guild}`).toEqual(asDiscord(await gateway.discord.channels.canPostEmbeds(id, guild)));
    }
    expect(asDiscord(await rest.canPostEmbeds(fake.channels.noSend))).toEqual({ ok: false, reason: `Herald is missing Send Messages in <#${fake.channels.noSend}>` });
    expect(asDiscord(await rest.canPostEmbeds(memberAllowed))).toEqual({ ok: true, name: 'member-allowed' });
  });

  it('says so when Discord does not answer', async () => {
    fake.failNext('GET', '/channels/:id', 500, 5);
    expect(asDiscord(await rest.canPostEmbeds(fake.channels.general))).toEqual({ ok: false, reason: 'Discord did not answer the channel check; try again in a minute' });
  });
});

describe('channelPermissions (Discord’s algorithm)', () => {
  const guild = { id: 'g', owner_id: 'owner', roles: [{ id: 'g', permissions: String(Perm.ViewChannel) }, { id: 'r1', permissions: String(Perm.SendMessages) }, { id: 'adm', permissions: String(Perm.Administrator) }] } as any;
  it('adds role permissions, applies @everyone, role and member overwrites in order; owner and Administrator have all', () => {
    expect(channelPermissions(guild, { userId: 'u', roles: ['r1'] }, [])).toBe(Perm.ViewChannel | Perm.SendMessages);
    expect(channelPermissions(guild, { userId: 'u', roles: [] }, [{ id: 'g', type: 0, allow: '0', deny: String(Perm.ViewChannel) }] as any)).toBe(0n);
    // A role overwrite allows back what @everyone's denied; the member overwrite has the last word.
    const ow = [
      { id: 'g', type: 0, allow: '0', deny: String(Perm.ViewChannel) },
      { id: 'r1', type: 0, allow: String(Perm.ViewChannel | Perm.EmbedLinks), deny: '0' },
      { id: 'u', type: 1, allow: '0', deny: String(Perm.EmbedLinks) },
    ] as any;
    expect(channelPermissions(guild, { userId: 'u', roles: ['r1'] }, ow)).toBe(Perm.ViewChannel | Perm.SendMessages);
    expect(channelPermissions(guild, { userId: 'owner', roles: [] }, ow) & Perm.EmbedLinks).toBe(Perm.EmbedLinks);
    expect(channelPermissions(guild, { userId: 'x', roles: ['adm'] }, ow) & Perm.EmbedLinks).toBe(Perm.EmbedLinks);
  });
});
