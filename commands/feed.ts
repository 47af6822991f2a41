// /feed add|remove|list|route|interval|filter|template|ping|preview: which RSS/Atom feeds Herald follows
// for this server, where each one posts, how often it is read, and what its announcements look like.
import { z } from 'zod';
import { filterArgs, filterOptions, postingArgs, postingOptions, previewReply, roleArg, settingsPatch, templateArgs, templateOptions } from '../src/feeds/delivery-options';
import { BACKFILL_MAX } from '../src/feeds/monitor';
import { describeInterval, INTERVAL_MAX_MINUTES } from '../src/feeds/schedule';
import type { FeedService } from '../src/feeds/admin-services';
import { feedAdded, feedLabel, feedListReply, feedRouted, feedSettings, importSummary } from '../src/feeds/answers';
import { OPML_MAX_BYTES, OPML_MAX_FEEDS } from '../src/feeds/opml';
import { ANNOUNCEMENT_CHANNELS, IN_SERVERS, MANAGE_GUILD, OptionType } from '../src/core/command';
import { runSubcommand, subcommandArgs, subcommandOptions } from '../src/core/subcommands';
import type { Reply } from '../src/core/reply';
import { defineCommand, subcommandMaker, type HeraldContext } from '../src/services';
import { channelMention } from '../src/format/parts';

const url = z.string({ error: 'a feed URL' }).trim().min(1, 'a feed URL').max(2048, 'at most 2048 characters');

const channel = z.string().regex(/^\d{1,20}$/, 'a channel').optional();
const minutes = z.number('a whole number of minutes').int('a whole number of minutes').min(0, 'at least 0').max(INTERVAL_MAX_MINUTES, `at most ${INTERVAL_MAX_MINUTES}`);

const feedUrlOption = { type: OptionType.String, name: 'url', description: 'The feed URL', required: true, autocomplete: true, max_length: 2048 };

const off = (): Reply => ({ content: 'Feed following is not available in this deployment.', ephemeral: true });

/** Every subcommand runs in a server of a deployment that follows feeds. */
const sub = subcommandMaker<{ feeds: FeedService; guildId: string }>();

const subcommands = {
  add: sub({
    description: 'Follow a feed for this server only (others never see its items); only new items get announced',
    options: [
      { type: OptionType.String, name: 'url', description: 'http(s) URL of an RSS or Atom feed', required: true, max_length: 2048 },
      { type: OptionType.Channel, name: 'channel', description: 'Post its items in this channel (default: the server\'s watched channels)', required: false, channel_types: ANNOUNCEMENT_CHANNELS },
      { type: OptionType.Integer, name: 'interval', description: 'Read it every N minutes (default: the server schedule; minimum FEED_MIN_INTERVAL)', required: false, min_value: 0, max_value: INTERVAL_MAX_MINUTES },
      { type: OptionType.Integer, name: 'backfill', description: `Announce its newest N items once now (default 0, at most ${BACKFILL_MAX})`, required: false, min_value: 0, max_value: BACKFILL_MAX },
    ],
    args: {
      url,
      channel,
      interval: minutes.optional(),
      backfill: z.number('a number of items').int('a whole number of items').min(0, 'at least 0').max(BACKFILL_MAX, `at most ${BACKFILL_MAX}`).optional(),
    },
    async run(args, ctx, { feeds, guildId }) {
      const pollMinutes = args.interval ? args.interval : undefined;
      if (pollMinutes !== undefined && ctx.services.deliveries) {
        const floor = ctx.services.deliveries.minIntervalMinutes;
        if (pollMinutes < floor) return { content: `Not added: the interval is at least ${floor} minute${floor === 1 ? '' : 's'} (FEED_MIN_INTERVAL).`, ephemeral: true };
      }
      let channelForum = false;
      if (args.channel) {
        const access = await channelAccess(ctx, args.channel, guildId);
        if (!access.ok) return { content: `Not added: Herald cannot announce in ${channelMention(args.channel)}: ${access.reason}.`, ephemeral: true };
        channelForum = access.forum;
      }
      const result = await feeds.add({ url: args.url, guildId, userId: ctx.caller.userId, channelId: args.channel, pollMinutes, backfill: args.backfill, forum: channelForum });
      if (!result.ok) return { content: result.reason, ephemeral: true };
      return { content: feedAdded(result, { routed: Boolean(args.channel), timed: args.interval !== undefined }), ephemeral: true };
    },
  }),
  remove: sub({
    description: 'Stop following a feed',
    options: [{ type: OptionType.String, name: 'url', description: 'The feed URL', required: true, autocomplete: true, max_length: 2048 }],
    args: { url },
    async run(args, _ctx, { feeds, guildId }) {
      const result = await feeds.remove({ url: args.url, guildId });
      return { content: result.ok ? `Stopped following <${args.url}>.` : result.reason, ephemeral: true };
    },
  }),
  list: sub({
    description: 'Followed feeds, with failing ones and their last error',
    args: {},
    async run(_args, ctx, { feeds, guildId }) {
      return feedListReply(await feeds.list(guildId), ctx.now());
    },
  }),
  route: sub({
    description: 'Post a feed\'s items in one channel (leave channel empty: back to the watched channels)',
    options: [feedUrlOption, { type: OptionType.Channel, name: 'channel', description: 'The channel (empty: un-route)', required: false, channel_types: ANNOUNCEMENT_CHANNELS }],
    args: { url, channel },
    async run(args, ctx, { guildId }) {
      const deliveries = ctx.services.deliveries;
      if (!deliveries) return off();
      let forum = false;
      if (args.channel) {
        const access = await channelAccess(ctx, args.channel, guildId);
        if (!access.ok) return { content: `Herald cannot announce in ${channelMention(args.channel)}: ${access.reason}.`, ephemeral: true };
        forum = access.forum;
      }
      const result = await deliveries.route({ guildId, url: args.url, channelId: args.channel ?? null, userId: ctx.caller.userId, forum });
      if (!result.ok) return { content: result.reason, ephemeral: true };
      return { content: feedRouted(result.feed, args.channel), ephemeral: true };
    },
  }),
  interval: sub({
    description: 'How often this feed is read, in minutes (0: the server schedule)',
    options: [feedUrlOption, { type: OptionType.Integer, name: 'minutes', description: 'Minutes between reads (minimum FEED_MIN_INTERVAL; 0: server schedule)', required: true, min_value: 0, max_value: INTERVAL_MAX_MINUTES }],
    args: { url, minutes },
    async run(args, ctx, { guildId }) {
      if (!ctx.services.deliveries) return off();
      const result = await ctx.services.deliveries.setInterval({ guildId, url: args.url, minutes: args.minutes === 0 ? null : args.minutes });
      if (!result.ok) return { content: result.reason, ephemeral: true };
      return { content: `${feedLabel(result.feed)} is read ${describeInterval(result.feed.pollMinutes ?? null)}.`, ephemeral: true };
    },
  }),
  filter: sub({
    description: 'Include/exclude words or RE2 patterns for this feed\'s items, wherever they go',
    options: [feedUrlOption, ...filterOptions],
    args: { url, ...filterArgs },
    run: (args, ctx, { guildId }) => configure(ctx, guildId, args.url, settingsPatch({ subcommand: 'filter', ...args })),
  }),
  template: sub({
    description: 'What a routed feed\'s announcements say, as an embed or plain text',
    options: [feedUrlOption, ...templateOptions],
    args: { url, ...templateArgs },
    run: (args, ctx, { guildId }) => configure(ctx, guildId, args.url, settingsPatch({ subcommand: 'template', ...args })),
  }),
  ping: sub({
    description: 'Ping a role with each item of a routed feed (leave the role empty to ping no one)',
    options: [feedUrlOption, { type: OptionType.Role, name: 'role', description: 'The role to ping (not @everyone)', required: false }],
    args: { url, role: roleArg },
    run: (args, ctx, { guildId }) => configure(ctx, guildId, args.url, settingsPatch({ subcommand: 'ping', ...args })),
  }),
  preview: sub({
    description: 'Show a routed feed\'s next announcement exactly as it will be posted (only to you)',
    options: [feedUrlOption],
    args: { url },
    async run(args, ctx, { guildId }) {
      if (!ctx.services.deliveries) return off();
      return previewReply(await ctx.services.deliveries.previewFeed({ guildId, url: args.url }));
    },
  }),
  posting: sub({
    description: 'After each item of a routed feed: open a thread, publish (announcement channels)',
    options: [feedUrlOption, ...postingOptions],
    args: { url, ...postingArgs },
    run: (args, ctx, { guildId }) => configure(ctx, guildId, args.url, settingsPatch({ subcommand: 'posting', ...args })),
  }),
  import: sub({
    description: `Follow every feed of an OPML file (at most ${OPML_MAX_FEEDS} feeds, ${OPML_MAX_BYTES / 1024} KB); nothing is announced`,
    options: [{ type: OptionType.Attachment, name: 'file', description: 'An OPML file exported from a feed reader or another bot', required: true }],
    args: { file: z.string({ error: 'an OPML file attached to the command' }).url('an OPML file attached to the command') },
    async run(args, ctx, { guildId }) {
      if (!ctx.services.opml) return off();
      if (!ctx.services.attachments) return { content: 'Importing needs a file attached in Discord.', ephemeral: true };
      const file = await ctx.services.attachments.read(args.file, OPML_MAX_BYTES);
      if (!file.ok) return { content: `Nothing imported: ${file.reason}.`, ephemeral: true };
      const report = await ctx.services.opml.importFeeds({ guildId, userId: ctx.caller.userId, data: file.data });
      if (!report.ok) return { content: `Nothing imported: ${report.reason}`, ephemeral: true };
      return { content: importSummary(report), ephemeral: true };
    },
  }),
  export: sub({
    description: 'This server\'s feeds as an OPML file, for a feed reader or another server',
    args: {},
    async run(_args, ctx, { guildId }) {
      if (!ctx.services.opml) return off();
      const { opml, count } = await ctx.services.opml.exportFeeds(guildId);
      if (count === 0) return { content: 'This server follows no feeds of its own yet (FEEDS from the configuration are not exported). Add one with /feed add.', ephemeral: true };
      return {
        content: `This server's ${count} feed${count === 1 ? '' : 's'} as OPML (feeds from the configuration are not included).`,
        attachments: [{ name: 'herald-feeds.opml', contentType: 'text/x-opml; charset=utf-8', data: Buffer.from(opml, 'utf8'), description: `${count} feeds as OPML` }],
        ephemeral: true,
      };
    },
  }),
};

/** Whether Herald may announce in a channel of this server, and whether it is a forum (without a chat transport: yes, not a forum). */
async function channelAccess(ctx: HeraldContext, channelId: string, guildId: string): Promise<{ ok: true; forum: boolean } | { ok: false; reason: string }> {
  const access = ctx.services.channels ? await ctx.services.channels.canPostEmbeds(channelId, guildId) : { ok: true as const };
  return access.ok ? { ok: true, forum: 'forum' in access && access.forum === true } : access;
}

/** filter, template, ping, posting: the feed's filter and, when it is routed, its route's form. */
async function configure(ctx: HeraldContext, guildId: string, feedUrl: string, settings: ReturnType<typeof settingsPatch>): Promise<Reply> {
  const deliveries = ctx.services.deliveries;
  if (!deliveries) return off();
  if (!settings.ok) return settings.reply;
  const result = await deliveries.configureFeed({ guildId, url: feedUrl, patch: settings.patch });
  if (!result.ok) return { content: result.reason, ephemeral: true };
  return { content: feedSettings(result.feed, result.route), ephemeral: true };
}

export default defineCommand({
  definition: {
    name: 'feed',
    description: 'RSS and Atom feeds Herald follows (server admins)',
    default_member_permissions: MANAGE_GUILD,
    contexts: IN_SERVERS,
    options: subcommandOptions(subcommands),
  },
  args: subcommandArgs(subcommands),
  defer: 'ephemeral',
  adminOnly: true,
  guildOnly: true,
  run(args, ctx) {
    const feeds = ctx.services.feeds;
    const guildId = ctx.caller.guildId;
    if (!feeds || !guildId) return off();
    return runSubcommand(subcommands, args, ctx, { feeds, guildId });
  },
  async autocomplete(option, value, _raw, ctx) {
    if (option !== 'url' || !ctx.services.feeds) return [];
    const q = value.trim().toLowerCase();
    return (await ctx.services.feeds.list(ctx.caller.guildId))
      .filter((f) => f.scope === 'server' && (f.url.toLowerCase().includes(q) || (f.title ?? '').toLowerCase().includes(q)))
      .map((f) => ({ name: f.title ? `${f.title} — ${f.url}` : f.url, value: f.url }));
  },
});
