// After-post actions through the real DiscordPoster and the fake Discord: publishing (crosspost) in an
// announcement channel and a thread under each announcement; a transient failure is retried, a refusal
// shows in /watch list, and nothing is done twice.
import { describe, expect, it } from 'vitest';
import { Perm } from '../e2e/fake-discord';
import { rssFeed, type FixtureItem } from './feed-server';
import { feedTestBed } from './harness';

const bed = feedTestBed('herald-actions-');

const story = (i: number, title = `Action story ${i} (${bed.n})`): FixtureItem => ({
  guid: `act-${bed.n}-${i}`,
  title,
  link: `https://act.example/${bed.n}/${i}`,
  pubDate: new Date(Date.UTC(2024, 10, 20 + i, 9)).toUTCString(),
  content: `<p>Story ${i}: the harbour board met.</p><p>${'More details follow. '.repeat(30)}</p>`,
});

describe('threads and publishing', () => {
  it('publishes in an announcement channel and opens a thread named after the headline, once, retrying a transient failure', async () => {
    const news = bed.fake.addChannel({ name: `announcements-${bed.n}`, type: 5 });
    let herald = await bed.start();
    const path = `/a${bed.n}.xml`;
    bed.server.set(path, { body: rssFeed('Actions', [story(1)]) });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: news, userId: bed.fake.users.admin });
    expect(await herald.news.deliveries.configureWatch({ guildId: bed.fake.guildId, channelId: news, patch: { publish: true, openThread: true } })).toMatchObject({
      ok: true,
      watches: [{ channelId: news, publish: true, openThread: true }],
    });
    await herald.news.feeds.add({ url: `${bed.server.base}${path}`, guildId: bed.fake.guildId, userId: bed.fake.users.admin });
    bed.server.set(path, { body: rssFeed('Actions', [story(2, '@everyone Action story 2'), story(1)]) });
    bed.fake.failNext('POST', '/channels/:id/messages/:id/crosspost', 500);
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    const [posted] = bed.fake.messages(news);
    // The crosspost failed once (500) and was tried again within the same drain's retry pass.
    expect(posted.flags & 1).toBe(1);
    expect(posted.thread).toMatchObject({ name: '@\u200beveryone Action story 2', type: 10 });
    const crossposts = () => bed.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/crosspost'));
    expect(crossposts().map((r) => r.status)).toEqual([500, 200]);

    // A restart and more drains do nothing more.
    await herald.stop();
    herald = await bed.start();
    await herald.news.settle();
    expect(crossposts()).toHaveLength(2);
    expect(bed.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/threads'))).toHaveLength(1);
    expect(bed.fake.messages(news)).toHaveLength(1);
    await herald.stop();
  });

  it('a refused thread or publish is reported in /watch list, and the announcement itself still goes out', async () => {
    const plain = bed.fake.addChannel({ name: `plain-${bed.n}`, overwrites: [{ id: bed.fake.botRoleId, type: 0, allow: '0', deny: String(Perm.CreatePublicThreads) }] });
    const herald = await bed.start();
    const path = `/b${bed.n}.xml`;
    bed.server.set(path, { body: rssFeed('Refused', [story(1)]) });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: plain, userId: bed.fake.users.admin });
    await herald.news.deliveries.configureWatch({ guildId: bed.fake.guildId, patch: { publish: true, openThread: true } });
    await herald.news.feeds.add({ url: `${bed.server.base}${path}`, guildId: bed.fake.guildId, userId: bed.fake.users.admin });
    bed.server.set(path, { body: rssFeed('Refused', [story(2), story(1)]) });
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    expect(bed.fake.messages(plain)).toHaveLength(1);
    expect(bed.fake.messages(plain)[0].thread).toBeUndefined();
    const [watch] = await herald.news.watches.list(bed.fake.guildId);
    expect(watch.actionError).toMatch(/^could not (publish: Cannot execute action on this channel type \(50024\)|open a thread: Missing Permissions \(50013\))$/);
    expect(await herald.news.store.outbox.pendingActions(10)).toEqual([]);
    // Turning them off clears the reported error.
    await herald.news.deliveries.configureWatch({ guildId: bed.fake.guildId, patch: { publish: false, openThread: false } });
    expect((await herald.news.watches.list(bed.fake.guildId))[0]).not.toHaveProperty('actionError');
    await herald.stop();
  });
});
