// Per-server libraries (issue 14), end to end: Herald (src/main.ts, a real child process) in two servers
// of the fake Discord, driven through the real discord.js client with slash commands. The operator's
// article folder is everyone's; each server's /feed add items are that server's alone in /articles,
// /ask, /brief, /when, /who, /facts, /source, /timeline, autocomplete, /status, /remind list, reminders
// and announcements. An item of server A on the operator's story that moves its date moves A's reminder
// only (not B's, not REMINDER_CHANNEL_ID's), and B's /brief of that story does not show it. A feed both
// servers follow is parsed once and seen by both; two copies of one item keep each server's own link.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type InteractionResult } from '../e2e/fake-discord';
import { SEED_FILE } from '../e2e/bot-harness';
import { rssFeed, startFeedServer, type FeedServer } from '../feeds/feed-server';
import { logLines, spawnHerald, until, type Child } from '../hardening/child';

const PUB = 'Wed, 27 Nov 2024 08:00:00 GMT';
const filler = 'Officials gave no further details to reporters on Wednesday. Observers expect a lively debate in the coming days. ';
/** A feed item published at PUB: its paragraphs, padded with filler to an article's length. */
const item = (guid: string, title: string, ...paragraphs: string[]) => ({
  guid,
  title,
  pubDate: PUB,
  content: [...paragraphs, filler.repeat(4 - paragraphs.length)].map((p) => `<p>${p}</p>`).join(''),
});

/** Server A's own news: nobody else may see or be reminded of it. */
const ZORVIA = item('a-zorvia', 'Zorvian parliament to vote on the fishing budget', 'The Zorvian parliament will vote on the fishing budget on November 28, Speaker Odila Marsk said in Port Veyra on Wednesday.');
/** Server A's item on the operator's story: the approval moved to December 5 (written for this test). */
const POSTPONED = item(
  'a-postponed',
  'CSTO postpones approval of Tajikistan-Afghanistan border plan',
  'The Collective Security Treaty Organization (CSTO) will approve the plan to strengthen the border between Tajikistan and Afghanistan on December 5, its Secretary-General Imangali Tasmagambetov said on Wednesday.',
  'The plan includes several stages, among them the full deployment along the border.',
);
/** One story syndicated to both servers' own feeds under two links. */
const syndicated = (link: string) => ({
  ...item(`syn-${link}`, 'Harbour Ferry Company workers in Aberdeen to strike', 'Workers of the Harbour Ferry Company in Aberdeen will strike on November 29, the union said on Wednesday.'),
  link,
});
/** The feed both servers follow. */
const SHARED = item('shared-1', 'Velmont city council sets date for library vote', 'The Velmont city council will vote on the new central library on November 28, Mayor Irena Kowal said on Wednesday.');

let fake: FakeDiscord;
let feeds: FeedServer;
let dir: string;
let herald: Child | undefined;
let statusPort: number;
let B: { guildId: string; general: string };
const ch = { aReminders: '', bReminders: '', config: '' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(now: string): Child {
  return spawnHerald({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATABASE_PATH: join(dir, 'herald.db'),
    ARTICLES_DIR: join(dir, 'articles'),
    REMINDER_CHANNEL_ID: ch.config,
    REMINDER_TIME: '09:00',
    TIMEZONE: 'UTC',
    HERALD_FAKE_NOW: now,
    ALLOW_PRIVATE_FEEDS: 'all',
    FEED_POLL: '*/2 * * * * *',
    STATUS_PORT: String(statusPort),
    LOG_LEVEL: 'info',
  });
}

async function stop(): Promise<void> {
  if (!herald) return;
  herald.kill('SIGTERM');
  await herald.exited;
  herald = undefined;
}

const inA = { admin: true } as const;
const inB = () => ({ admin: true, guildId: B.guildId });
const text = (r: InteractionResult) => JSON.stringify(r.final ?? r.reply ?? r.choices ?? null);
const fieldNames = (r: InteractionResult) => ((r.final?.embeds?.[0] as { fields?: { name: string }[] } | undefined)?.fields ?? []).map((f) => f.name);
const titles = (channelId: string) => fake.messages(channelId).map((m) => (m.embeds[0] as { title?: string } | undefined)?.title);

beforeAll(async () => {
  fake = await startFakeDiscord();
  B = fake.addGuild('Server B');
  ch.aReminders = fake.addChannel({ name: 'a-reminders' });
  ch.config = fake.addChannel({ name: 'operator-reminders' });
  ch.bReminders = fake.addChannel({ name: 'b-reminders', guildId: B.guildId });
  feeds = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'herald-servers-'));
  const articles = join(dir, 'articles');
  (await import('node:fs')).mkdirSync(articles);
  copyFileSync(SEED_FILE, join(articles, 'csto-border-plan.txt'));
  statusPort = await freePort();
  feeds.set('/a.xml', { body: rssFeed('Desk A', [{ guid: 'a-old', title: 'Old news A', link: `${feeds.base}/a/old`, content: '<p>Old.</p>' }]) });
  feeds.set('/b.xml', { body: rssFeed('Desk B', [{ guid: 'b-old', title: 'Old news B', link: `${feeds.base}/b/old`, content: '<p>Old.</p>' }]) });
  feeds.set('/shared.xml', { body: rssFeed('Shared Desk', [{ guid: 's-old', title: 'Old shared news', link: `${feeds.base}/s/old`, content: '<p>Old.</p>' }]) });
  herald = start('2024-11-27T10:00:00Z');
  await until(() => logLines(herald!.output()).some((l) => l.msg === 'connected to Discord'), 'Herald connected', herald, 150_000);
  await fake.waitForReady();
}, 200_000);

afterAll(async () => {
  await stop();
  await feeds?.close();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('two servers, one Herald', () => {
  it('each server sets up its own reminders, watch and feeds with slash commands', async () => {
    for (const [opts, reminders, watch] of [[inA, ch.aReminders, fake.channels.general], [inB(), ch.bReminders, B.general]] as const) {
      expect(text(await fake.injectCommand('remind', { subcommand: 'channel', channel: reminders }, opts))).toMatch(/Reminders/);
      expect(text(await fake.injectCommand('watch', { subcommand: 'channel', channel: watch }, opts))).toMatch(/will be announced/);
    }
    expect(text(await fake.injectCommand('feed', { subcommand: 'add', url: `${feeds.base}/a.xml` }, inA))).toMatch(/Following \*\*Desk A\*\*/);
    expect(text(await fake.injectCommand('feed', { subcommand: 'add', url: `${feeds.base}/shared.xml` }, inA))).toMatch(/Following \*\*Shared Desk\*\*/);
    expect(text(await fake.injectCommand('feed', { subcommand: 'add', url: `${feeds.base}/b.xml` }, inB()))).toMatch(/Following \*\*Desk B\*\*/);
    expect(text(await fake.injectCommand('feed', { subcommand: 'add', url: `${feeds.base}/shared.xml` }, inB()))).toMatch(/Following \*\*Shared Desk\*\*/);

    feeds.set('/a.xml', { body: rssFeed('Desk A', [
      { ...ZORVIA, link: `${feeds.base}/a/zorvia` },
      { ...POSTPONED, link: `${feeds.base}/a/postponed` },
      syndicated(`${feeds.base}/a/ferry`),
    ]) });
    feeds.set('/b.xml', { body: rssFeed('Desk B', [syndicated(`${feeds.base}/b/ferry`)]) });
    feeds.set('/shared.xml', { body: rssFeed('Shared Desk', [{ ...SHARED, link: `${feeds.base}/s/library` }]) });
    // Announcements: A's watch gets A's items and the shared one; B's watch B's item and the shared one.
    await until(() => titles(fake.channels.general).length >= 4 && titles(B.general).length >= 2, 'announcements in both servers', herald, 150_000);
    await new Promise((r) => setTimeout(r, 3000)); // another poll or two: nothing more may come
    expect(titles(fake.channels.general).sort()).toEqual([POSTPONED.title, SHARED.title, syndicated('').title, ZORVIA.title].sort());
    expect(titles(B.general).sort()).toEqual([SHARED.title, syndicated('').title].sort());
    // A's update names the operator's article it continues; B's announcements name nothing of A's.
    const update = fake.messages(fake.channels.general).find((m) => (m.embeds[0] as { title: string }).title === POSTPONED.title);
    expect(JSON.stringify(update?.embeds)).toMatch(/Update to:.*CSTO to approve plan/);
    for (const m of fake.messages(B.general)) expect(JSON.stringify(m.embeds)).not.toMatch(/Zorvian|postpones|a\/ferry|a\.xml/);
    expect(fake.mentionViolations()).toEqual([]);
  }, 240_000);

  it('/articles, /status and autocomplete show each server its own articles and the operator\'s', async () => {
    const a = fieldNames(await fake.injectCommand('articles', {}, inA));
    const b = fieldNames(await fake.injectCommand('articles', {}, inB()));
    const seed = 'CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security';
    expect(a.sort()).toEqual([seed, ZORVIA.title, POSTPONED.title, syndicated('').title, SHARED.title].sort());
    expect(b.sort()).toEqual([seed, syndicated('').title, SHARED.title].sort());
    // A DM sees the operator's articles only.
    expect(fieldNames(await fake.injectCommand('articles', {}, { dm: true }))).toEqual([seed]);
    const statusOf = async (opts: object) => (((await fake.injectCommand('status', {}, opts)).final?.embeds?.[0] as { fields: { name: string; value: string }[] }).fields.find((f) => f.name === 'Articles tracked')?.value);
    expect(await statusOf(inA)).toBe('5');
    expect(await statusOf(inB())).toBe('3');
    const suggest = async (opts: object, value: string) => ((await fake.injectAutocomplete('brief', { name: 'article', value }, {}, opts)).choices ?? []).map((c) => c.name);
    expect(await suggest(inA, 'zorvian')).toEqual([ZORVIA.title]);
    expect(await suggest(inB(), 'zorvian')).toEqual([]);
    expect(await suggest(inB(), 'postpones')).toEqual([]);
    expect(await suggest(inB(), 'velmont')).toEqual([SHARED.title]);
  }, 120_000);

  it('every article command in B answers "no such article" for A\'s article, by headline or by id', async () => {
    const zorviaId = (await fake.injectAutocomplete('when', { name: 'article', value: 'zorvian' }, {}, inA)).choices?.[0]?.value as string;
    expect(zorviaId).toBeTruthy();
    for (const command of ['brief', 'when', 'who', 'facts', 'source', 'timeline']) {
      for (const article of [zorviaId, ZORVIA.title]) {
        const answer = await fake.injectCommand(command, { article }, inB());
        expect(text(answer), `/${command} ${article}`).toMatch(/No such article/);
        expect(text(await fake.injectCommand(command, { article }, inA)), `/${command} in A`).not.toMatch(/No such article/);
      }
    }
    const askB = await fake.injectCommand('ask', { question: 'When will the Zorvian parliament vote on the fishing budget?' }, inB());
    expect(text(askB)).not.toMatch(/Zorvian parliament will vote|Odila Marsk|fishing budget on/);
    const askA = await fake.injectCommand('ask', { question: 'When will the Zorvian parliament vote on the fishing budget?' }, inA);
    expect(text(askA)).toMatch(/November 28|28 November|Nov/);
    expect(text(await fake.injectCommand('ask', { question: 'When does the fishing budget vote happen?', article: zorviaId }, inB()))).toMatch(/No such article/);
  }, 240_000);

  it('copies of one item keep each server\'s own link; the operator\'s story shows B nothing of A\'s', async () => {
    const ferryA = text(await fake.injectCommand('source', { article: syndicated('').title }, inA));
    const ferryB = text(await fake.injectCommand('source', { article: syndicated('').title }, inB()));
    expect(ferryA).toContain('/a/ferry');
    expect(ferryB).toContain('/b/ferry');
    expect(ferryB).not.toContain('/a/ferry');
    const seed = 'CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security';
    expect(text(await fake.injectCommand('brief', { article: seed }, inA))).toMatch(/postpones/);
    expect(text(await fake.injectCommand('brief', { article: seed }, inB()))).not.toMatch(/postpones/);
  }, 120_000);

  it('the feed both servers follow was parsed once', async () => {
    const metrics = await (await fetch(`http://127.0.0.1:${statusPort}/metrics`)).text();
    // Parsed feed items: A's three, B's one, the shared one once (not once per server).
    expect(metrics).toMatch(/herald_ingestion_duration_seconds_count\{source="feed"\} 5\b/);
  });

  it('reminders: A\'s item moves A\'s reminder only; B and REMINDER_CHANNEL_ID keep the operator\'s date; nobody is reminded of another server\'s items', async () => {
    const upcoming = async (opts: object) => {
      const list = await fake.injectCommand('remind', { subcommand: 'list' }, opts);
      return (list.final?.embeds?.[0] as { fields?: { name: string; value: string }[] } | undefined)?.fields?.find((f) => f.name.startsWith('Upcoming'))?.value ?? '';
    };
    const a = await upcoming(inA);
    const b = await upcoming(inB());
    expect(a).toMatch(/Zorvian/);
    expect(a).toMatch(/December 5|Dec|approve/);
    expect(b).not.toMatch(/Zorvian/);
    expect(b).toMatch(/approve the plan/);
    expect(b).toMatch(/Velmont|library/);
    const db = new Database(join(dir, 'herald.db'), { readonly: true });
    try {
      const rows = db
        .prepare("SELECT s.key AS sub, r.event_date AS date, r.state, json_extract(r.content, '$.headline') AS headline FROM reminders r JOIN reminder_subscriptions s ON s.id = r.subscription_id WHERE r.lead_days = 0 ORDER BY s.key, r.event_date, headline")
        .all() as { sub: string; date: string; state: string; headline: string }[];
      const of = (sub: string) => rows.filter((r) => r.sub === sub && r.state === 'pending').map((r) => `${r.date} ${r.headline}`);
      const seed = 'CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security';
      expect(of('config')).toEqual([`2024-11-28 ${seed}`]);
      expect(of(`guild:${B.guildId}`)).toEqual([`2024-11-28 ${seed}`, `2024-11-28 ${SHARED.title}`, `2024-11-29 ${syndicated('').title}`]);
      expect(of(`guild:${fake.guildId}`)).toEqual([`2024-11-28 ${SHARED.title}`, `2024-11-28 ${ZORVIA.title}`, `2024-11-29 ${syndicated('').title}`, `2024-12-05 ${POSTPONED.title}`]);
    } finally {
      db.close();
    }
  }, 120_000);

  it('after a restart on the day, each channel is posted its own reminders (scopes restored from the database)', async () => {
    await stop();
    herald = start('2024-11-28T09:00:01Z');
    await until(() => fake.messages(ch.config).length >= 1 && fake.messages(ch.bReminders).length >= 2 && fake.messages(ch.aReminders).length >= 2, 'reminder posts', herald, 150_000);
    await new Promise((r) => setTimeout(r, 2000));
    const posted = (id: string) => fake.messages(id).map((m) => JSON.stringify(m.embeds)).map((s) => (/Zorvian/.test(s) ? 'zorvia' : /Velmont/.test(s) ? 'shared' : /border/.test(s) ? 'seed' : s.slice(0, 80))).sort();
    expect(posted(ch.config)).toEqual(['seed']);
    expect(posted(ch.bReminders)).toEqual(['seed', 'shared']);
    expect(posted(ch.aReminders)).toEqual(['shared', 'zorvia']);
    expect(fake.mentionViolations()).toEqual([]);
  }, 240_000);
});
