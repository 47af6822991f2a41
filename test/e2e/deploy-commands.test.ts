// `npm run deploy-commands` as a child process against the fake Discord (REST only, DISCORD_API_URL honoured).
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';
import { repoRoot } from './bot-harness';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

function deploy(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/deploy-commands.ts'],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('deploy-commands', () => {
  it('registers the commands from commands/index.ts in the guild, over REST only', async () => {
    const out = await deploy({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guildId });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const names = commands.map((c) => c.definition.name);
    expect(out.stdout).toBe(`Registered ${names.length} slash commands in server ${fake.guildId}: ${names.map((n) => `/${n}`).join(', ')}\n`);
    expect(fake.commands(fake.guildId).map((c) => c.name)).toEqual(names);
    expect(fake.identifyCount).toBe(0);
    expect(out.stdout + out.stderr).not.toContain(fake.token);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const out = await deploy({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/slash commands globally: \/brief/);
    expect(fake.commands().length).toBe(commands.length);
  });

  it('says clearly that DISCORD_TOKEN is missing', async () => {
    const out = await deploy({ DISCORD_API_URL: fake.apiUrl });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('deploy-commands: DISCORD_TOKEN is not set. Put your bot token in .env (DISCORD_TOKEN=...) or the environment, then run this again.\n');
  });

  it('reports a rejected token without printing it', async () => {
    const wrong = 'wrong.token.that.is.long.enough';
    const out = await deploy({ DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.apiUrl });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('deploy-commands: Discord rejected the token (401 Unauthorized). Check DISCORD_TOKEN.\n');
    expect(out.stderr).not.toContain(wrong);
  });
});
