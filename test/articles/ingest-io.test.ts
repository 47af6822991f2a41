// The file system work of one new article file (issue 17: after the watcher's debounce every call runs on
// cold caches): it is opened and fstat'ed once, never lstat'ed or stat'ed by path first.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const calls: { fn: string; arg: unknown }[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const counted = <F extends (...args: never[]) => unknown>(fn: string, f: F) =>
    ((...args: Parameters<F>) => {
      calls.push({ fn, arg: args[0] });
      return f(...args);
    }) as F;
  return { ...fs, lstatSync: counted('lstatSync', fs.lstatSync), statSync: counted('statSync', fs.statSync), fstatSync: counted('fstatSync', fs.fstatSync) };
});

const { ManualClock } = await import('../../src/core/clock');
const { MemoryLibrary } = await import('../../src/articles/library');
const { ArticlesWatcher } = await import('../../src/articles/watcher');
const { ingestFile } = await import('../../src/articles/ingest');
const { eventually, silent, tempDir } = await import('../feeds/harness');

const text = (headline: string) => `${headline}\n\nThe harbour board approved the northern quay on Monday. Work starts on 3 March 2025.\n`;
const stats = (file: string) => calls.filter((c) => c.fn === 'fstatSync' || c.arg === file).map((c) => c.fn);

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('one new article file', () => {
  it('the watcher opens it and takes its stamp with one fstat: no stat of its path', async () => {
    const dir = join(tempDir('herald-io-'), 'articles');
    mkdirSync(dir);
    const library = new MemoryLibrary();
    const watcher = new ArticlesWatcher({ dir, library, clock: new ManualClock('2024-11-27T10:00:00Z'), log: silent, debounceMs: 20, rescanMs: 0 });
    stop = () => watcher.stop();
    await watcher.start();
    const file = join(dir, 'harbour.txt');
    calls.length = 0;
    writeFileSync(file, text('Harbour board approves new quay'));
    await eventually(() => library.byOriginPath(file) !== undefined);
    await watcher.idle();
    expect(stats(file)).toEqual(['fstatSync']);
  });

  it('a link, a folder and a missing file are still told apart as before', async () => {
    const dir = join(tempDir('herald-io-'), 'articles');
    mkdirSync(dir);
    const library = new MemoryLibrary();
    const now = new Date('2024-11-27T10:00:00Z');
    writeFileSync(join(dir, 'real.txt'), text('Harbour board approves new quay'));
    symlinkSync(join(dir, 'real.txt'), join(dir, 'link.txt'));
    mkdirSync(join(dir, 'folder.txt'));
    expect(await ingestFile(library, join(dir, 'link.txt'), now)).toEqual({ error: expect.stringMatching(/^symbolic link refused/) });
    expect(await ingestFile(library, join(dir, 'link.txt'), now, { policy: { links: 'inside', maxBytes: 1 << 20 } })).toBe('added');
    expect(await ingestFile(library, join(dir, 'gone.txt'), now)).toEqual({ error: expect.stringMatching(/ENOENT/) });
    expect(await ingestFile(library, join(dir, 'folder.txt'), now)).toEqual({ error: 'not a regular file' });
  });
});
