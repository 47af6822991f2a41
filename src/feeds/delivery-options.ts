// Options and replies shared by /feed and /watch (commands/feed.ts, commands/watch.ts) for what a
// channel's announcements look like: filters, templates and format, role pings, previews.
import { z } from 'zod';
import { OptionType, type OptionDefinition } from '../core/command';
import type { Reply } from '../core/reply';
import type { DeliveryPatch, PreviewOutcome } from './admin-services';
import { PLACEHOLDERS, TEMPLATE_MAX } from './templates';
import { FILTER_LIMITS } from './filters';
import { safe } from '../format/parts';

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(max, `at most ${max} characters`).optional());

export const filterArgs = {
  include: optionalText(1000),
  exclude: optionalText(1000),
  pattern: optionalText(FILTER_LIMITS.patternLength),
  exclude_pattern: optionalText(FILTER_LIMITS.patternLength),
};

export const templateArgs = {
  text: optionalText(TEMPLATE_MAX),
  format: z.enum(['embed', 'text'], 'embed or text').optional(),
};

export const roleArg = z.string().regex(/^\d{17,20}$/, 'a role').optional();

export const filterOptions: OptionDefinition[] = [
  { type: OptionType.String, name: 'include', description: 'Only articles with any of these words or phrases (comma-separated; "-" clears)', required: false, max_length: 1000 },
  { type: OptionType.String, name: 'exclude', description: 'Leave out articles with any of these words or phrases (comma-separated; "-" clears)', required: false, max_length: 1000 },
  { type: OptionType.String, name: 'pattern', description: 'Only articles matching this RE2 regular expression, case-insensitive ("-" clears)', required: false, max_length: FILTER_LIMITS.patternLength },
  { type: OptionType.String, name: 'exclude_pattern', description: 'Leave out articles matching this RE2 regular expression ("-" clears)', required: false, max_length: FILTER_LIMITS.patternLength },
];

export const templateOptions: OptionDefinition[] = [
  {
    type: OptionType.String,
    name: 'text',
    description: `${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}; \\n: new line; -: Herald's own`,
    required: false,
    max_length: TEMPLATE_MAX,
  },
  {
    type: OptionType.String,
    name: 'format',
    description: 'embed (Herald\'s card; the template is its text) or text (a plain message)',
    required: false,
    choices: [
      { name: 'embed', value: 'embed' },
      { name: 'text', value: 'text' },
    ],
  },
];

export const postingArgs = {
  thread: z.boolean('true or false').optional(),
  publish: z.boolean('true or false').optional(),
};

export const postingOptions: OptionDefinition[] = [
  { type: OptionType.Boolean, name: 'thread', description: 'Open a thread under each announcement (needs Create Public Threads)', required: false },
  { type: OptionType.Boolean, name: 'publish', description: 'Publish each announcement to following servers (announcement channels)', required: false },
];

export function filterPatch(args: { include?: string; exclude?: string; pattern?: string; exclude_pattern?: string }): DeliveryPatch['filter'] | undefined {
  if (args.include === undefined && args.exclude === undefined && args.pattern === undefined && args.exclude_pattern === undefined) return undefined;
  return { include: args.include, exclude: args.exclude, pattern: args.pattern, excludePattern: args.exclude_pattern };
}

/** "-" resets to Herald's own text; "\n" typed in a slash command option becomes a new line. */
export function templatePatch(args: { text?: string; format?: 'embed' | 'text' }): Pick<DeliveryPatch, 'template' | 'format'> {
  const patch: Pick<DeliveryPatch, 'template' | 'format'> = {};
  if (args.text !== undefined) patch.template = ['-', 'none', 'default'].includes(args.text.toLowerCase()) ? null : args.text.replace(/\\n/g, '\n');
  if (args.format !== undefined) patch.format = args.format;
  return patch;
}

type SettingsArgs =
  | ({ subcommand: 'filter' } & Parameters<typeof filterPatch>[0])
  | ({ subcommand: 'template' } & Parameters<typeof templatePatch>[0])
  | { subcommand: 'ping'; role?: string }
  | { subcommand: 'posting'; thread?: boolean; publish?: boolean };

/** What /feed and /watch filter, template, ping and posting change, or the ephemeral reply saying what to give. */
export function settingsPatch(args: SettingsArgs): { ok: true; patch: DeliveryPatch } | { ok: false; reply: Reply } {
  if (args.subcommand === 'filter') {
    const filter = filterPatch(args);
    if (!filter) return { ok: false, reply: { content: 'Give include, exclude, pattern or exclude_pattern (or "-" to clear one).', ephemeral: true } };
    return { ok: true, patch: { filter } };
  }
  if (args.subcommand === 'template') {
    const patch = templatePatch(args);
    if (patch.template === undefined && patch.format === undefined) return { ok: false, reply: { content: 'Give a template text (or "-" for Herald\'s own), a format, or both.', ephemeral: true } };
    return { ok: true, patch };
  }
  if (args.subcommand === 'posting') {
    if (args.thread === undefined && args.publish === undefined) return { ok: false, reply: { content: 'Say thread:true/false, publish:true/false, or both.', ephemeral: true } };
    return { ok: true, patch: { openThread: args.thread, publish: args.publish } };
  }
  return { ok: true, patch: { pingRoleId: args.role ?? null } };
}

/** The preview is the message itself, exactly as the channel will get it (shown only to the admin, and
 * pinging no one: the renderer names a role in allowed_mentions only for a channel post). */
export function previewReply(outcome: PreviewOutcome): Reply {
  if (!outcome.ok) return { content: outcome.reason, ephemeral: true };
  const { pingRoleId: _notInAPreview, ...message } = outcome.reply;
  return { ...message, ephemeral: true };
}

/** Admin-typed and stranger text shown back: inert and bounded. */
export function shown(text: string, max = 300): string {
  return safe(text, { max });
}
