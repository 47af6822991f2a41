// In-process reminder engine against the e2e fake Discord: the real SQLite store, the real Discord
// poster over discord.js REST, a ManualClock that tests move by hand, and the due-scan called directly.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { MemoryLibrary, type TrackedArticle } from '../../src/articles/library';
import { ingestDirectory } from '../../src/articles/ingest';
import type { ReminderStore } from '../../src/reminders/store';
import { ManualClock } from '../../src/core/clock';
import type { MessagePoster } from '../../src/core/poster';
import type { PostingState } from '../../src/core/posting';
import { createDiscord } from '../../src/transports/discord/client';
import { openDatabase, type Db } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { Reminders, type DeliveryPoint, type RemindersOptions } from '../../src/reminders/reminders';
import { StoryIndex } from '../../src/stories/index';
import { ArticleScopes } from '../../src/articles/scopes';
import { SqliteMoveHolds } from '../../src/store/holds-sqlite';
import { MemberReminders, type MemberRemindersOptions } from '../../src/reminders/member-reminders';
import { SqliteMemberReminderStore } from '../../src/store/member-reminders-sqlite';
import type { FakeDiscord } from '../e2e/fake-discord';
import { repoRoot } from './child';

export const silent = pino({ level: 'silent' });

export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'herald-reminders-')), 'herald.db');
}

export interface Harness {
  db: Db;
  store: SqliteReminderStore;
  clock: ManualClock;
  library: MemoryLibrary;
  reminders: Reminders;
  poster: MessagePoster;
  scopes?: ArticleScopes;
}

export interface HarnessOptions {
  fake: FakeDiscord;
  dbPath?: string;
  start: string;
  /** Ingested before start(), as main.ts does: start() cancels pending reminders of articles not in the library. */
  articles?: TrackedArticle[];
  configChannelId?: string | null;
  time?: string;
  timezone?: string;
  graceMs?: number;
  onPoint?: (point: DeliveryPoint) => void;
  poster?: MessagePoster;
  /** Cross-article supersession, as main.ts wires it (startReminders builds a StoryIndex). */
  stories?: boolean;
  /** The posting gate main.ts passes (a 401 stops posting). */
  posting?: PostingState;
  /** Per-server libraries and held date moves, as main.ts wires them. */
  scopes?: boolean;
  holds?: boolean;
  /** The reminders' logger (silent by default). */
  log?: pino.Logger;
}

export async function harness(o: HarnessOptions): Promise<Harness> {
  const db = openDatabase(o.dbPath ?? tempDbPath());
  const store = new SqliteReminderStore(db);
  const clock = new ManualClock(o.start);
  const library = new MemoryLibrary();
  for (const t of o.articles ?? []) library.upsert(t);
  let scopes: ArticleScopes | undefined;
  // The Discord transport's own client and poster (built, not connected: posting needs only REST).
  const discord = createDiscord({ token: o.fake.token, apiUrl: o.fake.apiUrl, log: silent });
  const poster = o.poster ?? discord.poster;
  const reminders = new Reminders({
    store,
    poster,
    clock,
    log: o.log ?? silent,
    library,
    defaults: { time: o.time ?? '09:00', timezone: o.timezone ?? 'UTC', graceMs: o.graceMs ?? 6 * 3_600_000 },
    onPoint: o.onPoint,
    stories: o.stories ? new StoryIndex(library) : undefined,
    posting: o.posting,
    scopes: o.scopes ? (scopes = new ArticleScopes(library)) : undefined,
    holds: o.holds ? new SqliteMoveHolds(db) : undefined,
  });
  await reminders.start(o.configChannelId === undefined ? o.fake.channels.reminders : o.configChannelId);
  reminders.attach(library);
  if (scopes) reminders.attachScopes(scopes, library);
  return { db, store, clock, library, reminders, poster, scopes };
}

/** The options of members' own reminders (Remind me) on the harness's database, poster, clock and library. */
export function memberReminderOptions(h: Harness, extra: Partial<MemberRemindersOptions> = {}): MemberRemindersOptions {
  return {
    store: new SqliteMemberReminderStore(h.db),
    servers: h.store,
    poster: h.poster,
    clock: h.clock,
    log: silent,
    library: h.library,
    defaults: { time: '09:00', timezone: 'UTC', graceMs: 6 * 3_600_000 },
    ...extra,
  };
}

/** A poster for engines that only plan, list or report: every post would fail (retryably). */
export const unusedPoster: MessagePoster = { post: async () => ({ ok: false, retryable: true, reason: 'not used' }) };

/**
 * A Reminders engine on any store, not started: reminders at 09:00 UTC with 6 h of grace, a silent log
 * and the unused poster unless the options say otherwise.
 */
export function remindersOn(o: Pick<RemindersOptions, 'store' | 'library' | 'clock'> & Partial<RemindersOptions>): Reminders {
  return new Reminders({ poster: unusedPoster, log: silent, defaults: { time: '09:00', timezone: 'UTC', graceMs: 6 * 3_600_000 }, ...o });
}

/**
 * What an instance running on 2024-11-27 12:00 leaves in `store` for the seed articles (data/articles):
 * channels[0] as REMINDER_CHANNEL_ID and a server of its own for each further channel (900000000000000001,
 * 900000000000000002, …), each with the approval reminder pending, due 2024-11-28 09:00 UTC.
 */
export async function scheduleSeedReminders(store: ReminderStore, channels: string[], log: pino.Logger = silent): Promise<void> {
  const now = '2024-11-27T12:00:00Z';
  const library = new MemoryLibrary();
  await ingestDirectory(library, resolve(repoRoot, 'data/articles'), new Date(now));
  const reminders = remindersOn({ store, library, clock: new ManualClock(now), log });
  await reminders.start(channels[0]);
  for (let i = 1; i < channels.length; i++) await reminders.subscribe(`90000000000000${String(i).padStart(4, '0')}`, channels[i]);
}

/** Members' own reminders on the harness (memberReminderOptions, with stories), started and attached. */
export async function memberReminders(h: Harness, extra: Partial<MemberRemindersOptions> = {}): Promise<MemberReminders> {
  const members = new MemberReminders(memberReminderOptions(h, { stories: new StoryIndex(h.library), ...extra }));
  await members.start();
  members.attach(h.library);
  return members;
}

/** Every message-create request the fake saw for a channel (including failed and deduplicated ones). */
export function createRequests(fake: FakeDiscord, channelId: string) {
  return fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
}

export interface PostedEmbed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}

/** The first embed of a message the fake recorded. */
export function embed(message: { embeds: unknown[] } | undefined): PostedEmbed {
  return (message?.embeds[0] ?? {}) as PostedEmbed;
}
