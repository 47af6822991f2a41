// Shared by the hardening tests that run Herald as a real child process (src/main.ts) in Discord mode
// against the fake Discord: spawning with a clean environment, capturing every byte of stdout and
// stderr, and waiting on what the fake or the logs show.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface Child {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far, interleaved as it arrived. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Writes to stdin (console mode). */
  write(text: string): void;
  kill(signal: NodeJS.Signals): void;
}

export function spawnHerald(env: Record<string, string>, options: { stdin?: 'pipe' | 'ignore' } = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, at: performance.now() })),
  );
  return {
    child,
    output: () => out,
    exited,
    write: (text) => void child.stdin?.write(text),
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** Polls until `check` holds; fails naming `what`, with the child's last output. */
export async function until(check: () => boolean, what: string, child?: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}${child ? `\n--- output ---\n${child.output().slice(-3000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Parsed JSON log lines (pino) of a child's output. */
export function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
