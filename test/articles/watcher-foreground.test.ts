// The start-up load yields to commands (issue 17): while a command is being answered, no new slice of the
// folder's load starts; it goes on once the command is answered.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { ArticlesWatcher } from '../../src/articles/watcher';
import { ManualClock } from '../../src/core/clock';
import { foreground } from '../../src/core/foreground';
import { silent, tempDir } from '../feeds/harness';

const FILES = 300;
const towns = ['Arden', 'Belmora', 'Castell', 'Dunmere', 'Elvaston', 'Farrow'];

afterEach(() => {
  vi.useRealTimers();
});

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextTurn();
}

describe('the folder load and the foreground gate', () => {
  it('starts no slice of the load while a command is being answered, and finishes once it is answered', async () => {
    const dir = tempDir('herald-gated-load-');
    for (let i = 0; i < FILES; i++) {
      const town = towns[i % towns.length];
      writeFileSync(
        join(dir, `article-${i}.txt`),
        `${town} council approves plan number ${i}\n\nThe ${town} council approved plan ${i} on Monday. Mayor Anna Kowal${i} said work starts on ${1 + (i % 28)} March 2027.\n`,
      );
    }
    // The gate's cap is a timer: held still here, so only the command's end lets the load go on.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const library = new MemoryLibrary();
    let done = 0;
    const watcher = new ArticlesWatcher({ dir, library, clock: new ManualClock('2026-11-27T12:00:00Z'), log: silent, fsWatch: false, rescanMs: 0, workers: 0, onProgress: (n) => (done = n) });
    const answered = foreground.enter();
    const loading = watcher.scan();
    await turns(50);
    const held = done;
    await turns(200);
    expect(done).toBe(held);
    expect(held).toBeLessThan(FILES);
    answered();
    await loading;
    expect(done).toBe(FILES);
    expect(library.size()).toBe(FILES);
    await watcher.stop();
  });
});
