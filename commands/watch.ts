// /watch channel|topic|list|off|filter|template|ping|preview|posting|webhook: where Herald announces new
// articles, optionally narrowed to a topic or filter, in what form, pinging which role, what follows each
// post, and whether a webhook with the server's name and avatar posts them.
import { z } from 'zod';
import { filterArgs, filterOptions, postingArgs, postingOptions, previewReply, roleArg, settingsPatch, templateArgs, templateOptions } from '../src/feeds/delivery-options';
import type { WatchService } from '../src/feeds/admin-services';
import { watchListReply, watchSettings, watchTopic, webhookSet } from '../src/feeds/answers';
import { ANNOUNCEMENT_CHANNELS, IN_SERVERS, MANAGE_GUILD, OptionType } from '../src/core/command';
import { runSubcommand, subcommandArgs, subcommandOptions } from '../src/core/subcommands';
import type { Reply } from '../src/core/reply';
import { defineCommand, subcommandMaker, type HeraldContext } from '../src/services';
import { topicTerms } from '../src/feeds/topic';
import { channelMention } from '../src/format/parts';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(300).optional());
const channel = z.string().regex(/^\d{1,20}$/, 'a channel').optional();

const channelOption = (description: string) => ({ type: OptionType.Channel, name: 'channel', description, required: false, channel_types: ANNOUNCEMENT_CHANNELS });
const anyWatched = channelOption('Which watched channel (default: all of them)');

const off = (): Reply => ({ content: 'Announcements are not available in this deployment.', ephemeral: true });
const CLEAR = new Set(['*', 'all', 'any', 'everything']);

/** Every subcommand runs in a server of a deployment with announcements. */
const sub = subcommandMaker<{ watches: WatchService; guildId: string }>();

const subcommands = {
  channel: sub({
    description: 'Announce new articles in a channel (checks Herald can post embeds there)',
    options: [
      channelOption('A text channel (default: this one)'),
      { type: OptionType.String, name: 'topic', description: 'Only articles about these keywords or names (comma-separated)', required: false, max_length: 300 },
    ],
    args: { channel, topic: optionalText },
    async run(args, ctx, { watches, guildId }) {
      const channelId = args.channel ?? ctx.caller.channelId;
      if (!channelId) return { content: 'Choose a channel.', ephemeral: true };
      const access = ctx.services.channels ? await ctx.services.channels.canPostEmbeds(channelId, ctx.caller.guildId ?? undefined) : { ok: true as const };
      if (!access.ok) return { content: `Herald cannot announce in ${channelMention(channelId)}: ${access.reason}.`, ephemeral: true };
      const watch = await watches.subscribe({ guildId, channelId, topic: args.topic, userId: ctx.caller.userId, forum: 'forum' in access && access.forum === true });
      return { content: `New articles will be announced in ${channelMention(watch.channelId)}${watchTopic(watch)}.`, ephemeral: true };
    },
  }),
  topic: sub({
    description: 'Only announce articles about these keywords or names ("*" for everything)',
    options: [
      { type: OptionType.String, name: 'keywords', description: 'Comma-separated keywords or names, e.g. CSTO, Tajikistan', required: true, max_length: 300 },
      anyWatched,
    ],
    args: { keywords: z.string({ error: 'keywords or names, e.g. CSTO, Tajikistan' }).trim().min(1).max(300), channel },
    async run(args, _ctx, { watches, guildId }) {
      const topic = CLEAR.has(args.keywords.toLowerCase()) ? null : args.keywords;
      if (topic && topicTerms(topic).length === 0) return { content: 'Give at least one keyword or name, e.g. `CSTO, Tajikistan`.', ephemeral: true };
      const result = await watches.setTopic({ guildId, channelId: args.channel, topic });
      if (!result.ok) return { content: result.reason, ephemeral: true };
      return { content: result.watches.map((w) => `${channelMention(w.channelId)}${watchTopic(w)}`).join('\n') || 'No watched channel.', ephemeral: true };
    },
  }),
  list: sub({
    description: 'Watched channels and their topics',
    args: {},
    async run(_args, _ctx, { watches, guildId }) {
      return watchListReply(await watches.list(guildId));
    },
  }),
  off: sub({
    description: 'Stop announcements in a channel (default: every channel of this server)',
    options: [channelOption('The channel')],
    args: { channel },
    async run(args, _ctx, { watches, guildId }) {
      const n = await watches.off({ guildId, channelId: args.channel });
      if (n === 0) return { content: args.channel ? `${channelMention(args.channel)} was not watched.` : 'No channel was watched in this server.', ephemeral: true };
      return { content: args.channel ? `Announcements in ${channelMention(args.channel)} stopped.` : `Announcements stopped in ${n} channel${n === 1 ? '' : 's'}.`, ephemeral: true };
    },
  }),
  filter: sub({
    description: 'Include/exclude words or RE2 patterns for a watched channel (default: every watched channel)',
    options: [...filterOptions, anyWatched],
    args: { channel, ...filterArgs },
    run: (args, ctx, { guildId }) => configure(ctx, guildId, args.channel, settingsPatch({ subcommand: 'filter', ...args })),
  }),
  template: sub({
    description: 'What announcements say: a template with {placeholders}, as an embed or plain text',
    options: [...templateOptions, anyWatched],
    args: { channel, ...templateArgs },
    run: (args, ctx, { guildId }) => configure(ctx, guildId, args.channel, settingsPatch({ subcommand: 'template', ...args })),
  }),
  ping: sub({
    description: 'Ping a role with each announcement (opt-in; leave the role empty to ping no one)',
    options: [{ type: OptionType.Role, name: 'role', description: 'The role to ping (not @everyone)', required: false }, anyWatched],
    args: { role: roleArg, channel },
    run: (args, ctx, { guildId }) => configure(ctx, guildId, args.channel, settingsPatch({ subcommand: 'ping', ...args })),
  }),
  preview: sub({
    description: 'Show the next announcement exactly as the channel will get it (only to you)',
    options: [channelOption('A watched channel (default: this one)')],
    args: { channel },
    async run(args, ctx, { guildId }) {
      if (!ctx.services.deliveries) return off();
      const channelId = args.channel ?? ctx.caller.channelId;
      if (!channelId) return { content: 'Choose a channel.', ephemeral: true };
      return previewReply(await ctx.services.deliveries.previewWatch({ guildId, channelId }));
    },
  }),
  posting: sub({
    description: 'After each announcement: open a thread under it, publish it (announcement channels)',
    options: [...postingOptions, anyWatched],
    args: { channel, ...postingArgs },
    run: (args, ctx, { guildId }) => configure(ctx, guildId, args.channel, settingsPatch({ subcommand: 'posting', ...args })),
  }),
  webhook: sub({
    description: 'Post a channel\'s announcements through a webhook with your name and avatar (Manage Webhooks)',
    options: [
      { type: OptionType.String, name: 'name', description: 'The name announcements carry (default: Herald)', required: false, max_length: 80 },
      { type: OptionType.String, name: 'avatar', description: 'An https:// image URL for the avatar ("-" for none)', required: false, max_length: 2048 },
      channelOption('A watched channel (default: this one)'),
      { type: OptionType.Boolean, name: 'off', description: 'Back to Herald\'s own messages (deletes the webhook)', required: false },
    ],
    args: {
      channel,
      name: z.string().trim().min(1, 'a name').max(80, 'at most 80 characters').optional(),
      avatar: z.string().trim().max(2048, 'at most 2048 characters').optional(),
      off: z.boolean('true or false').optional(),
    },
    async run(args, ctx, { guildId }) {
      // Manage Server is checked by the router; webhooks need Manage Webhooks too, checked here.
      if (!ctx.caller.canManageWebhooks) return { content: 'Setting up webhook delivery needs the Manage Webhooks permission.', ephemeral: true };
      const deliveries = ctx.services.deliveries;
      if (!deliveries) return off();
      const channelId = args.channel ?? ctx.caller.channelId;
      if (!channelId) return { content: 'Choose a channel.', ephemeral: true };
      const avatarUrl = args.avatar === undefined ? undefined : ['-', 'none'].includes(args.avatar.toLowerCase()) ? null : args.avatar;
      const result = await deliveries.configureWebhook({ guildId, channelId, userId: ctx.caller.userId, name: args.name, avatarUrl, off: args.off });
      if (!result.ok) return { content: result.reason, ephemeral: true };
      return { content: webhookSet(channelId, result.webhook), ephemeral: true };
    },
  }),
};

/** filter, template, ping, posting: one watched channel's settings (or every channel watch's). */
async function configure(ctx: HeraldContext, guildId: string, channelId: string | undefined, settings: ReturnType<typeof settingsPatch>): Promise<Reply> {
  const deliveries = ctx.services.deliveries;
  if (!deliveries) return off();
  if (!settings.ok) return settings.reply;
  const result = await deliveries.configureWatch({ guildId, channelId, patch: settings.patch });
  if (!result.ok) return { content: result.reason, ephemeral: true };
  return { content: result.watches.map((w) => `${channelMention(w.channelId)}${watchTopic(w)}${watchSettings(w)}`).join('\n'), ephemeral: true };
}

export default defineCommand({
  definition: {
    name: 'watch',
    description: 'Announce new articles in a channel, optionally only on a topic (server admins)',
    default_member_permissions: MANAGE_GUILD,
    contexts: IN_SERVERS,
    options: subcommandOptions(subcommands),
  },
  args: subcommandArgs(subcommands),
  defer: 'ephemeral',
  adminOnly: true,
  guildOnly: true,
  run(args, ctx) {
    const watches = ctx.services.watches;
    const guildId = ctx.caller.guildId;
    if (!watches || !guildId) return off();
    return runSubcommand(subcommands, args, ctx, { watches, guildId });
  },
});
