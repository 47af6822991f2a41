// Reads article files (.txt, .md) from a folder into the library. A file that cannot be parsed is
// reported and skipped; it never stops the others.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, extname, resolve } from 'node:path';
import { parseArticle } from './parse';
import type { MemoryLibrary } from './library';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  failed: { file: string; error: string }[];
}

export async function listArticleFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  return entries.filter((f) => ARTICLE_EXTENSIONS.has(extname(f).toLowerCase())).sort().map((f) => resolve(join(dir, f)));
}

/** Parses one file into the library; skips it when its content hash has not changed. */
export async function ingestFile(library: MemoryLibrary, file: string, now: Date): Promise<'added' | 'updated' | 'unchanged' | { error: string }> {
  let raw: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { error: 'not a regular file' };
    raw = await readFile(file);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const text = raw.toString('utf8');
  const existing = library.byOriginPath(file);
  if (existing && existing.article.contentHash === contentHash(text)) return 'unchanged';
  const result = parseArticle(text, { now, origin: file });
  if (!result.ok) return { error: result.error };
  const change = library.upsert({ article: result.article, origin: file, ingestedAt: now });
  return change.type === 'updated' ? 'updated' : 'added';
}

export async function ingestDirectory(library: MemoryLibrary, dir: string, now: Date): Promise<IngestReport> {
  const report: IngestReport = { added: [], updated: [], unchanged: [], failed: [] };
  for (const file of await listArticleFiles(dir)) {
    const outcome = await ingestFile(library, file, now);
    if (typeof outcome === 'object') report.failed.push({ file, error: outcome.error });
    else report[outcome].push(file);
  }
  return report;
}

/** Must match the parser's Article.contentHash (sha-256 hex of the text). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
