import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import { Announcer, type AnnouncerDeps } from '../../src/feeds/announcer';
import { ManualClock } from '../../src/core/clock';

describe('announcement drains started in the background', () => {
  it('log a failing outbox instead of rejecting unhandled, and shutdown can wait for them', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, new Writable({ write: (chunk, _e, done) => { lines.push(String(chunk)); done(); } }));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const store = { outbox: { due: () => { throw new Error('SQLITE_FULL: database or disk is full'); } } };
      const announcer = new Announcer({ store, poster: { post: async () => ({ ok: false, retryable: true, reason: 'x' }) }, clock: new ManualClock('2026-11-27T12:00:00Z'), log } as unknown as AnnouncerDeps);
      announcer.drainInBackground();
      await announcer.idle();
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
      expect(lines.join('')).toContain('announcement drain failed');
      expect(lines.join('')).toContain('SQLITE_FULL');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
