// /feed and /watch through the command router, over a real NewsMonitor (local feed server, SQLite file).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import feed from '../../commands/feed';
import watch from '../../commands/watch';
import type { Caller } from '../../src/core/command';
import { ManualClock } from '../../src/core/clock';
import type { MessagePoster } from '../../src/core/poster';
import { CommandRouter } from '../../src/core/router';
import type { Services } from '../../src/services';
import { Status } from '../../src/core/status-snapshot';
import { rssFeed, startFeedServer, type FeedServer } from '../feeds/feed-server';
import { silent, startInstance, tempDir, type Instance } from '../feeds/harness';
import { asDiscord } from '../support/discord-markup';
import { LIMITS, renderChoices } from '../../src/transports/discord/render';
import { buildOpml } from '../../src/feeds/opml';
import { parseConfig } from '../../src/config';
import { createScrubber } from '../../src/core/secrets';

const GUILD = '100000000000000001';
const HERE = '200000000000000001';
const OTHER = '200000000000000002';
const NO_EMBED = '200000000000000003';
const admin: Caller = { userId: '300000000000000001', guildId: GUILD, channelId: HERE, canManageGuild: true };
const member: Caller = { ...admin, userId: '300000000000000002', canManageGuild: false };
const nowhere: MessagePoster = { post: async () => ({ ok: false, retryable: true, reason: 'not used' }) };

let server: FeedServer;
let herald: Instance;
let router: CommandRouter;
let clock: ManualClock;
beforeAll(async () => {
  server = await startFeedServer();
  server.set('/cmd.xml', { body: rssFeed('Command Feed', [{ guid: 'c1', title: 'One', link: 'https://c.example/1' }]) });
  server.set('/bad.xml', { body: '<rss><channel>', etag: false });
});
afterAll(() => server.close());
afterEach(() => herald.stop());
beforeEach(async () => {
  clock = new ManualClock('2024-11-27T10:00:00Z');
  herald = await startInstance(join(tempDir('herald-cmd-'), 'h.db'), clock, nowhere, { allowPrivate: true });
  const services: Services = {
    articles: herald.library,
    status: new Status(clock.now(), herald.library),
    feeds: herald.news.feeds,
    watches: herald.news.watches,
    channels: { canPostEmbeds: async (id) => (id === NO_EMBED ? { ok: false, reason: 'it is missing Embed Links' } : { ok: true }) },
  };
  router = new CommandRouter({ commands: [feed, watch], services, clock, log: silent });
});

const run = (command: string, options: Record<string, string | undefined>, caller = admin) => router.run({ command, options, caller }).then(asDiscord); // as Discord shows it

describe('/feed', () => {
  it('is for server admins only, hidden by default and refused in code', async () => {
    expect(feed.definition.default_member_permissions).toBe('32');
    expect(watch.definition.default_member_permissions).toBe('32');
    expect(await run('feed', { subcommand: 'list' }, member)).toEqual({ content: '/feed needs the Manage Server permission.', ephemeral: true });
    expect(await run('watch', { subcommand: 'channel' }, member)).toEqual({ content: '/watch needs the Manage Server permission.', ephemeral: true });
  });

  it('add follows a feed and says its current items were recorded, not announced; list shows it', async () => {
    const url = `${server.base}/cmd.xml`;
    expect(await run('feed', { subcommand: 'add', url })).toEqual({
      content: `Following **Command Feed** <${url}>. Its 1 current item was recorded without announcing; new items will be announced in watched channels (see /watch).`,
      ephemeral: true,
    });
    const list = await run('feed', { subcommand: 'list' });
    expect(list.embeds?.[0].title).toBe('Feeds (1)');
    expect(asDiscord(list.embeds?.[0].description)).toBe(`✅ **Command Feed** <${url}> · last read <t:1732701600:R>`);
    expect(await router.autocomplete({ command: 'feed', options: { subcommand: 'remove' }, caller: admin, focused: 'url', value: 'cmd' })).toEqual([
      { name: `Command Feed — ${url}`, value: url },
    ]);
    expect(await run('feed', { subcommand: 'remove', url })).toEqual({ content: `Stopped following <${url}>.`, ephemeral: true });
  });

  it("a server adds at most FEEDS_PER_SERVER feeds, by /feed add or /feed import; another server's and FEEDS do not count", async () => {
    await herald.stop();
    herald = await startInstance(join(tempDir('herald-cap-'), 'h.db'), clock, nowhere, { allowPrivate: true, caps: { feedsPerServer: 3 }, feeds: [`${server.base}/cmd.xml`] });
    router = new CommandRouter({ commands: [feed], services: { articles: herald.library, status: new Status(clock.now(), herald.library), feeds: herald.news.feeds, opml: herald.news.opml }, clock, log: silent });
    const urls = Array.from({ length: 8 }, (_, i) => {
      server.set(`/cap-${i}.xml`, { body: rssFeed(`Cap ${i}`, [{ guid: `cap${i}`, title: 'One', link: `https://c.example/cap${i}` }]) });
      return `${server.base}/cap-${i}.xml`;
    });
    for (const url of urls.slice(0, 3)) expect((await run('feed', { subcommand: 'add', url })).content).toMatch(/^Following /);
    const refused = await run('feed', { subcommand: 'add', url: urls[3] });
    expect(refused).toEqual({ content: 'A server may follow at most 3 feeds (FEEDS_PER_SERVER), and this one already follows that many or more. Remove one with /feed remove first.', ephemeral: true });
    // Refused before it is fetched, and not kept.
    expect(server.log.filter((l) => l.path === '/cap-3.xml')).toEqual([]);
    const own = async () => (await herald.news.feeds.list(GUILD)).filter((f) => f.scope === 'server').map((f) => f.url);
    expect(await own()).toEqual(urls.slice(0, 3));
    expect((await herald.news.feeds.list(GUILD)).map((f) => f.url)).toContain(`${server.base}/cmd.xml`);
    // Another server has places of its own.
    const elsewhere = { ...admin, guildId: '100000000000000002' };
    expect((await run('feed', { subcommand: 'add', url: urls[3] }, elsewhere)).content).toMatch(/^Following /);
    // An OPML import fills the places left, whatever its parallel adds finish first, and reports the rest refused.
    await run('feed', { subcommand: 'remove', url: urls[0] });
    await run('feed', { subcommand: 'remove', url: urls[1] });
    const report = await herald.news.opml.importFeeds({ guildId: GUILD, userId: admin.userId, data: Buffer.from(buildOpml(urls.slice(3).map((url) => ({ url })), { title: 't', now: clock.now() })) });
    expect(report.ok && [report.added.length, report.failed.map((f) => f.reason.startsWith('A server may follow at most 3 feeds'))]).toEqual([2, [true, true, true]]);
    expect(await own()).toHaveLength(3);
  });

  it("an operator's feed URL with a password (FEEDS) is listed to a server's admins without it", async () => {
    const credentialed = `http://reader:intranet-pass-77@127.0.0.1:${server.port}/cmd.xml`;
    const loaded = parseConfig({ FEEDS: `https://news.example/rss.xml, ${credentialed}` });
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    await herald.stop();
    herald = await startInstance(join(tempDir('herald-cred-'), 'h.db'), clock, nowhere, { allowPrivate: true, feeds: loaded.config.FEEDS });
    // As main.ts wires it: every reply scrubbed of the secrets the configuration holds.
    router = new CommandRouter({ commands: [feed], services: { articles: herald.library, status: new Status(clock.now(), herald.library), feeds: herald.news.feeds }, clock, log: silent, scrub: createScrubber(loaded.secrets) });
    const list = await run('feed', { subcommand: 'list' });
    expect(list.embeds?.[0].description).toContain(`<http://reader:[redacted]@127.0.0.1:${server.port}/cmd.xml>`);
    expect(JSON.stringify(list)).not.toContain('intranet-pass-77');
  });

  it('a feed whose URL is longer than an autocomplete value can be is not suggested cut: a picked suggestion always names the feed', async () => {
    const path = `/${'long-feed-path-'.repeat(8)}.xml`;
    server.set(path, { body: rssFeed('Long Feed', [{ guid: 'l1', title: 'One', link: 'https://c.example/l1' }]) });
    const long = `${server.base}${path}`;
    const short = `${server.base}/cmd.xml`;
    expect(long.length).toBeGreaterThan(LIMITS.choiceValue);
    await run('feed', { subcommand: 'add', url: long });
    await run('feed', { subcommand: 'add', url: short });
    const offered = renderChoices(await router.autocomplete({ command: 'feed', options: { subcommand: 'remove' }, caller: admin, focused: 'url', value: '' }));
    expect(offered.map((c) => c.value)).toEqual([short]);
    for (const choice of offered) expect((await run('feed', { subcommand: 'remove', url: choice.value })).content).toBe(`Stopped following <${choice.value}>.`);
  });

  it('add refuses what it cannot read, with the reason; list shows a failing configured feed with its error', async () => {
    expect(await run('feed', { subcommand: 'add', url: 'ftp://example.org/feed' })).toEqual({ content: '`ftp://example.org/feed` is not an http(s) URL.', ephemeral: true });
    const bad = await run('feed', { subcommand: 'add', url: `${server.base}/bad.xml` });
    expect(bad.content).toMatch(/^Herald could not read that feed: not well-formed XML/);
    await herald.news.feeds.syncConfigFeeds([`${server.base}/bad.xml`]);
    await herald.news.feeds.pollAll();
    const list = await run('feed', { subcommand: 'list' });
    expect(list.embeds?.[0].title).toBe('Feeds (1, 1 failing)');
    expect(asDiscord(list.embeds?.[0].description)).toMatch(/^⚠️ <http:\/\/127\.0\.0\.1:\d+\/bad\.xml> · from configuration · failing \(1 in a row\): not well-formed XML .* · next try <t:\d+:R>$/);
  });
});

describe('/watch', () => {
  it('channel subscribes the current channel after checking Herald can post embeds there', async () => {
    expect(await run('watch', { subcommand: 'channel', channel: NO_EMBED })).toEqual({
      content: `Herald cannot announce in <#${NO_EMBED}>: it is missing Embed Links.`,
      ephemeral: true,
    });
    expect(await run('watch', { subcommand: 'channel' })).toEqual({ content: `New articles will be announced in <#${HERE}> (every new article).`, ephemeral: true });
    expect(await run('watch', { subcommand: 'channel', channel: OTHER, topic: 'CSTO, Tajikistan' })).toEqual({
      content: `New articles will be announced in <#${OTHER}> (only about: CSTO, Tajikistan).`,
      ephemeral: true,
    });
  });

  it('topic narrows one or every watch, "*" widens again; list and off', async () => {
    expect(await run('watch', { subcommand: 'topic', keywords: 'CSTO' })).toEqual({
      content: 'No channel is watched in this server yet: use /watch channel first.',
      ephemeral: true,
    });
    await run('watch', { subcommand: 'channel' });
    await run('watch', { subcommand: 'channel', channel: OTHER });
    expect(await run('watch', { subcommand: 'topic', keywords: 'CSTO', channel: OTHER })).toEqual({ content: `<#${OTHER}> (only about: CSTO)`, ephemeral: true });
    expect((await run('watch', { subcommand: 'list' })).embeds?.[0]).toEqual({
      title: 'Watched channels (2)',
      description: `📣 <#${HERE}> (every new article)\n📣 <#${OTHER}> (only about: CSTO)`,
    });
    expect(await run('watch', { subcommand: 'topic', keywords: '*' })).toEqual({ content: `<#${HERE}> (every new article)\n<#${OTHER}> (every new article)`, ephemeral: true });
    expect(await run('watch', { subcommand: 'off', channel: OTHER })).toEqual({ content: `Announcements in <#${OTHER}> stopped.`, ephemeral: true });
    expect(await run('watch', { subcommand: 'off' })).toEqual({ content: 'Announcements stopped in 1 channel.', ephemeral: true });
    expect(await run('watch', { subcommand: 'list' })).toEqual({ content: 'No channel is watched. Start with /watch channel.', ephemeral: true });
  });
});
