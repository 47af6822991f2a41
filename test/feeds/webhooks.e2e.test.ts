// Webhook delivery and forum posts (issue 15) through the real discord.js client and the fake Discord:
// /watch webhook needs Manage Webhooks from the admin and Herald; without Herald's it falls back to
// Herald's own messages with the reason in /watch list and /status; with it announcements carry the
// server's name and avatar; a deleted webhook (10015) falls back again; a forum channel gets each article
// as a forum post; /watch posting publishes and opens a thread. The webhook token never appears in a
// reply or a log line.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import feed from '../../commands/feed';
import status from '../../commands/status';
import watch from '../../commands/watch';
import { ManualClock } from '../../src/core/clock';
import { createLogger } from '../../src/core/logger';
import { addSecret } from '../../src/core/secrets';
import { Perm, type FakeMessage } from '../e2e/fake-discord';
import { rssFeed, type FixtureItem } from './feed-server';
import { newsOverDiscord } from './harness';

const clock = new ManualClock('2024-11-27T10:00:00Z');
// Herald's log, captured: the webhook token must never be in it.
const logLines: string[] = [];
const secrets: string[] = [];
const log = createLogger('debug', { write: (line: string) => void logLines.push(line) } as unknown as pino.DestinationStream, secrets);

const MANAGE_BOTH = String(Perm.ViewChannel | Perm.SendMessages | Perm.EmbedLinks | Perm.ManageGuild | Perm.ManageWebhooks);

const world = newsOverDiscord({
  commands: [feed, watch, status],
  clock,
  log,
  instance: (discord) => ({ webhookMaker: discord.webhooks, addSecret: (value) => addSecret(secrets, value), log }),
});

const content = (r: { reply: { content: string } | null }) => r.reply?.content ?? '';
const description = (r: { reply: { embeds: unknown[] } | null }) => (r.reply?.embeds[0] as { description?: string } | undefined)?.description ?? '';
const statusText = (r: { reply: { embeds: unknown[] } | null }) => JSON.stringify(r.reply?.embeds ?? []);
const embedTitle = (m: FakeMessage | undefined) => (m?.embeds[0] as { title?: string } | undefined)?.title;
let n = 0;
const story = (title: string): FixtureItem => {
  n++;
  return {
    guid: `wh-${n}`,
    title,
    link: `https://wire.example/${n}`,
    pubDate: new Date(Date.UTC(2024, 10, 20, 9, n)).toUTCString(),
    content: `<p>${title}: the harbour board met on Tuesday.</p><p>${'More details follow from the wire. '.repeat(20)}</p>`,
  };
};

/** A feed routed to `channel` (its current item recorded), then `next` new items announced. */
async function announce(path: string, channel: string, titles: string[], beforePoll?: () => Promise<void>): Promise<void> {
  const first = story(`Baseline for ${path}`);
  world.server.set(path, { body: rssFeed(`Wire ${path}`, [first]) });
  const added = await world.fake.injectCommand('feed', { subcommand: 'add', url: `${world.server.base}${path}`, channel }, { admin: true });
  expect(content(added)).toContain('Following');
  await beforePoll?.();
  world.server.set(path, { body: rssFeed(`Wire ${path}`, [...titles.map(story).reverse(), first]) });
  await world.herald.news.feeds.pollAll();
  await world.herald.news.settle();
}

describe('webhook delivery', () => {
  it('needs Manage Webhooks from the admin; without Herald\'s it falls back to Herald\'s own messages and says why', async () => {
    const news = world.fake.addChannel({ name: 'news' });
    expect(content(await world.fake.injectCommand('watch', { subcommand: 'channel', channel: news }, { admin: true }))).toContain(`<#${news}>`);
    const refused = await world.fake.injectCommand('watch', { subcommand: 'webhook', channel: news, name: 'Harbour Desk' }, { admin: true });
    expect(content(refused)).toBe('Setting up webhook delivery needs the Manage Webhooks permission.');
    expect(refused.ephemeral).toBe(true);
    const member = await world.fake.injectCommand('watch', { subcommand: 'webhook', channel: news }, { userId: world.fake.users.member });
    expect(content(member)).toBe('/watch needs the Manage Server permission.');
    const badName = await world.fake.injectCommand('watch', { subcommand: 'webhook', channel: news, name: 'Discord News' }, { admin: true, permissions: MANAGE_BOTH });
    expect(content(badName)).toBe('Not changed: Discord does not allow "clyde" or "discord" in a webhook name.');
    const badAvatar = await world.fake.injectCommand('watch', { subcommand: 'webhook', channel: news, avatar: 'http://10.0.0.1/a.png' }, { admin: true, permissions: MANAGE_BOTH });
    expect(content(badAvatar)).toBe('Not changed: the avatar URL must start with https://.');

    // Herald lacks Manage Webhooks (its role does not have it): the setting is kept, posts go out as Herald.
    const fallback = await world.fake.injectCommand('watch', { subcommand: 'webhook', channel: news, name: 'Harbour Desk' }, { admin: true, permissions: MANAGE_BOTH });
    expect(content(fallback)).toBe(
      `Webhook **Harbour Desk** is set for <#${news}>, but announcements go out as Herald's own messages for now: Herald is missing Manage Webhooks in this channel: posting as Herald (grant it, then run /watch webhook again).`,
    );
    expect(description(await world.fake.injectCommand('watch', { subcommand: 'list' }, { admin: true }))).toContain(
      `<#${news}> (every new article) · ⚠️ posts as Herald, not webhook **Harbour Desk**: Herald is missing Manage Webhooks`,
    );
    expect(statusText(await world.fake.injectCommand('status', {}, { admin: true }))).toContain(`Webhooks not used`);
    await announce('/fallback.xml', news, ['Ferry timetable changes']);
    const [posted] = world.fake.messages(news);
    expect(embedTitle(posted)).toBe('Ferry timetable changes');
    expect(posted.webhook_id).toBeUndefined();
    expect(posted.nonce).toBeDefined();
  });

  it('posts with the server\'s name and avatar once Herald may make the webhook; a deleted webhook falls back with the reason', async () => {
    const desk = world.fake.addChannel({ name: 'desk', overwrites: [{ id: world.fake.botRoleId, type: 0, allow: String(Perm.ManageWebhooks), deny: '0' }] });
    await world.fake.injectCommand('watch', { subcommand: 'channel', channel: desk }, { admin: true });
    const set = await world.fake.injectCommand('watch', { subcommand: 'webhook', channel: desk, name: 'Harbour Desk', avatar: 'https://cdn.example/desk.png' }, { admin: true, permissions: MANAGE_BOTH });
    expect(content(set)).toBe(`Announcements in <#${desk}> are posted as **Harbour Desk** with your avatar through a webhook.`);
    const [hook] = [...world.fake.webhooks.values()].filter((h) => h.channel_id === desk);
    expect(hook).toMatchObject({ name: 'Harbour Desk' });

    await announce('/desk.xml', desk, ['@everyone Harbour board meets', 'Pier reopens']);
    const posted = world.fake.messages(desk);
    expect(posted.map(embedTitle)).toEqual(['@\u200beveryone Harbour board meets', 'Pier reopens']);
    for (const m of posted) {
      expect(m.webhook_id).toBe(hook.id);
      expect(m.author).toMatchObject({ id: hook.id, username: 'Harbour Desk', avatar_url: 'https://cdn.example/desk.png' });
      expect(m.allowed_mentions).toEqual({ parse: [] });
    }
    const executes = world.fake.requests.filter((r) => r.method === 'POST' && r.path === `/webhooks/${hook.id}/${hook.token}`);
    expect(executes.map((r) => r.query.wait)).toEqual(['true', 'true']);
    expect(description(await world.fake.injectCommand('watch', { subcommand: 'list' }, { admin: true }))).toContain(`<#${desk}> (every new article) · as webhook **Harbour Desk**`);

    // An admin deletes the webhook in Discord: the next announcement goes out as Herald, and both /watch
    // list and /status say why.
    world.fake.deleteWebhook(hook.id);
    await announce('/desk2.xml', desk, ['Lighthouse repainted']);
    const last = world.fake.messages(desk).at(-1)!;
    expect(embedTitle(last)).toBe('Lighthouse repainted');
    expect(last.webhook_id).toBeUndefined();
    expect(description(await world.fake.injectCommand('watch', { subcommand: 'list' }, { admin: true }))).toContain('not webhook **Harbour Desk**: the webhook was deleted (Unknown Webhook 10015)');
    expect(statusText(await world.fake.injectCommand('status', {}, { admin: true }))).toContain('the webhook was deleted (Unknown Webhook 10015)');
    expect(world.fake.messages(desk)).toHaveLength(3);

    // The token never appeared in a reply, a post, or the log.
    const replies = [...world.fake.interactions.values()].map((i) => JSON.stringify([i.reply, i.followups]));
    for (const text of [...replies, ...logLines, ...world.fake.messages(desk).map((m) => JSON.stringify(m))]) expect(text).not.toContain(hook.token);
    expect(secrets).toContain(hook.token);
    log.warn({ url: `https://discord.com/api/v10/webhooks/${hook.id}/${hook.token}` }, 'a line that would leak it');
    expect(logLines.at(-1)).toContain('[redacted]');
    expect(logLines.at(-1)).not.toContain(hook.token);

    // off: back to Herald's own messages.
    expect(content(await world.fake.injectCommand('watch', { subcommand: 'webhook', channel: desk, off: true }, { admin: true, permissions: MANAGE_BOTH }))).toBe(
      `Announcements in <#${desk}> are Herald's own messages again.`,
    );
    expect(world.fake.mentionViolations()).toEqual([]);
  });
});

describe('forum channels', () => {
  it('makes each article a forum post named after its headline, through Herald or the webhook', async () => {
    const forum = world.fake.addChannel({ name: 'news-forum', type: 15, overwrites: [{ id: world.fake.botRoleId, type: 0, allow: String(Perm.ManageWebhooks), deny: '0' }] });
    const watched = await world.fake.injectCommand('watch', { subcommand: 'channel', channel: forum }, { admin: true });
    expect(content(watched)).toBe(`New articles will be announced in <#${forum}> (every new article).`);
    expect(description(await world.fake.injectCommand('watch', { subcommand: 'list' }, { admin: true }))).toContain(`<#${forum}> (every new article) · forum posts`);
    await announce('/forum.xml', forum, ['Harbour dredging starts', '<@&123456789012345678> Quay closes']);
    const posts = world.fake.forumPosts(forum);
    expect(posts.map((p) => p.thread.name)).toEqual(['Harbour dredging starts', expect.stringContaining('Quay closes')]);
    expect(posts.map((p) => embedTitle(p.message))).toEqual(['Harbour dredging starts', expect.stringContaining('Quay closes')]);
    // A headline's mention is defused in the post's name and message (a zero-width space breaks it).
    for (const p of posts) expect(`${p.thread.name} ${embedTitle(p.message)}`).not.toMatch(/<@&\d+>/);
    for (const p of posts) expect(p.thread.owner_id).toBe(world.fake.botUserId);
    expect(world.fake.messages(forum)).toEqual([]);

    // Through a webhook: the forum post is the webhook's (thread_name), with the server's name.
    await world.fake.injectCommand('watch', { subcommand: 'webhook', channel: forum, name: 'Quay Watch' }, { admin: true, permissions: MANAGE_BOTH });
    const [hook] = [...world.fake.webhooks.values()].filter((h) => h.channel_id === forum);
    await announce('/forum2.xml', forum, ['Tide tables published']);
    const last = world.fake.forumPosts(forum).at(-1)!;
    expect(last.thread).toMatchObject({ name: 'Tide tables published', owner_id: hook.id });
    expect(last.message).toMatchObject({ webhook_id: hook.id, author: { username: 'Quay Watch' } });
    expect(world.fake.mentionViolations()).toEqual([]);
  });
});

describe('threads and publishing', () => {
  it('publishes each announcement in an announcement channel and opens a thread under it, set with /watch and /feed posting', async () => {
    const bulletin = world.fake.addChannel({ name: 'bulletin', type: 5 });
    await world.fake.injectCommand('watch', { subcommand: 'channel', channel: bulletin }, { admin: true });
    const set = await world.fake.injectCommand('watch', { subcommand: 'posting', channel: bulletin, thread: true, publish: true }, { admin: true });
    expect(content(set)).toBe(`<#${bulletin}> (every new article) · publishes · opens a thread`);
    await announce('/bulletin.xml', bulletin, ['Harbour fees rise in March'], async () => {
      const routed = await world.fake.injectCommand('feed', { subcommand: 'posting', url: `${world.server.base}/bulletin.xml`, thread: true, publish: true }, { admin: true });
      expect(content(routed)).toContain(`In <#${bulletin}>: embed · pings no one · publishes · opens a thread`);
    });
    const [message] = world.fake.messages(bulletin);
    expect(embedTitle(message)).toBe('Harbour fees rise in March');
    expect(message.flags & 1).toBe(1); // crossposted
    expect(message.thread).toMatchObject({ name: 'Harbour fees rise in March', type: 10 });
    // A second drain (or a restart) does neither again.
    await world.herald.news.settle();
    expect(world.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${bulletin}/messages/${message.id}/crosspost`)).toHaveLength(1);
    expect(world.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${bulletin}/messages/${message.id}/threads`)).toHaveLength(1);
  });
});
