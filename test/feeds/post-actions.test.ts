// After-post actions through the real DiscordPoster and the fake Discord: publishing (crosspost) in an
// announcement channel and a thread under each announcement; a transient failure is retried, a refusal
// shows in /watch list, and nothing is done twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock';
import type { MessagePoster } from '../../src/core/poster';
import { Perm, startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { rssFeed, startFeedServer, type FeedServer, type FixtureItem } from './feed-server';
import { discordPoster, startInstance, tempDir } from './harness';

let server: FeedServer;
let fake: FakeDiscord;
let poster: MessagePoster;
let n = 0;

beforeAll(async () => {
  server = await startFeedServer();
  fake = await startFakeDiscord();
  poster = discordPoster(fake);
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

let dbPath: string;
let clock: ManualClock;
beforeEach(() => {
  n++;
  dbPath = join(tempDir('herald-actions-'), 'herald.db');
  clock = new ManualClock('2024-11-27T10:00:00Z');
});

const story = (i: number, title = `Action story ${i} (${n})`): FixtureItem => ({
  guid: `act-${n}-${i}`,
  title,
  link: `https://act.example/${n}/${i}`,
  pubDate: new Date(Date.UTC(2024, 10, 20 + i, 9)).toUTCString(),
  content: `<p>Story ${i}: the harbour board met.</p><p>${'More details follow. '.repeat(30)}</p>`,
});

describe('threads and publishing', () => {
  it('publishes in an announcement channel and opens a thread named after the headline, once, retrying a transient failure', async () => {
    const news = fake.addChannel({ name: `announcements-${n}`, type: 5 });
    let herald = await startInstance(dbPath, clock, poster);
    const path = `/a${n}.xml`;
    server.set(path, { body: rssFeed('Actions', [story(1)]) });
    await herald.news.watches.subscribe({ guildId: fake.guildId, channelId: news, userId: fake.users.admin });
    expect(await herald.news.deliveries.configureWatch({ guildId: fake.guildId, channelId: news, patch: { publish: true, openThread: true } })).toMatchObject({
      ok: true,
      watches: [{ channelId: news, publish: true, openThread: true }],
    });
    await herald.news.feeds.add({ url: `${server.base}${path}`, guildId: fake.guildId, userId: fake.users.admin });
    server.set(path, { body: rssFeed('Actions', [story(2, '@everyone Action story 2'), story(1)]) });
    fake.failNext('POST', '/channels/:id/messages/:id/crosspost', 500);
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    const [posted] = fake.messages(news);
    // The crosspost failed once (500) and was tried again within the same drain's retry pass.
    expect(posted.flags & 1).toBe(1);
    expect(posted.thread).toMatchObject({ name: '@\u200beveryone Action story 2', type: 10 });
    const crossposts = () => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/crosspost'));
    expect(crossposts().map((r) => r.status)).toEqual([500, 200]);

    // A restart and more drains do nothing more.
    await herald.stop();
    herald = await startInstance(dbPath, clock, poster);
    await herald.news.settle();
    expect(crossposts()).toHaveLength(2);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/threads'))).toHaveLength(1);
    expect(fake.messages(news)).toHaveLength(1);
    await herald.stop();
  });

  it('a refused thread or publish is reported in /watch list, and the announcement itself still goes out', async () => {
    const plain = fake.addChannel({ name: `plain-${n}`, overwrites: [{ id: fake.botRoleId, type: 0, allow: '0', deny: String(Perm.CreatePublicThreads) }] });
    const herald = await startInstance(dbPath, clock, poster);
    const path = `/b${n}.xml`;
    server.set(path, { body: rssFeed('Refused', [story(1)]) });
    await herald.news.watches.subscribe({ guildId: fake.guildId, channelId: plain, userId: fake.users.admin });
    await herald.news.deliveries.configureWatch({ guildId: fake.guildId, patch: { publish: true, openThread: true } });
    await herald.news.feeds.add({ url: `${server.base}${path}`, guildId: fake.guildId, userId: fake.users.admin });
    server.set(path, { body: rssFeed('Refused', [story(2), story(1)]) });
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    expect(fake.messages(plain)).toHaveLength(1);
    expect(fake.messages(plain)[0].thread).toBeUndefined();
    const [watch] = await herald.news.watches.list(fake.guildId);
    expect(watch.actionError).toMatch(/^could not (publish: Cannot execute action on this channel type \(50024\)|open a thread: Missing Permissions \(50013\))$/);
    expect(await herald.news.store.pendingActions(10)).toEqual([]);
    // Turning them off clears the reported error.
    await herald.news.deliveries.configureWatch({ guildId: fake.guildId, patch: { publish: false, openThread: false } });
    expect((await herald.news.watches.list(fake.guildId))[0]).not.toHaveProperty('actionError');
    await herald.stop();
  });
});
