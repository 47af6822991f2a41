// Feed routes, filters, per-feed poll intervals, backfill, role pings, templates and previews, on real
// SQLite with feeds served over HTTP and announcements posted by the real DiscordPoster to the fake Discord.
import { describe, expect, it } from 'vitest';
import { rssFeed, type FixtureItem } from './feed-server';
import { feedTestBed } from './harness';
import { asDiscord } from '../support/discord-markup';

const bed = feedTestBed('herald-deliveries-');
const guild = () => bed.fake.guildId;
const admin = () => bed.fake.users.admin;

const story = (feed: string, i: number, words = 'the harbour board met on Monday', extra: Partial<FixtureItem> = {}): FixtureItem => ({
  guid: `${feed}-${bed.n}-${i}`,
  title: `${feed} story ${i} (${bed.n})`,
  link: `https://${feed}.example/${bed.n}/${i}`,
  pubDate: new Date(Date.UTC(2024, 10, 20 + i, 9)).toUTCString(),
  content: `<p>${feed} story ${i}: ${words}.</p><p>${'Work continues through the winter with more crews on site. '.repeat(12)}</p>`,
  ...extra,
});

const titles = (channelId: string) => bed.fake.messages(channelId).map((m) => (m.embeds[0] as { title?: string } | undefined)?.title ?? m.content);

describe('feed routes and watches combined', () => {
  it('a routed feed posts in its channel, not in every-article watches; topic watches still see it; a channel gets an article once', async () => {
    const [routed, other, all, topical] = ['routed', 'other', 'all', 'topical'].map((name) => bed.fake.addChannel({ name: `${name}-${bed.n}` }));
    const herald = await bed.start();
    const a = `/r${bed.n}/a.xml`;
    const b = `/r${bed.n}/b.xml`;
    bed.server.set(a, { body: rssFeed('Alpha', [story('alpha', 1)]) });
    bed.server.set(b, { body: rssFeed('Beta', [story('beta', 1, 'the council met')]) });
    await herald.news.watches.subscribe({ guildId: guild(), channelId: all, userId: admin() });
    await herald.news.watches.subscribe({ guildId: guild(), channelId: topical, topic: 'ferry', userId: admin() });
    // The routed channel is watched too: it must still get each article once.
    await herald.news.watches.subscribe({ guildId: guild(), channelId: routed, topic: 'harbour', userId: admin() });
    const added = await herald.news.feeds.add({ url: `${bed.server.base}${a}`, guildId: guild(), userId: admin(), channelId: routed });
    expect(added).toMatchObject({ ok: true, created: true, feed: { channelId: routed } });
    await herald.news.feeds.add({ url: `${bed.server.base}${b}`, guildId: guild(), userId: admin() });

    bed.server.set(a, { body: rssFeed('Alpha', [story('alpha', 2), story('alpha', 3, 'the ferry sails on Friday'), story('alpha', 1)]) });
    bed.server.set(b, { body: rssFeed('Beta', [story('beta', 2, 'the council met'), story('beta', 1, 'the council met')]) });
    bed.clock.advance(600_000);
    await herald.news.feeds.pollAll();
    await herald.news.settle();

    expect(titles(routed).sort()).toEqual([`alpha story 2 (${bed.n})`, `alpha story 3 (${bed.n})`]);
    expect(titles(all)).toEqual([`beta story 2 (${bed.n})`]);
    expect(titles(topical)).toEqual([`alpha story 3 (${bed.n})`]);
    expect(bed.fake.mentionViolations()).toEqual([]);

    // Un-routing sends the feed's next items back to the every-article watches.
    expect(await herald.news.deliveries.route({ guildId: guild(), url: `${bed.server.base}${a}`, channelId: null, userId: admin() })).toMatchObject({ ok: true });
    bed.server.set(a, { body: rssFeed('Alpha', [story('alpha', 4), story('alpha', 2), story('alpha', 3, 'the ferry sails on Friday'), story('alpha', 1)]) });
    bed.clock.advance(600_000);
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    expect(titles(all)).toEqual([`beta story 2 (${bed.n})`, `alpha story 4 (${bed.n})`]);
    expect(titles(routed)).toHaveLength(3); // the harbour topic watch on that channel matched story 4
    await herald.stop();
  });

  it('changing a route moves the feed\'s next items; the route is listed in /watch list with the feed', async () => {
    const [first, second] = [bed.fake.addChannel({ name: `first-${bed.n}` }), bed.fake.addChannel({ name: `second-${bed.n}` })];
    const herald = await bed.start();
    const url = `${bed.server.base}/m${bed.n}.xml`;
    bed.server.set(`/m${bed.n}.xml`, { body: rssFeed('Moving', [story('mv', 1)]) });
    await herald.news.feeds.add({ url, guildId: guild(), userId: admin(), channelId: first });
    expect(await herald.news.deliveries.route({ guildId: guild(), url, channelId: second, userId: admin() })).toMatchObject({ ok: true, feed: { channelId: second } });
    expect((await herald.news.watches.list(guild())).filter((w) => w.feed)).toEqual([{ channelId: second, feed: { url, title: 'Moving' } }]);
    bed.server.set(`/m${bed.n}.xml`, { body: rssFeed('Moving', [story('mv', 2), story('mv', 1)]) });
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    expect(titles(first)).toEqual([]);
    expect(titles(second)).toEqual([`mv story 2 (${bed.n})`]);
    // FEEDS from the configuration cannot be routed by a server.
    const global = `${bed.server.base}/g${bed.n}.xml`;
    bed.server.set(`/g${bed.n}.xml`, { body: rssFeed('Global', [story('g', 1)]) });
    await herald.news.feeds.syncConfigFeeds([global]);
    expect(await herald.news.deliveries.route({ guildId: guild(), url: global, channelId: first, userId: admin() })).toMatchObject({ ok: false, reason: expect.stringContaining('FEEDS in the configuration') });
    await herald.stop();
  });
});

describe('filters on feeds and watches', () => {
  it('a feed filter applies wherever its items go; a watch filter to that watch; a catastrophic pattern does not stall polling', async () => {
    const [wide, narrow] = [bed.fake.addChannel({ name: `wide-${bed.n}` }), bed.fake.addChannel({ name: `narrow-${bed.n}` })];
    const herald = await bed.start();
    const url = `${bed.server.base}/f${bed.n}.xml`;
    bed.server.set(`/f${bed.n}.xml`, { body: rssFeed('Filtered', [story('f', 1)]) });
    await herald.news.watches.subscribe({ guildId: guild(), channelId: wide, userId: admin() });
    await herald.news.watches.subscribe({ guildId: guild(), channelId: narrow, userId: admin() });
    await herald.news.feeds.add({ url, guildId: guild(), userId: admin() });
    expect(await herald.news.deliveries.configureFeed({ guildId: guild(), url, patch: { filter: { exclude: 'opinion' } } })).toMatchObject({ ok: true, feed: { filter: 'without: opinion' } });
    expect(await herald.news.deliveries.configureWatch({ guildId: guild(), channelId: narrow, patch: { filter: { pattern: '(a+)+$', include: 'ferry' } } })).toMatchObject({
      ok: true,
      watches: [{ channelId: narrow, filter: 'only with: ferry; matching /(a+)+$/' }],
    });
    const hostile = `the ferry ${'a'.repeat(5000)}`;
    bed.server.set(`/f${bed.n}.xml`, {
      body: rssFeed('Filtered', [story('f', 2, 'Opinion: the harbour is fine'), story('f', 3, hostile), story('f', 4, `the ferry ${'a'.repeat(5000)}!`), story('f', 1)]),
    });
    const started = performance.now();
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(titles(wide).sort()).toEqual([`f story 3 (${bed.n})`, `f story 4 (${bed.n})`]);
    // Story 4's text ends in "!" — but the article text goes on after it, so the anchored pattern fails for both.
    expect(titles(narrow)).toEqual([]);
    expect(await herald.news.deliveries.configureWatch({ guildId: guild(), channelId: narrow, patch: { filter: { pattern: 'ferry a{10}', include: '-' } } })).toMatchObject({ ok: true });
    bed.server.set(`/f${bed.n}.xml`, { body: rssFeed('Filtered', [story('f', 5, `the ferry ${'a'.repeat(20)}`), story('f', 6, 'the harbour only')]) });
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    expect(titles(narrow)).toEqual([`f story 5 (${bed.n})`]);
    // Bad input is refused with a reason, and nothing changes.
    expect(await herald.news.deliveries.configureWatch({ guildId: guild(), channelId: narrow, patch: { filter: { pattern: '(a)\\1' } } })).toMatchObject({ ok: false, reason: expect.stringContaining('no backreferences') });
    expect((await herald.news.watches.list(guild())).find((w) => w.channelId === narrow)?.filter).toBe('matching /ferry a{10}/');
    await herald.stop();
  });
});

describe('per-feed poll interval', () => {
  it('a feed with its own interval is read when it is due, by the minute job; FEED_POLL runs skip it until then', async () => {
    const herald = await bed.start({ minIntervalMinutes: 5 });
    const path = `/i${bed.n}.xml`;
    const url = `${bed.server.base}${path}`;
    bed.server.set(path, { body: rssFeed('Interval', [story('i', 1)]) });
    expect(await herald.news.feeds.add({ url, guildId: guild(), userId: admin(), pollMinutes: 30 })).toMatchObject({ ok: true, feed: { pollMinutes: 30 } });
    const reads = () => bed.server.log.filter((l) => l.path === path).length;
    expect(reads()).toBe(1);
    bed.clock.advance(10 * 60_000);
    await herald.news.feeds.pollAll();
    expect(await herald.news.feeds.pollIntervalFeeds()).toBeNull();
    expect(reads()).toBe(1);
    bed.clock.advance(20 * 60_000);
    expect(await herald.news.feeds.pollIntervalFeeds()).toMatchObject({ polled: 1 });
    expect(reads()).toBe(2);
    expect(await herald.news.deliveries.setInterval({ guildId: guild(), url, minutes: 2 })).toMatchObject({ ok: false, reason: expect.stringContaining('at least 5 minutes') });
    // A FEED_POLL tick while the minute job runs waits for it instead of being lost to it.
    const other = `/i${bed.n}-plain.xml`;
    bed.server.set(other, { body: rssFeed('Plain', [story('ip', 1)]) });
    await herald.news.feeds.add({ url: `${bed.server.base}${other}`, guildId: guild(), userId: admin() });
    bed.clock.advance(30 * 60_000);
    const minute = herald.news.feeds.pollIntervalFeeds();
    const tick = herald.news.feeds.pollAll();
    expect(await minute).toMatchObject({ feeds: 1, polled: 1 });
    expect(await tick).toMatchObject({ feeds: 1, polled: 1 });
    expect(reads()).toBe(3);
    expect(bed.server.log.filter((l) => l.path === other)).toHaveLength(2);
    expect(await herald.news.deliveries.setInterval({ guildId: guild(), url, minutes: null })).toMatchObject({ ok: true });
    bed.clock.advance(60_000);
    await herald.news.feeds.pollAll();
    expect(reads()).toBe(4);
    await herald.stop();
  });
});

describe('backfill', () => {
  it('/feed add backfill:N announces the newest N items once, and never again after a restart', async () => {
    const channel = bed.fake.addChannel({ name: `backfill-${bed.n}` });
    let herald = await bed.start();
    const path = `/b${bed.n}.xml`;
    const url = `${bed.server.base}${path}`;
    bed.server.set(path, { body: rssFeed('Backfill', [story('bf', 4), story('bf', 3), story('bf', 2), story('bf', 1)]) });
    const added = await herald.news.feeds.add({ url, guildId: guild(), userId: admin(), channelId: channel, backfill: 2 });
    expect(added).toMatchObject({ ok: true, created: true, itemsRecorded: 2, backfilled: 2 });
    await herald.news.settle();
    expect(titles(channel)).toEqual([`bf story 3 (${bed.n})`, `bf story 4 (${bed.n})`]);
    await herald.stop();
    herald = await bed.start();
    bed.clock.advance(600_000);
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    expect(titles(channel)).toHaveLength(2);
    // Default 0: nothing of a new feed is announced.
    const quiet = `/q${bed.n}.xml`;
    bed.server.set(quiet, { body: rssFeed('Quiet', [story('q', 1)]) });
    expect(await herald.news.feeds.add({ url: `${bed.server.base}${quiet}`, guildId: guild(), userId: admin(), channelId: channel })).toMatchObject({ backfilled: 0, itemsRecorded: 1 });
    await herald.news.settle();
    expect(titles(channel)).toHaveLength(2);
    await herald.stop();
  });
});

describe('role pings, templates and previews', () => {
  it('a role ping names exactly that role; a template in text format; the preview is the message that is then posted', async () => {
    const channel = bed.fake.addChannel({ name: `ping-${bed.n}` });
    const role = bed.fake.snowflake();
    const herald = await bed.start();
    await herald.news.watches.subscribe({ guildId: guild(), channelId: channel, userId: admin() });
    expect(await herald.news.deliveries.configureWatch({ guildId: guild(), channelId: channel, patch: { pingRoleId: guild() } })).toMatchObject({ ok: false, reason: expect.stringContaining('@everyone') });
    expect(await herald.news.deliveries.configureWatch({ guildId: guild(), patch: { template: '<@&{title}>' } })).toMatchObject({ ok: false, reason: expect.stringContaining('cannot mention') });
    expect(await herald.news.deliveries.configureWatch({ guildId: guild(), channelId: channel, patch: { pingRoleId: role, template: '{title}\n{summary}\n{link}', format: 'text' } })).toMatchObject({
      ok: true,
      watches: [{ channelId: channel, pingRoleId: role, format: 'text', template: '{title}\n{summary}\n{link}' }],
    });
    expect(await herald.news.deliveries.previewWatch({ guildId: guild(), channelId: channel })).toMatchObject({ ok: false });

    const path = `/p${bed.n}.xml`;
    bed.server.set(path, { body: rssFeed('Pings', [story('p', 1)]) });
    await herald.news.feeds.add({ url: `${bed.server.base}${path}`, guildId: guild(), userId: admin() });
    // A hostile headline: digits that would be a role mention inside "<@&…>", and @everyone.
    bed.server.set(path, { body: rssFeed('Pings', [story('p', 2, '@everyone <@&123456789012345678> read this', { title: '@everyone 123456789012345678' }), story('p', 1)]) });
    // Poll without draining: the announcement waits in the outbox, so the preview shows it.
    await herald.news.feeds.pollFeed((await herald.news.store.feeds.feedByUrl(`${bed.server.base}${path}`, guild()))!);
    const preview = await herald.news.deliveries.previewWatch({ guildId: guild(), channelId: channel });
    expect(preview).toMatchObject({ ok: true, queued: true, channelId: channel });
    await herald.news.settle();
    const [posted] = bed.fake.messages(channel);
    if (!preview.ok) throw new Error('unreachable');
    expect(posted.content).toBe(asDiscord(preview.reply.content));
    expect(posted.content.split('\n')[0]).toBe(`<@&${role}>`);
    expect(posted.content).not.toMatch(/@everyone|<@&1234/);
    expect(posted.allowed_mentions).toEqual({ parse: [], roles: [role] });
    expect(bed.fake.mentionViolations()).toEqual([]);

    // Once posted, the preview renders the newest article it would announce the same way.
    const again = await herald.news.deliveries.previewWatch({ guildId: guild(), channelId: channel });
    expect(again).toMatchObject({ ok: true, queued: false, reply: { pingRoleId: role } });
    expect(again.ok && asDiscord(again.reply.content)).toBe(posted.content);
    expect(await herald.news.watches.list(guild())).toEqual([expect.objectContaining({ channelId: channel, pingRoleId: role })]);
    await herald.stop();
  });

  it('a feed\'s template and ping need a route; the route\'s embed carries the template as its text', async () => {
    const channel = bed.fake.addChannel({ name: `route-tpl-${bed.n}` });
    const herald = await bed.start();
    const path = `/t${bed.n}.xml`;
    const url = `${bed.server.base}${path}`;
    bed.server.set(path, { body: rssFeed('Templated', [story('t', 1)]) });
    await herald.news.feeds.add({ url, guildId: guild(), userId: admin() });
    expect(await herald.news.deliveries.configureFeed({ guildId: guild(), url, patch: { template: '{summary}' } })).toMatchObject({ ok: false, reason: expect.stringContaining('not routed') });
    expect(await herald.news.deliveries.previewFeed({ guildId: guild(), url })).toMatchObject({ ok: false, reason: expect.stringContaining('/watch preview') });
    await herald.news.deliveries.route({ guildId: guild(), url, channelId: channel, userId: admin() });
    expect(await herald.news.deliveries.configureFeed({ guildId: guild(), url, patch: { template: 'From {source}: {summary}' } })).toMatchObject({
      ok: true,
      route: { channelId: channel, template: 'From {source}: {summary}' },
    });
    bed.server.set(path, { body: rssFeed('Templated', [story('t', 2), story('t', 1)]) });
    await herald.news.feeds.pollAll();
    await herald.news.settle();
    const [posted] = bed.fake.messages(channel);
    expect(posted.embeds[0]).toMatchObject({ title: `t story 2 (${bed.n})`, description: expect.stringMatching(/^From Templated: t story 2:/) });
    expect(posted.allowed_mentions).toEqual({ parse: [] });
    const preview = await herald.news.deliveries.previewFeed({ guildId: guild(), url });
    expect(preview).toMatchObject({ ok: true, queued: false });
    if (preview.ok) expect(preview.reply.embeds?.[0]).toMatchObject({ title: `t story 2 (${bed.n})`, description: (posted.embeds[0] as { description: string }).description });
    await herald.stop();
  });
});
