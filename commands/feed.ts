// /feed add|remove|list: which RSS/Atom feeds Herald follows for this server (server admins).
import { z } from 'zod';
import { clip, safe } from '../src/format/text';
import { discordInstant } from '../src/format/dates';
import { defineCommand, IN_SERVERS, MANAGE_GUILD, OptionType } from '../src/core/command';
import type { Reply } from '../src/core/reply';
import type { FeedInfo } from '../src/feeds/service';

const url = z.string({ error: 'a feed URL' }).trim().min(1, 'a feed URL').max(2048, 'at most 2048 characters');

const argsSchema = z.discriminatedUnion('subcommand', [
  z.object({ subcommand: z.literal('add'), url }),
  z.object({ subcommand: z.literal('remove'), url }),
  z.object({ subcommand: z.literal('list') }),
]);

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
        description: 'Follow a feed; its current items are recorded, only new ones get announced',
        options: [{ type: OptionType.String, name: 'url', description: 'http(s) URL of an RSS or Atom feed', required: true, max_length: 2048 }],
      },
      {
        type: OptionType.Subcommand,
        name: 'remove',
        description: 'Stop following a feed',
        options: [{ type: OptionType.String, name: 'url', description: 'The feed URL', required: true, autocomplete: true, max_length: 2048 }],
      },
      { type: OptionType.Subcommand, name: 'list', description: 'Followed feeds, with failing ones and their last error' },
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
        const result = await feeds.add({ url: args.url, guildId, userId: ctx.caller.userId });
        if (!result.ok) return { content: result.reason, ephemeral: true };
        if (!result.created) return { content: `Herald already follows ${label(result.feed)}${result.feed.scope === 'global' ? ' (from the configuration)' : ''}.`, ephemeral: true };
        return {
          content: `Following ${label(result.feed)}. Its ${result.itemsRecorded} current item${result.itemsRecorded === 1 ? ' was' : 's were'} recorded without announcing; new items will be announced in watched channels (see /watch).`,
          ephemeral: true,
        };
      }
      case 'remove': {
        const result = await feeds.remove({ url: args.url, guildId });
        return { content: result.ok ? `Stopped following <${args.url}>.` : result.reason, ephemeral: true };
      }
      case 'list':
        return listReply(await feeds.list(guildId), ctx.now());
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

function label(feed: FeedInfo): string {
  return feed.title ? `**${escape(feed.title)}** <${feed.url}>` : `<${feed.url}>`;
}

export function listReply(feeds: FeedInfo[], now: Date): Reply {
  if (feeds.length === 0) return { content: 'No feeds are followed. Add one with /feed add (or FEEDS in the configuration).', ephemeral: true };
  const lines = feeds.slice(0, 25).map((f) => {
    const scope = f.scope === 'global' ? ' · from configuration' : '';
    if (f.failures === 0) return `✅ ${label(f)}${scope}${f.lastOkAt ? ` · last read ${discordInstant(f.lastOkAt, 'R')}` : ' · not read yet'}`;
    const retry = f.nextAttemptAt && f.nextAttemptAt > now ? ` · next try ${discordInstant(f.nextAttemptAt, 'R')}` : '';
    return `⚠️ ${label(f)}${scope} · failing (${f.failures} in a row): ${escape(f.lastError ?? 'unknown error')}${retry}`;
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
