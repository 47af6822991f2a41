// The reminder post: what happens, when (Discord timestamps), the sentence it comes from, the
// article and who reported it. Article text is made inert (markdown, mentions, controls).
import type { Reply } from '../core/reply';
import { HERALD_COLOR } from '../format/text';
import { bold, italic, quote, roleMention, safe } from '../format/parts';
import { timestampPart } from '../format/dates';
import type { ReminderContent } from './plan';
import { durationText } from './time';

export interface RenderOptions {
  /** The instant the event's day is shown as (the day-of reminder instant). */
  eventAt: Date;
  leadDays: number;
  /** Set when posted late; `cause` says why. */
  late?: { ms: number; cause: 'offline' | 'discord' };
  roleId?: string | null;
  preview?: boolean;
}

export function reminderReply(content: ReminderContent, options: RenderOptions): Reply {
  const when = options.leadDays > 0 ? `In ${options.leadDays} day${options.leadDays === 1 ? '' : 's'}` : 'Today';
  const deadline = content.qualifier === 'by' ? ' (the deadline)' : '';
  const lines = [`${bold(`${when}:`)} ${timestampPart(options.eventAt, 'D')} (${timestampPart(options.eventAt, 'R')})${deadline}`, `As written: “${safe(content.expression, { max: 100 })}”`];
  if (content.sentence) lines.push('', quote(content.sentence, 900));
  if (content.attribution) lines.push(`— ${safe(content.attribution, { max: 200 })}`);
  const fields = [{ name: 'Article', value: safe(content.headline) }];
  if (options.late) {
    const why = options.late.cause === 'offline' ? 'Herald was offline' : 'Discord was unavailable';
    lines.push('', italic(`Posted ${durationText(options.late.ms)} late: ${why}.`));
  }
  const title = safe(content.description, { title: true });
  const reply: Reply = {
    embeds: [
      {
        title: options.preview ? `Preview: ${title}` : title,
        url: content.url && /^https?:\/\//.test(content.url) ? content.url : undefined,
        description: lines.join('\n'),
        fields,
        footer: options.preview ? 'Reminder preview (/remind test)' : 'Herald reminder',
        color: HERALD_COLOR,
      },
    ],
  };
  if (options.roleId) {
    reply.content = roleMention(options.roleId);
    reply.pingRoleId = options.roleId;
  }
  return reply;
}
