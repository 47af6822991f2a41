// Crash test on PostgreSQL with three Herald processes (src/main.ts, real child processes with
// DATABASE_URL) sharing one database and one fake Discord: 20 rounds, each SIGKILLs a random one of
// them at a random moment once it is running and starts it again. The fake Discord answers each message
// post 300 ms after creating the message, so a kill often lands between Discord accepting a post and
// Herald recording it. At the end every reminder and every announcement has exactly one message, none lost;
// at no point did any have two.
import pino from 'pino';
import { scheduleSeedReminders } from '../reminders/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStores, type PostgresStores } from '../../src/store/postgres/stores';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { startHerald, type HeraldProcess } from '../reminders/child';
import { freshDatabase } from './db';

const ROUNDS = 20;
const PROCESSES = 3;
const REMINDERS = 30;
const ANNOUNCEMENTS = 15;
const log = pino({ level: 'silent' });

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ messageReplyDelayMs: 300 });
});
afterAll(async () => {
  await fake.close();
});

describe('three Herald processes on PostgreSQL, SIGKILLed at random', () => {
  it(`${ROUNDS} rounds of SIGKILL and restart: exactly one message per reminder and per announcement, none lost`, async () => {
    const url = await freshDatabase('crash');
    const stores = await openPostgresStores(url, { log, onLost: (e) => { throw e; } });
    try {
      // The approval reminder of the seed article, once per channel (30 subscriptions), due 2024-11-28 09:00 UTC.
      const reminderChannels = Array.from({ length: REMINDERS }, (_, i) => fake.addChannel({ name: `pg-crash-${i}` }));
      await scheduleSeedReminders(stores.reminders, reminderChannels, log);
      expect((await stores.reminders.counts()).pending).toBe(REMINDERS);
      // Announcements already in the outbox, one per watched channel.
      const announceChannels = Array.from({ length: ANNOUNCEMENTS }, (_, i) => fake.addChannel({ name: `pg-announce-${i}` }));
      const at = new Date('2024-11-28T08:59:00Z');
      for (const [i, channelId] of announceChannels.entries()) {
        const watch = await stores.feeds.watches.upsertWatch({ guildId: fake.guildId, channelId, topic: null, createdBy: '1', at });
        await stores.feeds.outbox.enqueue([{ watchId: watch.id, articleKey: `https://news.example/${i}`, nonce: `an${i}`, reply: { content: `Announcement ${i}` } }], at);
      }

      // One shared timeline: every process (and every restart) starts its clock where the others are.
      const started = Date.now();
      const now = () => new Date(Date.parse('2024-11-28T09:00:01Z') + (Date.now() - started)).toISOString();
      const ready = new Set<HeraldProcess>();
      const start = () => {
        const p = startHerald({ fake, dbPath: '/nonexistent/unused.db', databaseUrl: url, channelId: reminderChannels[0], now: now() });
        void p.nextLog('reminders started; running the startup due-scan').then(() => ready.add(p));
        return p;
      };
      const procs: HeraldProcess[] = Array.from({ length: PROCESSES }, start);
      const atMostOne = () => {
        for (const c of [...reminderChannels, ...announceChannels]) expect(fake.messages(c).length, `channel ${c}`).toBeLessThanOrEqual(1);
      };
      const kills: string[] = [];
      try {
        for (let round = 0; round < ROUNDS; round++) {
          // A random one of the running processes, at a random moment.
          const deadline = Date.now() + 120_000;
          while (!procs.some((p) => ready.has(p)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
          await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 1500)));
          const running = procs.map((p, i) => (ready.has(p) ? i : -1)).filter((i) => i >= 0);
          const victim = running[Math.floor(Math.random() * running.length)] ?? 0;
          procs[victim].kill('SIGKILL');
          await procs[victim].exited;
          const posted = [...reminderChannels, ...announceChannels].filter((c) => fake.messages(c).length > 0).length;
          kills.push(`round ${round}: process ${victim} killed, ${posted} posted so far`);
          atMostOne();
          procs[victim] = start();
        }
        // Then they finish the work: a scan every 5 s takes over what the killed ones held.
        const deadline = Date.now() + 240_000;
        for (;;) {
          const counts = await stores.reminders.counts();
          const outbox = await stores.feeds.outbox.announcementCounts();
          if (counts.pending === 0 && outbox.pending === 0) {
            const { rows } = await stores.pool.query("SELECT count(*) AS n FROM reminders WHERE state = 'claimed'");
            if (rows[0].n === 0) break;
          }
          if (Date.now() > deadline) throw new Error(`not finished: ${JSON.stringify({ counts, outbox })}\n${procs.map((p) => p.output().slice(-1500)).join('\n---\n')}`);
          await new Promise((r) => setTimeout(r, 500));
        }
      } finally {
        for (const p of procs) p.kill('SIGKILL');
        await Promise.all(procs.map((p) => p.exited));
      }

      atMostOne();
      expect(reminderChannels.map((c) => fake.messages(c).length)).toEqual(reminderChannels.map(() => 1));
      expect(announceChannels.map((c) => fake.messages(c).length)).toEqual(announceChannels.map(() => 1));
      const { rows } = await stores.pool.query('SELECT r.state, r.message_id, s.channel_id FROM reminders r JOIN reminder_subscriptions s ON s.id = r.subscription_id');
      for (const r of rows) expect([r.state, r.message_id]).toEqual(['sent', fake.messages(r.channel_id)[0].id]);
      expect(await stores.feeds.outbox.announcementCounts()).toEqual({ pending: 0, posted: ANNOUNCEMENTS, failed: 0, summarised: 0 });
      const resent = [...reminderChannels, ...announceChannels].filter((c) => fake.requests.filter((q) => q.method === 'POST' && q.path === `/channels/${c}/messages`).length > 1);
      console.log(`PostgreSQL crash test: ${kills.length} kills\n  ${kills.join('\n  ')}\n  posts re-sent with the same nonce after a kill: ${resent.length}`);
    } finally {
      await stores.close();
    }
  }, 900_000);
});
