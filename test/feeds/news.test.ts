// News monitoring end to end: feeds served by a local HTTP server, announcements through the real
// DiscordPoster into the fake Discord, "restarts" as new instances on the same database file.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Status } from '../../src/core/status-snapshot';
import { rssFeed, type FixtureItem } from './feed-server';
import { noDns, feedTestBed, startInstance } from './harness';
import { readFileSync } from 'node:fs';
import type { MessagePoster } from '../../src/core/poster';
import { classifyAddress, type AddressVerdict } from '../../src/net/address';
import { remindMeButtons } from '../../src/reminders/members';
import { renderMessage } from '../../src/transports/discord/render';

const bed = feedTestBed('herald-news-');
beforeAll(() => {
  bed.server.set('/page/ferry.html', { body: readFileSync(join(__dirname, 'fixtures', 'page.html'), 'utf8'), type: 'text/html; charset=utf-8' });
  bed.server.set('/malformed.xml', { body: readFileSync(join(__dirname, 'fixtures', 'malformed.xml'), 'utf8') });
});

/** A fresh feed path and channel per test (with the bed's database and clock), so tests stay independent. */
let path: string;
let channel: string;
beforeEach(() => {
  path = `/feeds/f${bed.n}.xml`;
  channel = bed.fake.addChannel({ name: `news-${bed.n}` });
});

const item = (i: number, extra: Partial<FixtureItem> = {}): FixtureItem => ({
  guid: `item-${bed.n}-${i}`,
  title: `Harbour story number ${i} of feed ${bed.n}`,
  link: `https://gazette.example/${bed.n}/${i}`,
  pubDate: new Date(Date.UTC(2024, 10, 20 + i, 9)).toUTCString(),
  content: `<p>Story ${i} of feed ${bed.n}: the harbour board met on Monday and agreed the plan for the ${i}th quay.</p><p>${'Work continues through the winter with more crews on site. '.repeat(12)}</p>`,
  ...extra,
});

/** Name resolution for a feed host the tests treat as public: feeds.public.example is 127.0.0.1, but passes the address check. */
const publicFeeds = {
  resolve: async (host: string) => (host === 'feeds.public.example' ? [{ address: '127.0.0.1', family: 4 }] : []),
  policy: (address: string, host: string): AddressVerdict => (host === 'feeds.public.example' ? { allowed: true, address, family: 4 } : classifyAddress(address)),
};

const titles = (channelId: string) => bed.fake.messages(channelId).map((m) => (m.embeds[0] as { title?: string }).title);

describe('feeds through the fake Discord', () => {
  it('records the first poll without announcing, then announces each new item exactly once, across restarts', async () => {
    bed.server.set(path, { body: rssFeed('Harbour Gazette', [item(2), item(1)]) });
    const url = `${bed.server.base}${path}`;
    let herald = await bed.start({ feeds: [url] });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });

    const first = await herald.news.feeds.pollAll();
    expect(first).toMatchObject({ feeds: 1, polled: 1, failed: 0, newItems: 2 });
    expect(bed.fake.messages(channel)).toHaveLength(0);

    bed.server.set(path, { body: rssFeed('Harbour Gazette', [item(3), item(2), item(1)]) });
    bed.clock.advance(600_000);
    await herald.news.feeds.pollAll();
    expect(titles(channel)).toEqual([`Harbour story number 3 of feed ${bed.n}`]);

    // Unchanged feed: a conditional request answered 304, nothing posted.
    bed.clock.advance(600_000);
    const third = await herald.news.feeds.pollAll();
    expect(third).toMatchObject({ notModified: 1, newItems: 0 });
    expect(bed.server.log.filter((l) => l.path === path).at(-1)).toMatchObject({ status: 304 });
    expect(bed.server.log.filter((l) => l.path === path).at(-1)?.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
    expect(bed.fake.messages(channel)).toHaveLength(1);

    // Restart: a new instance on the same database repeats nothing, and still announces what is new.
    await herald.stop();
    herald = await bed.start({ feeds: [url] });
    bed.clock.advance(600_000);
    bed.server.set(path, { body: rssFeed('Harbour Gazette', [item(3, { description: 'resent with a new summary' }), item(2), item(1)]) });
    await herald.news.feeds.pollAll();
    expect(bed.fake.messages(channel)).toHaveLength(1);
    bed.server.set(path, { body: rssFeed('Harbour Gazette', [item(4), item(3), item(2), item(1)]) });
    bed.clock.advance(600_000);
    await herald.news.feeds.pollAll();
    expect(titles(channel)).toEqual([`Harbour story number 3 of feed ${bed.n}`, `Harbour story number 4 of feed ${bed.n}`]);

    const message = bed.fake.messages(channel)[0];
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.nonce).toMatch(/^n[0-9a-f]{24}$/);
    expect(bed.fake.mentionViolations()).toEqual([]);
    await herald.stop();
  });

  it('puts a Remind me button under each upcoming sure event of an announcement, and the preview shows the same', async () => {
    bed.server.set(path, { body: rssFeed('Harbour Gazette', [item(1)]) });
    const url = `${bed.server.base}${path}`;
    const herald = await bed.start({ feeds: [url], buttons: (tracked, now) => remindMeButtons(tracked, now) });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });
    await herald.news.feeds.pollAll();
    const dated = item(2, { content: '<p>The harbour board will vote on the new quay on December 3, 2024, its chair said on Tuesday.</p><p>The vote was delayed once, in 2019.</p>' });
    bed.server.set(path, { body: rssFeed('Harbour Gazette', [dated, item(1)]) });
    bed.clock.advance(600_000);
    await herald.news.feeds.pollAll();
    const [message] = bed.fake.messages(channel);
    const buttons = (message.components as { components: { custom_id: string; label: string }[] }[]).flatMap((r) => r.components);
    expect(buttons.map((b) => b.label)).toEqual([expect.stringMatching(/^Remind me: 3 December 2024 · harbour board to vote on the new quay/)]);
    expect(buttons[0].custom_id).toMatch(/^remind:me:[\w-]{16}:[0-9a-f]{24}$/);
    const preview = await herald.news.deliveries.previewWatch({ guildId: bed.fake.guildId, channelId: channel });
    expect(preview.ok && [preview.article, renderMessage(preview.reply).components?.flatMap((r) => r.components.map((b) => b.label))]).toEqual([`Harbour story number 2 of feed ${bed.n}`, buttons.map((b) => b.label)]);
    await herald.stop();
  });

  it('announces an item seen again under another guid (same normalised content) only once', async () => {
    const other = `/feeds/f${bed.n}-mirror.xml`;
    bed.server.set(path, { body: rssFeed('Gazette', [item(1)]) });
    bed.server.set(other, { body: rssFeed('Mirror', [item(1, { guid: 'mirror-1' })]) });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`, `${bed.server.base}${other}`] });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });
    await herald.news.feeds.pollAll();
    const copy = { ...item(2), guid: 'mirror-2', link: `https://mirror.example/${bed.n}/2`, content: `  ${item(2).content?.toUpperCase()}  ` };
    bed.server.set(path, { body: rssFeed('Gazette', [item(2), item(1)]) });
    bed.server.set(other, { body: rssFeed('Mirror', [copy, item(1, { guid: 'mirror-1' })]) });
    await herald.news.feeds.pollAll();
    expect(bed.fake.messages(channel)).toHaveLength(1);
    await herald.stop();
  });

  it('fetches the linked page when an item has only a summary, and keeps url, source and date', async () => {
    const link = `${bed.server.base}/page/ferry.html`;
    bed.server.set(path, { body: rssFeed('Harbour Gazette', []) });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`] });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });
    await herald.news.feeds.pollAll();
    bed.server.set(path, {
      body: rssFeed('Harbour Gazette', [{ guid: `ferry-${bed.n}`, title: 'Ferry timetable changes', link, pubDate: 'Tue, 26 Nov 2024 10:00:00 GMT', description: 'Winter times.' }]),
    });
    await herald.news.feeds.pollAll();
    const tracked = herald.library.byOriginPath(link);
    expect(tracked?.article.meta).toMatchObject({ url: link, source: 'Harbour Gazette', published: '2024-11-26', 'published-basis': "the feed item's date (RSS pubDate)" });
    expect(tracked?.article.published).toMatchObject({ date: '2024-11-26', yearCertain: true, basis: 'feed' });
    expect(tracked?.article.headline).toBe('Ferry timetable changes');
    expect(tracked?.article.paragraphs.join('\n')).toContain('The Harbour Ferry Company will change its winter timetable on December 9');
    expect(tracked?.article.paragraphs.join('\n')).not.toContain('Most read');
    const embed = bed.fake.messages(channel)[0].embeds[0] as { title: string; url: string; description: string };
    expect(embed.title).toBe('Ferry timetable changes');
    expect(embed.url).toBe(link);
    expect(embed.description.startsWith('The Harbour Ferry Company will change its winter timetable')).toBe(true);
    await herald.stop();
  });

  it('dates an item without a feed date by the linked page\'s metadata, and names that basis', async () => {
    const page = readFileSync(join(__dirname, 'fixtures', 'page.html'), 'utf8').replace('<head>', '<head><meta property="article:published_time" content="2024-11-26T08:00:00Z">');
    bed.server.set('/page/ferry-dated.html', { body: page, type: 'text/html; charset=utf-8' });
    const link = `${bed.server.base}/page/ferry-dated.html`;
    bed.server.set(path, { body: rssFeed('Harbour Gazette', []) });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`] });
    await herald.news.feeds.pollAll();
    bed.server.set(path, { body: rssFeed('Harbour Gazette', [{ guid: `ferry-dated-${bed.n}`, title: 'Ferry timetable changes', link, description: 'Winter times.' }]) });
    await herald.news.feeds.pollAll();
    const tracked = herald.library.byOriginPath(link);
    expect(tracked?.article.meta).toMatchObject({ published: '2024-11-26', 'published-basis': "the linked page's metadata (article:published_time)" });
    expect(tracked?.article.published).toMatchObject({ date: '2024-11-26', yearCertain: true, basis: 'page' });
    await herald.stop();
  });

  it('reports a failing feed with its last error in /feed list and /status, backs off, and recovers', async () => {
    const url = `${bed.server.base}/malformed.xml`;
    const herald = await bed.start({ feeds: [url] });
    const status = new Status(bed.clock.now(), herald.library);
    herald.news.contributeStatus(status);
    await herald.news.feeds.pollAll();
    const failing = [{ url, lastError: 'not well-formed XML (line 4: Expected closing tag \'item\' (opened in line 3, col 1) instead of closing tag \'channel\'.)', failures: 1 }];
    expect(herald.news.feeds.failing()).toEqual(failing);
    expect(status.snapshot(bed.clock.now()).failingFeeds).toEqual(failing);
    expect((await herald.news.feeds.list(bed.fake.guildId))[0]).toMatchObject({ url, failures: 1, lastError: failing[0].lastError, scope: 'global' });

    // Backing off: the next cycle a minute later does not request it.
    const requests = bed.server.log.filter((l) => l.path === '/malformed.xml').length;
    bed.clock.advance(60_000);
    expect(await herald.news.feeds.pollAll()).toMatchObject({ backingOff: 1, polled: 0 });
    expect(bed.server.log.filter((l) => l.path === '/malformed.xml').length).toBe(requests);
    bed.clock.advance(3 * 60_000);
    await herald.news.feeds.pollAll();
    expect(herald.news.feeds.failing()[0].failures).toBe(2);

    // Restart keeps it visible; a fixed feed clears it.
    await herald.stop();
    const again = await bed.start({ feeds: [url] });
    expect(again.news.feeds.failing()[0]).toMatchObject({ url, failures: 2 });
    bed.server.set('/malformed.xml', { body: rssFeed('Fixed', [item(1)]) });
    bed.clock.advance(3_600_000);
    await again.news.feeds.pollAll();
    expect(again.news.feeds.failing()).toEqual([]);
    bed.server.set('/malformed.xml', { body: readFileSync(join(__dirname, 'fixtures', 'malformed.xml'), 'utf8') });
    await again.stop();
  });

  it('reports slow, oversized and missing feeds with their reason', async () => {
    const urls = [`${bed.server.base}/slow`, `${bed.server.base}/huge`, `${bed.server.base}/nothing-here.xml`, `${bed.server.base}/page/ferry.html`];
    const herald = await bed.start({ feeds: urls, fetch: { timeoutMs: 500, connectTimeoutMs: 500, resolve: noDns } });
    await herald.news.feeds.pollAll();
    expect(herald.news.feeds.failing().map((f) => [f.url, f.lastError])).toEqual([
      [urls[0], 'no complete response within 1 s'],
      [urls[1], 'response larger than 5242880 bytes'],
      [urls[2], 'HTTP 404'],
      [urls[3], "not an RSS or Atom feed (an HTML page; use the site's feed URL)"],
    ]);
    await herald.stop();
  });

  it('with the guard on, refuses feeds on private addresses (the local test server) and says why', async () => {
    bed.server.set(path, { body: rssFeed('Local', [item(1)]) });
    const url = `${bed.server.base}${path}`;
    const before = bed.server.log.filter((l) => l.path === path).length;
    const herald = await bed.start({ feeds: [url], allowPrivate: false });
    await herald.news.feeds.pollAll();
    expect(herald.news.feeds.failing()).toEqual([
      { url, lastError: '127.0.0.1 resolves to a loopback address (127.0.0.1); private addresses are not fetched', failures: 1 },
    ]);
    const added = await herald.news.feeds.add({ url: `http://127.0.0.1:${bed.server.port}/other.xml`, guildId: bed.fake.guildId, userId: bed.fake.users.admin });
    expect(added).toEqual({ ok: false, reason: 'Herald could not read that feed: 127.0.0.1 resolves to a loopback address (127.0.0.1); private addresses are not fetched.' });
    const metadata = await herald.news.feeds.add({ url: 'http://169.254.169.254/latest/meta-data/', guildId: bed.fake.guildId, userId: bed.fake.users.admin });
    expect(metadata).toMatchObject({ ok: false });
    expect((await herald.news.feeds.list(bed.fake.guildId)).map((f) => f.url)).toEqual([url]);
    expect(bed.server.log.filter((l) => l.path === path).length).toBe(before);
    await herald.stop();
  });

  it('/feed add records current items without announcing, and remove stops following', async () => {
    bed.server.set(path, { body: rssFeed('Added Feed', [item(2), item(1)]) });
    const url = `${bed.server.base}${path}`;
    const herald = await bed.start();
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });
    const added = await herald.news.feeds.add({ url, guildId: bed.fake.guildId, userId: bed.fake.users.admin });
    expect(added).toMatchObject({ ok: true, created: true, itemsRecorded: 2, feed: { url, title: 'Added Feed', scope: 'server', failures: 0 } });
    expect(await herald.news.feeds.add({ url, guildId: bed.fake.guildId, userId: bed.fake.users.admin })).toMatchObject({ ok: true, created: false });
    await herald.news.feeds.pollAll();
    expect(bed.fake.messages(channel)).toHaveLength(0);
    bed.server.set(path, { body: rssFeed('Added Feed', [item(3), item(2), item(1)]) });
    await herald.news.feeds.pollAll();
    expect(titles(channel)).toEqual([`Harbour story number 3 of feed ${bed.n}`]);
    // Another server does not see (or get announcements from) this server's feed.
    expect((await herald.news.feeds.list('999999999999999999'))).toEqual([]);
    expect(await herald.news.feeds.remove({ url, guildId: bed.fake.guildId })).toEqual({ ok: true });
    expect(await herald.news.feeds.remove({ url, guildId: bed.fake.guildId })).toEqual({ ok: false, reason: 'This server does not follow that feed. See /feed list.' });
    await herald.stop();
  });

  it('a topic watch only gets matching articles, entity-aware', async () => {
    const topical = bed.fake.addChannel({ name: `topic-${bed.n}` });
    bed.server.set(path, { body: rssFeed('World Desk', []) });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`] });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: topical, topic: 'CSTO', userId: bed.fake.users.admin });
    await herald.news.feeds.pollAll();
    const alliance: FixtureItem = {
      guid: `alliance-${bed.n}`,
      title: 'Security bloc reviews border plan',
      link: `https://world.example/${bed.n}/alliance`,
      pubDate: 'Wed, 27 Nov 2024 08:00:00 GMT',
      content: `<p>The Collective Security Treaty Organization will review a plan to reinforce the border, officials said on Wednesday.</p><p>${'Member states discussed the draft in detail. '.repeat(15)}</p>`,
    };
    const ferry: FixtureItem = { ...item(1), guid: `ferry-${bed.n}`, title: 'Ferry fares rise in spring' };
    bed.server.set(path, { body: rssFeed('World Desk', [alliance, ferry]) });
    await herald.news.feeds.pollAll();
    expect(titles(channel).sort()).toEqual(['Ferry fares rise in spring', 'Security bloc reviews border plan']);
    expect(titles(topical)).toEqual(['Security bloc reviews border plan']);
    const fields = (bed.fake.messages(topical)[0].embeds[0] as { fields: { name: string; value: string }[] }).fields;
    expect(fields.find((f) => f.name === 'Matched')?.value).toBe('CSTO');
    await herald.stop();
  });

  it('a crash between posting and recording does not post twice (same nonce on retry)', async () => {
    bed.server.set(path, { body: rssFeed('Gazette', []) });
    let crashAfterSend = true;
    const crashing: MessagePoster = {
      async post(channelId, reply, options) {
        const result = await bed.poster.post(channelId, reply, options);
        // Simulates the process dying after Discord created the message and before Herald recorded it.
        if (crashAfterSend) return { ok: false, retryable: true, reason: 'process died', retryAfterMs: 0 };
        return result;
      },
    };
    let herald = await startInstance(bed.dbPath, bed.clock, crashing, { feeds: [`${bed.server.base}${path}`] });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });
    await herald.news.feeds.pollAll();
    bed.server.set(path, { body: rssFeed('Gazette', [item(1)]) });
    await herald.news.feeds.pollAll();
    expect(bed.fake.messages(channel)).toHaveLength(1);
    await herald.stop();
    crashAfterSend = false;
    herald = await startInstance(bed.dbPath, bed.clock, crashing, { feeds: [`${bed.server.base}${path}`] });
    await herald.news.settle();
    expect(bed.fake.messages(channel)).toHaveLength(1);
    expect(await herald.news.store.outbox.announcementCounts()).toEqual({ pending: 0, posted: 1, failed: 0, summarised: 0 });
    await herald.stop();
  });

  it('a channel Herald cannot post in is marked broken, with the reason, and other watches still get posts', async () => {
    bed.server.set(path, { body: rssFeed('Gazette', []) });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`] });
    const guild = bed.fake.guildId;
    await herald.news.watches.subscribe({ guildId: guild, channelId: bed.fake.channels.noSend, userId: bed.fake.users.admin });
    await herald.news.watches.subscribe({ guildId: guild, channelId: channel, userId: bed.fake.users.admin });
    await herald.news.feeds.pollAll();
    bed.server.set(path, { body: rssFeed('Gazette', [item(1)]) });
    await herald.news.feeds.pollAll();
    expect(bed.fake.messages(channel)).toHaveLength(1);
    expect((await herald.news.watches.list(guild)).find((w) => w.channelId === bed.fake.channels.noSend)?.broken).toBe('Missing Permissions (50013)');
    await herald.news.watches.off({ guildId: guild, channelId: bed.fake.channels.noSend });
    await herald.stop();
  });

  it("ALLOW_PRIVATE_FEEDS=true lets the operator's FEEDS reach a private address, never a feed a server adds, nor a page one links", async () => {
    bed.server.set(path, { body: rssFeed('Intranet', [item(1)]) });
    const intranet = `${bed.server.base}${path}`;
    const herald = await bed.start({ feeds: [intranet], allowPrivate: 'operator' });
    await herald.news.feeds.pollAll();
    expect(herald.news.feeds.failing()).toEqual([]);
    // A server admin's feed on the same private server is refused, and nothing is requested from it.
    const probe = `/probe-${bed.n}.xml`;
    bed.server.set(probe, { body: rssFeed('Probe', [item(2)]) });
    const added = await herald.news.feeds.add({ url: `${bed.server.base}${probe}`, guildId: bed.fake.guildId, userId: bed.fake.users.admin });
    expect(added).toEqual({ ok: false, reason: 'Herald could not read that feed: 127.0.0.1 resolves to a loopback address (127.0.0.1); private addresses are not fetched.' });
    expect(bed.server.log.filter((l) => l.path === probe)).toEqual([]);
    await herald.stop();

    // A server's feed on a name the test treats as public, whose item links to the private server: the page is not fetched.
    const pub = `/pub-${bed.n}.xml`;
    const link = `${bed.server.base}/page/intranet-${bed.n}.html`;
    bed.server.set(pub, { body: rssFeed('Gazette', []) });
    const again = await bed.start({ feeds: [], allowPrivate: 'operator', fetch: { timeoutMs: 3000, ...publicFeeds } });
    expect(await again.news.feeds.add({ url: `http://feeds.public.example:${bed.server.port}${pub}`, guildId: bed.fake.guildId, userId: bed.fake.users.admin })).toMatchObject({ ok: true });
    bed.server.set(pub, { body: rssFeed('Gazette', [{ guid: `intranet-${bed.n}`, title: 'Payroll portal', link, description: 'Summary only.' }]) });
    await again.news.feeds.pollAll();
    expect(bed.server.log.filter((l) => l.path === new URL(link).pathname)).toEqual([]);
    expect(again.library.byOriginPath(link)?.article.paragraphs).toEqual(['Summary only.']);
    await again.stop();
  });

  it("ALLOW_PRIVATE_FEEDS=true: a page an operator's feed links reaches a private address only on the feed's own host", async () => {
    const page = (name: string) => `<html><head><title>${name}</title></head><body><article><p>${name} opens on Monday with a new canteen, the site manager said in a note to staff on Friday.</p><p>The canteen will serve breakfast from 7am, the manager said.</p></article></body></html>`;
    // An intranet feed linking to a page on its own host: the page is fetched.
    const own = `/page/own-${bed.n}.html`;
    bed.server.set(own, { body: page('Depot'), type: 'text/html' });
    bed.server.set(path, { body: rssFeed('Intranet', []) });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`], allowPrivate: 'operator' });
    await herald.news.feeds.pollAll();
    bed.server.set(path, { body: rssFeed('Intranet', [{ guid: `own-${bed.n}`, title: 'Depot', link: `${bed.server.base}${own}`, description: 'Summary only.' }]) });
    await herald.news.feeds.pollAll();
    expect(bed.server.log.filter((l) => l.path === own)).toHaveLength(1);
    await herald.stop();

    // A public feed in FEEDS (an aggregator strangers write items for) linking to the private host: not fetched.
    const pub = `/aggregator-${bed.n}.xml`;
    const link = `${bed.server.base}/page/admin-${bed.n}.html`;
    bed.server.set(new URL(link).pathname, { body: page('Admin'), type: 'text/html' });
    bed.server.set(pub, { body: rssFeed('Aggregator', []) });
    const again = await bed.start({ feeds: [`http://feeds.public.example:${bed.server.port}${pub}`], allowPrivate: 'operator', fetch: { timeoutMs: 3000, ...publicFeeds } });
    await again.news.feeds.pollAll();
    bed.server.set(pub, { body: rssFeed('Aggregator', [{ guid: `admin-${bed.n}`, title: 'Admin', link, description: 'Summary only.' }]) });
    await again.news.feeds.pollAll();
    expect(bed.server.log.filter((l) => l.path === pub)).toHaveLength(2);
    expect(bed.server.log.filter((l) => l.path === new URL(link).pathname)).toEqual([]);
    expect(again.library.byOriginPath(link)?.article.paragraphs).toEqual(['Summary only.']);
    await again.stop();
  });

  it("ALLOW_PRIVATE_FEEDS=true: a redirect from the operator's intranet host to another private host is not followed", async () => {
    const page = `<html><head><title>Payroll</title></head><body><article><p>Payroll closes on Monday for the year end, the finance team said in a note to staff on Friday.</p><p>Claims after that wait until January, the team said.</p></article></body></html>`;
    // The feed's own host redirects its page to another intranet name (here also 127.0.0.1).
    const hop = `/page/hop-${bed.n}.html`;
    const other = `/page/other-host-${bed.n}.html`;
    bed.server.set(other, { body: page, type: 'text/html' });
    bed.server.set(hop, { status: 302, body: '', headers: { location: `http://intranet-two.example:${bed.server.port}${other}` } });
    bed.server.set(path, { body: rssFeed('Intranet', []) });
    const resolve = async (host: string) => (host === 'intranet-two.example' ? [{ address: '127.0.0.1', family: 4 }] : []);
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`], allowPrivate: 'operator', fetch: { timeoutMs: 3000, resolve } });
    await herald.news.feeds.pollAll();
    const link = `${bed.server.base}${hop}`;
    bed.server.set(path, { body: rssFeed('Intranet', [{ guid: `hop-${bed.n}`, title: 'Payroll', link, description: 'Summary only.' }]) });
    await herald.news.feeds.pollAll();
    expect(bed.server.log.filter((l) => l.path === hop)).toHaveLength(1);
    expect(bed.server.log.filter((l) => l.path === other)).toEqual([]);
    expect(herald.library.byOriginPath(link)?.article.paragraphs).toEqual(['Summary only.']);
    await herald.stop();
  });

  it('with the guard on, does not fetch a linked page on a private address: the summary stands in', async () => {
    // The feed itself is reached through a name the test treats as public; its item links to 127.0.0.1.
    const url = `http://feeds.public.example:${bed.server.port}${path}`;
    bed.server.set(path, { body: rssFeed('Gazette', []) });
    const herald = await bed.start({ feeds: [url], allowPrivate: false, fetch: { timeoutMs: 3000, ...publicFeeds } });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });
    await herald.news.feeds.pollAll();
    const link = `${bed.server.base}/page/ferry.html`;
    bed.server.set(path, { body: rssFeed('Gazette', [{ guid: `private-${bed.n}`, title: 'Ferry timetable changes', link, description: 'Winter times start in December.' }]) });
    const pageRequests = bed.server.log.filter((l) => l.path === '/page/ferry.html').length;
    await herald.news.feeds.pollAll();
    expect(herald.news.feeds.failing()).toEqual([]);
    expect(bed.server.log.filter((l) => l.path === '/page/ferry.html').length).toBe(pageRequests);
    expect(herald.library.byOriginPath(link)?.article.paragraphs).toEqual(['Winter times start in December.']);
    expect(titles(channel)).toEqual(['Ferry timetable changes']);
    await herald.stop();
  });

  it('announces hostile item text inertly: no request could ping anyone', async () => {
    bed.server.set(path, { body: rssFeed('Gazette', []) });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`] });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });
    await herald.news.feeds.pollAll();
    const hostile: FixtureItem = {
      guid: `hostile-${bed.n}`,
      title: `@everyone @here <@&${bed.fake.guildId}> <@${bed.fake.users.member}> breaking`,
      link: `https://hostile.example/${bed.n}`,
      content: `<p>@everyone look \u202e\u200b at this <@${bed.fake.users.admin}> \`\`\`</p><p>${'More text follows here. '.repeat(30)}</p>`,
    };
    bed.server.set(path, { body: rssFeed('Gazette', [hostile]) });
    await herald.news.feeds.pollAll();
    expect(bed.fake.messages(channel)).toHaveLength(1);
    expect(bed.fake.messages(channel)[0].mention_everyone).toBe(false);
    expect(bed.fake.mentionViolations()).toEqual([]);
    await herald.stop();
  });

  it('declares its jobs for the scheduler: polling on FEED_POLL, announcement retries every 30 s, feeds with their own interval every minute', async () => {
    const herald = await bed.start({ pollSchedule: '*/5 * * * *' });
    expect(herald.news.jobs().map((j) => [j.name, j.schedule])).toEqual([
      ['feeds.poll', '*/5 * * * *'],
      ['feeds.announce', '*/30 * * * * *'],
      ['feeds.poll-interval', '15 * * * * *'],
    ]);
    await herald.stop();
  });

  it('backs off at least as long as a busy feed server asks (Retry-After)', async () => {
    bed.server.set(path, { body: 'slow down', status: 429, etag: false, headers: { 'retry-after': '3600' } });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`] });
    await herald.news.feeds.pollAll();
    expect((await herald.news.feeds.list(null))[0]).toMatchObject({ failures: 1, lastError: 'HTTP 429', nextAttemptAt: new Date(bed.clock.now().getTime() + 3_600_000) });
    await herald.stop();
  });

  it('retries an announcement after a Discord 5xx (posted once), and a 400 fails only that announcement', async () => {
    bed.server.set(path, { body: rssFeed('Gazette', []) });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`] });
    await herald.news.watches.subscribe({ guildId: bed.fake.guildId, channelId: channel, userId: bed.fake.users.admin });
    await herald.news.feeds.pollAll();
    bed.fake.failNext('POST', '/channels/:id/messages', 500, 1);
    bed.server.set(path, { body: rssFeed('Gazette', [item(1)]) });
    await herald.news.feeds.pollAll();
    expect(bed.fake.messages(channel)).toHaveLength(0);
    expect(await herald.news.store.outbox.announcementCounts()).toEqual({ pending: 1, posted: 0, failed: 0, summarised: 0 });
    bed.clock.advance(60_000);
    await herald.news.announcer.drain();
    expect(titles(channel)).toEqual([`Harbour story number 1 of feed ${bed.n}`]);

    bed.fake.failNext('POST', '/channels/:id/messages', 400, 1, { body: { code: 50035, message: 'Invalid Form Body' } });
    bed.server.set(path, { body: rssFeed('Gazette', [item(3), item(2), item(1)]) });
    await herald.news.feeds.pollAll();
    expect(titles(channel)).toEqual([`Harbour story number 1 of feed ${bed.n}`, `Harbour story number 3 of feed ${bed.n}`]);
    expect(await herald.news.store.outbox.announcementCounts()).toEqual({ pending: 0, posted: 2, failed: 1, summarised: 0 });
    expect((await herald.news.watches.list(bed.fake.guildId)).find((w) => w.channelId === channel)?.broken).toBeUndefined();
    await herald.stop();
  });

  it('retires feed articles from memory 30 days on, unless an event of theirs is still ahead', async () => {
    bed.server.set(path, { body: rssFeed('Gazette', []) });
    const herald = await bed.start({ feeds: [`${bed.server.base}${path}`] });
    await herald.news.feeds.pollAll();
    const ahead: FixtureItem = { ...item(2), content: `<p>The new quay opens on 15 March 2025, the harbour board said.</p><p>${'Crews are finishing the work. '.repeat(25)}</p>` };
    bed.server.set(path, { body: rssFeed('Gazette', [ahead, item(1)]) });
    await herald.news.feeds.pollAll();
    expect(herald.library.size()).toBe(2);
    bed.clock.advance(31 * 86_400_000);
    expect(herald.news.feeds.retireOld()).toBe(1);
    expect(herald.library.list().map((t) => t.origin)).toEqual([ahead.link]);
    await herald.stop();
  });
});
