import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { z } from 'zod';
import { MemoryLibrary } from '../../src/articles/library';
import { ManualClock } from '../../src/core/clock';
import { defineCommand } from '../../src/services';
import { scrubbingPoster, type MessagePoster } from '../../src/core/poster';
import type { Reply } from '../../src/core/reply';
import { CommandRouter } from '../../src/core/router';
import { createScrubber, scrubReply, secretValues } from '../../src/core/secrets';
import { Status } from '../../src/core/status-snapshot';
import { parseConfig } from '../../src/config';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789';
const KEY = 'sk-live-0123456789abcdef';

describe('secretValues', () => {
  it('takes the values of *_TOKEN, *_KEY, *_SECRET and *_PASSWORD variables of 8+ characters, longest first', () => {
    expect(
      secretValues(
        { DISCORD_TOKEN: TOKEN, OPENAI_API_KEY: KEY, DB_PASSWORD: 'hunter22', SHORT_KEY: 'abc', TIMEZONE: 'Europe/London', KEYBOARD: 'qwertyuiop' },
        { WEBHOOK_SECRET: 'whsec_abcdefgh' },
      ),
    ).toEqual([TOKEN, KEY, 'whsec_abcdefgh', 'hunter22']);
  });

  it('takes the password of a connection URL (DATABASE_URL), as written and decoded, and nothing of a URL without one', () => {
    expect(secretValues({ DATABASE_URL: 'postgres://herald:s3cr%40t-pass@db.example.com:5432/herald' })).toEqual(['s3cr%40t-pass', 's3cr@t-pass']);
    expect(secretValues({ DATABASE_URL: 'postgres://herald@db.example.com/herald', FEED: 'https://news.example.com/rss' })).toEqual([]);
    // Each URL of a list (FEEDS) too.
    expect(secretValues({ FEEDS: 'https://news.example/rss, https://reader:feed-pass-1@intranet.example/feed' })).toEqual(['feed-pass-1']);
    // A URL the parser refuses still has its password as written (the configuration's error quotes it).
    expect(secretValues({ DATABASE_URL: 'postgres://herald:s3cret-pass@db host/herald' })).toEqual(['s3cret-pass']);
    const scrub = createScrubber(secretValues({ DATABASE_URL: 'postgres://herald:hunter2hunter2@db/herald' }));
    expect(scrub('connect postgres://herald:hunter2hunter2@db/herald failed')).toBe('connect postgres://herald:[redacted]@db/herald failed');
  });

  it('parseConfig reports them with the config', () => {
    const r = parseConfig({ DISCORD_TOKEN: TOKEN, SOME_API_KEY: KEY });
    expect(r.ok && r.secrets).toEqual([TOKEN, KEY]);
  });
});

describe('createScrubber', () => {
  const scrub = createScrubber([KEY]);
  it('replaces every known secret and anything shaped like a Discord token, and leaves other text alone', () => {
    expect(scrub(`key=${KEY}; again ${KEY}`)).toBe('key=[redacted]; again [redacted]');
    expect(scrub(`DISCORD_TOKEN=${TOKEN}\n`)).toBe('DISCORD_TOKEN=[redacted]\n');
    expect(scrub('The CSTO approved the plan on 28 November 2024.')).toBe('The CSTO approved the plan on 28 November 2024.');
  });

  it('scrubs a reply in content, embed texts and button labels, and keeps absent fields absent', () => {
    const reply: Reply = {
      content: KEY,
      embeds: [{ title: KEY, description: `d ${KEY}`, footer: KEY, url: `https://x.example/${KEY}`, fields: [{ name: KEY, value: KEY, inline: true }] }],
      buttons: [{ customId: 'articles:2', label: KEY }],
      ephemeral: true,
    };
    expect(scrubReply(reply, scrub)).toStrictEqual({
      content: '[redacted]',
      embeds: [{ title: '[redacted]', description: 'd [redacted]', footer: '[redacted]', url: 'https://x.example/[redacted]', fields: [{ name: '[redacted]', value: '[redacted]', inline: true }] }],
      buttons: [{ customId: 'articles:2', label: '[redacted]' }],
      ephemeral: true,
    });
    expect(scrubReply({ content: 'hello' }, scrub)).toStrictEqual({ content: 'hello' });
  });

  it('scrubs the labels of every button row (Remind me: the event in the article\'s words) and a file\'s name and alt text', () => {
    const data = new Uint8Array([1, 2, 3]);
    const reply: Reply = {
      buttonRows: [[{ customId: 'remind:me:a:1', label: `Remind me: 28 November · ${KEY} is approved` }], [{ customId: 'remind:me:a:2', label: 'Remind me: 1 December · the vote' }]],
      attachments: [{ name: `timeline-${KEY}.png`, contentType: 'image/png', data, description: `Timeline: ${KEY}` }],
    };
    expect(scrubReply(reply, scrub)).toStrictEqual({
      buttonRows: [[{ customId: 'remind:me:a:1', label: 'Remind me: 28 November · [redacted] is approved' }], [{ customId: 'remind:me:a:2', label: 'Remind me: 1 December · the vote' }]],
      attachments: [{ name: 'timeline-[redacted].png', contentType: 'image/png', data, description: 'Timeline: [redacted]' }],
    });
  });
});

describe('secrets never leave through replies or posts', () => {
  const leaky = defineCommand({
    definition: { name: 'leaky', description: 'answers with article text holding a secret' },
    args: z.object({}),
    defer: 'none',
    run: () => ({ content: `DISCORD_TOKEN=${TOKEN}`, embeds: [{ title: `key ${KEY}` }] }),
    autocomplete: () => [{ name: `DISCORD_TOKEN=${TOKEN}`, value: KEY }],
  });
  const later = defineCommand({
    definition: { name: 'later', description: 'answers, then edits its answer with a secret in it' },
    args: z.object({}),
    defer: 'none',
    run: () => ({ content: 'drawing…', update: Promise.resolve({ content: `drawn with ${KEY}` }) }),
  });
  const clock = new ManualClock('2026-11-27T12:00:00Z');
  const library = new MemoryLibrary();
  const router = new CommandRouter({
    commands: [leaky, later],
    services: { articles: library, status: new Status(clock.now(), library) },
    clock,
    log: pino({ level: 'silent' }),
    scrub: createScrubber([TOKEN, KEY]),
  });
  const caller = { userId: '1', guildId: '2', channelId: '3', canManageGuild: false };

  it('the router scrubs command replies and autocomplete suggestions', async () => {
    expect(await router.run({ command: 'leaky', options: {}, caller })).toEqual({ content: 'DISCORD_TOKEN=[redacted]', embeds: [{ title: 'key [redacted]' }] });
    expect(await router.autocomplete({ command: 'leaky', options: {}, caller, focused: 'x', value: '' })).toEqual([{ name: 'DISCORD_TOKEN=[redacted]', value: '[redacted]' }]);
  });

  it("the router scrubs a reply's later edit too", async () => {
    const reply = await router.run({ command: 'later', options: {}, caller });
    expect(reply.content).toBe('drawing…');
    expect(await reply.update).toEqual({ content: 'drawn with [redacted]' });
  });

  it('the scrubbing poster scrubs reminders and announcements before the transport sees them', async () => {
    const seen: Reply[] = [];
    const inner: MessagePoster = { post: async (channelId, reply) => (seen.push(reply), { ok: true, messageId: '9', channelId }) };
    await scrubbingPoster(inner, createScrubber([KEY])).post('5', { embeds: [{ description: `quote: ${KEY}` }] });
    expect(seen).toEqual([{ embeds: [{ description: 'quote: [redacted]' }] }]);
  });
});
