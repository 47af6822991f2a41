// Start-up of a large library as a user runs it (src/main.ts, console mode, piped input): the library
// loads in slices, so a command sent mid-load is answered within a second from what is loaded (saying
// so), and SIGTERM in the middle of the load exits cleanly within 5 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLibrary } from '../../bench/scale-library';
import { logLines, spawnHerald, until, type Child } from './child';

const ARTICLES = 3_000;
let dir: string;
const children: Child[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'herald-startup-'));
  writeLibrary(join(dir, 'articles'), ARTICLES, new Date('2026-11-27T12:00:00Z'));
});

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Sends one line and resolves with the text after its echo once `done` matches it, and the latency. */
async function ask(herald: Child, line: string, done: RegExp): Promise<{ ms: number; text: string }> {
  const from = herald.output().length;
  const sent = performance.now();
  herald.write(`${line}\n`);
  let text = '';
  await until(() => {
    const out = herald.output().slice(from);
    const at = out.indexOf(`> ${line}\n`);
    text = at >= 0 ? out.slice(at) : '';
    return done.test(text);
  }, `the reply to ${line}`, herald, 60_000);
  return { ms: performance.now() - sent, text };
}

describe(`start-up with ${ARTICLES} article files and an empty database (everything parsed)`, () => {
  it('answers commands within 1 s while loading, says it is still loading, and exits within 5 s on SIGTERM mid-load', async () => {
    const herald = spawnHerald(
      {
        ARTICLES_DIR: join(dir, 'articles'),
        DATABASE_PATH: join(dir, 'herald.db'),
        HERALD_FAKE_NOW: '2026-11-27T12:00:00Z',
        REMINDER_CHANNEL_ID: '100000000000000001',
        LOG_LEVEL: 'info',
      },
      { stdin: 'pipe' },
    );
    children.push(herald);
    await until(() => /Loading articles from .* files read so far/.test(herald.output()), 'the console banner saying the library is loading', herald, 120_000);

    const status = await ask(herald, '/status', /Articles tracked\s+\d+ \(still loading: [\d,]+ of 3,000 files read\)/);
    expect(status.ms).toBeLessThan(1_000);
    const articles = await ask(herald, '/articles', /Tracked articles/);
    expect(articles.ms).toBeLessThan(1_000);
    expect(articles.text).toMatch(/Still loading articles \([\d,]+ of 3,000 files read\): this answer covers those loaded so far/);
    const missing = await ask(herald, '/when article:no such headline anywhere', /No such article/);
    expect(missing.text).toContain('Herald is still loading its articles');

    // Still mid-load: the folder has not finished (no "articles folder loaded" yet).
    expect(logLines(herald.output()).some((l) => l.msg === 'articles folder loaded')).toBe(false);
    const signalled = performance.now();
    herald.kill('SIGTERM');
    const exit = await herald.exited;
    expect(exit.at - signalled).toBeLessThan(5_000);
    expect(exit.code).toBe(0);
    expect(logLines(herald.output()).some((l) => l.msg === 'shut down cleanly')).toBe(true);
  }, 240_000);
});
