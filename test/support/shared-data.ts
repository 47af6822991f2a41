// The research data the suite, the benchmarks and the eval read from ../shared beside the checkout
// (never copied into the project). One rule when it is missing: fail with a message that says what is
// missing and where it was looked for — no silent skip, no bare ENOENT.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** ../shared beside the checkout. */
export const sharedDir = resolve(repoRoot, '../shared');
/** The 30 held-out BBC articles. */
export const corpusDir = resolve(sharedDir, 'corpus/articles');

/** A path under ../shared that must exist; throws a clear error naming it when it does not. */
export function sharedPath(relative: string, what: string): string {
  const path = resolve(sharedDir, relative);
  if (!existsSync(path)) {
    throw new Error(`Missing shared research data: ${what} (expected at ${path}). Herald's tests, benchmarks and eval read it from ../shared beside the checkout; put the shared folder there.`);
  }
  return path;
}

export interface CorpusArticle {
  /** The file name, e.g. "bbc-01.txt". */
  file: string;
  text: string;
}

/** The held-out corpus articles, sorted by file name; throws a clear error when the folder is missing or empty. */
export function readCorpus(): CorpusArticle[] {
  const dir = sharedPath('corpus/articles', 'the held-out news corpus');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error(`Missing shared research data: no .txt articles in ${dir}.`);
  return files.map((file) => ({ file, text: readFileSync(resolve(dir, file), 'utf8') }));
}
