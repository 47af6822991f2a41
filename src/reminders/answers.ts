// What /remind answers (pure): settings, listings and outcomes as ephemeral admin replies.
import type { Reply } from '../core/reply';
import { HERALD_COLOR } from '../format/text';
import { bold, channelMention, link, roleMention, safe } from '../format/parts';
import { dayText, timestampPart } from '../format/dates';
import type { HeldMove } from './holds';
import type { GuildReminderSettings, ReminderLine, ReminderListing } from './reminders';

const channel = (id: string | null) => (id === null ? 'no channel' : /^\d{17,20}$/.test(id) ? channelMention(id) : `#${safe(id)}`);

export function settingsText(s: GuildReminderSettings): string {
  const lines = [
    s.channelId ? `Reminders post in ${channel(s.channelId)}.` : 'Reminders are off in this server (/remind channel turns them on).',
    `Time: ${s.time}${s.defaultTime ? ' (default)' : ''} · Time zone: ${s.timezone}${s.defaultTimezone ? ' (default)' : ''}`,
    `Lead: ${s.leadDays === 0 ? 'on the day only' : `on the day and ${s.leadDays} day${s.leadDays === 1 ? '' : 's'} before`}`,
    `Role pinged: ${s.roleId ? roleMention(s.roleId) : 'none'}`,
  ];
  if (s.broken) lines.push(`⚠ The channel is broken since ${timestampPart(s.broken.at, 'f')}: ${safe(s.broken.reason)}. Fix its permissions, then run /remind channel again.`);
  return lines.join('\n');
}

export function settingsReply(title: string, s: GuildReminderSettings): Reply {
  return { ephemeral: true, embeds: [{ title, description: settingsText(s), color: HERALD_COLOR }] };
}

function line(l: ReminderLine, kind: 'upcoming' | 'sent' | 'missed' | 'failed' | 'cancelled'): string {
  const lead = l.leadDays > 0 ? ` (${l.leadDays} day${l.leadDays === 1 ? '' : 's'} ahead)` : '';
  const what = `${safe(l.description, { max: 120 })}${lead} — ${safe(l.headline, { max: 80 })}`;
  switch (kind) {
    case 'upcoming':
      return `${timestampPart(l.at, 'f')} (${timestampPart(l.at, 'R')}) in ${channel(l.channelId)}: ${what}`;
    case 'sent':
      return `${timestampPart(l.at, 'f')}: ${what}${l.messageUrl ? ` — ${link('message', l.messageUrl)}` : ''}`;
    default:
      return `due ${timestampPart(l.at, 'f')}: ${what} — ${safe(l.reason ?? 'no reason recorded', { max: 200 })}`;
  }
}

function section(items: ReminderLine[], kind: 'upcoming' | 'sent' | 'missed' | 'failed' | 'cancelled', empty: string): string {
  if (items.length === 0) return empty;
  return items.map((l) => `• ${line(l, kind)}`).join('\n');
}

/** Articles that gave no reminder and why: archive news, a guessed year, no publication date. */
function notScheduledText(listing: ReminderListing): string {
  const lines = listing.notScheduled.map((n) => `• ${safe(n.headline, { max: 80 })} — ${safe(n.why)}`);
  const more = listing.notScheduledCount - listing.notScheduled.length;
  if (more > 0) lines.push(`…and ${more} more`);
  return lines.join('\n');
}

export function listReply(listing: ReminderListing): Reply {
  if (listing.channels.length === 0) {
    return { content: 'Reminders are off in this server. Turn them on with /remind channel.', ephemeral: true };
  }
  const channels = listing.channels
    .map((c) => `${channel(c.channelId)}${c.source === 'config' ? ' (REMINDER_CHANNEL_ID)' : ''}${c.broken ? ` — ⚠ broken: ${safe(c.broken.reason)}` : ''}`)
    .join('\n');
  return {
    ephemeral: true,
    embeds: [
      {
        title: 'Reminders',
        description: channels,
        fields: [
          { name: 'Upcoming', value: section(listing.upcoming, 'upcoming', 'None scheduled') },
          { name: 'Sent', value: section(listing.sent, 'sent', 'None yet') },
          { name: 'Missed', value: section(listing.missed, 'missed', 'None') },
          { name: 'Failed', value: section(listing.failed, 'failed', 'None') },
          { name: 'Cancelled', value: section(listing.cancelled, 'cancelled', 'None') },
          ...(listing.notScheduledCount > 0 ? [{ name: 'Not scheduled', value: notScheduledText(listing) }] : []),
        ],
        color: HERALD_COLOR,
      },
    ],
  };
}

/** Held date moves, the first with Confirm and Reject buttons. */
export function movesReply(moves: HeldMove[]): Reply {
  if (moves.length === 0) return { content: 'No date move is waiting for an admin.', ephemeral: true };
  const lines = moves.map(
    (m, i) => `${i === 0 ? bold('→') : '•'} ${safe(m.description)}: ${dayText(m.from)} → ${bold(dayText(m.to))} (by “${safe(m.newerHeadline)}”, ${safe(m.newerOrigin)})`,
  );
  const first = moves[0];
  return {
    content: `Date moves by a year or more, or far ahead, wait for an admin before reminders follow them:\n${lines.join('\n')}`,
    ephemeral: true,
    buttons: [
      { customId: `remind:move:${first.id}:confirm`, label: 'Confirm the first' },
      { customId: `remind:move:${first.id}:reject`, label: 'Reject the first' },
    ],
  };
}

/** /remind off. */
export function offText(result: { wasOn: boolean; cancelled: number }): string {
  return result.wasOn
    ? `Reminders are off in this server; ${result.cancelled} scheduled reminder${result.cancelled === 1 ? '' : 's'} cancelled. Sent ones stay listed.`
    : 'Reminders were already off in this server.';
}

/** What an admin's Confirm or Reject of a held move did. */
export function moveDecidedText(move: Pick<HeldMove, 'state' | 'description' | 'from' | 'to'>): string {
  return move.state === 'confirmed'
    ? `Confirmed: ${safe(move.description)} is now on ${dayText(move.to)}; its reminder moved.`
    : `Rejected: ${safe(move.description)} stays on ${dayText(move.from)}.`;
}
