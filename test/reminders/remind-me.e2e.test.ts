// Remind me end to end (issue 15): Herald as real child processes (src/main.ts, the real discord.js client)
// against the fake Discord and one database file. Members press Remind me under /when, Herald restarts,
// and at the due time one member gets exactly one DM while another, whose DMs are closed, gets exactly one
// ping in the server's reminder channel naming only them; a third start sends nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { startHerald, waitFor, type HeraldProcess } from './child';
import { tempDbPath } from './harness';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

const synced = (h: HeraldProcess) => /slash commands (registered|unchanged)/.test(h.output());
const stop = async (h: HeraldProcess) => {
  h.kill('SIGTERM');
  await h.exited;
};

/** The custom_id of the first Remind me button in a message's components. */
function remindMe(message: { components: unknown[] } | null): string | undefined {
  const rows = (message?.components ?? []) as { components: { custom_id: string; label: string }[] }[];
  return rows.flatMap((r) => r.components).find((c) => c.custom_id.startsWith('remind:me:'))?.custom_id;
}

describe('Remind me through discord.js and restarts', () => {
  it('a DM once at the due time after a restart; with DMs closed, one ping naming only that member', async () => {
    const dbPath = tempDbPath();
    const operator = fake.addChannel({ name: 'operator-reminders' });
    const serverChannel = fake.addChannel({ name: 'server-reminders' });
    const closed = fake.snowflake();
    fake.closedDms.add(closed);

    const first = startHerald({ fake, dbPath, channelId: operator, now: '2024-11-27T12:00:00Z' });
    try {
      await waitFor(() => synced(first), 'the commands to sync', first);
      const channel = await fake.injectCommand('remind', { subcommand: 'channel', channel: serverChannel }, { admin: true });
      expect(channel.final?.embeds.length).toBe(1);
      const when = await fake.injectCommand('when', {}, { userId: fake.users.member });
      const customId = remindMe(when.final);
      expect(customId).toMatch(/^remind:me:[\w-]{16}:[0-9a-f]{24}$/);
      for (const userId of [fake.users.member, closed]) {
        const pressed = await fake.injectButton(customId!, { userId });
        expect(pressed.ephemeral).toBe(true);
        expect(pressed.final?.content).toMatch(/^Reminder set: a direct message on 28 November 2024 at 09:00 \(UTC\)/);
      }
      const status = await fake.injectCommand('status', {}, { userId: fake.users.member });
      const fields = (status.final?.embeds[0] as { fields: { name: string; value: string }[] }).fields;
      expect(fields.find((f) => f.name === 'Member reminders (Remind me)')?.value).toBe('2 pending');
    } finally {
      await stop(first);
    }

    // Restarted before the due time: the due-scan sends both at 09:00.
    const second = startHerald({ fake, dbPath, channelId: operator, now: '2024-11-28T08:59:56Z' });
    try {
      await waitFor(() => second.logs('member reminder sent').length === 2, 'both member reminders to be sent', second, 90_000);
    } finally {
      await stop(second);
    }
    const sent = second.logs('member reminder sent');
    expect(sent.map((l) => l.via).sort()).toEqual(['channel', 'dm']);
    for (const l of sent) expect(Number(l.lateMs)).toBeLessThan(15_000);

    const dms = fake.directMessages(fake.users.member);
    expect(dms).toHaveLength(1);
    expect((dms[0].embeds[0] as { footer: { text: string } }).footer.text).toBe('Your reminder (Remind me) · /remind mine lists yours');
    const dmPosts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${dms[0].channel_id}/messages`);
    expect(dmPosts.map((r) => [typeof r.body.nonce, r.body.enforce_nonce, r.body.allowed_mentions])).toEqual([['string', true, { parse: [] }]]);
    expect(fake.directMessages(closed)).toEqual([]);
    const pings = fake.messages(serverChannel).filter((m) => m.content.includes(`<@${closed}>`));
    expect(pings).toHaveLength(1);
    expect(pings[0].allowed_mentions).toEqual({ parse: [], users: [closed] });
    expect(fake.messages(serverChannel).filter((m) => m.content.includes(`<@${fake.users.member}>`))).toEqual([]);

    // A third start after the due time sends nothing again.
    const third = startHerald({ fake, dbPath, channelId: operator, now: '2024-11-28T09:00:30Z' });
    try {
      await waitFor(() => third.logs('reminders started; running the startup due-scan').length > 0 && synced(third), 'the third start', third);
      await new Promise((r) => setTimeout(r, 6_000));
    } finally {
      await stop(third);
    }
    expect(third.logs('member reminder sent')).toEqual([]);
    expect(fake.directMessages(fake.users.member)).toHaveLength(1);
    expect(fake.messages(serverChannel).filter((m) => m.content.includes(`<@${closed}>`))).toHaveLength(1);
    expect(fake.mentionViolations()).toEqual([]);
  }, 300_000);
});
