// Runs Herald (src/main.ts) as a real child process against the fake Discord and one database file.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { FakeDiscord } from '../e2e/fake-discord';

export const repoRoot = resolve(__dirname, '../..');

export interface HeraldProcess {
  child: ChildProcess;
  /** stderr (JSON log lines) and stdout so far. */
  output(): string;
  /** Log lines whose msg equals `msg`. */
  logs(msg: string): Record<string, unknown>[];
  /** Resolves as soon as a log line with this msg arrives (checked on every chunk, no polling). */
  nextLog(msg: string): Promise<void>;
  /** Resolves with the exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
}

export interface HeraldEnv {
  /** Without a fake Discord, Herald runs in console mode (no DISCORD_TOKEN). */
  fake?: FakeDiscord;
  dbPath: string;
  channelId: string;
  now: string;
  crashPoint?: 'claimed' | 'sent' | 'recorded' | 'random';
  /** PostgreSQL instead of the SQLite file at dbPath. */
  databaseUrl?: string;
  grace?: string;
}

export function startHerald(o: HeraldEnv): HeraldProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...(o.fake ? { DISCORD_TOKEN: o.fake.token, DISCORD_API_URL: o.fake.apiUrl } : {}),
    DATABASE_PATH: o.dbPath,
    REMINDER_CHANNEL_ID: o.channelId,
    HERALD_FAKE_NOW: o.now,
    ARTICLES_DIR: resolve(repoRoot, 'data/articles'),
    LOG_LEVEL: 'info',
    REMINDER_TIME: '09:00',
    TIMEZONE: 'UTC',
    REMINDER_GRACE: o.grace ?? '6h',
  };
  if (o.crashPoint) env.HERALD_CRASH_POINT = o.crashPoint;
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const watchers: { msg: string; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    out += d.toString('utf8');
    for (const w of [...watchers]) {
      if (out.includes(`"msg":"${w.msg}"`)) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return {
    child,
    output: () => out,
    logs: (msg) =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => {
          try {
            return JSON.parse(l) as Record<string, unknown>;
          } catch {
            return {};
          }
        })
        .filter((l) => l.msg === msg),
    nextLog: (msg) => new Promise<void>((resolve) => watchers.push({ msg, resolve })),
    exited,
    kill: (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** Polls until `check` is true; fails with `what` and the child's output after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, herald?: HeraldProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${herald ? `\n--- herald output ---\n${herald.output().slice(-3000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
