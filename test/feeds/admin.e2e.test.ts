// Admin features of issue 15 through the real discord.js client and the fake Discord: a feed routed to
// its own channel with a backfill, a filter, a role ping with exactly that role in allowed_mentions, a
// template preview equal to the message then posted, and members refused every new subcommand.
import { describe, expect, it } from 'vitest';
import feed from '../../commands/feed';
import watch from '../../commands/watch';
import { ManualClock } from '../../src/core/clock';
import type { FakeMessage } from '../e2e/fake-discord';
import { rssFeed, type FixtureItem } from './feed-server';
import { newsOverDiscord } from './harness';

const clock = new ManualClock('2024-11-27T10:00:00Z');
const world = newsOverDiscord({ commands: [feed, watch], clock, instance: () => ({ minIntervalMinutes: 5 }) });

const content = (r: { reply: { content: string } | null }) => r.reply?.content;
const item = (i: number, words: string, extra: Partial<FixtureItem> = {}): FixtureItem => ({
  guid: `e2e-${i}`,
  title: `Desk story ${i}`,
  link: `https://desk.example/${i}`,
  pubDate: new Date(Date.UTC(2024, 10, 20 + i, 9)).toUTCString(),
  content: `<p>Desk story ${i}: ${words}.</p><p>${'More details follow from the desk. '.repeat(20)}</p>`,
  ...extra,
});
const embedTitle = (m: FakeMessage) => (m.embeds[0] as { title?: string } | undefined)?.title;

describe('issue 15 admin features through the Discord transport', () => {
  it('members cannot use any new subcommand; bad input gets a clear private error', async () => {
    for (const [name, options] of [
      ['feed', { subcommand: 'route', url: 'https://x.example/f.xml' }],
      ['feed', { subcommand: 'filter', url: 'https://x.example/f.xml', include: 'a' }],
      ['watch', { subcommand: 'ping' }],
      ['watch', { subcommand: 'preview' }],
      ['watch', { subcommand: 'template', text: '{title}' }],
    ] as const) {
      const r = await world.fake.injectCommand(name, options, { userId: world.fake.users.member });
      expect(content(r)).toBe(`/${name} needs the Manage Server permission.`);
      expect(r.ephemeral).toBe(true);
    }
    // Discord hides them from members by default too.
    for (const c of world.fake.commands(world.fake.guildId).filter((c) => ['feed', 'watch'].includes(c.name))) expect(c.default_member_permissions).toBe('32');

    const noWatch = await world.fake.injectCommand('watch', { subcommand: 'filter', include: 'harbour' }, { admin: true });
    expect(content(noWatch)).toBe('No channel is watched in this server yet: use /watch channel first.');
    await world.fake.injectCommand('watch', { subcommand: 'channel', channel: world.fake.channels.general }, { admin: true });
    const badPattern = await world.fake.injectCommand('watch', { subcommand: 'filter', pattern: '(a)\\1' }, { admin: true });
    expect(content(badPattern)).toMatch(/^Not changed: `pattern`: not a pattern Herald can use \(.*\)\. Patterns use RE2 syntax/);
    const badTemplate = await world.fake.injectCommand('watch', { subcommand: 'template', text: '{title} {author}' }, { admin: true });
    expect(content(badTemplate)).toMatch(/^Not changed: unknown placeholder \{author\}/);
    const posting = await world.fake.injectCommand('watch', { subcommand: 'posting', thread: true, channel: world.fake.channels.general }, { admin: true });
    expect(content(posting)).toBe(`<#${world.fake.channels.general}> (every new article) · opens a thread`);
    expect(content(await world.fake.injectCommand('watch', { subcommand: 'posting', thread: false }, { admin: true }))).toBe(`<#${world.fake.channels.general}> (every new article)`);
    expect(content(await world.fake.injectCommand('watch', { subcommand: 'posting' }, { admin: true }))).toBe('Say thread:true/false, publish:true/false, or both.');
    const empty = await world.fake.injectCommand('watch', { subcommand: 'filter' }, { admin: true });
    expect(content(empty)).toBe('Give include, exclude, pattern or exclude_pattern (or "-" to clear one).');
    const badInterval = await world.fake.injectCommand('feed', { subcommand: 'add', url: `${world.server.base}/nothing.xml`, interval: 2 }, { admin: true });
    expect(content(badInterval)).toBe('Not added: the interval is at least 5 minutes (FEED_MIN_INTERVAL).');
    expect(badInterval.ephemeral).toBe(true);
    const badRoute = await world.fake.injectCommand('feed', { subcommand: 'add', url: `${world.server.base}/nothing.xml`, channel: world.fake.channels.noEmbed }, { admin: true });
    expect(content(badRoute)).toMatch(/^Not added: Herald cannot announce in <#\d+>: .*Embed Links/);
  });

  it('routes a feed with a backfill, filters a watch, pings a role, and previews exactly what is posted', async () => {
    const desk = world.fake.addChannel({ name: 'desk' });
    const general = world.fake.channels.general;
    const role = world.fake.snowflake();
    await world.fake.injectCommand('watch', { subcommand: 'channel', channel: general }, { admin: true });
    world.server.set('/desk.xml', { body: rssFeed('Desk', [item(2, 'the harbour board met'), item(1, 'the council met')]) });

    // Routing + backfill: the newest item is announced once, in the feed's own channel only.
    const added = await world.fake.injectCommand('feed', { subcommand: 'add', url: `${world.server.base}/desk.xml`, channel: desk, backfill: 1, interval: 30 }, { admin: true });
    expect(content(added)).toBe(
      `Following **Desk** <${world.server.base}/desk.xml>, read every 30 minutes. Its 1 current item was recorded without announcing; new items will be announced in <#${desk}>. Its newest 1 item is being announced in <#${desk}> now.`,
    );
    await world.herald.news.settle();
    expect(world.fake.messages(desk).map(embedTitle)).toEqual(['Desk story 2']);
    expect(world.fake.messages(general)).toHaveLength(0);

    // A filter on the route's feed and a role ping with a text template on its route.
    expect(content(await world.fake.injectCommand('feed', { subcommand: 'filter', url: `${world.server.base}/desk.xml`, exclude: 'opinion' }, { admin: true }))).toMatch(/filter: without: opinion/);
    const ping = await world.fake.injectCommand('feed', { subcommand: 'ping', url: `${world.server.base}/desk.xml`, role }, { admin: true });
    expect(content(ping)).toContain(`pings <@&${role}>`);
    const template = await world.fake.injectCommand('feed', { subcommand: 'template', url: `${world.server.base}/desk.xml`, text: '{title}\\n{link}', format: 'text' }, { admin: true });
    expect(content(template)).toContain('plain text from template');
    const everyone = await world.fake.injectCommand('feed', { subcommand: 'ping', url: `${world.server.base}/desk.xml`, role: world.fake.guildId }, { admin: true });
    expect(content(everyone)).toBe('Announcements cannot ping @everyone: pick a role members opt into.');

    const list = await world.fake.injectCommand('watch', { subcommand: 'list' }, { admin: true });
    expect((list.reply?.embeds[0] as { description: string }).description).toContain(`<#${desk}> (every item of **Desk**: feed route) · plain text from template \`{title}\n{link}\` · pings <@&${role}>`);

    world.server.set('/desk.xml', {
      body: rssFeed('Desk', [item(4, 'Opinion: the harbour'), item(3, 'the ferry sails on Friday', { title: '@everyone Desk story 3' }), item(2, 'the harbour board met'), item(1, 'the council met')]),
    });
    clock.advance(31 * 60_000);
    await world.herald.news.feeds.pollIntervalFeeds();
    // Preview while the announcement is queued…
    const preview = await world.fake.injectCommand('feed', { subcommand: 'preview', url: `${world.server.base}/desk.xml` }, { admin: true });
    await world.herald.news.settle();
    const posted = world.fake.messages(desk).slice(1);
    expect(posted).toHaveLength(1); // story 4 was filtered out
    expect(posted[0].content).toBe(`<@&${role}>\n@\u200beveryone Desk story 3\nhttps://desk.example/3`);
    expect(posted[0].allowed_mentions).toEqual({ parse: [], roles: [role] });
    // …is the posted message, shown privately and pinging no one.
    expect(preview.ephemeral).toBe(true);
    expect(preview.reply?.content).toBe(posted[0].content);
    expect(preview.reply?.embeds).toEqual(posted[0].embeds);
    expect(world.fake.mentionViolations()).toEqual([]);
    const previewCall = world.fake.requests.find((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original') && r.body?.content === posted[0].content);
    expect(previewCall?.body.allowed_mentions).toEqual({ parse: [] });

    // The watched channel previews Herald's embed for the newest article it would announce.
    const general_preview = await world.fake.injectCommand('watch', { subcommand: 'preview', channel: general }, { admin: true });
    expect(content(general_preview)).toMatch(/^Nothing to preview: /);
  });

  it('OPML round trip: /feed export attaches the server\'s feeds; /feed import of that file follows them again', async () => {
    world.server.set('/one.xml', { body: rssFeed('One & Only', [item(11, 'the harbour')]) });
    world.server.set('/two.xml', { body: rssFeed('Two', [item(12, 'the council')]) });
    for (const path of ['/one.xml', '/two.xml']) await world.fake.injectCommand('feed', { subcommand: 'add', url: `${world.server.base}${path}` }, { admin: true });
    const exported = await world.fake.injectCommand('feed', { subcommand: 'export' }, { admin: true });
    expect(content(exported)).toBe("This server's 3 feeds as OPML (feeds from the configuration are not included).");
    expect(exported.ephemeral).toBe(true);
    const upload = world.fake.requests.filter((r) => r.files?.length).at(-1);
    expect(upload?.files?.[0]).toMatchObject({ filename: 'herald-feeds.opml' });
    const opml = upload!.files![0].data;
    expect(opml.toString('utf8')).toContain(`<outline type="rss" text="One &amp; Only" title="One &amp; Only" xmlUrl="${world.server.base}/one.xml"/>`);

    for (const path of ['/desk.xml', '/one.xml', '/two.xml']) await world.fake.injectCommand('feed', { subcommand: 'remove', url: `${world.server.base}${path}` }, { admin: true });
    expect(await world.herald.news.feeds.list(world.fake.guildId)).toEqual([]);
    const file = world.fake.addAttachment('feeds.opml', opml, 'text/x-opml');
    const member = await world.fake.injectCommand('feed', { subcommand: 'import', file }, { userId: world.fake.users.member });
    expect(content(member)).toBe('/feed needs the Manage Server permission.');
    expect(world.fake.attachmentReads).toEqual([]);
    const imported = await world.fake.injectCommand('feed', { subcommand: 'import', file }, { admin: true });
    expect(content(imported)).toMatch(/^Following 3 new feeds \(current items recorded, nothing announced\): \*\*Desk\*\* .*\*\*One & Only\*\* .*\*\*Two\*\*/);
    expect(world.fake.attachmentReads).toHaveLength(1);
    expect((await world.herald.news.feeds.list(world.fake.guildId)).map((f) => f.url).sort()).toEqual([`${world.server.base}/desk.xml`, `${world.server.base}/one.xml`, `${world.server.base}/two.xml`]);
    const again = await world.fake.injectCommand('feed', { subcommand: 'export' }, { admin: true });
    expect(content(again)).toContain('3 feeds');

    const bad = world.fake.addAttachment('notes.txt', 'just some notes', 'text/plain');
    expect(content(await world.fake.injectCommand('feed', { subcommand: 'import', file: bad }, { admin: true }))).toMatch(/^Nothing imported: the file is not /);
    expect(world.fake.mentionViolations()).toEqual([]);
  });
});
