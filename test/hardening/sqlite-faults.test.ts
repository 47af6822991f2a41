// SQLite faults under the reminder engine (the real store, the real Discord poster, the fake Discord): a
// read-only database (query_only: root ignores file modes), a write lock held by another connection beyond
// busy_timeout, and a full disk (max_page_count → SQLITE_FULL). Each gives a clear error from the job that
// hit it, leaves the file intact (integrity_check ok), and loses nothing: the pending reminders are still
// there and post exactly once when the fault clears.
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { article, tracked } from '../reminders/fixtures';
import { harness, tempDbPath, type Harness } from '../reminders/harness';

const days = ['2024-11-28', '2024-11-29', '2024-11-30'];
const articles = () => days.map((date, i) => tracked(article(`Vote ${i + 1} in the council`, [{ date, description: `Council vote number ${i + 1}`, expression: date }]), `/articles/vote-${i + 1}.txt`));

let fake: FakeDiscord;
let h: Harness;
let dbPath: string;
let fault: ((point: string) => void) | undefined;

beforeEach(async () => {
  fake = await startFakeDiscord();
  dbPath = tempDbPath();
  fault = undefined;
  h = await harness({ fake, dbPath, start: '2024-11-27T12:00:00Z', articles: articles(), onPoint: (p) => fault?.(p) });
  await h.reminders.idle();
});

afterEach(async () => {
  if (h.db.open) h.db.close();
  await fake.close();
});

const states = () => (h.db.prepare('SELECT state, count(*) AS n FROM reminders GROUP BY state ORDER BY state').all() as { state: string; n: number }[]).map((r) => `${r.state}:${r.n}`);
const posted = () => fake.messages(fake.channels.reminders);

/** The due-scan as the scheduler runs it: its outcome is what the log line says. */
async function scan() {
  const scheduler = new Scheduler(pino({ level: 'silent' }));
  scheduler.add({ name: 'reminders.due-scan', schedule: '*/5 * * * * *', run: () => h.reminders.runDue() });
  return scheduler.runNow('reminders.due-scan');
}

function intact(): void {
  h.db.close();
  const check = new Database(dbPath, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
}

describe('SQLite faults', () => {
  it('read-only database: the due-scan fails with a clear error before posting; nothing lost, one post once writable', async () => {
    expect(states()).toEqual(['pending:3']);
    h.clock.set('2024-11-28T09:00:00Z');
    h.db.pragma('query_only = ON');
    const outcome = await scan();
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/readonly/i), durationMs: expect.any(Number) });
    expect(posted()).toHaveLength(0);
    h.db.pragma('query_only = OFF');
    expect(states()).toEqual(['pending:3']);
    expect(await scan()).toMatchObject({ ok: true });
    expect(posted()).toHaveLength(1);
    expect(states()).toEqual(['pending:2', 'sent:1']);
    intact();
  });

  it('read-only after the send (the record fails): the retry after the lease re-sends with the same nonce and Discord keeps one message', async () => {
    h.clock.set('2024-11-28T09:00:00Z');
    fault = (p) => {
      if (p === 'sent') h.db.pragma('query_only = ON');
    };
    expect((await scan()).ok).toBe(false);
    expect(posted()).toHaveLength(1);
    fault = undefined;
    h.db.pragma('query_only = OFF');
    h.clock.set('2024-11-28T09:03:00Z'); // past the 2-minute claim lease
    expect(await scan()).toMatchObject({ ok: true });
    expect(posted()).toHaveLength(1);
    const creates = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channels.reminders}/messages`);
    expect(creates).toHaveLength(2);
    expect(creates[1].body.nonce).toBe(creates[0].body.nonce);
    expect(states()).toEqual(['pending:2', 'sent:1']);
    intact();
  });

  it('locked by another connection beyond busy_timeout: SQLITE_BUSY as a clear error, nothing posted, then one post once released', async () => {
    h.db.pragma('busy_timeout = 100');
    const other = new Database(dbPath);
    other.exec('BEGIN IMMEDIATE'); // holds the write lock
    h.clock.set('2024-11-28T09:00:00Z');
    const outcome = await scan();
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/locked|busy/i), durationMs: expect.any(Number) });
    expect(posted()).toHaveLength(0);
    other.exec('ROLLBACK');
    other.close();
    expect(await scan()).toMatchObject({ ok: true });
    expect(posted()).toHaveLength(1);
    expect(states()).toEqual(['pending:2', 'sent:1']);
    intact();
  });

  it('full disk (SQLITE_FULL): a new article cannot add reminders, the rest are untouched and post; nothing is half-written', async () => {
    const pages = h.db.pragma('page_count', { simple: true }) as number;
    h.db.pragma(`max_page_count = ${pages}`);
    expect(() => h.db.exec('CREATE TABLE filler (x); INSERT INTO filler VALUES (zeroblob(100000))')).toThrow(/full/i);
    const many = Array.from({ length: 200 }, (_, i) => ({ date: `2024-12-${String((i % 28) + 1).padStart(2, '0')}`, description: `Hearing ${i} of a very long inquiry into the harbour accounts`, expression: 'x', sentence: 0 }));
    // Distinct descriptions and dates: one reminder per day at most, so 28 rows.
    h.library.upsert(tracked(article('A long inquiry', many), '/articles/inquiry.txt'));
    await h.reminders.idle();
    // The insert failed as a whole (a transaction): none of the inquiry's reminders exist, the old ones do.
    expect(states()).toEqual(['pending:3']);
    h.clock.set('2024-11-28T09:00:00Z');
    expect(await scan()).toMatchObject({ ok: true });
    expect(posted()).toHaveLength(1);
    // Space again: a resync brings the inquiry's reminders in.
    h.db.pragma('max_page_count = 1073741823');
    await h.reminders.syncLibrary();
    expect(states()).toEqual(['pending:30', 'sent:1']);
    intact();
  });
});
