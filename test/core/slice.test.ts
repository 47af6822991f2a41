import { afterEach, describe, expect, it, vi } from 'vitest';
import { Slicer } from '../../src/core/slice';

afterEach(() => vi.restoreAllMocks());

describe('Slicer', () => {
  it('is due once its budget is used, and turn() gives the event loop a turn and starts a new slice', async () => {
    let now = 100;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const slicer = new Slicer(2);
    expect(slicer.due()).toBe(false);
    now = 101.9;
    expect(slicer.due()).toBe(false);
    now = 102;
    expect(slicer.due()).toBe(true);
    let other = false;
    setImmediate(() => (other = true));
    await slicer.turn();
    expect(other).toBe(true);
    expect(slicer.due()).toBe(false);
  });

  it('pause() yields only when the slice is used up', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const slicer = new Slicer(5);
    let turns = 0;
    const count = () => {
      turns++;
    };
    setImmediate(count);
    await slicer.pause();
    expect(turns).toBe(0);
    now = 5;
    await slicer.pause();
    expect(turns).toBe(1);
  });
});
