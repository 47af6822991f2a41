import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/core/in-flight';

describe('InFlight', () => {
  it('keeps work until it settles, and drain waits for it and then turns new work away', async () => {
    const work = new InFlight();
    let finish!: () => void;
    work.track(new Promise<void>((r) => (finish = r)));
    expect([work.size, work.accepting]).toEqual([1, true]);
    let drained = false;
    const draining = work.drain(10_000).then(() => (drained = true));
    expect(work.accepting).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);
    finish();
    await draining;
    expect([work.size, drained]).toEqual([0, true]);
  });

  it('drain gives up at its deadline when work never settles', async () => {
    const work = new InFlight();
    work.track(new Promise<void>(() => undefined));
    const started = performance.now();
    await work.drain(50);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(work.size).toBe(1);
  });
});
