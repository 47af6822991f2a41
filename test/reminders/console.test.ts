// Console mode: a due reminder prints as "[#channel] …" through the console's poster.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { MemoryLibrary } from '../../src/articles/library';
import { ManualClock } from '../../src/core/clock';
import { openDatabase } from '../../src/store/db';
import { SqliteReminderStore } from '../../src/store/reminders-sqlite';
import { ConsolePoster } from '../../src/transports/console/poster';
import { article, tracked } from './fixtures';
import { remindersOn, tempDbPath } from './harness';

describe('reminders in console mode', () => {
  it('print as "[#channel] …" when due, once', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString('utf8')));
    const clock = new ManualClock('2024-11-27T12:00:00Z');
    const library = new MemoryLibrary();
    library.upsert(tracked(article('Budget vote in the council', [{ date: '2024-11-28', description: 'Council to vote on the budget', expression: 'November 28' }])));
    const reminders = remindersOn({
      store: new SqliteReminderStore(openDatabase(tempDbPath())),
      poster: new ConsolePoster(out, clock, (id) => (id === 'console-reminders' ? 'reminders' : undefined)),
      clock,
      library,
    });
    await reminders.start(null);
    await reminders.subscribe('console', 'console-reminders');
    clock.set('2024-11-28T08:59:59Z');
    await reminders.runDue();
    expect(text).toBe('');
    clock.set('2024-11-28T09:00:00Z');
    await reminders.runDue();
    await reminders.runDue();
    expect(text.startsWith('[#reminders] ')).toBe(true);
    expect(text.match(/^\[#/gm)).toHaveLength(1);
    expect(text).toContain('Council to vote on the budget');
    expect(text).toContain('Today: 28 November 2024');
  });
});
