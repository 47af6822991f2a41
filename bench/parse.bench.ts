// Parse throughput over the held-out corpus (../shared/corpus/articles) plus the seed: articles per second,
// median of several timed runs after a warm-up.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../src/articles/parse';
import { readCorpus } from '../test/support/shared-data';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function loadTexts(): string[] {
  return [...readCorpus().map((a) => a.text), readFileSync(resolve(repoRoot, 'data/articles/csto-border-plan.txt'), 'utf8')];
}

export async function run(): Promise<void> {
  const texts = loadTexts();
  const now = new Date('2026-11-27T12:00:00Z');
  const passes = 10; // each run parses the whole set this many times
  let failures = 0;
  for (const t of texts) if (!parseArticle(t, { now }).ok) failures++;
  const rates: number[] = [];
  for (let r = 0; r < 7; r++) {
    const start = process.hrtime.bigint();
    for (let p = 0; p < passes; p++) for (const t of texts) parseArticle(t, { now });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push((texts.length * passes) / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  const chars = texts.reduce((n, t) => n + t.length, 0);
  console.log(`parse: ${texts.length} articles (${Math.round(chars / texts.length)} chars avg), ${failures} failed`);
  console.log(`parse: median ${Math.round(median)} articles/s over 7 runs of ${texts.length * passes} parses (min ${Math.round(rates[0])}, max ${Math.round(rates[rates.length - 1])}); target >= 300`);
}
