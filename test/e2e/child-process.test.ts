// The fake Discord with Herald as a real child process (`src/main.ts`), killed with SIGKILL and restarted:
// the fake keeps all state, the bot reconnects, answers, and does not re-register unchanged commands.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';
import { repoRoot } from './bot-harness';

let fake: FakeDiscord;
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  dir = mkdtempSync(join(tmpdir(), 'herald-e2e-'));
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function startHerald(): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.guildId,
      DATABASE_PATH: join(dir, 'herald.db'),
      LOG_LEVEL: 'info',
      REMINDER_CHANNEL_ID: '',
      FEEDS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  children.push(child);
  return { child, output: () => output };
}

async function until(check: () => boolean, what: string, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('Herald as a child process against the fake Discord', () => {
  it('connects, registers once, answers, survives SIGKILL and restart', async () => {
    const first = startHerald();
    await until(() => /slash commands (registered|unchanged)/.test(first.output()), 'the first start to sync', first.output);
    expect(fake.commandWrites).toHaveLength(1);
    const answered = await fake.injectCommand('brief');
    expect(answered.reply?.embeds.length).toBe(1);

    first.child.kill('SIGKILL');
    await until(() => first.child.signalCode === 'SIGKILL' && fake.connectedCount() === 0, 'the socket to close', first.output);

    const second = startHerald();
    await until(() => /slash commands (registered|unchanged)/.test(second.output()), 'the second start to sync', second.output);
    expect(second.output()).toMatch(/slash commands unchanged/);
    expect(fake.commandWrites).toHaveLength(1);
    expect(fake.identifyCount).toBe(2);
    expect((await fake.injectCommand('when')).reply?.embeds.length).toBe(1);
    expect(first.output() + second.output()).not.toContain(fake.token);
    expect(fake.mentionViolations()).toEqual([]);
    second.child.kill('SIGTERM');
    await until(() => second.child.exitCode !== null || second.child.signalCode !== null, 'a clean exit', second.output);
    expect(second.child.exitCode).toBe(0);
  }, 180_000);
});
