// INTERACTIONS=http as `npm start` wires it: a real child process against the fake Discord, which POSTs
// signed interactions to the port Herald opened. Commands answer, the channel check works without a
// gateway, the status page says "http" and /healthz 200, the process leads the scheduler (SQLite), and
// SIGTERM closes the endpoint cleanly. The token and the configured key never appear in the output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logLines, spawnHerald, until, type Child } from '../../hardening/child';
import { httpHeraldEnv } from './harness';
import { startFakeDiscord, type FakeDiscord } from '../../e2e/fake-discord';

let child: Child | undefined;
let fake: FakeDiscord | undefined;
let dir: string | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('INTERACTIONS=http in the real process', () => {
  it('serves signed interactions, reports its mode and health, and shuts down on SIGTERM', async () => {
    fake = await startFakeDiscord();
    dir = mkdtempSync(join(tmpdir(), 'herald-http-main-'));
    child = spawnHerald({ ...httpHeraldEnv(fake), STATUS_PORT: '0', DATABASE_PATH: join(dir, 'herald.db') });
    const logs = () => logLines(child!.output());
    const endpoint = () => logs().find((l) => l.msg === 'interactions endpoint listening')?.url as string | undefined;
    const status = () => logs().find((l) => l.msg === 'status server listening')?.url as string | undefined;
    await until(() => Boolean(endpoint() && status()), 'the endpoint and the status server to listen', child, 60_000);
    expect(fake.commandWrites).toHaveLength(1); // registered once, over REST, without a gateway
    expect(fake.identifyCount).toBe(0);

    fake.useInteractionsEndpoint(endpoint()!);
    expect(await fake.pingEndpoint()).toEqual({ status: 200, body: { type: 1 } });
    const when = await fake.injectCommand('when');
    expect([when.callbacks.map((c) => c.type), when.final?.embeds.length]).toEqual([[4], 1]);
    // The channel check runs over REST: a channel where Herald may not send is refused, a good one accepted.
    const refused = await fake.injectCommand('remind', { subcommand: 'channel', channel: fake.channels.noSend }, { admin: true });
    expect(refused.final?.content).toBe(`Herald cannot post reminders in <#${fake.channels.noSend}>: Herald is missing Send Messages in <#${fake.channels.noSend}>.`);
    const accepted = await fake.injectCommand('remind', { subcommand: 'channel', channel: fake.channels.reminders }, { admin: true });
    expect(accepted.final?.embeds.length).toBe(1);
    expect(fake.mentionViolations()).toEqual([]);

    const health = await fetch(new URL('/healthz', status()));
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', connected: true, database: true }]);
    const report = (await (await fetch(new URL('/api/status', status()))).json()) as any;
    expect(report).toMatchObject({ mode: 'http', connected: true, servers: null });
    expect((await fetch(new URL('/healthz', endpoint()))).status).toBe(200);
    expect(logs().some((l) => String(l.msg).startsWith('this process is the scheduler leader'))).toBe(true);

    child.kill('SIGTERM');
    const exit = await child.exited;
    expect(exit.code).toBe(0);
    expect(logs().some((l) => l.msg === 'interactions endpoint closed')).toBe(true);
    await expect(fetch(endpoint()!)).rejects.toThrow();
    expect(child.output()).not.toContain(fake.token);
  }, 120_000);

  it('refuses to start over HTTP without the public key, the port or the token, naming each', async () => {
    child = spawnHerald({ INTERACTIONS: 'http', DATABASE_PATH: '/nonexistent/never-opened.db' });
    const exit = await child.exited;
    expect(exit.code).toBe(1);
    for (const name of ['DISCORD_PUBLIC_KEY', 'PORT', 'DISCORD_TOKEN']) expect(child.output()).toContain(`  - ${name}: expected`);
  }, 60_000);
});
