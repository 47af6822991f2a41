// The memory settings `npm start` (and `npm run start:tsx`) give the Herald process (issue 17; the README's
// "Resident memory at 10,000 articles"): each start command is run as npm runs it (sh -c), with Herald's
// entry point swapped for a script that reports what the process got — its environment and V8 flags.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../answers/helpers';

const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const dir = mkdtempSync(join(tmpdir(), 'herald-start-'));
const report = join(dir, 'report.mjs');
writeFileSync(
  report,
  `const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\\s+/)];
const flag = (name) => flags.filter((f) => f.startsWith(name + '=')).map((f) => f.slice(name.length + 1)).pop();
console.log(JSON.stringify({
  env: { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX, MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_, MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ },
  semiSpaceMb: flag('--max-semi-space-size'),
  heapGrowingPercent: flag('--heap-growing-percent'),
}));
`,
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a start script with `entry` replaced by the report script (the compile step left out); what the process got. */
function started(script: string, entry: string, env: Record<string, string> = {}): Record<string, unknown> {
  const command = script.replace(/^node scripts\/build\.mjs --if-stale && /, '');
  expect(command).toContain(entry);
  const run = spawnSync('sh', ['-c', command.replace(entry, report)], {
    cwd: repoRoot,
    env: { PATH: `${join(repoRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as Record<string, unknown>;
}

describe('the start path', () => {
  it.each([
    ['start', 'dist/main.js'],
    ['start:tsx', 'src/main.ts'],
  ])("npm run %s gives the process its memory settings: glibc's one arena and fixed thresholds, a 4 MB semi-space, and old space grown by 20 % between full collections", (name, entry) => {
    expect(started(scripts[name], entry)).toEqual({
      env: { MALLOC_ARENA_MAX: '1', MALLOC_TRIM_THRESHOLD_: '131072', MALLOC_MMAP_THRESHOLD_: '65536' },
      semiSpaceMb: '4',
      heapGrowingPercent: '20',
    });
  }, 60_000);

  it('lets the environment override them', () => {
    const got = started(scripts.start, 'dist/main.js', { MALLOC_ARENA_MAX: '2', NODE_OPTIONS: '--max-semi-space-size=8' });
    expect(got.env).toMatchObject({ MALLOC_ARENA_MAX: '2' });
    expect(got.semiSpaceMb).toBe('8');
  }, 60_000);

  it.each([
    ['start', 'dist/main.js'],
    ['start:tsx', 'src/main.ts'],
  ])('npm run %s passes HERALD_NODE_FLAGS to node after its own (the V8 flags NODE_OPTIONS refuses: heap growth, --trace-gc)', (name, entry) => {
    expect(started(scripts[name], entry, { HERALD_NODE_FLAGS: '--heap-growing-percent=35' }).heapGrowingPercent).toBe('35');
  }, 60_000);
});
