// SIGINT and SIGTERM to a running Herald (a real child process): it stops taking interactions, finishes the
// one in flight, closes the database (WAL checkpointed: no -wal file left) and exits 0 within 5 s. In
// Discord mode against the fake Discord, and in console mode with its input still open. Also: the
// scheduler's stop waits for a job run in progress, so the database is never closed under a due-scan.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { logLines, repoRoot, spawnHerald, until, type Child } from './child';

let fake: FakeDiscord;
let dir: string;
const children: Child[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  dir = mkdtempSync(join(tmpdir(), 'herald-shutdown-'));
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function discordHerald(db: string): Child {
  const child = spawnHerald({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guildId,
    DATABASE_PATH: db,
    ARTICLES_DIR: join(repoRoot, 'data/articles'),
    LOG_LEVEL: 'info',
  });
  children.push(child);
  return child;
}

/** The database was closed cleanly (last connection checkpoints and removes the WAL) and is intact. */
function closedCleanly(db: string): void {
  expect(existsSync(`${db}-wal`)).toBe(false);
  const check = new Database(db, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
}

describe('Discord mode', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: finishes the interaction in flight, takes no new one, closes the database, exits 0 within 5 s`, async () => {
      const db = join(dir, `discord-${signal}.db`);
      const herald = discordHerald(db);
      await until(() => /slash commands (registered|unchanged)/.test(herald.output()), 'startup', herald, 60_000);
      // The answer to this one waits 1.5 s on a rate limit: it is in flight when the signal arrives.
      fake.failNext('POST', '/interactions/:id/:token/callback', 429, 1, { retryAfterMs: 1500 });
      const inFlight = fake.injectCommand('when', {}, { channelId: fake.channels.general, timeoutMs: 15_000 });
      await until(() => fake.requests.some((r) => r.path.endsWith('/callback') && r.status === 429), 'the rate-limited answer', herald);
      const sent = performance.now();
      herald.kill(signal);
      await until(() => /shutting down/.test(herald.output()), 'the shutdown to start', herald, 5000);
      const late = await fake.injectCommand('brief', {}, { channelId: fake.channels.general, timeoutMs: 2000 }).then(
        () => 'answered',
        () => 'not taken',
      );
      expect(late).toBe('not taken');
      expect((await inFlight).reply?.embeds.length).toBe(1);
      const exit = await herald.exited;
      expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
      expect(exit.at - sent).toBeLessThan(5000);
      const msgs = logLines(herald.output()).map((l) => l.msg);
      expect(msgs).toContain('shut down cleanly');
      expect(msgs).not.toContain('shutdown step failed');
      closedCleanly(db);
    }, 90_000);
  }
});

describe('console mode', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} with input still open: answers what was typed, closes the database, exits 0 within 5 s`, async () => {
      const db = join(dir, `console-${signal}.db`);
      const herald = spawnHerald({ DATABASE_PATH: db, ARTICLES_DIR: join(repoRoot, 'data/articles'), LOG_LEVEL: 'info', DISCORD_TOKEN: '' }, { stdin: 'pipe' });
      children.push(herald);
      await until(() => /local console mode/.test(herald.output()), 'the console banner', herald, 60_000);
      herald.write('/status\n');
      await until(() => /> \/status/.test(herald.output()) && /Articles tracked|articles tracked/i.test(herald.output()), 'the /status reply', herald, 20_000);
      const sent = performance.now();
      herald.kill(signal);
      const exit = await herald.exited;
      expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
      expect(exit.at - sent).toBeLessThan(5000);
      expect(logLines(herald.output()).map((l) => l.msg)).toContain('shut down cleanly');
      closedCleanly(db);
    }, 90_000);
  }
});

describe('repeated signals', () => {
  it('SIGTERM then SIGINT at once: one shutdown, exit 0', async () => {
    const db = join(dir, 'console-double.db');
    const herald = spawnHerald({ DATABASE_PATH: db, ARTICLES_DIR: join(repoRoot, 'data/articles'), LOG_LEVEL: 'info', DISCORD_TOKEN: '' }, { stdin: 'pipe' });
    children.push(herald);
    await until(() => /local console mode/.test(herald.output()), 'the console banner', herald, 60_000);
    herald.kill('SIGTERM');
    herald.kill('SIGINT');
    const exit = await herald.exited;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    const msgs = logLines(herald.output()).map((l) => l.msg);
    expect(msgs.filter((m) => m === 'shut down cleanly')).toHaveLength(1);
    expect(msgs.filter((m) => typeof m === 'string' && m.startsWith('shutting down'))).toHaveLength(1);
    closedCleanly(db);
  }, 90_000);
});

describe('scheduler stop', () => {
  it('waits for a job run in progress before resolving', async () => {
    const scheduler = new Scheduler(pino({ level: 'silent' }), { unref: true });
    const order: string[] = [];
    let release!: () => void;
    scheduler.add({ name: 'slow', schedule: '0 0 1 1 *', run: () => new Promise<void>((r) => (release = r)).then(() => void order.push('job finished')) });
    const run = scheduler.runNow('slow');
    const stopped = scheduler.stop().then(() => void order.push('stopped'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    release();
    await Promise.all([run, stopped]);
    expect(order).toEqual(['job finished', 'stopped']);
  });
});
