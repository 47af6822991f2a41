// The whole program in console mode: lines piped into `tsx src/main.ts`, as `npm start` runs it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './answers/helpers';

const temp = mkdtempSync(join(tmpdir(), 'herald-console-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function runMain(input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // No LOG_LEVEL: the console mode's own default (warnings only) must keep stderr quiet.
    const { DISCORD_TOKEN: _token, LOG_LEVEL: _level, ...inherited } = process.env;
    const child = spawn(process.execPath, [resolve(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
      cwd: repoRoot,
      env: { ...inherited, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('npm start without DISCORD_TOKEN', () => {
  it('runs the commands piped in, prints each reply and exits 0', async () => {
    const { code, stdout, stderr } = await runMain('/help\n/when\n/who name:Tasmagambetov\n/articles\n/nope\n', {
      // An empty DISCORD_TOKEN counts as absent (config treats empty as unset); .env cannot put one back.
      DISCORD_TOKEN: '',
      ARTICLES_DIR: resolve(repoRoot, 'data/articles'),
      DATABASE_PATH: join(temp, 'herald.db'),
      HERALD_FAKE_NOW: '2026-11-27T12:00:00Z',
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Herald — local console mode (no DISCORD_TOKEN set): the bot\'s commands run here instead of in Discord.');
    expect(stdout).toContain('Tracking 1 article from ');
    expect(stdout).toContain('\n> /help\nHerald: commands\n');
    expect(stdout).toContain('/when — The dated events of an article, most important first, past or upcoming\n');
    expect(stdout).toContain('\n> /when\nWhen: CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security\n');
    expect(stdout).toContain('\n> /articles\nTracked articles\n');
    expect(stdout).toContain('\n> /nope\nThere is no /nope command. Try /help.\n');
  });
});

describe('npm start that cannot start', () => {
  // Shaped like a Discord bot token (no real one): the scrubber knows it by its shape.
  const TOKEN_LIKE = ['MTExMTExMTExMTExMTExMTExMTEx', 'GAbcde', 'abcdefghijklmnopqrstuvwxyz0123456'].join('.');
  const base = { DISCORD_TOKEN: '', ARTICLES_DIR: resolve(repoRoot, 'data/articles'), DATABASE_PATH: join(temp, 'fatal.db') };

  it('prints a fatal start-up error scrubbed: a token pasted into STATUS_HOST is not echoed', async () => {
    // The status server cannot listen on that "host": the error escapes main() with the host name in it.
    const { code, stderr } = await runMain('', { ...base, STATUS_PORT: '0', STATUS_HOST: TOKEN_LIKE });
    expect(code).toBe(1);
    expect(stderr).toContain('ENOTFOUND');
    expect(stderr).toContain('[redacted]');
    expect(stderr).not.toContain(TOKEN_LIKE);
    expect(stderr).not.toContain('abcdefghijklmnopqrstuvwxyz0123456');
  });

  it('prints an uncaught exception scrubbed, and exits 1', async () => {
    // A preload throws from a timer once Herald's handlers are in place, with a secret of the environment in its message and properties.
    // Only there: tsx's own launcher process loads the preload too and never has the handler, so the timer
    // waits without end (unref'd: it holds no process open). With a time limit the launcher threw Node's own
    // report once a loaded machine took longer than that to start Herald. Without the handler Herald runs on and exits 0.
    const preload = join(temp, 'throw-later.mjs');
    writeFileSync(preload, `const t = setInterval(() => {
  if (process.listenerCount('uncaughtException') === 0) return;
  clearInterval(t);
  throw Object.assign(new Error('request failed with key ' + process.env.NEWS_API_KEY), { header: 'Bot ${TOKEN_LIKE}' });
}, 20);
t.unref();\n`);
    const { code, stderr } = await runMain('', { ...base, NEWS_API_KEY: 'k3y-0f-the-news-api', NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` });
    expect(code).toBe(1);
    expect(stderr).toContain('Herald stopped on an uncaught exception: Error: request failed with key [redacted]');
    expect(stderr).toContain("header: 'Bot [redacted]'");
    expect(stderr).not.toContain('k3y-0f-the-news-api');
    expect(stderr).not.toContain(TOKEN_LIKE);
  });

  it('refuses a FEED_POLL that is no cron schedule as a configuration error, before loading anything', async () => {
    const { code, stderr } = await runMain('', { ...base, FEED_POLL: '61 * * * *' });
    expect(code).toBe(1);
    expect(stderr).toBe('Herald cannot start: the configuration is invalid.\n  - FEED_POLL: expected a cron schedule of five or six fields, such as */10 * * * * (got "61 * * * *")\nSee .env.example for every variable.\n');
  });

  it("shows a server's /status that an unhandled rejection happened, not its message", async () => {
    // A preload rejects once Herald's handlers are in place, with a feed URL in the message (any server's data).
    const preload = join(temp, 'reject-later.mjs');
    writeFileSync(preload, `const t = setInterval(() => {
  if (process.listenerCount('unhandledRejection') === 0) return;
  clearInterval(t);
  Promise.reject(new Error('poll of https://feeds.other-server.example/private failed'));
}, 20);\n`);
    const { stdout } = await runMain('/status\n', { ...base, DATABASE_PATH: join(temp, 'rejection.db'), NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` });
    expect(stdout).toContain('an unexpected internal error (the operator has the details in the log)');
    expect(stdout).not.toContain('other-server.example');
  });

  it("quotes an invalid DATABASE_URL without its password", async () => {
    const { code, stderr } = await runMain('', { ...base, DATABASE_URL: 'postgres://herald:s3cret-pass-word@db host/herald' });
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL: expected a PostgreSQL URL');
    expect(stderr).toContain('postgres://herald:[redacted]@db host/herald');
    expect(stderr).not.toContain('s3cret-pass-word');
  });
});
