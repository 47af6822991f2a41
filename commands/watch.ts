// /watch channel|topic|list|off|filter|template|ping|preview|posting|webhook: where Herald announces new
// articles, optionally narrowed to a topic or filter, in what form, pinging which role, what follows each
// post, and whether a webhook with the server's name and avatar posts them.
import { z } from 'zod';
import { filterArgs, filterOptions, postingArgs, postingOptions, previewReply, roleArg, settingsPatch, templateArgs, templateOptions } from '../src/feeds/delivery-options';
import type { DeliveryService } from '../src/feeds/admin-services';
import { clip, safe } from '../src/format/text';
import { ANNOUNCEMENT_CHANNELS, IN_SERVERS, MANAGE_GUILD, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
import type { Reply } from '../src/core/reply';
import type { WatchInfo } from '../src/feeds/admin-services';
import { topicTerms } from '../src/feeds/topic';


const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(300).optional());
const channel = z.string().regex(/^\d{1,20}$/, 'a channel').optional();

const argsSchema = z.discriminatedUnion('subcommand', [
  z.object({ subcommand: z.literal('channel'), channel, topic: optionalText }),
  z.object({ subcommand: z.literal('topic'), keywords: z.string({ error: 'keywords or names, e.g. CSTO, Tajikistan' }).trim().min(1).max(300), channel }),
  z.object({ subcommand: z.literal('list') }),
  z.object({ subcommand: z.literal('off'), channel }),
  z.object({ subcommand: z.literal('filter'), channel, ...filterArgs }),
  z.object({ subcommand: z.literal('template'), channel, ...templateArgs }),
  z.object({ subcommand: z.literal('ping'), role: roleArg, channel }),
  z.object({ subcommand: z.literal('preview'), channel }),
  z.object({ subcommand: z.literal('posting'), channel, ...postingArgs }),
  z.object({
    subcommand: z.literal('webhook'),
    channel,
    name: z.string().trim().min(1, 'a name').max(80, 'at most 80 characters').optional(),
    avatar: z.string().trim().max(2048, 'at most 2048 characters').optional(),
    off: z.boolean('true or false').optional(),
  }),
]);

const off = (): Reply => ({ content: 'Announcements are not available in this deployment.', ephemeral: true });
const CLEAR = new Set(['*', 'all', 'any', 'everything']);

export default defineCommand({
  definition: {
    name: 'watch',
    description: 'Announce new articles in a channel, optionally only on a topic (server admins)',
    default_member_permissions: MANAGE_GUILD,
    contexts: IN_SERVERS,
    options: [
      {
        type: OptionType.Subcommand,
        name: 'channel',
        description: 'Announce new articles in a channel (checks Herald can post embeds there)',
        options: [
          { type: OptionType.Channel, name: 'channel', description: 'A text channel (default: this one)', required: false, channel_types: ANNOUNCEMENT_CHANNELS },
          { type: OptionType.String, name: 'topic', description: 'Only articles about these keywords or names (comma-separated)', required: false, max_length: 300 },
        ],
      },
      {
        type: OptionType.Subcommand,
        name: 'topic',
        description: 'Only announce articles about these keywords or names ("*" for everything)',
        options: [
          { type: OptionType.String, name: 'keywords', description: 'Comma-separated keywords or names, e.g. CSTO, Tajikistan', required: true, max_length: 300 },
          { type: OptionType.Channel, name: 'channel', description: 'Which watched channel (default: all of them)', required: false, channel_types: ANNOUNCEMENT_CHANNELS },
        ],
      },
      { type: OptionType.Subcommand, name: 'list', description: 'Watched channels and their topics' },
      {
        type: OptionType.Subcommand,
        name: 'off',
        description: 'Stop announcements in a channel (default: every channel of this server)',
        options: [{ type: OptionType.Channel, name: 'channel', description: 'The channel', required: false, channel_types: ANNOUNCEMENT_CHANNELS }],
      },
      {
        type: OptionType.Subcommand,
        name: 'filter',
        description: 'Include/exclude words or RE2 patterns for a watched channel (default: every watched channel)',
        options: [...filterOptions, { type: OptionType.Channel, name: 'channel', description: 'Which watched channel (default: all of them)', required: false, channel_types: ANNOUNCEMENT_CHANNELS }],
      },
      {
        type: OptionType.Subcommand,
        name: 'template',
        description: 'What announcements say: a template with {placeholders}, as an embed or plain text',
        options: [...templateOptions, { type: OptionType.Channel, name: 'channel', description: 'Which watched channel (default: all of them)', required: false, channel_types: ANNOUNCEMENT_CHANNELS }],
      },
      {
        type: OptionType.Subcommand,
        name: 'ping',
        description: 'Ping a role with each announcement (opt-in; leave the role empty to ping no one)',
        options: [
          { type: OptionType.Role, name: 'role', description: 'The role to ping (not @everyone)', required: false },
          { type: OptionType.Channel, name: 'channel', description: 'Which watched channel (default: all of them)', required: false, channel_types: ANNOUNCEMENT_CHANNELS },
        ],
      },
      {
        type: OptionType.Subcommand,
        name: 'preview',
        description: 'Show the next announcement exactly as the channel will get it (only to you)',
        options: [{ type: OptionType.Channel, name: 'channel', description: 'A watched channel (default: this one)', required: false, channel_types: ANNOUNCEMENT_CHANNELS }],
      },
      {
        type: OptionType.Subcommand,
        name: 'posting',
        description: 'After each announcement: open a thread under it, publish it (announcement channels)',
        options: [...postingOptions, { type: OptionType.Channel, name: 'channel', description: 'Which watched channel (default: all of them)', required: false, channel_types: ANNOUNCEMENT_CHANNELS }],
      },
      {
        type: OptionType.Subcommand,
        name: 'webhook',
        description: 'Post a channel\'s announcements through a webhook with your name and avatar (Manage Webhooks)',
        options: [
          { type: OptionType.String, name: 'name', description: 'The name announcements carry (default: Herald)', required: false, max_length: 80 },
          { type: OptionType.String, name: 'avatar', description: 'An https:// image URL for the avatar ("-" for none)', required: false, max_length: 2048 },
          { type: OptionType.Channel, name: 'channel', description: 'A watched channel (default: this one)', required: false, channel_types: ANNOUNCEMENT_CHANNELS },
          { type: OptionType.Boolean, name: 'off', description: 'Back to Herald\'s own messages (deletes the webhook)', required: false },
        ],
      },
    ],
  },
  args: argsSchema,
  defer: 'ephemeral',
  adminOnly: true,
  guildOnly: true,
  async run(args, ctx) {
    const watches = ctx.services.watches;
    const guildId = ctx.caller.guildId;
    if (!watches || !guildId) return off();
    switch (args.subcommand) {
      case 'channel': {
        const channelId = args.channel ?? ctx.caller.channelId;
        if (!channelId) return { content: 'Choose a channel.', ephemeral: true };
        const access = ctx.services.channels ? await ctx.services.channels.canPostEmbeds(channelId, ctx.caller.guildId ?? undefined) : { ok: true as const };
        if (!access.ok) return { content: `Herald cannot announce in <#${channelId}>: ${access.reason}.`, ephemeral: true };
        const watch = await watches.subscribe({ guildId, channelId, topic: args.topic, userId: ctx.caller.userId, forum: 'forum' in access && access.forum === true });
        return { content: `New articles will be announced in <#${watch.channelId}>${topicLine(watch)}.`, ephemeral: true };
      }
      case 'topic': {
        const topic = CLEAR.has(args.keywords.toLowerCase()) ? null : args.keywords;
        if (topic && topicTerms(topic).length === 0) return { content: 'Give at least one keyword or name, e.g. `CSTO, Tajikistan`.', ephemeral: true };
        const result = await watches.setTopic({ guildId, channelId: args.channel, topic });
        if (!result.ok) return { content: result.reason, ephemeral: true };
        return { content: result.watches.map((w) => `<#${w.channelId}>${topicLine(w)}`).join('\n') || 'No watched channel.', ephemeral: true };
      }
      case 'list':
        return listReply(await watches.list(guildId));
      case 'off': {
        const n = await watches.off({ guildId, channelId: args.channel });
        if (n === 0) return { content: args.channel ? `<#${args.channel}> was not watched.` : 'No channel was watched in this server.', ephemeral: true };
        return { content: args.channel ? `Announcements in <#${args.channel}> stopped.` : `Announcements stopped in ${n} channel${n === 1 ? '' : 's'}.`, ephemeral: true };
      }
      case 'webhook': {
        // Manage Server is checked by the router; webhooks need Manage Webhooks too, checked here.
        if (!ctx.caller.canManageWebhooks) return { content: 'Setting up webhook delivery needs the Manage Webhooks permission.', ephemeral: true };
        const deliveries = ctx.services.deliveries;
        if (!deliveries) return off();
        const channelId = args.channel ?? ctx.caller.channelId;
        if (!channelId) return { content: 'Choose a channel.', ephemeral: true };
        const avatarUrl = args.avatar === undefined ? undefined : ['-', 'none'].includes(args.avatar.toLowerCase()) ? null : args.avatar;
        const result = await deliveries.configureWebhook({ guildId, channelId, userId: ctx.caller.userId, name: args.name, avatarUrl, off: args.off });
        if (!result.ok) return { content: result.reason, ephemeral: true };
        if (!result.webhook) return { content: `Announcements in <#${channelId}> are Herald's own messages again.`, ephemeral: true };
        const w = result.webhook;
        return {
          content: w.fallback
            ? `Webhook **${escape(w.name)}** is set for <#${channelId}>, but announcements go out as Herald's own messages for now: ${escape(w.fallback)}.`
            : `Announcements in <#${channelId}> are posted as **${escape(w.name)}**${w.avatarUrl ? ' with your avatar' : ''} through a webhook.`,
          ephemeral: true,
        };
      }
      case 'filter':
      case 'template':
      case 'ping':
      case 'preview':
      case 'posting':
        return ctx.services.deliveries ? settings(args, ctx.services.deliveries, guildId, ctx.caller.channelId) : off();
    }
  },
});

type SettingsArgs = Extract<z.infer<typeof argsSchema>, { subcommand: 'filter' | 'template' | 'ping' | 'preview' | 'posting' }>;

async function settings(args: SettingsArgs, deliveries: DeliveryService, guildId: string, here: string | null): Promise<Reply> {
  if (args.subcommand === 'preview') {
    const channelId = args.channel ?? here;
    if (!channelId) return { content: 'Choose a channel.', ephemeral: true };
    return previewReply(await deliveries.previewWatch({ guildId, channelId }));
  }
  const settings = settingsPatch(args);
  if (!settings.ok) return settings.reply;
  const result = await deliveries.configureWatch({ guildId, channelId: args.channel, patch: settings.patch });
  if (!result.ok) return { content: result.reason, ephemeral: true };
  return { content: result.watches.map((w) => `<#${w.channelId}>${topicLine(w)}${settingsLine(w)}`).join('\n'), ephemeral: true };
}

/** Filter, form and ping of a watch, for confirmations and /watch list. */
function settingsLine(w: WatchInfo): string {
  const parts: string[] = [];
  if (w.filter) parts.push(`filter: ${escape(w.filter)}`);
  if (w.format === 'text' || w.template) parts.push(`${w.format === 'text' ? 'plain text' : 'embed'}${w.template ? ` from template \`${escape(w.template).replace(/`/g, "'")}\`` : ''}`);
  if (w.pingRoleId) parts.push(`pings <@&${w.pingRoleId}>`);
  if (w.publish) parts.push('publishes');
  if (w.openThread) parts.push('opens a thread');
  if (w.actionError) parts.push(`⚠️ ${escape(w.actionError)}`);
  if (w.forum) parts.push('forum posts');
  if (w.webhook) parts.push(w.webhook.fallback ? `⚠️ posts as Herald, not webhook **${escape(w.webhook.name)}**: ${escape(w.webhook.fallback)}` : `as webhook **${escape(w.webhook.name)}**`);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}

function topicLine(w: WatchInfo): string {
  if (w.feed) return ` (every item of ${w.feed.title ? `**${escape(w.feed.title)}**` : `<${w.feed.url}>`}: feed route)`;
  return w.topic ? ` (only about: ${escape(w.topic)})` : ' (every new article)';
}

export function listReply(watches: WatchInfo[]): Reply {
  if (watches.length === 0) return { content: 'No channel is watched. Start with /watch channel.', ephemeral: true };
  const lines = watches.map((w) => `${w.broken ? '⚠️' : '📣'} <#${w.channelId}>${topicLine(w)}${settingsLine(w)}${w.broken ? ` · stopped: ${escape(w.broken)} (run ${w.feed ? '/feed route' : '/watch channel'} again once fixed)` : ''}`);
  return { embeds: [{ title: `Watched channels (${watches.length})`, description: lines.join('\n').slice(0, 4000) }], ephemeral: true };
}

/** Feed titles, topics and errors come from strangers: mentions defused, markdown escaped, length bounded. */
function escape(text: string): string {
  return clip(safe(text), 300);
}
