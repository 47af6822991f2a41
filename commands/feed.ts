// /feed add|remove|list|route|interval|filter|template|ping|preview: which RSS/Atom feeds Herald follows
// for this server, where each one posts, how often it is read, and what its announcements look like.
import { z } from 'zod';
import { filterArgs, filterOptions, postingArgs, postingOptions, previewReply, roleArg, settingsPatch, templateArgs, templateOptions } from '../src/feeds/delivery-options';
import { BACKFILL_MAX } from '../src/feeds/monitor';
import { describeInterval, INTERVAL_MAX_MINUTES } from '../src/feeds/schedule';
import type { DeliveryService, OpmlImportReport } from '../src/feeds/admin-services';
import { OPML_MAX_BYTES, OPML_MAX_FEEDS } from '../src/feeds/opml';
import { clip, safe } from '../src/format/text';
import { discordInstant } from '../src/format/dates';
import { ANNOUNCEMENT_CHANNELS, IN_SERVERS, MANAGE_GUILD, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
import type { Reply } from '../src/core/reply';
import type { FeedInfo } from '../src/feeds/admin-services';

const url = z.string({ error: 'a feed URL' }).trim().min(1, 'a feed URL').max(2048, 'at most 2048 characters');

const channel = z.string().regex(/^\d{1,20}$/, 'a channel').optional();
const minutes = z.number('a whole number of minutes').int('a whole number of minutes').min(0, 'at least 0').max(INTERVAL_MAX_MINUTES, `at most ${INTERVAL_MAX_MINUTES}`);

const argsSchema = z.discriminatedUnion('subcommand', [
  z.object({
    subcommand: z.literal('add'),
    url,
    channel,
    interval: minutes.optional(),
    backfill: z.number('a number of items').int('a whole number of items').min(0, 'at least 0').max(BACKFILL_MAX, `at most ${BACKFILL_MAX}`).optional(),
  }),
  z.object({ subcommand: z.literal('remove'), url }),
  z.object({ subcommand: z.literal('list') }),
  z.object({ subcommand: z.literal('route'), url, channel }),
  z.object({ subcommand: z.literal('interval'), url, minutes }),
  z.object({ subcommand: z.literal('filter'), url, ...filterArgs }),
  z.object({ subcommand: z.literal('template'), url, ...templateArgs }),
  z.object({ subcommand: z.literal('ping'), url, role: roleArg }),
  z.object({ subcommand: z.literal('preview'), url }),
  z.object({ subcommand: z.literal('posting'), url, ...postingArgs }),
  z.object({ subcommand: z.literal('import'), file: z.string({ error: 'an OPML file attached to the command' }).url('an OPML file attached to the command') }),
  z.object({ subcommand: z.literal('export') }),
]);

const feedUrlOption = { type: OptionType.String, name: 'url', description: 'The feed URL', required: true, autocomplete: true, max_length: 2048 };

const off = (): Reply => ({ content: 'Feed following is not available in this deployment.', ephemeral: true });

export default defineCommand({
  definition: {
    name: 'feed',
    description: 'RSS and Atom feeds Herald follows (server admins)',
    default_member_permissions: MANAGE_GUILD,
    contexts: IN_SERVERS,
    options: [
      {
        type: OptionType.Subcommand,
        name: 'add',
        description: 'Follow a feed for this server only (others never see its items); only new items get announced',
        options: [
          { type: OptionType.String, name: 'url', description: 'http(s) URL of an RSS or Atom feed', required: true, max_length: 2048 },
          { type: OptionType.Channel, name: 'channel', description: 'Post its items in this channel (default: the server\'s watched channels)', required: false, channel_types: ANNOUNCEMENT_CHANNELS },
          { type: OptionType.Integer, name: 'interval', description: 'Read it every N minutes (default: the server schedule; minimum FEED_MIN_INTERVAL)', required: false, min_value: 0, max_value: INTERVAL_MAX_MINUTES },
          { type: OptionType.Integer, name: 'backfill', description: `Announce its newest N items once now (default 0, at most ${BACKFILL_MAX})`, required: false, min_value: 0, max_value: BACKFILL_MAX },
        ],
      },
      {
        type: OptionType.Subcommand,
        name: 'remove',
        description: 'Stop following a feed',
        options: [{ type: OptionType.String, name: 'url', description: 'The feed URL', required: true, autocomplete: true, max_length: 2048 }],
      },
      { type: OptionType.Subcommand, name: 'list', description: 'Followed feeds, with failing ones and their last error' },
      {
        type: OptionType.Subcommand,
        name: 'route',
        description: 'Post a feed\'s items in one channel (leave channel empty: back to the watched channels)',
        options: [feedUrlOption, { type: OptionType.Channel, name: 'channel', description: 'The channel (empty: un-route)', required: false, channel_types: ANNOUNCEMENT_CHANNELS }],
      },
      {
        type: OptionType.Subcommand,
        name: 'interval',
        description: 'How often this feed is read, in minutes (0: the server schedule)',
        options: [feedUrlOption, { type: OptionType.Integer, name: 'minutes', description: 'Minutes between reads (minimum FEED_MIN_INTERVAL; 0: server schedule)', required: true, min_value: 0, max_value: INTERVAL_MAX_MINUTES }],
      },
      { type: OptionType.Subcommand, name: 'filter', description: 'Include/exclude words or RE2 patterns for this feed\'s items, wherever they go', options: [feedUrlOption, ...filterOptions] },
      { type: OptionType.Subcommand, name: 'template', description: 'What a routed feed\'s announcements say, as an embed or plain text', options: [feedUrlOption, ...templateOptions] },
      {
        type: OptionType.Subcommand,
        name: 'ping',
        description: 'Ping a role with each item of a routed feed (leave the role empty to ping no one)',
        options: [feedUrlOption, { type: OptionType.Role, name: 'role', description: 'The role to ping (not @everyone)', required: false }],
      },
      { type: OptionType.Subcommand, name: 'preview', description: 'Show a routed feed\'s next announcement exactly as it will be posted (only to you)', options: [feedUrlOption] },
      { type: OptionType.Subcommand, name: 'posting', description: 'After each item of a routed feed: open a thread, publish (announcement channels)', options: [feedUrlOption, ...postingOptions] },
      {
        type: OptionType.Subcommand,
        name: 'import',
        description: `Follow every feed of an OPML file (at most ${OPML_MAX_FEEDS} feeds, ${OPML_MAX_BYTES / 1024} KB); nothing is announced`,
        options: [{ type: OptionType.Attachment, name: 'file', description: 'An OPML file exported from a feed reader or another bot', required: true }],
      },
      { type: OptionType.Subcommand, name: 'export', description: 'This server\'s feeds as an OPML file, for a feed reader or another server' },
    ],
  },
  args: argsSchema,
  defer: 'ephemeral',
  adminOnly: true,
  guildOnly: true,
  async run(args, ctx) {
    const feeds = ctx.services.feeds;
    const guildId = ctx.caller.guildId;
    if (!feeds || !guildId) return off();
    switch (args.subcommand) {
      case 'add': {
        const pollMinutes = args.interval ? args.interval : undefined;
        if (pollMinutes !== undefined && ctx.services.deliveries) {
          const floor = ctx.services.deliveries.minIntervalMinutes;
          if (pollMinutes < floor) return { content: `Not added: the interval is at least ${floor} minute${floor === 1 ? '' : 's'} (FEED_MIN_INTERVAL).`, ephemeral: true };
        }
        let channelForum = false;
        if (args.channel) {
          const access = ctx.services.channels ? await ctx.services.channels.canPostEmbeds(args.channel, guildId) : { ok: true as const };
          if (!access.ok) return { content: `Not added: Herald cannot announce in <#${args.channel}>: ${access.reason}.`, ephemeral: true };
          channelForum = 'forum' in access && access.forum === true;
        }
        const result = await feeds.add({ url: args.url, guildId, userId: ctx.caller.userId, channelId: args.channel, pollMinutes, backfill: args.backfill, forum: channelForum });
        if (!result.ok) return { content: result.reason, ephemeral: true };
        if (!result.created) {
          const hint = args.channel || args.interval !== undefined ? ' To change where it posts or how often it is read, use /feed route and /feed interval.' : '';
          return { content: `Herald already follows ${label(result.feed)}${result.feed.scope === 'global' ? ' (from the configuration)' : ''}.${hint}`, ephemeral: true };
        }
        const where = result.feed.channelId ? `in <#${result.feed.channelId}>` : 'in watched channels (see /watch)';
        const backfilled = result.backfilled ? ` Its newest ${result.backfilled} item${result.backfilled === 1 ? ' is' : 's are'} being announced ${where} now.` : '';
        return {
          content: `Following ${label(result.feed)}${result.feed.pollMinutes ? `, read ${describeInterval(result.feed.pollMinutes)}` : ''}. Its ${result.itemsRecorded} current item${result.itemsRecorded === 1 ? ' was' : 's were'} recorded without announcing; new items will be announced ${where}.${backfilled}`,
          ephemeral: true,
        };
      }
      case 'remove': {
        const result = await feeds.remove({ url: args.url, guildId });
        return { content: result.ok ? `Stopped following <${args.url}>.` : result.reason, ephemeral: true };
      }
      case 'list':
        return listReply(await feeds.list(guildId), ctx.now());
      case 'export': {
        if (!ctx.services.opml) return off();
        const { opml, count } = await ctx.services.opml.exportFeeds(guildId);
        if (count === 0) return { content: 'This server follows no feeds of its own yet (FEEDS from the configuration are not exported). Add one with /feed add.', ephemeral: true };
        return {
          content: `This server's ${count} feed${count === 1 ? '' : 's'} as OPML (feeds from the configuration are not included).`,
          attachments: [{ name: 'herald-feeds.opml', contentType: 'text/x-opml; charset=utf-8', data: Buffer.from(opml, 'utf8'), description: `${count} feeds as OPML` }],
          ephemeral: true,
        };
      }
      case 'import': {
        if (!ctx.services.opml) return off();
        if (!ctx.services.attachments) return { content: 'Importing needs a file attached in Discord.', ephemeral: true };
        const file = await ctx.services.attachments.read(args.file, OPML_MAX_BYTES);
        if (!file.ok) return { content: `Nothing imported: ${file.reason}.`, ephemeral: true };
        const report = await ctx.services.opml.importFeeds({ guildId, userId: ctx.caller.userId, data: file.data });
        if (!report.ok) return { content: `Nothing imported: ${report.reason}`, ephemeral: true };
        return { content: importSummary(report), ephemeral: true };
      }
      default:
        if (!ctx.services.deliveries) return off();
        let forum = false;
        if (args.subcommand === 'route' && args.channel) {
          const access = ctx.services.channels ? await ctx.services.channels.canPostEmbeds(args.channel, guildId) : { ok: true as const };
          if (!access.ok) return { content: `Herald cannot announce in <#${args.channel}>: ${access.reason}.`, ephemeral: true };
          forum = 'forum' in access && access.forum === true;
        }
        return settings(args, ctx.services.deliveries, guildId, ctx.caller.userId, forum);
    }
  },
  async autocomplete(option, value, _raw, ctx) {
    if (option !== 'url' || !ctx.services.feeds) return [];
    const q = value.trim().toLowerCase();
    return (await ctx.services.feeds.list(ctx.caller.guildId))
      .filter((f) => f.scope === 'server' && (f.url.toLowerCase().includes(q) || (f.title ?? '').toLowerCase().includes(q)))
      .map((f) => ({ name: f.title ? `${f.title} — ${f.url}` : f.url, value: f.url }));
  },
});

type SettingsArgs = Extract<z.infer<typeof argsSchema>, { subcommand: 'route' | 'interval' | 'filter' | 'template' | 'ping' | 'preview' | 'posting' }>;

async function settings(args: SettingsArgs, deliveries: DeliveryService, guildId: string, userId: string, forum = false): Promise<Reply> {
  switch (args.subcommand) {
    case 'preview':
      return previewReply(await deliveries.previewFeed({ guildId, url: args.url }));
    case 'route': {
      const result = await deliveries.route({ guildId, url: args.url, channelId: args.channel ?? null, userId, forum });
      if (!result.ok) return { content: result.reason, ephemeral: true };
      return {
        content: args.channel
          ? `New items of ${label(result.feed)} will be announced in <#${args.channel}> (and in topic watches they match), no longer in the server's every-article watches.`
          : `${label(result.feed)} is no longer routed: its new items go to the server's watched channels.`,
        ephemeral: true,
      };
    }
    case 'interval': {
      const result = await deliveries.setInterval({ guildId, url: args.url, minutes: args.minutes === 0 ? null : args.minutes });
      if (!result.ok) return { content: result.reason, ephemeral: true };
      return { content: `${label(result.feed)} is read ${describeInterval(result.feed.pollMinutes ?? null)}.`, ephemeral: true };
    }
    default: {
      const settings = settingsPatch(args);
      if (!settings.ok) return settings.reply;
      const result = await deliveries.configureFeed({ guildId, url: args.url, patch: settings.patch });
      if (!result.ok) return { content: result.reason, ephemeral: true };
      const lines = [`${label(result.feed)} · ${result.feed.filter ? `filter: ${escape(result.feed.filter)}` : 'no filter'}`];
      if (result.route) {
        const r = result.route;
        lines.push(
          `In <#${r.channelId}>: ${r.format === 'text' ? 'plain text' : 'embed'}${r.template ? ` from template \`${escape(r.template).replace(/`/g, "'")}\`` : ''} · ${r.pingRoleId ? `pings <@&${r.pingRoleId}>` : 'pings no one'}${r.publish ? ' · publishes' : ''}${r.openThread ? ' · opens a thread' : ''}`,
        );
      }
      return { content: lines.join('\n'), ephemeral: true };
    }
  }
}

function importSummary(report: Extract<OpmlImportReport, { ok: true }>): string {
  const lines: string[] = [];
  const total = report.added.length + report.already.length + report.failed.length;
  if (total === 0) lines.push('The file lists no feeds (outlines with an xmlUrl).');
  if (report.added.length) lines.push(`Following ${report.added.length} new feed${report.added.length === 1 ? '' : 's'} (current items recorded, nothing announced): ${report.added.map(label).join(', ')}`);
  if (report.already.length) lines.push(`Already followed: ${report.already.length}.`);
  if (report.failed.length) lines.push(`Not added (${report.failed.length}): ${report.failed.map((f) => `<${f.url}>: ${escape(f.reason)}`).join('; ')}`);
  if (report.skipped.length) lines.push(`Skipped (${report.skipped.length}): ${escape(report.skipped.slice(0, 5).join('; '))}${report.skipped.length > 5 ? '…' : ''}`);
  return clip(lines.join('\n'), 1900);
}

function label(feed: FeedInfo): string {
  return feed.title ? `**${escape(feed.title)}** <${feed.url}>` : `<${feed.url}>`;
}

export function listReply(feeds: FeedInfo[], now: Date): Reply {
  if (feeds.length === 0) return { content: 'No feeds are followed. Add one with /feed add (or FEEDS in the configuration).', ephemeral: true };
  const lines = feeds.slice(0, 25).map((f) => {
    const scope = f.scope === 'global' ? ' · from configuration' : '';
    const extra = `${f.channelId ? ` · → <#${f.channelId}>` : ''}${f.pollMinutes ? ` · ${describeInterval(f.pollMinutes)}` : ''}${f.filter ? ` · filter: ${escape(f.filter)}` : ''}`;
    if (f.failures === 0) return `✅ ${label(f)}${scope}${extra}${f.lastOkAt ? ` · last read ${discordInstant(f.lastOkAt, 'R')}` : ' · not read yet'}`;
    const retry = f.nextAttemptAt && f.nextAttemptAt > now ? ` · next try ${discordInstant(f.nextAttemptAt, 'R')}` : '';
    return `⚠️ ${label(f)}${scope}${extra} · failing (${f.failures} in a row): ${escape(f.lastError ?? 'unknown error')}${retry}`;
  });
  const more = feeds.length > 25 ? `\n…and ${feeds.length - 25} more.` : '';
  const failing = feeds.filter((f) => f.failures > 0).length;
  return {
    embeds: [
      {
        title: `Feeds (${feeds.length}${failing ? `, ${failing} failing` : ''})`,
        description: `${lines.join('\n')}${more}`.slice(0, 4000),
      },
    ],
    ephemeral: true,
  };
}

/** Feed titles, topics and errors come from strangers: mentions defused, markdown escaped, length bounded. */
function escape(text: string): string {
  return clip(safe(text), 200);
}
