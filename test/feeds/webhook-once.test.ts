// Exactly once for sends without a nonce (webhook posts and forum posts), through the real DiscordPoster
// and the fake Discord: the send is claimed in the store before it leaves; when its outcome is lost (the
// answer never came back, or Herald died between post and record) the next attempt — after a restart —
// finds the message the first send made and records it instead of posting again; a claim whose send never
// left is posted once; a lookup that fails keeps the announcement due.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { ManualClock } from '../../src/core/clock';
import type { MessagePoster, PostResult } from '../../src/core/poster';
import { DiscordWebhookMaker } from '../../src/transports/discord/webhooks';
import { Perm, startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { rssFeed, startFeedServer, type FeedServer, type FixtureItem } from './feed-server';
import { discordPoster, silent, startInstance, tempDir } from './harness';

let server: FeedServer;
let fake: FakeDiscord;
let real: MessagePoster;
let maker: DiscordWebhookMaker;

beforeAll(async () => {
  server = await startFeedServer();
  fake = await startFakeDiscord();
  real = discordPoster(fake);
  maker = new DiscordWebhookMaker(new REST({ api: fake.apiUrl, retries: 0, timeout: 5000 }).setToken(fake.token), silent);
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

/** The first `times` posts: 'lost' sends and then reports a timeout; 'unsent' reports one without sending. */
function faulty(mode: 'lost' | 'unsent', times = 1): MessagePoster {
  let left = times;
  return {
    findSent: real.findSent!.bind(real),
    post: async (channelId, reply, options): Promise<PostResult> => {
      if (left-- <= 0) return real.post(channelId, reply, options);
      if (mode === 'lost') await real.post(channelId, reply, options);
      return { ok: false, retryable: true, reason: 'network: TimeoutError: The operation was aborted due to timeout' };
    },
  };
}

let n = 0;
const item = (title: string): FixtureItem => {
  n++;
  return { guid: `once-${n}`, title, link: `https://once.example/${n}`, pubDate: new Date(Date.UTC(2024, 10, 20, 9, n)).toUTCString(), content: `<p>${title}.</p><p>${'Details. '.repeat(40)}</p>` };
};

/** One Herald "process" with a routed feed to `channel` (webhook delivery when `webhook`); the first new item queued and drained. */
async function firstRun(kind: 'webhook' | 'forum', poster: MessagePoster) {
  const dbPath = join(tempDir('herald-once-'), 'h.db');
  const clock = new ManualClock('2024-11-27T10:00:00Z');
  const overwrites = [{ id: fake.botRoleId, type: 0 as const, allow: String(Perm.ManageWebhooks), deny: '0' }];
  const channel = fake.addChannel({ name: `once-${n}`, type: kind === 'forum' ? 15 : 0, overwrites });
  const path = `/once-${n}.xml`;
  const first = item('Baseline');
  server.set(path, { body: rssFeed('Once', [first]) });
  const herald = await startInstance(dbPath, clock, poster, { webhookMaker: maker });
  const added = await herald.news.feeds.add({ url: `${server.base}${path}`, guildId: fake.guildId, userId: fake.users.admin, channelId: channel, forum: kind === 'forum' });
  expect(added.ok).toBe(true);
  if (kind === 'webhook') expect(await herald.news.deliveries.configureWebhook({ guildId: fake.guildId, channelId: channel, userId: fake.users.admin, name: 'Once Desk' })).toMatchObject({ ok: true, webhook: { name: 'Once Desk' } });
  server.set(path, { body: rssFeed('Once', [item('Quay reopens on Friday'), first]) });
  await herald.news.feeds.pollAll();
  await herald.news.settle();
  return { herald, clock, dbPath, channel };
}

const posted = (kind: 'webhook' | 'forum', channel: string) => (kind === 'forum' ? fake.forumPosts(channel).map((p) => p.message!) : fake.messages(channel));

describe('exactly once without a nonce', () => {
  for (const kind of ['webhook', 'forum'] as const) {
    it(`${kind}: a send whose answer was lost is found after a restart and recorded, not posted again`, async () => {
      const { herald, clock, dbPath, channel } = await firstRun(kind, faulty('lost'));
      expect(posted(kind, channel)).toHaveLength(1);
      expect(await herald.news.store.outbox.announcementCounts()).toEqual({ pending: 1, posted: 0, failed: 0, summarised: 0 });
      await herald.stop();
      // Restart on the same database with a working poster, after the retry's backoff.
      clock.advance(5 * 60_000);
      const again = await startInstance(dbPath, clock, real, { webhookMaker: maker });
      await again.news.settle();
      expect(posted(kind, channel)).toHaveLength(1);
      expect(await again.news.store.outbox.announcementCounts()).toEqual({ pending: 0, posted: 1, failed: 0, summarised: 0 });
      const [route] = (await again.news.store.watches.watches(fake.guildId)).filter((w) => w.channelId === channel);
      const announcement = await again.news.store.outbox.announcement(route.id, `https://once.example/${n}`);
      expect(announcement).toMatchObject({ status: 'posted', messageId: posted(kind, channel)[0].id, sendClaimedAt: null });
      if (kind === 'webhook') expect(posted(kind, channel)[0].webhook_id).toBeDefined();
      await again.stop();
    });

    it(`${kind}: a claim whose send never left is posted once`, async () => {
      const { herald, clock, dbPath, channel } = await firstRun(kind, faulty('unsent'));
      expect(posted(kind, channel)).toHaveLength(0);
      await herald.stop();
      clock.advance(5 * 60_000);
      const again = await startInstance(dbPath, clock, real, { webhookMaker: maker });
      await again.news.settle();
      clock.advance(5 * 60_000);
      await again.news.settle();
      expect(posted(kind, channel)).toHaveLength(1);
      expect(await again.news.store.outbox.announcementCounts()).toEqual({ pending: 0, posted: 1, failed: 0, summarised: 0 });
      await again.stop();
    });
  }

  it('a failed lookup keeps the announcement due (nothing is posted blind), and the next try records it', async () => {
    const { herald, clock, channel } = await firstRun('webhook', faulty('lost'));
    expect(fake.messages(channel)).toHaveLength(1);
    fake.failNext('GET', '/channels/:id/messages', 500);
    clock.advance(5 * 60_000);
    await herald.news.settle();
    expect(fake.messages(channel)).toHaveLength(1);
    expect(await herald.news.store.outbox.announcementCounts()).toEqual({ pending: 1, posted: 0, failed: 0, summarised: 0 });
    clock.advance(30 * 60_000);
    await herald.news.settle();
    expect(fake.messages(channel)).toHaveLength(1);
    expect(await herald.news.store.outbox.announcementCounts()).toEqual({ pending: 0, posted: 1, failed: 0, summarised: 0 });
    await herald.stop();
  });
});
