// The fake Discord itself: the real discord.js Client logs in through it, and it behaves like Discord
// where other features' tests depend on it (nonce deduplication, permission errors, fault injection).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, GatewayIntentBits, Routes, DiscordAPIError, type Interaction } from 'discord.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';

let fake: FakeDiscord;
let client: Client;

beforeEach(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 500 });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl, retries: 1 } });
});

afterEach(async () => {
  await client.destroy();
  await fake.close();
});

async function login(): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(fake.token);
  await ready;
}

describe('fake discord', () => {
  it('lets discord.js log in over REST discovery and the gateway, with the guild cached', async () => {
    await login();
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.channels.cache.has(fake.channels.general)).toBe(true);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(fake.identifyCount).toBe(1);
  });

  it('returns the original message for a repeated nonce with enforce_nonce in the same channel', async () => {
    await login();
    const body = { content: 'reminder', nonce: 'r-42', enforce_nonce: true, allowed_mentions: { parse: [] } };
    const first = (await client.rest.post(Routes.channelMessages(fake.channels.reminders), { body })) as { id: string };
    const second = (await client.rest.post(Routes.channelMessages(fake.channels.reminders), { body })) as { id: string };
    expect(second.id).toBe(first.id);
    expect(fake.messages(fake.channels.reminders).map((m) => m.content)).toEqual(['reminder']);
    // Without enforce_nonce Discord does not deduplicate.
    await client.rest.post(Routes.channelMessages(fake.channels.reminders), { body: { content: 'again', nonce: 'r-42', allowed_mentions: { parse: [] } } });
    expect(fake.messages(fake.channels.reminders)).toHaveLength(2);
    expect(fake.mentionViolations()).toEqual([]);
  });

  it('answers posts in channels the bot cannot use like Discord does', async () => {
    await login();
    const post = (channelId: string, body: object) => client.rest.post(Routes.channelMessages(channelId), { body }).catch((e: DiscordAPIError) => [e.status, e.code]);
    expect(await post(fake.channels.hidden, { content: 'x' })).toEqual([403, 50001]);
    expect(await post(fake.channels.noSend, { content: 'x' })).toEqual([403, 50013]);
    expect(await post(fake.channels.noEmbed, { embeds: [{ title: 'x' }] })).toEqual([403, 50013]);
    fake.deleteChannel(fake.channels.general);
    expect(await post(fake.channels.general, { content: 'x' })).toEqual([404, 10003]);
  });

  it('injects failures: 403 with a chosen code, then success', async () => {
    await login();
    fake.failNext('POST', '/channels/:id/messages', 403, 1, { body: { code: 50001, message: 'Missing Access' } });
    const failed = await client.rest.post(Routes.channelMessages(fake.channels.general), { body: { content: 'a' } }).catch((e: DiscordAPIError) => e.code);
    expect(failed).toBe(50001);
    await client.rest.post(Routes.channelMessages(fake.channels.general), { body: { content: 'b' } });
    expect(fake.messages(fake.channels.general).map((m) => m.content)).toEqual(['b']);
    expect(fake.mentionViolations().map((r) => r.body.content)).toEqual(['b']);
  });

  it('answers an injected 429 with the headers and body Discord sends', async () => {
    fake.failNext('POST', '/channels/:id/messages', 429, 1, { retryAfterMs: 1500, scope: 'shared' });
    const res = await fetch(`${fake.apiUrl}/v10/channels/${fake.channels.general}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'x' }),
    });
    expect(res.status).toBe(429);
    expect([res.headers.get('retry-after'), res.headers.get('x-ratelimit-remaining'), res.headers.get('x-ratelimit-reset-after'), res.headers.get('x-ratelimit-scope')]).toEqual(['1.5', '0', '1.5', 'shared']);
    expect(await res.json()).toEqual({ message: 'You are being rate limited.', retry_after: 1.5, global: false });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: `/channels/${fake.channels.general}/messages`, status: 429, body: { content: 'x' } });
  });

  it('delivers an injected interaction and records the reply; resumes after a dropped socket', async () => {
    client.on('interactionCreate', (i: Interaction) => {
      if (i.isChatInputCommand()) void i.reply({ content: `pong ${i.options.getString('word') ?? ''}`, allowedMentions: { parse: [] } });
    });
    await login();
    const first = await fake.injectCommand('ping', { word: 'one' });
    expect(first.reply?.content).toBe('pong one');
    fake.dropConnection(4000);
    const second = await fake.injectCommand('ping', { word: 'two' });
    expect(second.reply?.content).toBe('pong two');
    fake.dropConnection(); // 1006: no close frame
    const third = await fake.injectCommand('ping', { word: 'three' });
    expect(third.reply?.content).toBe('pong three');
    expect(fake.resumeCount).toBe(2);
    expect(fake.identifyCount).toBe(1);
  });
});
