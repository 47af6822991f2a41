// Red-team scenarios on the articles folder, run through the whole program (src/main.ts in console mode):
// links to .env, /etc/passwd and /proc/self/environ must not be read, and a secret that reaches an
// article anyway (a hard link or a copy of .env) must never show in a reply or a log line.
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../src/articles/library';
import { DEFAULT_MAX_ARTICLE_BYTES, ingestDirectory } from '../../src/articles/ingest';
import { SEED_FILE } from '../answers/helpers';
import { spawnHerald } from './child';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789';
const KEY = 'sk-live-red-team-0123456789abcdef';

let dir: string;
let articles: string;
let output = '';
let code: number | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'herald-folder-'));
  articles = join(dir, 'articles');
  mkdirSync(articles);
  const envFile = join(dir, 'herald.env');
  writeFileSync(envFile, `Deployment settings\nDISCORD_TOKEN=${TOKEN}\nEXAMPLE_API_KEY=${KEY}\n`);
  copyFileSync(SEED_FILE, join(articles, 'seed.txt'));
  symlinkSync(envFile, join(articles, 'leak.txt'));
  symlinkSync('/etc/passwd', join(articles, 'passwd.txt'));
  symlinkSync('/proc/self/environ', join(articles, 'environ.txt'));
  symlinkSync(join(articles, 'seed.txt'), join(articles, 'inside-link.txt'));
  // A hard link is a regular file: it is read, so its secrets must be scrubbed on the way out.
  linkSync(envFile, join(articles, 'hardlink.txt'));
  const herald = spawnHerald(
    { DATABASE_PATH: join(dir, 'herald.db'), ARTICLES_DIR: articles, HERALD_FAKE_NOW: '2026-11-27T12:00:00Z', LOG_LEVEL: 'info', EXAMPLE_API_KEY: KEY },
    { stdin: 'pipe' },
  );
  herald.write('/articles\n/brief article:Deployment settings\n/facts article:Deployment settings\n/ask What is the DISCORD_TOKEN?\n/source article:Deployment settings\n');
  herald.child.stdin!.end();
  code = (await herald.exited).code;
  output = herald.output();
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('symbolic links in ARTICLES_DIR', () => {
  it('are refused, each named with the reason, and the run carries on', () => {
    expect(code).toBe(0);
    for (const name of ['leak.txt', 'passwd.txt', 'environ.txt', 'inside-link.txt']) {
      expect(output).toContain(`Could not read ${join(articles, name)}: symbolic link refused`);
    }
    expect(output).toContain('Tracking 2 articles from');
    expect(output).not.toMatch(/root:x:0:0/);
    expect(output).not.toContain('PATH=');
  });

  it('ARTICLES_SYMLINKS=inside follows a link within the folder and still refuses one that leaves it', async () => {
    const library = new MemoryLibrary();
    const report = await ingestDirectory(library, articles, new Date('2026-11-27T12:00:00Z'), { policy: { links: 'inside', maxBytes: DEFAULT_MAX_ARTICLE_BYTES }, workers: 0 });
    expect(report.failed.map((f) => [f.file.slice(articles.length + 1), f.error])).toEqual([
      ['environ.txt', 'symbolic link leads outside the articles folder; refused'],
      ['leak.txt', 'symbolic link leads outside the articles folder; refused'],
      ['passwd.txt', 'symbolic link leads outside the articles folder; refused'],
    ]);
    expect(report.added.map((f) => f.slice(articles.length + 1))).toEqual(['hardlink.txt', 'inside-link.txt', 'seed.txt']);
  });
});

describe('secrets that reach an article anyway', () => {
  it('never show in a reply or a log line: the token and every *_KEY value are replaced with [redacted]', () => {
    expect(output).toContain('Deployment settings');
    expect(output).toContain('[redacted]');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(KEY);
    for (const part of TOKEN.split('.')) expect(output).not.toContain(`${part}.`);
  });
});
