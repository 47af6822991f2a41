import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { z } from 'zod';
import { CommandRouter } from '../../src/core/router';
import { defineCommand } from '../../src/services';
import { ManualClock } from '../../src/core/clock';
import { MemoryLibrary } from '../../src/articles/library';
import { Status } from '../../src/core/status-snapshot';

const secretFeeds = defineCommand({
  definition: { name: 'secret', description: 'admin only', default_member_permissions: '32' },
  args: z.object({}),
  defer: 'none',
  adminOnly: true,
  guildOnly: true,
  run: () => ({ content: 'ok' }),
  autocomplete: () => [{ name: 'https://intranet.example/feed', value: 'https://intranet.example/feed' }],
});

function router() {
  const clock = new ManualClock('2026-11-27T12:00:00Z');
  const library = new MemoryLibrary();
  return new CommandRouter({ commands: [secretFeeds], services: { articles: library, status: new Status(clock.now(), library) }, clock, log: pino({ level: 'silent' }) });
}

const caller = (canManageGuild: boolean) => ({ userId: '1', guildId: '2', channelId: '3', canManageGuild });

describe('CommandRouter', () => {
  it('refuses an admin command to a member without Manage Server, and suggests nothing to them', async () => {
    const r = router();
    expect(await r.run({ command: 'secret', options: {}, caller: caller(false) })).toEqual({ content: '/secret needs the Manage Server permission.', ephemeral: true });
    expect(await r.autocomplete({ command: 'secret', options: {}, caller: caller(false), focused: 'url', value: '' })).toEqual([]);
    expect(await r.autocomplete({ command: 'secret', options: {}, caller: caller(true), focused: 'url', value: '' })).toHaveLength(1);
  });
});
