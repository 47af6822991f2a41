import { z } from 'zod';
import { IN_SERVERS, OptionType, POSTABLE_CHANNELS } from '../src/core/command';
import { defineCommand } from '../src/services';
import type { Choice, Reply } from '../src/core/reply';
import { LEAD_DAYS_MAX, type SettingResult } from '../src/reminders/reminders';
import { listReply, settingsReply } from '../src/reminders/answers';
import { isTimeZone } from '../src/reminders/time';
import type { HeldMove } from '../src/reminders/holds';
import { clip, safe } from '../src/format/text';
import { dayText } from '../src/format/dates';
import { CANCEL_PREFIX, mineReply, remindMeReply, timezoneReply, timezoneSetReply } from '../src/reminders/member-answers';
import { REMIND_ME_PREFIX } from '../src/reminders/members';


const text = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().optional());

const argsSchema = z.discriminatedUnion('subcommand', [
  z.object({ subcommand: z.literal('channel'), channel: z.string({ error: 'choose a channel' }).min(1) }),
  z.object({ subcommand: z.literal('off') }),
  z.object({ subcommand: z.literal('list') }),
  z.object({ subcommand: z.literal('time'), time: z.string({ error: 'a time such as 09:00' }).trim().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'a 24-hour time as HH:MM, e.g. 09:00') }),
  z.object({ subcommand: z.literal('timezone'), zone: z.string({ error: 'a time zone' }).trim().refine(isTimeZone, 'an IANA time zone name such as Europe/London') }),
  z.object({ subcommand: z.literal('lead'), days: z.coerce.number().int().min(0).max(LEAD_DAYS_MAX, `at most ${LEAD_DAYS_MAX} days`) }),
  z.object({ subcommand: z.literal('role'), role: text }),
  z.object({ subcommand: z.literal('test') }),
  z.object({ subcommand: z.literal('moves') }),
  // Every member's own: their time zone, and their reminders.
  z.object({ subcommand: z.literal('me'), timezone: z.string().trim().refine(isTimeZone, 'an IANA time zone name such as Europe/London').optional() }),
  z.object({ subcommand: z.literal('mine') }),
]);

/** The parts of /remind every member may use; every other subcommand and button needs Manage Server. */
export const MEMBER_SUBCOMMANDS = ['me', 'mine'] as const;

let zones: string[] | undefined;
/** IANA names this runtime knows (plus UTC), for autocomplete. */
function timeZones(): string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zones;
}

export function suggestTimeZones(query: string, limit = 25): Choice[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '_');
  const all = timeZones();
  const starts = all.filter((z) => z.toLowerCase().startsWith(q) || z.toLowerCase().split('/').pop()?.startsWith(q));
  const contains = all.filter((z) => !starts.includes(z) && z.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit).map((z) => ({ name: z, value: z }));
}

const off = (): Reply => ({ content: 'Reminders are not available in this deployment.', ephemeral: true });

export default defineCommand({
  definition: {
    name: 'remind',
    // Visible to members for /remind me and /remind mine: Discord cannot hide single subcommands, so the
    // admin ones are listed to members too and refused in code without Manage Server (the router).
    description: "Reminders of upcoming events: your own (me, mine); the server's (admins)",
    contexts: IN_SERVERS,
    options: [
      {
        type: OptionType.Subcommand,
        name: 'channel',
        description: 'Post reminders in this channel (checks Herald can post embeds there)',
        options: [{ type: OptionType.Channel, name: 'channel', description: 'A text channel', required: true, channel_types: POSTABLE_CHANNELS }],
      },
      { type: OptionType.Subcommand, name: 'off', description: "Stop this server's reminders (history is kept)" },
      { type: OptionType.Subcommand, name: 'list', description: 'Upcoming, sent, missed and failed reminders, and channel problems' },
      {
        type: OptionType.Subcommand,
        name: 'time',
        description: 'Time of day reminders post on the event date',
        options: [{ type: OptionType.String, name: 'time', description: '24-hour HH:MM, e.g. 09:00', required: true, max_length: 5 }],
      },
      {
        type: OptionType.Subcommand,
        name: 'timezone',
        description: 'Time zone for the reminder time',
        options: [{ type: OptionType.String, name: 'zone', description: 'IANA name, e.g. Europe/London', required: true, autocomplete: true, max_length: 64 }],
      },
      {
        type: OptionType.Subcommand,
        name: 'lead',
        description: 'Also remind this many days before (0 = only on the day)',
        options: [{ type: OptionType.Integer, name: 'days', description: `0 to ${LEAD_DAYS_MAX}`, required: true, min_value: 0, max_value: LEAD_DAYS_MAX }],
      },
      {
        type: OptionType.Subcommand,
        name: 'role',
        description: 'Role to ping with each reminder (leave empty to ping no one)',
        options: [{ type: OptionType.Role, name: 'role', description: 'The role to ping', required: false }],
      },
      { type: OptionType.Subcommand, name: 'test', description: 'Post a preview of the next reminder now' },
      { type: OptionType.Subcommand, name: 'moves', description: 'Date moves by a year or more waiting for an admin: confirm or reject' },
      {
        type: OptionType.Subcommand,
        name: 'me',
        description: 'Your own reminders (any member): your time zone',
        options: [{ type: OptionType.String, name: 'timezone', description: 'IANA name, e.g. Europe/London (leave empty to see yours)', required: false, autocomplete: true, max_length: 64 }],
      },
      { type: OptionType.Subcommand, name: 'mine', description: 'Your own reminders (any member): list and cancel them' },
    ],
  },
  args: argsSchema,
  defer: 'ephemeral',
  adminOnly: true,
  guildOnly: true,
  memberOpen: { subcommands: MEMBER_SUBCOMMANDS, buttons: [REMIND_ME_PREFIX, CANCEL_PREFIX] },
  async run(args, ctx) {
    if (args.subcommand === 'me' || args.subcommand === 'mine') {
      const members = ctx.services.members;
      if (!members) return off();
      const { userId, guildId: server } = ctx.caller;
      if (args.subcommand === 'mine') return mineReply(await members.mine(userId, server));
      if (args.timezone === undefined) return timezoneReply(await members.timezone(userId, server));
      const set = await members.setTimezone(userId, args.timezone);
      return set.ok ? timezoneSetReply(args.timezone, set.moved) : { content: set.reason, ephemeral: true };
    }
    const reminders = ctx.services.reminders;
    const guildId = ctx.caller.guildId;
    if (!reminders || !guildId) return off();
    switch (args.subcommand) {
      case 'channel': {
        const access = ctx.services.channels ? await ctx.services.channels.canPostEmbeds(args.channel, ctx.caller.guildId ?? undefined) : { ok: true as const };
        if (!access.ok) return { content: `Herald cannot post reminders in <#${args.channel}>: ${access.reason}.`, ephemeral: true };
        if ('forum' in access && access.forum) return { content: `Herald cannot post reminders in <#${args.channel}>: it is a forum channel (pick a text channel).`, ephemeral: true };
        return settingsReply('Reminders channel set', await reminders.subscribe(guildId, args.channel));
      }
      case 'off': {
        const result = await reminders.off(guildId);
        return {
          content: result.wasOn
            ? `Reminders are off in this server; ${result.cancelled} scheduled reminder${result.cancelled === 1 ? '' : 's'} cancelled. Sent ones stay listed.`
            : 'Reminders were already off in this server.',
          ephemeral: true,
        };
      }
      case 'list':
        return listReply(await reminders.list(guildId));
      case 'time':
        return outcome('Reminder time set', await reminders.setTime(guildId, args.time.padStart(5, '0')));
      case 'timezone':
        return outcome('Reminder time zone set', await reminders.setTimezone(guildId, args.zone));
      case 'lead':
        return outcome('Reminder lead set', await reminders.setLead(guildId, args.days));
      case 'role':
        return outcome(args.role ? 'Reminder role set' : 'Reminders ping no one', await reminders.setRole(guildId, args.role ?? null));
      case 'moves':
        return movesReply(reminders.heldMoves ? await reminders.heldMoves(guildId) : []);
      case 'test': {
        const result = await reminders.preview(guildId);
        return result.ok
          ? { content: `Preview posted in <#${result.channelId}>.`, ephemeral: true }
          : { content: `No preview posted: ${result.reason}`, ephemeral: true };
      }
    }
  },
  autocomplete(option, value) {
    return option === 'zone' || option === 'timezone' ? suggestTimeZones(value) : [];
  },
  async button(customId, ctx) {
    // Every member's: Remind me under an event, and Cancel in /remind mine.
    if (customId.startsWith(REMIND_ME_PREFIX) || customId.startsWith(CANCEL_PREFIX)) {
      const members = ctx.services.members;
      if (!members) return off();
      const { userId, guildId: server } = ctx.caller;
      if (customId.startsWith(REMIND_ME_PREFIX)) return remindMeReply(await members.remindMe({ userId, guildId: server }, customId, ctx.services.articles));
      const cancelled = await members.cancel(userId, Number(customId.slice(CANCEL_PREFIX.length)));
      const note = cancelled.ok ? `Cancelled: ${safe(cancelled.reminder.content.description)} (${dayText(cancelled.reminder.eventDate)}).` : cancelled.reason;
      return mineReply(await members.mine(userId, server), note);
    }
    // remind:move:<id>:confirm|reject (the router has checked Manage Server).
    const m = /^remind:move:(\d+):(confirm|reject)$/.exec(customId);
    const reminders = ctx.services.reminders;
    const guildId = ctx.caller.guildId;
    if (!m || !reminders?.decideMove || !guildId) return { content: 'This button is no longer active.', ephemeral: true };
    const result = await reminders.decideMove(guildId, Number(m[1]), m[2] === 'confirm' ? 'confirmed' : 'rejected', ctx.caller.userId);
    const next = movesReply(reminders.heldMoves ? await reminders.heldMoves(guildId) : []);
    const said = result.ok
      ? result.move.state === 'confirmed'
        ? `Confirmed: ${safe(result.move.description)} is now on ${dayText(result.move.to)}; its reminder moved.`
        : `Rejected: ${safe(result.move.description)} stays on ${dayText(result.move.from)}.`
      : result.reason;
    return { ...next, content: `${said}\n\n${next.content ?? ''}`.trim(), ephemeral: true };
  },
});

/** Held date moves, the first with Confirm and Reject buttons. */
export function movesReply(moves: HeldMove[]): Reply {
  if (moves.length === 0) return { content: 'No date move is waiting for an admin.', ephemeral: true };
  const lines = moves.map(
    (m, i) => `${i === 0 ? '**→**' : '•'} ${safe(m.description)}: ${dayText(m.from)} → **${dayText(m.to)}** (by “${safe(m.newerHeadline)}”, ${safe(m.newerOrigin)})`,
  );
  const first = moves[0];
  return {
    content: clip(`Date moves by a year or more, or far ahead, wait for an admin before reminders follow them:\n${lines.join('\n')}`, 1900),
    ephemeral: true,
    buttons: [
      { customId: `remind:move:${first.id}:confirm`, label: 'Confirm the first' },
      { customId: `remind:move:${first.id}:reject`, label: 'Reject the first' },
    ],
  };
}

function outcome(title: string, result: SettingResult): Reply {
  return result.ok ? settingsReply(title, result.settings) : { content: result.reason, ephemeral: true };
}
