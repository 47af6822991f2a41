// An in-process Herald for status-server tests: the real reminder engine on real SQLite, the real Status,
// router and Prometheus metrics, and the status server on a free port. The clock is moved by hand.
import { sqliteStores } from '../../src/store/stores';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { MemoryLibrary } from '../../src/articles/library';
import { ManualClock } from '../../src/core/clock';
import { CommandRouter } from '../../src/core/router';
import type { Services } from '../../src/services';
import { Status, visibleTo } from '../../src/core/status-snapshot';
import { Reminders } from '../../src/reminders/reminders';
import { PrometheusMetrics } from '../../src/status/metrics';
import { startStatus } from '../../src/status/start';
import type { StatusServer } from '../../src/status/server';
import { openDatabase, type Db } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { ConsolePoster } from '../../src/transports/console/poster';
import { commands } from '../../commands';
import { article, tracked } from '../reminders/fixtures';
import { remindersOn, tempDbPath } from '../reminders/harness';

export const SECRET_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789ab';
export const PRIVATE_FEED = 'https://intranet.example.org/private-feed.xml?key=s3cret';
export const GLOBAL_FEED = 'https://news.example.com/rss';

export interface StatusFixture {
  server: StatusServer;
  clock: ManualClock;
  db: Db;
  status: Status;
  reminders: Reminders;
  router: CommandRouter;
  metrics: PrometheusMetrics;
  discord: { connected: boolean; servers: number };
  posted: () => string;
  close(): Promise<void>;
}

export async function startStatusFixture(options: { token?: string } = {}): Promise<StatusFixture> {
  const log = pino({ level: 'silent' });
  const clock = new ManualClock('2026-11-27T08:00:00Z');
  const db = openDatabase(tempDbPath());
  const library = new MemoryLibrary();
  // Published the day before ingestion: fresh news, so its dates give reminders.
  const sentences = ['The council will vote on the budget.'];
  library.upsert(tracked(article('Budget vote in the council', [{ date: '2026-11-27', description: 'Council to vote on the budget', expression: 'November 27' }], sentences, '2026-11-26'), '/articles/budget.txt', new Date('2026-11-27T07:00:00Z')));
  library.upsert(tracked(article('Harbour plan goes to the assembly', [{ date: '2026-12-03', description: 'Assembly to debate the harbour plan', expression: 'December 3' }], sentences, '2026-11-26'), '/articles/harbour.txt', new Date('2026-11-27T07:00:00Z')));
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString('utf8')));
  const metrics = new PrometheusMetrics({ processMetrics: false });
  const reminders = remindersOn({ store: new SqliteReminderStore(db), poster: new ConsolePoster(out, clock), clock, log, library, metrics });
  const status = new Status(new Date('2026-11-27T07:00:00Z'), library);
  status.contribute(reminders.statusContributor());
  // Feeds as the feed monitor reports them: one from FEEDS (global), one a server added (private to it).
  const feeds = [
    { url: GLOBAL_FEED, guild: null, lastError: 'HTTP 503 from news.example.com', failures: 2 },
    { url: PRIVATE_FEED, guild: '111111111111111111', lastError: `could not fetch ${PRIVATE_FEED}: connection refused`, failures: 5 },
  ];
  status.contribute((_now, guildId) => ({
    failingFeeds: feeds.filter((f) => visibleTo(f.guild, guildId)).map(({ url, lastError, failures }) => ({ url, lastError, failures })),
  }));
  // Members' own reminders as MemberReminders reports them (its counts are tested in test/reminders).
  status.contribute(() => ({ memberReminders: { pending: 2, missed: 1, failed: 0 } }));
  status.recordError({ message: `gateway said no to token ${SECRET_TOKEN}`, id: 'abcd1234' }, new Date('2026-11-27T07:30:00Z'));
  await reminders.start(null);
  await reminders.subscribe('222222222222222222', '333333333333333333');
  await reminders.refreshSummary();
  const services: Services = { articles: library, status, reminders };
  const router = new CommandRouter({ commands, services, clock, log, metrics });
  const discord = { connected: true, servers: 3 };
  const server = await startStatus({
    config: { STATUS_PORT: 0, STATUS_HOST: '127.0.0.1', STATUS_TOKEN: options.token },
    status,
    metrics,
    database: sqliteStores(db),
    clock,
    log,
    scrub: (t) => t.split(SECRET_TOKEN).join('[redacted]'),
    discord: { ready: () => discord.connected, servers: () => discord.servers },
  });
  return {
    server, clock, db, status, reminders, router, metrics, discord,
    posted: () => text,
    async close() {
      await server.close();
      if (db.open) db.close();
    },
  };
}
