import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { z } from 'zod';
import { CommandRouter } from '../../src/core/router';
import { defineCommand } from '../../src/services';
import { ManualClock } from '../../src/core/clock';
import { MemoryLibrary } from '../../src/articles/library';
import { Status } from '../../src/core/status-snapshot';
import status from '../../commands/status';

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

const question = defineCommand({
  definition: { name: 'question', description: 'needs a question' },
  args: z.object({ question: z.string().min(1), count: z.number().int().max(5).optional() }),
  defer: 'none',
  run: ({ question: q }) => ({ content: q }),
});

describe('CommandRouter', () => {
  it('says which required option is missing, in plain words, and keeps the validator\'s words for a wrong value', async () => {
    const clock = new ManualClock('2026-11-27T12:00:00Z');
    const library = new MemoryLibrary();
    const r = new CommandRouter({ commands: [question], services: { articles: library, status: new Status(clock.now(), library) }, clock, log: pino({ level: 'silent' }) });
    const who = caller(false);
    expect((await r.run({ command: 'question', options: {}, caller: who })).content).toBe("That didn't work: `question` is missing. See /help question.");
    expect((await r.run({ command: 'question', options: { question: '' }, caller: who })).content).toBe("That didn't work: `question` is missing. See /help question.");
    expect((await r.run({ command: 'question', options: { question: 'why?', count: 9 }, caller: who })).content).toMatch(/^That didn't work: `count`: .*5/);
    expect((await r.run({ command: 'question', options: { question: 'why?' }, caller: who })).content).toBe('why?');
  });

  it('refuses an admin command to a member without Manage Server, and suggests nothing to them', async () => {
    const r = router();
    expect(await r.run({ command: 'secret', options: {}, caller: caller(false) })).toEqual({ content: '/secret needs the Manage Server permission.', ephemeral: true });
    expect(await r.autocomplete({ command: 'secret', options: {}, caller: caller(false), focused: 'url', value: '' })).toEqual([]);
    expect(await r.autocomplete({ command: 'secret', options: {}, caller: caller(true), focused: 'url', value: '' })).toHaveLength(1);
  });

  it('logs "command answered" with the invocation and its latency only after the reply is returned, and makes no child logger for a command that does not log', async () => {
    const clock = new ManualClock('2026-11-27T12:00:00Z');
    const library = new MemoryLibrary();
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    let children = 0;
    const child = log.child.bind(log);
    log.child = ((...args: Parameters<typeof log.child>) => (children++, child(...args))) as typeof log.child;
    const logs = defineCommand({
      definition: { name: 'logs', description: 'logs a line of its own' },
      args: z.object({}),
      defer: 'none',
      run: (_args, ctx) => (ctx.log.warn('own line'), { content: 'logged' }),
    });
    const r = new CommandRouter({ commands: [question, logs], services: { articles: library, status: new Status(clock.now(), library) }, clock, log });
    const reply = await r.run({ command: 'question', options: { question: 'why?' }, caller: caller(false), interactionId: 'i-1' });
    expect(reply.content).toBe('why?');
    // Not yet: the line is written once the transport has had the reply.
    expect(lines).toEqual([]);
    await new Promise((done) => setImmediate(done));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'command answered', command: 'question', userId: '1', interactionId: 'i-1' });
    expect(typeof lines[0].latencyMs).toBe('number');
    expect(children).toBe(0);
    // A command that logs gets its child logger, with the same fields.
    await r.run({ command: 'logs', options: {}, caller: caller(false), interactionId: 'i-2' });
    expect(children).toBe(1);
    expect(lines[1]).toMatchObject({ level: 40, msg: 'own line', command: 'logs', userId: '1', interactionId: 'i-2' });
  });

  it("shows a server's command failure in that server's /status only: another server and DMs see none, the status page all", async () => {
    const clock = new ManualClock('2026-11-27T12:00:00Z');
    const library = new MemoryLibrary();
    const state = new Status(clock.now(), library);
    const failing = defineCommand({
      definition: { name: 'fails', description: 'fails with its server\'s data' },
      args: z.object({}),
      defer: 'none',
      run: () => {
        throw new Error('could not read https://private-feed.server-b.example/rss');
      },
    });
    const r = new CommandRouter({ commands: [failing, status], services: { articles: library, status: state }, clock, log: pino({ level: 'silent' }) });
    const inServer = (guildId: string | null) => ({ userId: '1', guildId, channelId: '3', canManageGuild: false });
    await r.run({ command: 'fails', options: {}, caller: inServer('B') });
    const lastError = async (guildId: string | null) => JSON.stringify((await r.run({ command: 'status', options: {}, caller: inServer(guildId) })).embeds);
    expect(await lastError('B')).toContain('private-feed.server-b.example');
    expect(await lastError('A')).not.toContain('private-feed.server-b.example');
    expect(await lastError(null)).not.toContain('private-feed.server-b.example');
    expect(state.recentErrors().map((e) => e.message)).toEqual(['could not read https://private-feed.server-b.example/rss']);
    // An error of the process itself (no server's) is everyone's, as before.
    state.recordError({ message: 'Posting stopped: 401' }, clock.now());
    expect(await lastError('A')).toContain('Posting stopped');
  });
});
