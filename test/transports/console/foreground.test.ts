// Through the console transport (issue 17): while a command is being answered, a picture being drawn starts
// no new slice; once the answer is printed the gate is free again and the picture is finished.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MemoryLibrary } from '../../../src/articles/library';
import { ManualClock } from '../../../src/core/clock';
import { foreground } from '../../../src/core/foreground';
import { CommandRouter } from '../../../src/core/router';
import { Slicer } from '../../../src/core/slice';
import { Status } from '../../../src/core/status-snapshot';
import { TimelinePictures } from '../../../src/pictures/timeline-picture';
import { defineCommand } from '../../../src/services';
import { runConsole } from '../../../src/transports/console/console';
import { parsedSeed, setup, track } from '../../answers/helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function console_(router: CommandRouter, clock: ManualClock) {
  const dir = mkdtempSync(join(tmpdir(), 'herald-foreground-'));
  dirs.push(dir);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const done = runConsole({ router, input, output, isTTY: false, clock, fileDir: dir });
  return { input, done, text: () => text };
}

describe('the console transport holds the foreground gate while it answers', () => {
  it('a background slice does not start during a command that takes several turns, and resumes after its answer', async () => {
    // Background work: one item a slice (a budget of 0 ms), counted.
    let items = 0;
    let stop = false;
    const slicer = new Slicer(0, foreground, 60_000);
    const background = (async () => {
      while (!stop) {
        items++;
        await slicer.pause();
      }
    })();
    const seen: { busy: boolean; items: number }[] = [];
    // A command whose answer takes several turns of the event loop (as one waiting on I/O would).
    const slow = defineCommand({
      definition: { name: 'slow', description: 'takes turns' },
      args: z.object({}),
      defer: 'none',
      run: async () => {
        for (let turn = 0; turn < 5; turn++) {
          seen.push({ busy: foreground.busy, items });
          await nextTurn();
        }
        return { content: 'done slowly' };
      },
    });
    const clock = new ManualClock('2026-11-27T12:00:00Z');
    const library = new MemoryLibrary();
    const router = new CommandRouter({ commands: [slow], services: { articles: library, status: new Status(clock.now(), library) }, clock, log: pino({ level: 'silent' }) });
    const c = console_(router, clock);
    await nextTurn();
    const before = items;
    expect(before).toBeGreaterThan(0);
    c.input.write('/slow\n');
    await vi.waitFor(() => expect(c.text()).toContain('done slowly'));
    // Every turn of the command saw the gate held and the background no further on than when the command began.
    expect(seen.map((s) => s.busy)).toEqual([true, true, true, true, true]);
    expect(new Set(seen.map((s) => s.items)).size).toBe(1);
    expect(foreground.busy).toBe(false);
    const after = items;
    await nextTurn();
    await nextTurn();
    expect(items).toBeGreaterThan(after);
    stop = true;
    await background;
    c.input.end();
    await c.done;
  });

  it('a command answered while a /timeline picture is drawn releases the gate, and the picture is finished', async () => {
    const { router, clock, services } = setup([track(parsedSeed())], '2026-11-27T12:00:00Z');
    const real = new TimelinePictures();
    let drawing = false;
    let drawn = false;
    services.pictures = {
      render: async (...args: Parameters<TimelinePictures['render']>) => {
        drawing = true;
        const picture = await real.render(...args);
        drawn = true;
        return picture;
      },
    } as TimelinePictures;
    const c = console_(router, clock);
    c.input.write('/timeline\n');
    await vi.waitFor(() => expect(drawing).toBe(true), { interval: 1 });
    expect(drawn).toBe(false);
    c.input.write('/help\n');
    await vi.waitFor(() => expect(c.text()).toMatch(/> \/help\n[\s\S]*\/timeline/));
    expect(foreground.busy).toBe(false);
    c.input.end();
    await c.done;
    expect(drawn).toBe(true);
    expect(c.text()).toContain('Picture written to');
    expect(foreground.busy).toBe(false);
  });
});
