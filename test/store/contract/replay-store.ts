// The ReplayStore contract (issue 14): an interaction id is received once within its window, whichever
// database holds the record — and, for a database replicas share, whichever of them asks. Run against
// SQLite (test/store/replays-sqlite.test.ts) and PostgreSQL with two processes (test/postgres/stores.test.ts).
import { describe, expect, it } from 'vitest';
import type { ReplayStore } from '../../../src/transports/http/replays';

/** Two handles on one database (two replicas); on SQLite both may be the same store. */
export type OpenReplayStores = () => Promise<{ a: ReplayStore; b: ReplayStore; close(): Promise<void> }>;

const T = Date.UTC(2026, 10, 1, 9);
const WINDOW = 120_000;

export function replayStoreContract(open: OpenReplayStores): void {
  describe('ReplayStore contract', () => {
    it('answers true the first time an id comes, false for it again within the window, from either handle', async () => {
      const { a, b, close } = await open();
      try {
        expect(await a.firstTime('1001', T, T + WINDOW)).toBe(true);
        expect(await a.firstTime('1001', T + 1, T + 1 + WINDOW)).toBe(false);
        expect(await b.firstTime('1001', T + 2, T + 2 + WINDOW)).toBe(false);
        expect(await b.firstTime('1002', T + 3, T + 3 + WINDOW)).toBe(true);
        expect(await a.firstTime('1002', T + 4, T + 4 + WINDOW)).toBe(false);
        // After its window the id counts as new (its signature's timestamp is refused long before that).
        expect(await b.firstTime('1001', T + WINDOW, T + 2 * WINDOW)).toBe(true);
        expect(await a.firstTime('1001', T + WINDOW + 1, T + 2 * WINDOW + 1)).toBe(false);
      } finally {
        await close();
      }
    });

    it('lets exactly one of many simultaneous arrivals of one id through', async () => {
      const { a, b, close } = await open();
      try {
        const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).firstTime('2001', T, T + WINDOW)));
        expect(answers.filter(Boolean)).toHaveLength(1);
      } finally {
        await close();
      }
    });

    it('takes an expired id as new and keeps live ones through the clearing of expired ones', async () => {
      const { a, close } = await open();
      try {
        for (let i = 0; i < 50; i++) expect(await a.firstTime(`old${i}`, T, T + WINDOW)).toBe(true);
        expect(await a.firstTime('live', T + WINDOW - 1, T + 2 * WINDOW)).toBe(true);
        // Much later: the prune runs; the live one (still in its window) is kept.
        expect(await a.firstTime('later', T + WINDOW + 1, T + 2 * WINDOW + 1)).toBe(true);
        expect(await a.firstTime('live', T + WINDOW + 2, T + 2 * WINDOW + 2)).toBe(false);
        expect(await a.firstTime('old7', T + WINDOW + 3, T + 2 * WINDOW + 3)).toBe(true);
      } finally {
        await close();
      }
    });
  });
}
