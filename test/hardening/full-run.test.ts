// One full run of Herald as a child process in Discord mode against the fake Discord, fed hostile text: an
// article in its ARTICLES_DIR and a feed item full of mentions and markdown breakers. Every command runs,
// a reminder posts (after a 500 it must retry), a preview and an announcement post, a member is refused,
// then SIGTERM. The fake's request log must show that nothing could ping, nothing broke Discord's
// limits, and the captured stdout+stderr of the whole run must not hold the token.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagePayload, startFakeDiscord, type FakeDiscord, type InteractionResult } from '../e2e/fake-discord';
import { rssFeed, startFeedServer, type FeedServer } from '../feeds/feed-server';
import { logLines, spawnHerald, until, type Child } from './child';
import { hostileArticle, PLANTED } from './hostile-article';

let fake: FakeDiscord;
let server: FeedServer;
let dir: string;
let herald: Child;
let exit: { code: number | null; signal: NodeJS.Signals | null };
const results: Record<string, InteractionResult> = {};

const hostileItem = {
  guid: 'h2',
  title: '@everyone <@&222222222222222222> Lighthouse reopens ``` ||spoiler|| ***',
  link: 'https://example.org/@here/lighthouse',
  content: `<p>@here The old lighthouse of Southport has reopened to visitors, <@111111111111111111> and <#333333333333333333> wrote.</p><p>&gt; QUOTEBREAK ||x|| \`\`\` *** ZERO\u200bWIDTH RIGHT\u202eTOLEFT. ${'Keepers welcomed @everyone inside. '.repeat(60)}</p>`,
};

/** Every piece of text a user would see in a message body. */
function texts(body: any): string[] {
  const out: string[] = [];
  if (typeof body.content === 'string') out.push(body.content);
  for (const e of body.embeds ?? []) {
    for (const t of [e.title, e.description, e.footer?.text, e.author?.name]) if (typeof t === 'string') out.push(t);
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  for (const row of body.components ?? []) for (const c of row.components ?? []) if (typeof c.label === 'string') out.push(c.label);
  return out;
}

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'herald-hardening-run-'));
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  writeFileSync(join(articles, 'hostile.txt'), hostileArticle('2026-11-23', '28 November'));
  server.set('/hostile.xml', { body: rssFeed('@everyone Desk', [{ guid: 'h1', title: 'Old item', link: 'https://example.org/1', content: '<p>Old.</p>' }]) });
  // The first post to the reminders channel fails twice (REST retries a 5xx once): an error in the logs,
  // and the reminder must still post once, later.
  fake.failNext('POST', new RegExp(`^/channels/${fake.channels.reminders}/messages$`), 500, 2);

  herald = spawnHerald({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guildId,
    DATABASE_PATH: join(dir, 'herald.db'),
    ARTICLES_DIR: articles,
    REMINDER_CHANNEL_ID: fake.channels.reminders,
    REMINDER_TIME: '09:00',
    TIMEZONE: 'UTC',
    HERALD_FAKE_NOW: '2026-11-28T08:59:50Z',
    FEEDS: `${server.base}/hostile.xml`,
    FEED_POLL: '*/2 * * * * *',
    ALLOW_PRIVATE_FEEDS: 'true',
    LOG_LEVEL: 'debug',
  });
  await until(() => /slash commands (registered|unchanged)/.test(herald.output()), 'startup', herald, 60_000);

  const admin = { admin: true as const, channelId: fake.channels.general };
  const run = async (key: string, name: string, options: Record<string, unknown> = {}, opts: Record<string, unknown> = admin) =>
    (results[key] = await fake.injectCommand(name, options as never, opts as never));
  for (const name of ['brief', 'when', 'timeline', 'who', 'facts', 'source', 'articles', 'status', 'help']) await run(name, name);
  await run('who-name', 'who', { name: 'Holloway' });
  await run('ask', 'ask', { question: 'When will the council approve the harbour plan?' });
  await run('remind-channel', 'remind', { subcommand: 'channel', channel: fake.channels.general });
  await run('remind-test', 'remind', { subcommand: 'test' });
  await run('watch-noembed', 'watch', { subcommand: 'channel', channel: fake.channels.noEmbed });
  await run('watch-channel', 'watch', { subcommand: 'channel', channel: fake.channels.general });
  await run('member-remind', 'remind', { subcommand: 'list' }, { userId: fake.users.member, channelId: fake.channels.general });
  await until(() => fake.messages(fake.channels.reminders).length > 0, 'the reminder to post after the 500s', herald, 30_000);
  // A new hostile item: announced in the watched channel on a following poll.
  server.set('/hostile.xml', { body: rssFeed('@everyone Desk', [hostileItem, { guid: 'h1', title: 'Old item', link: 'https://example.org/1', content: '<p>Old.</p>' }]) });
  const announced = () => fake.messages(fake.channels.general).some((m) => JSON.stringify(m.embeds).includes('Lighthouse reopens'));
  await until(announced, 'the hostile feed item to be announced', herald, 30_000);
  await run('remind-list', 'remind', { subcommand: 'list' });
  await run('status-after', 'status');
  herald.kill('SIGTERM');
  exit = await herald.exited;
}, 150_000);

afterAll(async () => {
  herald?.kill('SIGKILL');
  await fake?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a full Discord-mode run on hostile text', () => {
  it('answered every command, posted the reminder once after the 500s, the preview and the announcement, and exited 0 on SIGTERM', () => {
    // Each command's own answer (not an error reply, which would also be "a reply"): the embed title or
    // the content that only that command's success gives.
    const headline = '@\u200beveryone City council to approve';
    const answers: Record<string, { title?: string; content?: string; fields?: string[] }> = {
      brief: { title: headline, fields: ['Key date', 'Who is involved', 'Reported by'] },
      when: { title: `When: ${headline}`, fields: ['28 November 2026 · today', '23 November 2026 · past'] },
      timeline: { title: `Timeline: ${headline}`, fields: ['23 November 2026 · past', '28 November 2026 · today'] },
      who: { title: `Who: ${headline}`, fields: ['People', 'Organisations', 'Who said what'] },
      facts: { title: `Facts: ${headline}`, fields: ['Key facts', 'Members of the council'] },
      source: { title: `Source: ${headline}` },
      articles: { title: 'Tracked articles' },
      status: { title: 'Herald status' },
      help: { title: 'Herald: commands' },
      'who-name': { title: 'Jane Holloway' },
      ask: { title: 'Q: When will the council approve the harbour plan?' },
      'remind-channel': { title: 'Reminders channel set' },
      'remind-test': { content: `Preview posted in <#${fake.channels.general}>.` },
      'watch-noembed': { content: `Herald cannot announce in <#${fake.channels.noEmbed}>: Herald is missing Embed Links in <#${fake.channels.noEmbed}>.` },
      'watch-channel': { content: `New articles will be announced in <#${fake.channels.general}> (every new article).` },
      'member-remind': { content: '/remind needs the Manage Server permission.' },
      'remind-list': { title: 'Reminders', fields: ['Upcoming', 'Sent', 'Missed', 'Failed', 'Cancelled'] },
      'status-after': { title: 'Herald status' },
    };
    expect(Object.keys(results).sort()).toEqual(Object.keys(answers).sort());
    type Embed = { title?: string; description?: string; fields?: { name: string }[] };
    const firstEmbed = (key: string) => results[key].final?.embeds[0] as Embed | undefined;
    for (const [key, want] of Object.entries(answers)) {
      const seen = results[key].final;
      if (want.content !== undefined) expect(seen?.content, key).toBe(want.content);
      if (want.title !== undefined) expect(firstEmbed(key)?.title ?? '', key).toMatch(new RegExp(`^${want.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      if (want.fields !== undefined) expect((firstEmbed(key)?.fields ?? []).map((f) => f.name), key).toEqual(want.fields);
    }
    // The date as a direct answer once its calibrated precision reaches ANSWER_PRECISION, else the sentence stating it quoted.
    expect(firstEmbed('ask')?.description).toMatch(/^(?:\*\*28 November 2026\*\*|No direct answer — the closest the articles come:\n> The city council of Northville will approve the harbour plan on 28 November)/);
    expect(fake.messages(fake.channels.reminders)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channels.reminders}/messages` && r.status === 500)).toHaveLength(2);
    expect(exit).toEqual({ code: 0, signal: null, at: expect.any(Number) });
  });

  it('no outgoing message could ping: allowed_mentions parses nothing and no text holds a live mention', () => {
    expect(fake.mentionViolations()).toEqual([]);
    const sent = fake.requests.filter((r) => r.status < 400).flatMap((r) => {
      const body = messagePayload(r);
      return body === undefined ? [] : [{ path: r.path, body }];
    });
    expect(sent.length).toBeGreaterThan(15);
    const planted = new RegExp(`<(@!?|@&|#)(${PLANTED.user}|${PLANTED.role}|${PLANTED.channel})>`);
    for (const { path, body } of sent) {
      expect(body.allowed_mentions, path).toEqual({ parse: [] });
      for (const text of texts(body)) {
        expect(text, path).not.toMatch(/@(everyone|here)/i);
        expect(text, path).not.toMatch(planted);
        expect(text, path).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        expect(text, path).not.toContain('ZERO\u200bWIDTH');
        expect(text, path).not.toContain('```');
        expect(text, path).not.toContain('||');
        expect(text, path).not.toContain('***');
        expect(text, path).not.toMatch(/(^|\n)[ \t]*>[ \t]*QUOTEBREAK/);
      }
    }
    // The hostile text did reach Discord (inert), so the checks above looked at it.
    expect(sent.some(({ body }) => texts(body).some((t) => t.includes('@\u200beveryone')))).toBe(true);
    expect(sent.some(({ body }) => texts(body).some((t) => t.includes(`<@&\u200b${PLANTED.role}>`)))).toBe(true);
  });

  it("every message kept within Discord's limits (none was refused with 400)", () => {
    for (const r of fake.requests) {
      const body = messagePayload(r);
      if (body === undefined) continue;
      expect(r.status, r.path).not.toBe(400);
      expect((body.content ?? '').length).toBeLessThanOrEqual(2000);
      const embeds: any[] = body.embeds ?? [];
      expect(embeds.length).toBeLessThanOrEqual(10);
      let total = 0;
      for (const e of embeds) {
        expect((e.title ?? '').length).toBeLessThanOrEqual(256);
        expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
        expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
        for (const f of e.fields ?? []) {
          expect(f.name.length).toBeLessThanOrEqual(256);
          expect(f.value.length).toBeLessThanOrEqual(1024);
        }
        total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);
      }
      expect(total).toBeLessThanOrEqual(6000);
    }
  });

  it('the captured stdout and stderr of the whole run hold no token, no part or encoding of it, and no interaction token', () => {
    const output = herald.output();
    const lines = logLines(output);
    // The run did log: startup, commands, the reminder, the feed poll and the error.
    for (const msg of ['connected to Discord', 'interaction answered', 'reminder posted', 'reminder post failed; will retry', 'job ran']) {
      expect(lines.some((l) => l.msg === msg), msg).toBe(true);
    }
    const token = fake.token;
    const segments = token.split('.').filter((s) => s.length >= 8);
    expect(segments.length).toBeGreaterThan(0);
    // A real token's first segment is the bot's user id in base64: that must not show up either.
    const firstSegment = [Buffer.from(fake.botUserId).toString('base64'), Buffer.from(fake.botUserId).toString('base64').replace(/=+$/, '')];
    for (const secret of [token, ...segments, ...firstSegment, Buffer.from(token).toString('base64'), Buffer.from(token).toString('base64url'), encodeURIComponent(token)]) {
      expect(output).not.toContain(secret);
    }
    // Interaction tokens answer as the bot for 15 minutes: none of them is logged either.
    for (const r of Object.values(results)) expect(output).not.toContain(r.token);
  });
});
