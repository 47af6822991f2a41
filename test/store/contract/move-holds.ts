// The MoveHolds contract (issue 10, finding 3): date moves held for an admin, whichever database holds
// them. Run against SQLite (test/store/holds-sqlite.test.ts) and PostgreSQL (test/postgres/stores.test.ts).
import { describe, expect, it } from 'vitest';
import type { MoveHolds, NewHeldMove } from '../../../src/reminders/holds';

export type OpenMoveHolds = () => Promise<{ holds: MoveHolds; close(): Promise<void> }>;

const at = new Date('2026-11-01T09:00:00Z');
const move = (over: Partial<NewHeldMove> = {}): NewHeldMove => ({
  guildId: '111', olderOrigin: 'csto.txt', eventId: 'e1', newerOrigin: 'https://a.example/1', newerHeadline: 'Approval postponed',
  description: 'approve the plan', from: '2026-11-28', to: '2099-03-15', ...over,
});

export function moveHoldsContract(open: OpenMoveHolds): void {
  describe('MoveHolds contract', () => {
    it('records a move once, lists it for its servers, and lets it be decided once', async () => {
      const { holds, close } = await open();
      try {
        const held = await holds.hold(move(), at);
        expect(held).toMatchObject({ guildId: '111', state: 'held', decidedBy: null, from: '2026-11-28', to: '2099-03-15' });
        expect((await holds.hold(move({ newerHeadline: 'again' }), at)).id).toBe(held.id);
        const operator = await holds.hold(move({ guildId: '' }), at);
        expect((await holds.list(['111'], 'held', 10)).map((m) => m.id)).toEqual([held.id]);
        expect((await holds.list(['111', ''], 'held', 10)).map((m) => m.id)).toEqual([operator.id, held.id]);
        expect(await holds.list([], 'held', 10)).toEqual([]);
        expect(await holds.decide(held.id, 'confirmed', 'admin', at)).toMatchObject({ id: held.id, state: 'confirmed', decidedBy: 'admin' });
        expect(await holds.decide(held.id, 'rejected', 'other', at)).toBeUndefined();
        expect(await holds.get(held.id)).toMatchObject({ state: 'confirmed' });
        expect((await holds.hold(move(), at)).state).toBe('confirmed');
        expect(await holds.get(999_999)).toBeUndefined();
        expect((await holds.list(['111'], 'confirmed', 10)).map((m) => m.id)).toEqual([held.id]);
      } finally {
        await close();
      }
    });
  });
}
