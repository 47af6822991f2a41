// The whole path through the real Discord transport: an admin runs /watch channel and /feed add in the
// fake Discord (gateway interactions, the router, channel permission checks over REST), then a new feed
// item is announced once in that channel; a member cannot run either command.
import { describe, expect, it } from 'vitest';
import feed from '../../commands/feed';
import watch from '../../commands/watch';
import { ManualClock } from '../../src/core/clock';
import { rssFeed } from './feed-server';
import { newsOverDiscord } from './harness';

const world = newsOverDiscord({ commands: [feed, watch], clock: new ManualClock('2024-11-27T10:00:00Z') });

const reply = (r: { reply: { content: string } | null }) => r.reply?.content;

describe('news monitoring through the Discord transport', () => {
  it('admins set up a watch and a feed with slash commands; a new item is announced once', async () => {
    const member = await world.fake.injectCommand('watch', { subcommand: 'channel' }, { userId: world.fake.users.member, channelId: world.fake.channels.general });
    expect(reply(member)).toBe('/watch needs the Manage Server permission.');
    const noEmbed = await world.fake.injectCommand('watch', { subcommand: 'channel', channel: world.fake.channels.noEmbed }, { admin: true });
    expect(reply(noEmbed)).toMatch(new RegExp(`^Herald cannot announce in <#${world.fake.channels.noEmbed}>: .*Embed Links`));
    const ok = await world.fake.injectCommand('watch', { subcommand: 'channel', channel: world.fake.channels.general }, { admin: true });
    expect(reply(ok)).toBe(`New articles will be announced in <#${world.fake.channels.general}> (every new article).`);
    expect(ok.ephemeral).toBe(true);

    world.server.set('/d.xml', { body: rssFeed('Discord Desk', [{ guid: 'd1', title: 'Old news', link: 'https://d.example/1', content: '<p>Old.</p>' }]) });
    const added = await world.fake.injectCommand('feed', { subcommand: 'add', url: `${world.server.base}/d.xml` }, { admin: true });
    expect(reply(added)).toBe(`Following **Discord Desk** <${world.server.base}/d.xml>. Its 1 current item was recorded without announcing; new items will be announced in watched channels (see /watch).`);
    expect(world.fake.messages(world.fake.channels.general)).toHaveLength(0);

    world.server.set('/d.xml', {
      body: rssFeed('Discord Desk', [
        { guid: 'd2', title: 'Fresh news', link: 'https://d.example/2', content: `<p>Fresh news arrived on Wednesday.</p><p>${'Details follow. '.repeat(40)}</p>` },
        { guid: 'd1', title: 'Old news', link: 'https://d.example/1', content: '<p>Old.</p>' },
      ]),
    });
    await world.herald.news.feeds.pollAll();
    await world.herald.news.feeds.pollAll();
    const posted = world.fake.messages(world.fake.channels.general);
    expect(posted.map((m) => (m.embeds[0] as { title: string }).title)).toEqual(['Fresh news']);
    expect(world.fake.mentionViolations()).toEqual([]);

    const list = await world.fake.injectCommand('feed', { subcommand: 'list' }, { admin: true });
    expect((list.reply?.embeds[0] as { title?: string } | undefined)?.title).toBe('Feeds (1)');
  });
});
