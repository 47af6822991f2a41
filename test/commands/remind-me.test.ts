// Remind me through the router: the buttons /when, /brief and /timeline show, a member (no Manage Server)
// pressing one, /remind mine with its Cancel buttons, /remind me timezone; and the console's numbered choices.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import brief from '../../commands/brief';
import remind from '../../commands/remind';
import timeline from '../../commands/timeline';
import when from '../../commands/when';
import type { Caller } from '../../src/core/command';
import type { Reply } from '../../src/core/reply';
import { CommandRouter } from '../../src/core/router';
import { Status } from '../../src/core/status-snapshot';
import { MemberReminders, type MemberRemindersOptions } from '../../src/reminders/member-reminders';
import type { Services } from '../../src/services';
import { runConsole } from '../../src/transports/console/console';
import { helpReply } from '../../src/answers/help';
import { ConsolePoster } from '../../src/transports/console/poster';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { article, tracked } from '../reminders/fixtures';
import { harness, memberReminderOptions, silent, type Harness } from '../reminders/harness';
import { asDiscord } from '../support/discord-markup';

let fake: FakeDiscord;
let h: Harness;
let router: CommandRouter;
let members: MemberReminders;
let options: MemberRemindersOptions;

beforeEach(async () => {
  fake = await startFakeDiscord();
  h = await harness({ fake, start: '2024-11-27T12:00:00Z', configChannelId: null });
  h.library.upsert(
    tracked(
      article('Budget vote in the council', [
        { date: '2024-11-28', description: 'Council to vote on the budget', salience: 0.9 },
        { date: '2024-11-20', description: 'The draft was published', status: 'past' },
        { date: '2024-12-15', description: 'The budget may pass in December', precision: 'month' },
      ]),
    ),
  );
  members = new MemberReminders((options = memberReminderOptions(h)));
  const services: Services = { articles: h.library, status: new Status(h.clock.now(), h.library), reminders: h.reminders, members };
  router = new CommandRouter({ commands: [when, brief, timeline, remind], services, clock: h.clock, log: silent });
});
afterEach(async () => {
  await fake.close();
});

const member = (): Caller => ({ userId: fake.users.member, guildId: fake.guildId, channelId: fake.channels.general, canManageGuild: false });
const labels = (r: Reply) => (r.buttonRows ?? []).flat().map((b) => b.label);

describe('Remind me', () => {
  it('is under the upcoming sure event in /when, /brief and /timeline, not under past or month-only ones', async () => {
    for (const command of ['when', 'brief', 'timeline']) {
      const reply = await router.run({ command, options: {}, caller: member() });
      expect(labels(reply), command).toEqual(['Remind me: 28 November 2024 · Council to vote on the budget']);
    }
    const past = await router.run({ command: 'when', options: { event: 'draft' }, caller: member() });
    expect(past.buttonRows).toBeUndefined();
  });

  it('a member without Manage Server sets one, sees it in /remind mine and cancels it', async () => {
    const [button] = (await router.run({ command: 'when', options: {}, caller: member() })).buttonRows![0];
    await router.run({ command: 'remind', options: { subcommand: 'me', timezone: 'Asia/Tokyo' }, caller: member() });
    const set = await router.button(button.customId, member());
    expect(set.ephemeral).toBe(true);
    expect(asDiscord(set.content?.split('\n')[0])).toBe(`Reminder set: a direct message on 28 November 2024 at 09:00 (Asia/Tokyo) — <t:${Date.parse('2024-11-28T00:00:00Z') / 1000}:R>, about Council to vote on the budget — “Budget vote in the council”.`);
    expect((await router.button(button.customId, member())).content).toMatch(/^You already have this reminder: /);

    const mine = await router.run({ command: 'remind', options: { subcommand: 'mine' }, caller: member() });
    expect(mine.ephemeral).toBe(true);
    expect(mine.embeds?.[0].description).toBe('Time zone: Asia/Tokyo');
    expect(asDiscord(mine.embeds?.[0].fields?.[0].value)).toMatch(/^1\. 28 November 2024 at 09:00 \(Asia\/Tokyo\) — <t:\d+:R>: Council to vote on the budget — “Budget vote in the council”$/);
    const [cancel] = mine.buttonRows![0];
    expect(cancel.label).toBe('Cancel 1: 28 November 2024 · Council to vote on the budget');
    // Someone else's Cancel does nothing to it.
    const other = await router.button(cancel.customId, { ...member(), userId: fake.users.admin });
    expect(other.content).toBe('That is not one of your reminders.');
    const cancelled = await router.button(cancel.customId, member());
    expect(cancelled.content).toBe('Cancelled: Council to vote on the budget (28 November 2024).');
    expect(cancelled.embeds?.[0].fields?.[2].value).toBe('• 28 November 2024: Council to vote on the budget — “Budget vote in the council” — cancelled: cancelled by you');
    expect(cancelled.buttonRows).toBeUndefined();
  });

  it('/help says which parts of /remind are every member\'s', () => {
    expect(asDiscord(helpReply([remind]).embeds?.[0].description)).toBe("**/remind** — Reminders of upcoming events: your own (me, mine); the server's (admins) (admin: Manage Server; me and mine: any member) (servers only)");
    const fields = helpReply([remind], 'remind').embeds?.[0].fields?.map((f) => f.name) ?? [];
    expect(fields.filter((f) => f.endsWith('· any member'))).toEqual(['/remind me [timezone:…] · any member', '/remind mine · any member']);
    expect(fields.filter((f) => f.endsWith('· admin'))).toHaveLength(9);
  });

  it('/remind me timezone is validated with a clear ephemeral error, and shows the zone in use', async () => {
    expect(await router.run({ command: 'remind', options: { subcommand: 'me', timezone: 'Mars/Base' }, caller: member() })).toEqual({
      content: "That didn't work: `timezone`: an IANA time zone name such as Europe/London. See /help remind.",
      ephemeral: true,
    });
    expect((await router.run({ command: 'remind', options: { subcommand: 'me' }, caller: member() })).content).toBe(
      "Your reminders come at the server's reminder time in UTC (the server's time zone: set yours with /remind me timezone:<zone>, e.g. Europe/London).",
    );
    expect((await router.run({ command: 'remind', options: { subcommand: 'me', timezone: 'Europe/Paris' }, caller: member() })).content).toBe('Your time zone is now Europe/Paris.');
  });

  it('in the console, buttons are numbered choices: typing the number sets the reminder, and it prints as a DM when due', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString('utf8')));
    const poster = new ConsolePoster(output, h.clock);
    const consoleMembers = new MemberReminders({ ...options, poster });
    const services: Services = { articles: h.library, status: new Status(h.clock.now(), h.library), members: consoleMembers };
    const consoleRouter = new CommandRouter({ commands: [when, remind], services, clock: h.clock, log: silent });
    const done = runConsole({ router: consoleRouter, input, output, isTTY: false, clock: h.clock });
    input.end('/when\n1\n7\n/remind mine\n');
    await done;
    expect(text).toContain('[1] Remind me: 28 November 2024 · Council to vote on the budget\nType a number to press that button.');
    expect(text).toContain('> 1\nReminder set: a direct message on 28 November 2024 at 09:00 (UTC)');
    expect(text).toContain('> 7\nChoose a button from 1 to 1.');
    expect(text).toContain('[1] Cancel 1: 28 November 2024 · Council to vote on the budget');
    h.clock.set('2024-11-28T09:00:05Z');
    expect((await consoleMembers.runDue()).posted).toBe(1);
    expect(text).toMatch(/\[DM to console\] Council to vote on the budget/);
  });
});
