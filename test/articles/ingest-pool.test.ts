// A folder load on a parse worker thread (src/articles/ingest.ts): reading stays at most a window of
// files ahead of settling them, so a cold load of thousands of files never holds all their texts or
// parsed articles at once; what a worker parses settles exactly as a parse on the main thread would,
// cache rows included; a worker that cannot run leaves its files to the main thread. The worker is the
// compiled one `npm start` runs (vitest starts no TypeScript loader in a worker thread).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain JavaScript module without types
import { build } from '../../scripts/build.mjs';
import { ingestDirectory, LOAD_WINDOW, type IngestFilesOptions } from '../../src/articles/ingest';
import { MemoryLibrary } from '../../src/articles/library';
import { openDatabase } from '../../src/store/db';
import { SqliteArticleCache } from '../../src/store/article-cache';
import { repoRoot } from '../answers/helpers';

const NOW = new Date('2026-11-27T12:00:00Z');
const TOWNS = ['Eastbay', 'Kestrel Bay', 'Northport', 'Wexmoor', 'Hallam', 'Orrin'];
const PEOPLE = ['Marta Lindgren', 'Tomas Reyes', 'Ines Calder', 'Oskar Brandt', 'Leila Haddon', 'Jonas Varga', 'Priya Nandan'];

/** A short report of Herald's own, varied by `i`: a board, its chair, a quote, a date and a sum. */
function report(i: number): string {
  const town = TOWNS[i % TOWNS.length];
  const chair = PEOPLE[i % PEOPLE.length];
  return [
    `${town} board ${i} delays vote on ferry terminal`,
    '',
    `The ${town} Harbour Board has postponed its vote on a new ferry terminal until ${1 + (i % 28)} March 2027, its chair, ${chair}, said on Tuesday.`,
    '',
    `"We need another month to read the study," ${chair.split(' ')[1]} told reporters in ${town}. The terminal would cost ${10 + i} million euros, according to the board.`,
    '',
  ].join('\n');
}

let out: string;
let workerUrl: URL;
let dir: string;
const FILES = 150;

beforeAll(async () => {
  // Inside the checkout, so the build finds the packages in node_modules as dist/ does.
  out = mkdtempSync(join(repoRoot, 'node_modules', '.herald-pool-test-'));
  await build(out);
  workerUrl = pathToFileURL(join(out, 'parse-worker.js'));
  dir = mkdtempSync(join(tmpdir(), 'herald-pool-'));
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `report-${String(i).padStart(3, '0')}.txt`), report(i));
  // Windows "Unicode": UTF-16LE with a byte-order mark (its encoding is kept in the article).
  writeFileSync(join(dir, 'report-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report(999), 'utf16le')]));
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** Ingests `dir`, counting how many files were read and not yet settled at any moment. */
async function load(options: IngestFilesOptions) {
  const library = new MemoryLibrary();
  let read = 0;
  let settled = 0;
  let mostAhead = 0;
  const result = await ingestDirectory(library, dir, NOW, {
    ...options,
    onRead: () => {
      read++;
      mostAhead = Math.max(mostAhead, read - settled);
    },
    onFile: () => settled++,
  });
  return { library, result, read, mostAhead };
}

describe('a folder load on a parse worker', () => {
  it('reads at most `window` files ahead of settling them', async () => {
    const small = await load({ workers: 1, workerUrl, window: 4 });
    expect(small.result.added).toHaveLength(FILES + 1);
    expect(small.result.onWorkers).toBe(FILES + 1);
    expect(small.read).toBe(FILES + 1);
    expect(small.mostAhead).toBeLessThanOrEqual(4);
    const byDefault = await load({ workers: 1, workerUrl });
    expect(byDefault.result.onWorkers).toBe(FILES + 1);
    expect(byDefault.mostAhead).toBeLessThanOrEqual(LOAD_WINDOW);
  }, 60_000);

  it('settles what the worker parsed as a parse on this thread would: same library, same cache rows', async () => {
    const rows = (db: ReturnType<typeof openDatabase>) =>
      Object.fromEntries((db.prepare('SELECT origin, content_hash, article_json FROM article_cache').all() as { origin: string; content_hash: string; article_json: string }[]).map((r) => [r.origin, r]));
    const here = openDatabase(':memory:');
    const there = openDatabase(':memory:');
    try {
      const onThread = await load({ workers: 0, cache: new SqliteArticleCache(here, 'p') });
      const onWorker = await load({ workers: 1, workerUrl, cache: new SqliteArticleCache(there, 'p') });
      expect(onThread.result.onWorkers).toBe(0);
      expect(onWorker.result.onWorkers).toBe(FILES + 1);
      expect(onWorker.library.list().map((t) => t.article)).toEqual(onThread.library.list().map((t) => t.article));
      expect(onWorker.library.list().find((t) => t.origin.endsWith('report-utf16.txt'))?.article.encoding).toBe('UTF-16LE');
      expect(Object.keys(rows(there))).toHaveLength(FILES + 1);
      expect(rows(there)).toEqual(rows(here));
    } finally {
      here.close();
      there.close();
    }
  }, 60_000);

  it('parses on this thread what no worker can (one that runs out of heap at once)', async () => {
    const starved = await load({ workers: 1, workerUrl, workerHeapMb: 1 });
    expect(starved.result.added).toHaveLength(FILES + 1);
    expect(starved.result.failed).toEqual([]);
    expect(starved.result.onWorkers).toBeLessThan(FILES + 1);
  }, 60_000);

  it('stops between files when aborted', async () => {
    const stop = new AbortController();
    let settled = 0;
    const result = await ingestDirectory(new MemoryLibrary(), dir, NOW, {
      workers: 1,
      workerUrl,
      signal: stop.signal,
      onFile: () => {
        if (++settled === 10) stop.abort();
      },
    });
    expect(result.added.length).toBeGreaterThanOrEqual(10);
    expect(result.added.length).toBeLessThan(FILES);
  }, 60_000);
});
