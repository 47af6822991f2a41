// The compiled build `npm start` runs (scripts/build.mjs): it shares the parsed-article cache with the
// tsx run (same parser fingerprint), answers as the sources do, and its parse worker runs compiled.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain JavaScript module without types
import { build, parserFingerprint as buildFingerprint } from '../../scripts/build.mjs';
import { parserFingerprint } from '../../src/articles/cache';
import { DEFAULT_MAX_ARTICLE_BYTES, PARSE_WORKER_HEAP_MB } from '../../src/articles/ingest';
import { repoRoot, SEED_FILE } from '../answers/helpers';

let out: string;

beforeAll(async () => {
  // Inside the checkout, so the build finds the packages in node_modules as dist/ does.
  out = mkdtempSync(join(repoRoot, 'node_modules', '.herald-build-test-'));
  await build(out);
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the compiled build', () => {
  it('has the parser fingerprint the sources give (one cache for compiled and tsx runs)', () => {
    expect(buildFingerprint()).toBe(parserFingerprint());
    expect(readFileSync(join(out, 'main.js'), 'utf8')).toContain(JSON.stringify(parserFingerprint()));
  });

  it('runs: the console answers from the seed article', () => {
    const run = spawnSync(process.execPath, [join(out, 'main.js')], {
      cwd: repoRoot,
      input: '/when\n',
      env: { PATH: process.env.PATH ?? '', ARTICLES_DIR: join(repoRoot, 'data/articles'), DATABASE_PATH: join(out, 'herald.db'), HERALD_FAKE_NOW: '2026-11-27T12:00:00Z' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('\n> /when\nWhen: CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security\n');
  }, 90_000);

  it('parses on its compiled worker thread', async () => {
    const worker = new Worker(join(out, 'parse-worker.js'), { workerData: { tag: 'herald-parse-worker' } });
    try {
      const message = await new Promise<{ i: number; result: { ok: boolean; json?: string } }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ i: 7, text: readFileSync(SEED_FILE, 'utf8'), origin: SEED_FILE, now: Date.parse('2026-11-27T12:00:00Z') });
      });
      expect(message.i).toBe(7);
      expect((JSON.parse(message.result.json ?? '{}') as { headline?: string }).headline).toBe('CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security');
    } finally {
      await worker.terminate();
    }
  });

  it('parses an article of the largest size a file may have within the parse workers\' heap cap', async () => {
    const names = ['Amsel', 'Brook', 'Corran', 'Delling', 'Eskett', 'Farrow', 'Gilder', 'Hollis'];
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < DEFAULT_MAX_ARTICLE_BYTES - 2_000; i++) {
      const p = `The ${names[i % 8]} Water Board will meet on ${1 + (i % 28)} March in Port ${names[(i + 3) % 8]}, its chair, Ana ${names[(i + 5) % 8]}, said on Monday. "We expect ${i} objections," she said; the plan costs ${i % 90} million euros.`;
      paragraphs.push(p);
      size += p.length + 2;
    }
    const worker = new Worker(join(out, 'parse-worker.js'), { workerData: { tag: 'herald-parse-worker' }, resourceLimits: { maxOldGenerationSizeMb: PARSE_WORKER_HEAP_MB } });
    try {
      const message = await new Promise<{ result: { ok: boolean } }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ i: 0, text: `Water boards meet\n\n${paragraphs.join('\n\n')}\n`, origin: 'large.txt', now: Date.parse('2026-11-27T12:00:00Z') });
      });
      expect(message.result.ok).toBe(true);
    } finally {
      await worker.terminate();
    }
  }, 120_000);
});
