// Who may do what, through the real discord.js client and the fake Discord. A server can override a
// command's default_member_permissions, so Discord may deliver an admin command from anyone: Herald
// checks Manage Server in code and refuses, ephemerally, without doing anything. And before accepting a
// channel for posts, Herald checks its own permissions there.
import { SqliteFeedStore } from '../../src/store/feeds';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { OptionType, type Command, type OptionDefinition } from '../../src/core/command';
import { MemoryLibrary } from '../../src/articles/library';
import { Reminders } from '../../src/reminders/reminders';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { NewsMonitor } from '../../src/feeds/news';
import { openDatabase, type Db } from '../../src/store/db';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { startBot, type Bot } from '../e2e/bot-harness';
import { remindersOn } from '../reminders/harness';

let fake: FakeDiscord;
let bot: Bot;
let db: Db;
let news: NewsMonitor;
let dir: string;

/** Every permission bit Discord defines up to bit 50, except Manage Server (0x20) and Administrator (0x8). */
const EVERYTHING_BUT_MANAGE_SERVER = String(((1n << 51n) - 1n) & ~0x20n & ~0x8n);

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  bot = await startBot(fake, { commands, now: '2024-11-27T12:00:00Z' });
  dir = mkdtempSync(join(tmpdir(), 'herald-permissions-'));
  db = openDatabase(join(dir, 'herald.db'));
  const silent = pino({ level: 'silent' });
  const reminders = remindersOn({ store: new SqliteReminderStore(db), poster: bot.discord.poster, clock: bot.clock, library: bot.services.articles as MemoryLibrary });
  await reminders.start(null);
  news = new NewsMonitor({ store: new SqliteFeedStore(db), library: bot.services.articles as MemoryLibrary, poster: bot.discord.poster, clock: bot.clock, log: silent, feeds: [], pollSchedule: '*/10 * * * *', allowPrivate: true });
  await news.start();
  Object.assign(bot.services, { reminders, feeds: news.feeds, watches: news.watches });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await news?.stop();
  db?.close();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A value Discord would accept for a required option of this type. */
function sample(o: OptionDefinition, fake: FakeDiscord): string | number | boolean {
  if (o.type === OptionType.Channel) return fake.channels.general;
  if (o.type === OptionType.Role) return fake.botRoleId;
  if (o.type === OptionType.User) return fake.users.member;
  if (o.type === OptionType.Integer || o.type === OptionType.Number) return o.min_value ?? 1;
  if (o.type === OptionType.Boolean) return true;
  if (o.name === 'url') return 'https://example.org/feed.xml';
  if (o.name === 'time') return '10:00';
  if (o.name === 'zone') return 'Europe/London';
  return 'CSTO';
}

/** Every invocation of a command: one per subcommand, with its required options filled in. */
function invocations(c: Command<any>): Record<string, unknown>[] {
  const opts = c.definition.options ?? [];
  const subs = opts.filter((o) => o.type === OptionType.Subcommand);
  const fill = (list: OptionDefinition[]) => Object.fromEntries(list.filter((o) => o.required).map((o) => [o.name, sample(o, fake)]));
  if (subs.length === 0) return [fill(opts)];
  // Parts every member may use (/remind me, /remind mine) are not admin invocations.
  return subs.filter((s) => !c.memberOpen?.subcommands.includes(s.name)).map((s) => ({ subcommand: s.name, ...fill(s.options ?? []) }));
}

const adminCommands = commands.filter((c) => c.adminOnly);

describe('admin commands from a member without Manage Server', () => {
  it('are the ones Discord hides from non-admins by default (default_member_permissions = Manage Server), but /remind with its member parts', () => {
    expect(adminCommands.map((c) => c.definition.name).sort()).toEqual(['feed', 'remind', 'watch']);
    for (const c of adminCommands) expect(c.definition.default_member_permissions).toBe(c.memberOpen ? undefined : '32');
    // Discord hides a whole command or none of it: /remind is shown to members for /remind me and /remind mine only.
    expect(adminCommands.filter((c) => c.memberOpen).map((c) => [c.definition.name, c.memberOpen!.subcommands])).toEqual([['remind', ['me', 'mine']]]);
  });

  it('refuses every subcommand of every admin command, ephemerally and with a clear message, and changes nothing', async () => {
    let count = 0;
    for (const c of adminCommands) {
      for (const options of invocations(c)) {
        const r = await fake.injectCommand(c.definition.name, options as never, { userId: fake.users.member, permissions: EVERYTHING_BUT_MANAGE_SERVER, channelId: fake.channels.general });
        const what = `/${c.definition.name} ${String(options.subcommand ?? '')}`;
        expect(r.ephemeral, what).toBe(true);
        expect(r.final?.content, what).toBe(`/${c.definition.name} needs the Manage Server permission.`);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(14);
    // Nothing happened: no post (a /remind test would post), no subscription, no feed, no watch.
    for (const id of Object.values(fake.channels)) expect(fake.messages(id)).toEqual([]);
    expect((await bot.services.reminders!.settings(fake.guildId)).channelId).toBeNull();
    expect(await bot.services.feeds!.list(fake.guildId)).toEqual([]);
    expect(await bot.services.watches!.list(fake.guildId)).toEqual([]);
  }, 60_000);

  it('answers the same commands for a member with Manage Server', async () => {
    // Each command's own answer for a server with nothing set up yet — not merely "not refused" (an
    // error reply is not refused either).
    const answers: Record<string, string> = {
      remind: 'Reminders are off in this server. Turn them on with /remind channel.',
      feed: 'No feeds are followed. Add one with /feed add (or FEEDS in the configuration).',
      watch: 'No channel is watched. Start with /watch channel.',
    };
    for (const [command, answer] of Object.entries(answers)) {
      const r = await fake.injectCommand(command, { subcommand: 'list' }, { admin: true, channelId: fake.channels.general });
      expect([r.ephemeral, r.final?.content], command).toEqual([true, answer]);
    }
  });
});

describe("Herald's own permissions in a channel it is asked to post in", () => {
  const cases = [
    { command: 'remind', prefix: 'Herald cannot post reminders in' },
    { command: 'watch', prefix: 'Herald cannot announce in' },
  ];
  for (const { command, prefix } of cases) {
    it(`/${command} channel refuses a channel where the bot lacks Send Messages, Embed Links or View Channel, saying which`, async () => {
      const expectations: [string, RegExp][] = [
        [fake.channels.noSend, /Send Messages/],
        [fake.channels.noEmbed, /Embed Links/],
        [fake.channels.hidden, /View Channel/],
      ];
      for (const [channel, missing] of expectations) {
        const r = await fake.injectCommand(command, { subcommand: 'channel', channel }, { admin: true, channelId: fake.channels.general });
        expect(r.ephemeral).toBe(true);
        expect(r.final?.content).toMatch(new RegExp(`^${prefix} <#${channel}>: `));
        expect(r.final?.content).toMatch(missing);
      }
      expect((await bot.services.reminders!.settings(fake.guildId)).channelId).toBeNull();
      expect(await bot.services.watches!.list(fake.guildId)).toEqual([]);
    }, 30_000);
  }

  it('accepts a channel where it may post embeds', async () => {
    const r = await fake.injectCommand('remind', { subcommand: 'channel', channel: fake.channels.reminders }, { admin: true, channelId: fake.channels.general });
    expect(r.final?.embeds).toEqual([
      expect.objectContaining({ title: 'Reminders channel set', description: `Reminders post in <#${fake.channels.reminders}>.\nTime: 09:00 (default) · Time zone: UTC (default)\nLead: on the day only\nRole pinged: none` }),
    ]);
    expect((await bot.services.reminders!.settings(fake.guildId)).channelId).toBe(fake.channels.reminders);
  });
});
