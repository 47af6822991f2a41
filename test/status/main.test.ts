// The status server as `npm start` wires it: a real child process (console mode) with STATUS_PORT and
// STATUS_TOKEN serves /healthz, the page's JSON and /metrics, counts the commands typed into it, and
// closes with the process at the end of its input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logLines, repoRoot, spawnHerald, until, type Child } from '../hardening/child';

let child: Child | undefined;
let dir: string | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const TOKEN = 'child-status-token-0123456789';

describe('status server in the real process', () => {
  it('serves health, status and metrics behind STATUS_TOKEN and stops at the end of input', async () => {
    dir = mkdtempSync(join(tmpdir(), 'herald-status-main-'));
    child = spawnHerald(
      {
        STATUS_PORT: '0',
        STATUS_TOKEN: TOKEN,
        LOG_LEVEL: 'info',
        ARTICLES_DIR: resolve(repoRoot, 'data/articles'),
        DATABASE_PATH: join(dir, 'herald.db'),
        HERALD_FAKE_NOW: '2026-11-27T12:00:00Z',
      },
      { stdin: 'pipe' },
    );
    const url = () => logLines(child!.output()).find((l) => l.msg === 'status server listening')?.url as string | undefined;
    await until(() => Boolean(url()), 'the status server to listen', child, 60_000);
    child.write('/status\n/when\n');
    await until(() => child!.output().includes('> /when'), 'the console to answer', child, 60_000);
    const auth = { authorization: `Bearer ${TOKEN}` };

    const health = await fetch(new URL('/healthz', url()));
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', connected: true, database: true }]);
    expect((await fetch(new URL('/api/status', url()))).status).toBe(401);
    const report = (await (await fetch(new URL('/api/status', url()), { headers: auth })).json()) as any;
    expect(report).toMatchObject({ mode: 'console', connected: true, servers: null, articlesTracked: 1, lastErrors: [] });
    const metrics = await (await fetch(new URL('/metrics', url()), { headers: auth })).text();
    expect(metrics).toContain('herald_commands_total{command="status",outcome="ok"} 1');
    expect(metrics).toContain('herald_commands_total{command="when",outcome="ok"} 1');
    expect(metrics).toMatch(/herald_ingestion_duration_seconds_count\{source="startup"\} 1/);
    expect(metrics).toContain('herald_process_resident_memory_bytes');
    expect(child.output()).not.toContain(TOKEN);

    child.child.stdin!.end();
    const exit = await child.exited;
    expect(exit.code).toBe(0);
    await expect(fetch(new URL('/healthz', url()))).rejects.toThrow();
  }, 120_000);
});
