// What members see of their own reminders (pure): the Remind me confirmation, /remind mine with a Cancel
// button each, and /remind me's time zone answers. Every reply is ephemeral: a member's reminders are theirs.
import type { Button, Reply } from '../core/reply';
import { dayText } from '../format/dates';
import { HERALD_COLOR } from '../format/text';
import { safe } from '../format/parts';
import type { MemberListing, RemindMeResult } from './member-reminders';
import { memberWhen } from './member-reminders';
import type { MemberReminder } from './member-store';
import { BUTTONS_PER_ROW } from './members';

export const CANCEL_PREFIX = 'remind:cancel:';

const what = (r: MemberReminder) => `${safe(r.content.description, { max: 120 })} — “${safe(r.content.headline, { max: 80 })}”`;
const moved = (r: MemberReminder) => (r.movedFrom && r.movedFrom !== r.eventDate ? ` (moved from ${dayText(r.movedFrom)}${r.movedBy ? ` by “${safe(r.movedBy, { max: 80 })}”` : ''})` : '');

export function remindMeReply(result: RemindMeResult): Reply {
  if (!result.ok) return { content: result.reason, ephemeral: true };
  const r = result.reminder;
  const head = result.created ? 'Reminder set' : 'You already have this reminder';
  return {
    ephemeral: true,
    content: [
      `${head}: a direct message on ${memberWhen(r)}${moved(r)}, about ${what(r)}.`,
      'If your DMs are closed to Herald, it pings you in the server\'s reminder channel instead.',
      '/remind mine lists and cancels your reminders; /remind me timezone:<zone> sets your time zone.',
    ].join('\n'),
  };
}

export function timezoneReply(zone: { timezone: string; own: boolean }): Reply {
  return {
    ephemeral: true,
    content: `Your reminders come at the server's reminder time in ${safe(zone.timezone)}${zone.own ? ' (your time zone)' : " (the server's time zone: set yours with /remind me timezone:<zone>, e.g. Europe/London)"}.`,
  };
}

export function timezoneSetReply(timezone: string, moved: number): Reply {
  return {
    ephemeral: true,
    content: `Your time zone is now ${safe(timezone)}.${moved > 0 ? ` ${moved} pending reminder${moved === 1 ? '' : 's'} moved to the same time of day there.` : ''}`,
  };
}

/** /remind mine: upcoming (each with a Cancel button), sent, and the ones that ended without being sent, with why. */
export function mineReply(listing: MemberListing, note?: string): Reply {
  const lines = (items: MemberReminder[], line: (r: MemberReminder, i: number) => string, empty: string) => (items.length ? items.map(line).join('\n') : empty);
  const zone = `Time zone: ${safe(listing.timezone)}${listing.ownTimezone ? '' : " (the server's; /remind me timezone:<zone> sets yours)"}`;
  const cancels: Button[] = listing.upcoming
    .filter((r) => r.state === 'pending')
    .map((r) => ({ customId: `${CANCEL_PREFIX}${r.id}`, label: `Cancel ${listing.upcoming.indexOf(r) + 1}: ${dayText(r.eventDate)} · ${r.content.description}` }));
  const rows: Button[][] = [];
  for (let i = 0; i < cancels.length && rows.length < 5; i += BUTTONS_PER_ROW) rows.push(cancels.slice(i, i + BUTTONS_PER_ROW));
  return {
    ephemeral: true,
    ...(note ? { content: note } : {}),
    embeds: [
      {
        title: 'Your reminders',
        description: zone,
        fields: [
          { name: 'Upcoming', value: lines(listing.upcoming, (r, i) => `${i + 1}. ${memberWhen(r)}${moved(r)}: ${what(r)}`, 'None. Press Remind me under an event in /when, /brief, /timeline or an announcement.') },
          { name: 'Sent', value: lines(listing.sent, (r) => `• ${dayText(r.eventDate)}: ${what(r)} — ${r.via === 'channel' ? "in the server's reminder channel (DMs closed)" : 'by direct message'}`, 'None yet') },
          { name: 'Cancelled, missed or failed', value: lines(listing.ended, (r) => `• ${dayText(r.eventDate)}: ${what(r)} — ${r.state}: ${safe(r.lastError ?? 'no reason recorded', { max: 200 })}`, 'None') },
        ],
        color: HERALD_COLOR,
      },
    ],
    ...(rows.length ? { buttonRows: rows } : {}),
  };
}
