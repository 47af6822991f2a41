// Red-team scenario (issue 10, finding 6): a feed that switched to 200 new items produced 203
// announcements from one poll. Now one poll of one feed announces at most ANNOUNCE_PER_POLL items to a
// watch (default 10) and one "…and N more" line for the rest, and a channel gets at most
// ANNOUNCE_PER_MINUTE announcements in any minute (default 20) and one summary line for the rest. Real
// feed server, real SQLite, the real Discord poster against the fake Discord.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { rssFeed, startFeedServer, type FeedServer, type FixtureItem } from '../feeds/feed-server';
import { discordPoster, startInstance, tempDir, type Instance } from '../feeds/harness';

let fake: FakeDiscord;
let server: FeedServer;
let herald: Instance | undefined;
let clock: ManualClock;
let channel: string;

beforeEach(async () => {
  fake = await startFakeDiscord();
  server = await startFeedServer();
  clock = new ManualClock('2024-11-27T10:00:00Z');
  channel = fake.addChannel({ name: 'news' });
});
afterEach(async () => {
  await herald?.stop();
  herald = undefined;
  await server.close();
  await fake.close();
});

// No link: no page is fetched for a short item (the origin is the feed URL and the item's guid).
const item = (i: number): FixtureItem => ({
  guid: `flood-${i}`,
  title: `Quay works bulletin number ${i}`,
  pubDate: new Date(Date.UTC(2024, 10, 26, 0, i)).toUTCString(),
  content: `<p>Bulletin ${i}: the harbour board said crews will resurface berth ${i} next spring.</p>`,
});
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => item(from + k));
const posted = () => fake.messages(channel).map((m) => m.content || (m.embeds[0] as { title?: string } | undefined)?.title || '');

async function flood(caps?: { perPoll?: number; perMinute?: number }): Promise<void> {
  server.set('/flood.xml', { body: rssFeed('Flood Desk', range(0, 3)) });
  herald = await startInstance(join(tempDir('herald-flood-'), 'h.db'), clock, discordPoster(fake), { feeds: [`${server.base}/flood.xml`], caps });
  await herald.news.watches.subscribe({ guildId: fake.guildId, channelId: channel, userId: fake.users.admin });
  await herald.news.feeds.pollAll(); // the baseline: nothing announced
  expect(posted()).toEqual([]);
  server.set('/flood.xml', { body: rssFeed('Flood Desk', range(3, 203)) });
  clock.advance(600_000);
  await herald.news.feeds.pollAll();
  await herald.news.settle();
}

describe('a feed switching to 200 new items', () => {
  it('with the defaults: 10 announcements and one line for the other 190, every item still tracked', async () => {
    await flood();
    const out = posted();
    expect(out).toHaveLength(11);
    expect(out.slice(0, 10)).toEqual(range(3, 13).map((i) => i.title));
    expect(out[10]).toBe('…and 190 more new articles from **Flood Desk** in this poll, not announced one by one (at most 10 per feed and poll). See /articles.');
    expect(herald!.library.size()).toBe(200);
    expect(fake.mentionViolations()).toEqual([]);
    // The next poll of the unchanged feed adds nothing.
    clock.advance(600_000);
    await herald!.news.feeds.pollAll();
    await herald!.news.settle();
    expect(posted()).toHaveLength(11);
  }, 60_000);

  it('with ANNOUNCE_PER_POLL=100 the channel cap holds: 20 in the minute, one line for the other 80, then the next minute posts again', async () => {
    await flood({ perPoll: 100, perMinute: 20 });
    const out = posted();
    expect(out.slice(0, 20)).toEqual(range(3, 23).map((i) => i.title));
    expect(out.slice(20).sort()).toEqual([
      '…and 100 more new articles from **Flood Desk** in this poll, not announced one by one (at most 100 per feed and poll). See /articles.',
      '…and 80 more new articles from Flood Desk, not announced one by one (at most 20 a minute in this channel). See /articles.',
    ].sort());
    expect(out).toHaveLength(22);
    expect(await herald!.news.store.outbox.announcementCounts()).toMatchObject({ pending: 0, summarised: 80 });
    // A minute later the channel takes announcements again.
    server.set('/flood.xml', { body: rssFeed('Flood Desk', range(203, 205)) });
    clock.advance(61_000);
    await herald!.news.feeds.pollAll();
    await herald!.news.settle();
    expect(posted().slice(22)).toEqual(range(203, 205).map((i) => i.title));
  }, 60_000);

  it('a second burst inside the same minute waits for the window instead of a second summary', async () => {
    await flood({ perPoll: 100, perMinute: 20 });
    expect(posted()).toHaveLength(22);
    server.set('/flood.xml', { body: rssFeed('Flood Desk', range(203, 206)) });
    clock.advance(10_000);
    await herald!.news.feeds.pollAll();
    await herald!.news.settle();
    expect(posted()).toHaveLength(22);
    clock.advance(55_000);
    await herald!.news.settle();
    expect(posted().slice(22)).toEqual(range(203, 206).map((i) => i.title));
  }, 60_000);
});
