// /remind: the server's reminders (channel, off, list, time, timezone, lead, role, test, moves; Manage
// Server) and every member's own (me, mine), with the Remind me, Cancel and held-move buttons.
import { z } from 'zod';
import { IN_SERVERS, OptionType, POSTABLE_CHANNELS } from '../src/core/command';
import { runSubcommand, subcommandArgs, subcommandOptions } from '../src/core/subcommands';
import { defineCommand, subcommandMaker } from '../src/services';
import type { Choice, Reply } from '../src/core/reply';
import { LEAD_DAYS_MAX, type ReminderService, type SettingResult } from '../src/reminders/reminders';
import type { MemberReminderService } from '../src/reminders/member-reminders';
import { listReply, moveDecidedText, movesReply, offText, settingsReply } from '../src/reminders/answers';
import { isTimeZone } from '../src/reminders/time';
import { channelMention, safe } from '../src/format/parts';
import { dayText } from '../src/format/dates';
import { CANCEL_PREFIX, mineReply, remindMeReply, timezoneReply, timezoneSetReply } from '../src/reminders/member-answers';
import { REMIND_ME_PREFIX } from '../src/reminders/members';

const text = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().optional());

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

const zone = z.string({ error: 'a time zone' }).trim().refine(isTimeZone, 'an IANA time zone name such as Europe/London');

/** The server's reminders: run in a server of a deployment with reminders; the router has checked Manage Server. */
const admin = subcommandMaker<{ reminders: ReminderService; guildId: string }>();
/** Every member's own: their time zone, and their reminders. */
const member = subcommandMaker<{ members: MemberReminderService }>();

const adminSubcommands = {
  channel: admin({
    description: 'Post reminders in this channel (checks Herald can post embeds there)',
    options: [{ type: OptionType.Channel, name: 'channel', description: 'A text channel', required: true, channel_types: POSTABLE_CHANNELS }],
    args: { channel: z.string({ error: 'choose a channel' }).min(1) },
    async run(args, ctx, { reminders, guildId }) {
      const access = ctx.services.channels ? await ctx.services.channels.canPostEmbeds(args.channel, ctx.caller.guildId ?? undefined) : { ok: true as const };
      if (!access.ok) return { content: `Herald cannot post reminders in ${channelMention(args.channel)}: ${access.reason}.`, ephemeral: true };
      if ('forum' in access && access.forum) return { content: `Herald cannot post reminders in ${channelMention(args.channel)}: it is a forum channel (pick a text channel).`, ephemeral: true };
      return settingsReply('Reminders channel set', await reminders.subscribe(guildId, args.channel));
    },
  }),
  off: admin({
    description: "Stop this server's reminders (history is kept)",
    args: {},
    async run(_args, _ctx, { reminders, guildId }) {
      return { content: offText(await reminders.off(guildId)), ephemeral: true };
    },
  }),
  list: admin({
    description: 'Upcoming, sent, missed and failed reminders, and channel problems',
    args: {},
    async run(_args, _ctx, { reminders, guildId }) {
      return listReply(await reminders.list(guildId));
    },
  }),
  time: admin({
    description: 'Time of day reminders post on the event date',
    options: [{ type: OptionType.String, name: 'time', description: '24-hour HH:MM, e.g. 09:00', required: true, max_length: 5 }],
    args: { time: z.string({ error: 'a time such as 09:00' }).trim().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'a 24-hour time as HH:MM, e.g. 09:00') },
    async run(args, _ctx, { reminders, guildId }) {
      return outcome('Reminder time set', await reminders.setTime(guildId, args.time.padStart(5, '0')));
    },
  }),
  timezone: admin({
    description: 'Time zone for the reminder time',
    options: [{ type: OptionType.String, name: 'zone', description: 'IANA name, e.g. Europe/London', required: true, autocomplete: true, max_length: 64 }],
    args: { zone },
    async run(args, _ctx, { reminders, guildId }) {
      return outcome('Reminder time zone set', await reminders.setTimezone(guildId, args.zone));
    },
  }),
  lead: admin({
    description: 'Also remind this many days before (0 = only on the day)',
    options: [{ type: OptionType.Integer, name: 'days', description: `0 to ${LEAD_DAYS_MAX}`, required: true, min_value: 0, max_value: LEAD_DAYS_MAX }],
    args: { days: z.coerce.number().int().min(0).max(LEAD_DAYS_MAX, `at most ${LEAD_DAYS_MAX} days`) },
    async run(args, _ctx, { reminders, guildId }) {
      return outcome('Reminder lead set', await reminders.setLead(guildId, args.days));
    },
  }),
  role: admin({
    description: 'Role to ping with each reminder (leave empty to ping no one)',
    options: [{ type: OptionType.Role, name: 'role', description: 'The role to ping', required: false }],
    args: { role: text },
    async run(args, _ctx, { reminders, guildId }) {
      return outcome(args.role ? 'Reminder role set' : 'Reminders ping no one', await reminders.setRole(guildId, args.role ?? null));
    },
  }),
  test: admin({
    description: 'Post a preview of the next reminder now',
    args: {},
    async run(_args, _ctx, { reminders, guildId }) {
      const result = await reminders.preview(guildId);
      return result.ok ? { content: `Preview posted in ${channelMention(result.channelId)}.`, ephemeral: true } : { content: `No preview posted: ${result.reason}`, ephemeral: true };
    },
  }),
  moves: admin({
    description: 'Date moves by a year or more waiting for an admin: confirm or reject',
    args: {},
    async run(_args, _ctx, { reminders, guildId }) {
      return movesReply(reminders.heldMoves ? await reminders.heldMoves(guildId) : []);
    },
  }),
};

const memberSubcommands = {
  me: member({
    description: 'Your own reminders (any member): your time zone',
    options: [{ type: OptionType.String, name: 'timezone', description: 'IANA name, e.g. Europe/London (leave empty to see yours)', required: false, autocomplete: true, max_length: 64 }],
    args: { timezone: z.string().trim().refine(isTimeZone, 'an IANA time zone name such as Europe/London').optional() },
    async run(args, ctx, { members }) {
      const { userId, guildId: server } = ctx.caller;
      if (args.timezone === undefined) return timezoneReply(await members.timezone(userId, server));
      const set = await members.setTimezone(userId, args.timezone);
      return set.ok ? timezoneSetReply(args.timezone, set.moved) : { content: set.reason, ephemeral: true };
    },
  }),
  mine: member({
    description: 'Your own reminders (any member): list and cancel them',
    args: {},
    async run(_args, ctx, { members }) {
      return mineReply(await members.mine(ctx.caller.userId, ctx.caller.guildId));
    },
  }),
};

const subcommands = { ...adminSubcommands, ...memberSubcommands };

/** The parts of /remind every member may use; every other subcommand and button needs Manage Server. */
export const MEMBER_SUBCOMMANDS = Object.keys(memberSubcommands) as (keyof typeof memberSubcommands)[];

export default defineCommand({
  definition: {
    name: 'remind',
    // Visible to members for /remind me and /remind mine: Discord cannot hide single subcommands, so the
    // admin ones are listed to members too and refused in code without Manage Server (the router).
    description: "Reminders of upcoming events: your own (me, mine); the server's (admins)",
    contexts: IN_SERVERS,
    options: subcommandOptions(subcommands),
  },
  args: subcommandArgs(subcommands),
  defer: 'ephemeral',
  adminOnly: true,
  guildOnly: true,
  memberOpen: { subcommands: MEMBER_SUBCOMMANDS, buttons: [REMIND_ME_PREFIX, CANCEL_PREFIX] },
  run(args, ctx) {
    if (Object.hasOwn(memberSubcommands, args.subcommand)) {
      const members = ctx.services.members;
      return members ? runSubcommand(memberSubcommands, args, ctx, { members }) : off();
    }
    const reminders = ctx.services.reminders;
    const guildId = ctx.caller.guildId;
    if (!reminders || !guildId) return off();
    return runSubcommand(adminSubcommands, args, ctx, { reminders, guildId });
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
    if (result.ok) void ctx.services.members?.movesDecided?.();
    const next = movesReply(reminders.heldMoves ? await reminders.heldMoves(guildId) : []);
    const said = result.ok ? moveDecidedText(result.move) : result.reason;
    return { ...next, content: `${said}\n\n${next.content ?? ''}`.trim(), ephemeral: true };
  },
});

function outcome(title: string, result: SettingResult): Reply {
  return result.ok ? settingsReply(title, result.settings) : { content: result.reason, ephemeral: true };
}
