import { asDiscord } from '../support/discord-markup';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandRouter } from '../../src/core/router';
import { Status } from '../../src/core/status-snapshot';
import type { Caller } from '../../src/core/command';
import type { Services } from '../../src/services';
import remind, { suggestTimeZones } from '../../commands/remind';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { article, tracked } from '../reminders/fixtures';
import { harness, silent, type Harness } from '../reminders/harness';

let fake: FakeDiscord;
let h: Harness;
let router: CommandRouter;
const refused = new Set<string>();

beforeEach(async () => {
  fake = await startFakeDiscord();
  h = await harness({ fake, start: '2024-11-27T12:00:00Z', configChannelId: null });
  h.library.upsert(tracked(article('Budget vote in the council', [{ date: '2024-11-28', description: 'Council to vote on the budget' }])));
  await h.reminders.idle();
  const services: Services = {
    articles: h.library,
    status: new Status(h.clock.now(), h.library),
    reminders: h.reminders,
    channels: { canPostEmbeds: async (id) => (refused.has(id) ? { ok: false, reason: 'it is missing Embed Links' } : { ok: true }) },
  };
  router = new CommandRouter({ commands: [remind], services, clock: h.clock, log: silent });
});
afterEach(async () => {
  refused.clear();
  await fake.close();
});

const admin = (): Caller => ({ userId: fake.users.admin, guildId: fake.guildId, channelId: fake.channels.general, canManageGuild: true });
const run = (options: Record<string, string | number | undefined>, caller = admin()) => router.run({ command: 'remind', options, caller }).then(asDiscord); // as Discord shows it

describe('/remind', () => {
  it('is visible to members for their own reminders; every admin subcommand and button is refused to them in code', async () => {
    // Discord hides a whole command or none of it: /remind me and /remind mine need it visible.
    expect(remind.definition.default_member_permissions).toBeUndefined();
    expect(remind.definition.contexts).toEqual([0]);
    const member = { ...admin(), userId: fake.users.member, canManageGuild: false };
    const admins = (remind.definition.options ?? []).map((o) => o.name).filter((n) => n !== 'me' && n !== 'mine');
    expect(admins).toEqual(['channel', 'off', 'list', 'time', 'timezone', 'lead', 'role', 'test', 'moves']);
    for (const subcommand of admins) {
      const reply = await run({ subcommand, channel: fake.channels.general, time: '10:00', zone: 'UTC', days: 1 }, member);
      expect(reply, subcommand).toEqual({ content: '/remind needs the Manage Server permission.', ephemeral: true });
    }
    for (const customId of ['remind:move:1:confirm', 'remind:move:1:reject', 'remind:something']) {
      expect(await router.button(customId, member), customId).toEqual({ content: '/remind needs the Manage Server permission.', ephemeral: true });
    }
    expect(await router.autocomplete({ command: 'remind', options: { subcommand: 'timezone' }, caller: member, focused: 'zone', value: 'Europe/Lon' })).toEqual([]);
    expect((await h.reminders.settings(fake.guildId)).channelId).toBeNull();
    // The member parts answer (reminders for members are off in this router: no member service).
    expect(await run({ subcommand: 'mine' }, member)).toEqual({ content: 'Reminders are not available in this deployment.', ephemeral: true });
    expect(await router.autocomplete({ command: 'remind', options: { subcommand: 'me' }, caller: member, focused: 'timezone', value: 'Europe/Lon' })).toEqual([{ name: 'Europe/London', value: 'Europe/London' }]);
  });

  it('channel: refuses a channel Herald cannot post embeds in, subscribes one it can', async () => {
    refused.add(fake.channels.noEmbed);
    expect(await run({ subcommand: 'channel', channel: fake.channels.noEmbed })).toEqual({
      content: `Herald cannot post reminders in <#${fake.channels.noEmbed}>: it is missing Embed Links.`,
      ephemeral: true,
    });
    const ok = await run({ subcommand: 'channel', channel: fake.channels.general });
    expect(ok.embeds?.[0].description?.split('\n')[0]).toBe(`Reminders post in <#${fake.channels.general}>.`);
    expect((await h.reminders.upcoming()).map((u) => [u.at.toISOString(), u.channelId])).toEqual([['2024-11-28T09:00:00.000Z', fake.channels.general]]);
  });

  it('time and timezone are validated; the zone autocompletes from the IANA list', async () => {
    expect((await run({ subcommand: 'time', time: '25:00' })).content).toBe("That didn't work: `time`: a 24-hour time as HH:MM, e.g. 09:00. See /help remind.");
    expect((await run({ subcommand: 'timezone', zone: 'Europe/Narnia' })).content).toBe(
      "That didn't work: `zone`: an IANA time zone name such as Europe/London. See /help remind.",
    );
    const set = await run({ subcommand: 'timezone', zone: 'Europe/London' });
    expect(set.embeds?.[0].description).toContain('Time zone: Europe/London');
    expect(suggestTimeZones('Europe/Lon').map((c) => c.value)).toEqual(['Europe/London']);
    expect(suggestTimeZones('london').map((c) => c.value)).toEqual(['Europe/London']);
    expect(await router.autocomplete({ command: 'remind', options: { subcommand: 'timezone' }, caller: admin(), focused: 'zone', value: 'Asia/Tok' })).toEqual([
      { name: 'Asia/Tokyo', value: 'Asia/Tokyo' },
    ]);
  });

  it('lead moves into the schedule, list shows upcoming then sent with a link, off stops them', async () => {
    await run({ subcommand: 'channel', channel: fake.channels.general });
    expect((await run({ subcommand: 'lead', days: 31 })).content).toBe("That didn't work: `days`: at most 30 days. See /help remind.");
    h.clock.set('2024-11-26T12:00:00Z'); // a day earlier, so the lead reminder is still ahead
    await run({ subcommand: 'lead', days: 1 });
    const before = await run({ subcommand: 'list' });
    const upcoming = before.embeds?.[0].fields?.find((f) => f.name === 'Upcoming')?.value ?? '';
    expect(upcoming.split('\n')).toHaveLength(2);
    expect(upcoming).toContain('(1 day ahead)');
    expect((await run({ subcommand: 'test' })).content).toBe(`Preview posted in <#${fake.channels.general}>.`);
    h.clock.set('2024-11-27T09:00:00Z');
    expect((await h.reminders.runDue()).posted).toBe(1);
    h.clock.set('2024-11-28T09:00:00Z');
    expect((await h.reminders.runDue()).posted).toBe(1);
    expect(fake.messages(fake.channels.general)).toHaveLength(3);
    const after = await run({ subcommand: 'list' });
    const sent = after.embeds?.[0].fields?.find((f) => f.name === 'Sent')?.value ?? '';
    const posted = fake.messages(fake.channels.general).at(-1);
    expect(sent).toContain(`[message](https://discord.com/channels/${fake.guildId}/${fake.channels.general}/${posted?.id})`);
    expect((await run({ subcommand: 'off' })).content).toBe('Reminders are off in this server; 0 scheduled reminders cancelled. Sent ones stay listed.');
    expect((await run({ subcommand: 'list' })).content).toBe('Reminders are off in this server. Turn them on with /remind channel.');
  });
});
