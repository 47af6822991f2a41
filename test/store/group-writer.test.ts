import { describe, expect, it } from 'vitest';
import { GroupWriter } from '../../src/store/postgres/group';

describe('GroupWriter (group commit of small writes)', () => {
  it('sends calls made together as one write, each caller getting its own answer', async () => {
    const writes: number[][] = [];
    const g = new GroupWriter<number, number>(async (xs) => {
      writes.push(xs);
      return xs.map((x) => x * 10);
    }, (x) => x);
    const answers = await Promise.all([1, 2, 3, 4].map((x) => g.run(x)));
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(writes).toEqual([[1, 2, 3, 4]]);
  });

  it('calls made while a write is in flight go together in the next one; one row never twice in a group', async () => {
    const writes: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const g = new GroupWriter<{ id: number; v: string }, string>(async (xs) => {
      writes.push(xs.map((x) => `${x.id}${x.v}`));
      if (writes.length === 1) await gate;
      return xs.map((x) => x.v);
    }, (x) => x.id);
    const first = g.run({ id: 1, v: 'a' });
    await new Promise((r) => setImmediate(r));
    const later = [g.run({ id: 2, v: 'b' }), g.run({ id: 1, v: 'c' }), g.run({ id: 1, v: 'e' }), g.run({ id: 3, v: 'd' })];
    release();
    expect(await Promise.all([first, ...later])).toEqual(['a', 'b', 'c', 'e', 'd']);
    // The second write for row 1 waits for the group after the first one's.
    expect(writes).toEqual([['1a'], ['2b', '1c', '3d'], ['1e']]);
  });

  it('a failed write rejects every call of its group, and later calls still go', async () => {
    let fail = true;
    const g = new GroupWriter<number, number>(async (xs) => {
      if (fail) throw new Error('connection lost');
      return xs;
    }, (x) => x);
    const failed = await Promise.allSettled([g.run(1), g.run(2)]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await g.run(3)).toBe(3);
  });

  it('caps a group at maxGroup', async () => {
    const sizes: number[] = [];
    const g = new GroupWriter<number, number>(async (xs) => {
      sizes.push(xs.length);
      return xs;
    }, (x) => x, 3);
    await Promise.all(Array.from({ length: 7 }, (_, i) => g.run(i)));
    expect(sizes).toEqual([3, 3, 1]);
  });
});
