// Red-team scenario: a 600 MB article file ended start-up with ERR_STRING_TOO_LONG, and an 80 MB one
// was re-read every 30 s. Files over ARTICLE_MAX_SIZE are refused before reading, logged once, and
// never stop the other files.
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILE_POLICY, ingestDirectory } from '../../src/articles/ingest';
import { MemoryLibrary } from '../../src/articles/library';
import { ArticlesWatcher } from '../../src/articles/watcher';
import { ManualClock } from '../../src/core/clock';
import { createLogger } from '../../src/core/logger';
import { parseConfig, parseSize } from '../../src/config';
import { SEED_FILE } from '../answers/helpers';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'herald-size-'));
  copyFileSync(SEED_FILE, join(dir, 'seed.txt'));
  // Sparse: 600 MB on paper, nothing on disk. Reading it would need a 600 MB buffer and string.
  writeFileSync(join(dir, 'huge.txt'), 'Huge headline\n');
  truncateSync(join(dir, 'huge.txt'), 600 * 1024 * 1024);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('article files over the size cap', () => {
  it('a 600 MB file is refused before reading, with its size and the limit, and the seed is still ingested', async () => {
    const library = new MemoryLibrary();
    const report = await ingestDirectory(library, dir, new Date('2026-11-27T12:00:00Z'), { workers: 0, policy: DEFAULT_FILE_POLICY });
    expect(report.failed).toEqual([{ file: join(dir, 'huge.txt'), error: 'file is 600 MB, over the 5.0 MB limit (ARTICLE_MAX_SIZE); not read' }]);
    expect(library.size()).toBe(1);
  });

  it('the watcher logs a refused file once, not at every rescan', async () => {
    const lines: string[] = [];
    const library = new MemoryLibrary();
    const watcher = new ArticlesWatcher({
      dir,
      library,
      clock: new ManualClock('2026-11-27T12:00:00Z'),
      log: createLogger('warn', { write: (l: string) => void lines.push(l) }),
      fsWatch: false,
      rescanMs: 0,
    });
    await watcher.start();
    await watcher.scan();
    await watcher.scan();
    await watcher.stop();
    expect(lines.filter((l) => l.includes('huge.txt'))).toHaveLength(1);
    expect(library.size()).toBe(1);
  });

  it('ARTICLE_MAX_SIZE is configurable, 5 MB by default, and a bad value is named', () => {
    expect(parseSize('512KB')).toBe(524_288);
    expect(parseSize('2.5MB')).toBe(2_621_440);
    expect(parseSize('1000')).toBe(1000);
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config.ARTICLE_MAX_SIZE).toBe(5 * 1024 * 1024);
    const bad = parseConfig({ ARTICLE_MAX_SIZE: 'huge' });
    expect(bad.ok ? [] : bad.errors).toEqual(['ARTICLE_MAX_SIZE: expected a size such as 5MB, 512KB or a number of bytes (got "huge")']);
  });
});
