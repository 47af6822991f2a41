// Posting outside interactions (reminders, announcements) and the channel check, against the fake Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { classifyPostError } from '../../src/transports/discord/poster';
import { missingPostPermissions } from '../../src/transports/discord/channel-access';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';
import { startBot, type Bot } from './bot-harness';
import { asDiscord } from '../support/discord-markup';

let fake: FakeDiscord;
let bot: Bot;

beforeAll(async () => {
  fake = await startFakeDiscord();
  bot = await startBot(fake);
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
});

const reminder = { embeds: [{ title: 'Today: the approval', description: '@everyone it is today.' }] };

describe('DiscordPoster', () => {
  it('posts an embed with allowed_mentions parsing nothing and returns the message id', async () => {
    const result = await bot.discord.poster.post(fake.channels.reminders, reminder);
    const [message] = fake.messages(fake.channels.reminders);
    // Discord's answer names no server (REST message objects carry no guild_id).
    expect(result).toEqual({ ok: true, messageId: message.id, channelId: fake.channels.reminders });
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds).toEqual([{ title: 'Today: the approval', description: '@everyone it is today.' }]);
  });

  it("posts a reminder whose article link holds a space (Discord refuses a message with a URL that is not well formed): the link goes percent-encoded", async () => {
    const withLink = { embeds: [{ title: 'Today: the approval', url: 'https://news.example/border plan 2026.html?q=a b', description: 'It is today.' }] };
    const result = await bot.discord.poster.post(fake.channels.reminders, withLink);
    expect(result.ok).toBe(true);
    const message = fake.messages(fake.channels.reminders).at(-1)!;
    expect((message.embeds[0] as { url?: string }).url).toBe('https://news.example/border%20plan%202026.html?q=a%20b');
  });

  it('looks up the server a channel is in; none for an unknown channel', async () => {
    expect(await bot.discord.poster.channelGuild!(fake.channels.reminders)).toBe(fake.guildId);
    const other = fake.addGuild('Elsewhere');
    expect(await bot.discord.poster.channelGuild!(other.general)).toBe(other.guildId);
    expect(await bot.discord.poster.channelGuild!('999999999999999999')).toBeUndefined();
  });

  it('pings only the configured role', async () => {
    const roleId = '123456789012345678';
    await bot.discord.poster.post(fake.channels.general, { content: `<@&${roleId}>`, pingRoleId: roleId });
    expect(fake.messages(fake.channels.general).at(-1)?.allowed_mentions).toEqual({ parse: [], roles: [roleId] });
    expect(fake.mentionViolations()).toEqual([]);
  });

  it('sends the nonce with enforce_nonce, so a repeated post returns the first message', async () => {
    const channel = fake.addChannel({ name: 'nonce' });
    const first = await bot.discord.poster.post(channel, reminder, { nonce: 'rem-1-2024-11-28' });
    const again = await bot.discord.poster.post(channel, reminder, { nonce: 'rem-1-2024-11-28' });
    expect(again).toEqual(first);
    expect(fake.messages(channel)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === `/channels/${channel}/messages`).map((r) => [r.body.nonce, r.body.enforce_nonce])).toEqual([
      ['rem-1-2024-11-28', true],
      ['rem-1-2024-11-28', true],
    ]);
  });

  it('reports missing access and unknown channels as not retryable, with readable reasons', async () => {
    expect(await bot.discord.poster.post(fake.channels.hidden, reminder)).toEqual({ ok: false, retryable: false, reason: 'Missing Access (50001)', status: 403, code: 50001 });
    expect(await bot.discord.poster.post(fake.channels.noSend, reminder)).toEqual({ ok: false, retryable: false, reason: 'Missing Permissions (50013)', status: 403, code: 50013 });
    const doomed = fake.addChannel({ name: 'doomed' });
    fake.deleteChannel(doomed);
    expect(await bot.discord.poster.post(doomed, reminder)).toEqual({ ok: false, retryable: false, reason: 'Unknown Channel (10003)', status: 404, code: 10003 });
  });

  it('reports persistent 5xx as retryable after one quick REST retry', async () => {
    fake.failNext('POST', `/channels/${fake.channels.general}/messages`, 502, 2);
    const before = fake.messages(fake.channels.general).length;
    const result = await bot.discord.poster.post(fake.channels.general, reminder);
    expect(result).toEqual({ ok: false, retryable: true, reason: 'Discord server error (HTTP 502)' });
    expect(fake.messages(fake.channels.general)).toHaveLength(before);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channels.general}/messages`).slice(-2).map((r) => r.status)).toEqual([502, 502]);
  });

  it('lets REST absorb one 5xx', async () => {
    const channel = fake.addChannel({ name: 'one-500' });
    fake.failNext('POST', `/channels/${channel}/messages`, 500, 1);
    const result = await bot.discord.poster.post(channel, reminder);
    expect(result).toEqual({ ok: true, messageId: fake.messages(channel)[0]?.id, channelId: channel });
    // The injected 500 did happen: two requests, the first answered 500, the retry created the message.
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`).map((r) => r.status)).toEqual([500, 200]);
    expect(fake.messages(channel)).toHaveLength(1);
  });

  it('returns a long rate limit to the caller at once, with retryAfterMs, instead of waiting inside REST', async () => {
    const channel = fake.addChannel({ name: 'limited' });
    fake.failNext('POST', `/channels/${channel}/messages`, 429, 1, { retryAfterMs: 30_000 });
    const started = performance.now();
    const result = await bot.discord.poster.post(channel, reminder);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.ok).toBe(false);
    if (result.ok || !result.retryable) throw new Error('expected a retryable failure');
    expect(result.retryAfterMs).toBeGreaterThan(25_000);
    expect(result.retryAfterMs).toBeLessThanOrEqual(30_500); // REST adds a small safety offset
    expect(fake.messages(channel)).toHaveLength(0);
  });

  it('waits out a short rate limit inside REST and posts', async () => {
    const channel = fake.addChannel({ name: 'brief-limit' });
    fake.failNext('POST', `/channels/${channel}/messages`, 429, 1, { retryAfterMs: 50 });
    expect((await bot.discord.poster.post(channel, reminder)).ok).toBe(true);
    expect(fake.messages(channel)).toHaveLength(1);
  });
});

describe('classifyPostError', () => {
  const request = { body: undefined, files: undefined, json: undefined };
  it('maps Discord and network errors', () => {
    expect(classifyPostError(new DiscordAPIError({ code: 50001, message: 'Missing Access' }, 50001, 403, 'POST', '/x', request))).toEqual({
      ok: false,
      retryable: false,
      reason: 'Missing Access (50001)',
      status: 403,
      code: 50001,
    });
    expect(classifyPostError(new DiscordAPIError({ code: 0, message: '503' }, 0, 503, 'POST', '/x', request))).toMatchObject({ ok: false, retryable: true });
    expect(classifyPostError(new HTTPError(500, 'Internal Server Error', 'POST', '/x', request))).toEqual({ ok: false, retryable: true, reason: 'Discord server error (HTTP 500)' });
    expect(classifyPostError(Object.assign(new TypeError('fetch failed'), {}))).toEqual({ ok: false, retryable: true, reason: 'network: TypeError: fetch failed' });
    const limited = new RateLimitError({ timeToReset: 4000, limit: 5, method: 'POST', hash: 'h', url: '/x', route: '/channels/:id/messages', majorParameter: '1', global: false, retryAfter: 4000, sublimitTimeout: 0, scope: 'user' });
    expect(classifyPostError(limited)).toEqual({ ok: false, retryable: true, reason: 'rate limited on /channels/:id/messages (user)', retryAfterMs: 4000 });
  });
});

describe('DiscordChannelAccess', () => {
  it('accepts a channel where the bot can view, send and embed', async () => {
    expect(asDiscord(await bot.discord.channels.canPostEmbeds(fake.channels.general))).toEqual({ ok: true, name: 'general' });
  });

  it("refuses a channel of another server when the caller's server is given", async () => {
    expect(asDiscord(await bot.discord.channels.canPostEmbeds(fake.channels.general, fake.guildId))).toEqual({ ok: true, name: 'general' });
    expect(asDiscord(await bot.discord.channels.canPostEmbeds(fake.channels.general, '998877665544332211'))).toEqual({ ok: false, reason: 'that channel belongs to another server' });
  });

  it('names what is missing', async () => {
    expect(asDiscord(await bot.discord.channels.canPostEmbeds(fake.channels.noSend))).toEqual({ ok: false, reason: `Herald is missing Send Messages in <#${fake.channels.noSend}>` });
    expect(asDiscord(await bot.discord.channels.canPostEmbeds(fake.channels.noEmbed))).toEqual({ ok: false, reason: `Herald is missing Embed Links in <#${fake.channels.noEmbed}>` });
    expect(asDiscord(await bot.discord.channels.canPostEmbeds(fake.channels.hidden))).toEqual({ ok: false, reason: `Herald cannot see <#${fake.channels.hidden}>: it is missing View Channel there` });
    expect(asDiscord(await bot.discord.channels.canPostEmbeds('112233445566778899'))).toEqual({ ok: false, reason: 'that channel does not exist (Unknown Channel)' });
  });

  it('sees overwrites changed after startup', async () => {
    const channel = fake.addChannel({ name: 'changing' });
    expect((await bot.discord.channels.canPostEmbeds(channel)).ok).toBe(true);
    fake.setOverwrites(channel, [{ id: fake.botRoleId, type: 0, allow: '0', deny: String((1n << 11n) | (1n << 14n)) }]);
    expect(asDiscord(await bot.discord.channels.canPostEmbeds(channel))).toEqual({ ok: false, reason: `Herald is missing Send Messages and Embed Links in <#${channel}>` });
  });

  it('computes missing permissions from a bitfield', () => {
    expect(missingPostPermissions(0n)).toEqual(['View Channel', 'Send Messages', 'Embed Links']);
    expect(missingPostPermissions(8n)).toEqual([]); // Administrator
    expect(missingPostPermissions((1n << 10n) | (1n << 11n) | (1n << 14n))).toEqual([]);
  });
});
