// The foreground gate (issue 17): background slices wait while a command is being answered, up to a cap.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ForegroundGate, type After } from '../../src/core/foreground';
import { Slicer } from '../../src/core/slice';

/** Timers the test fires by hand: `after` records them, `fire` runs the ones not cancelled. */
function manualTimers() {
  const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const after: After = (ms, run) => {
    const timer = { ms, run, cancelled: false };
    timers.push(timer);
    return () => (timer.cancelled = true);
  };
  const live = () => timers.filter((t) => !t.cancelled);
  const fire = () => {
    for (const t of live()) {
      t.cancelled = true;
      t.run();
    }
  };
  return { after, live, fire };
}

/** A background job of `items` steps through a slicer that ends its slice after every step; `done` counts them. */
function background(slicer: Slicer, items: number) {
  const progress = { done: 0, finished: false };
  const job = (async () => {
    for (let i = 0; i < items; i++) {
      progress.done++;
      await slicer.pause();
    }
    progress.finished = true;
  })();
  return { progress, job };
}

/** Lets every pending turn of the event loop (setImmediate) and promise run. */
async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await nextTurn();
}

describe('ForegroundGate', () => {
  it('is idle at first, so waiting for it resolves at once', async () => {
    const gate = new ForegroundGate(manualTimers().after);
    expect(gate.busy).toBe(false);
    let resolved = false;
    void gate.idle(20).then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(true);
  });

  it('is busy until every command that entered has been released, and a second release does nothing', () => {
    const gate = new ForegroundGate(manualTimers().after);
    const first = gate.enter();
    const second = gate.enter();
    first();
    first();
    expect(gate.busy).toBe(true);
    second();
    expect(gate.busy).toBe(false);
  });

  it('wakes a waiter when the last command ends, and cancels its cap timer', async () => {
    const timers = manualTimers();
    const gate = new ForegroundGate(timers.after);
    const release = gate.enter();
    let woke = false;
    void gate.idle(20).then(() => (woke = true));
    expect(timers.live().map((t) => t.ms)).toEqual([20]);
    await settle();
    expect(woke).toBe(false);
    release();
    await Promise.resolve();
    expect(woke).toBe(true);
    expect(timers.live()).toEqual([]);
  });

  it('wakes a waiter after the cap even while a command is still being answered', async () => {
    const timers = manualTimers();
    const gate = new ForegroundGate(timers.after);
    gate.enter();
    let woke = false;
    void gate.idle(20).then(() => (woke = true));
    await settle();
    expect(woke).toBe(false);
    timers.fire();
    await Promise.resolve();
    expect(woke).toBe(true);
    expect(gate.busy).toBe(true);
  });

  it('releases the gate when the held work throws, and passes the error on', async () => {
    const gate = new ForegroundGate(manualTimers().after);
    const failing = gate.hold(async () => {
      expect(gate.busy).toBe(true);
      throw new Error('bug in a command');
    });
    await expect(failing).rejects.toThrow('bug in a command');
    expect(gate.busy).toBe(false);
    expect(await gate.hold(() => 7)).toBe(7);
    expect(gate.busy).toBe(false);
  });
});

describe('Slicer with a foreground gate', () => {
  it('starts no slice while a command is being answered, and resumes when it ends', async () => {
    const timers = manualTimers();
    const gate = new ForegroundGate(timers.after);
    const { progress, job } = background(new Slicer(0, gate, 20), 10);
    expect(progress.done).toBe(1);
    const release = gate.enter();
    await settle(20);
    // The slice under way ended; the next waits for the command.
    expect(progress.done).toBe(1);
    release();
    await job;
    expect(progress.done).toBe(10);
    expect(progress.finished).toBe(true);
  });

  it('runs a slice once the cap has passed, however long the command takes, then waits again', async () => {
    const timers = manualTimers();
    const gate = new ForegroundGate(timers.after);
    const release = gate.enter();
    const { progress, job } = background(new Slicer(0, gate, 20), 3);
    await settle(20);
    expect(progress.done).toBe(1);
    timers.fire();
    await settle(20);
    expect(progress.done).toBe(2);
    timers.fire();
    await settle(20);
    expect(progress.done).toBe(3);
    expect(timers.live().map((t) => t.ms)).toEqual([20]);
    release();
    await job;
    expect(progress.finished).toBe(true);
  });

  it('runs on within a slice that has budget left, whatever the gate', async () => {
    const gate = new ForegroundGate(manualTimers().after);
    gate.enter();
    const { progress, job } = background(new Slicer(60_000, gate, 20), 50);
    await job;
    expect(progress.done).toBe(50);
  });

  it('without a gate only takes turns: a command being answered holds nothing back', async () => {
    const gate = new ForegroundGate(manualTimers().after);
    gate.enter();
    const { progress, job } = background(new Slicer(0), 10);
    await job;
    expect(progress.done).toBe(10);
  });
});
