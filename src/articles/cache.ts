// The parsed-article cache ingestion uses (declared here, implemented by store/article-cache.ts on
// SQLite and store/article-cache-postgres.ts on PostgreSQL): one entry per origin, keyed by the content
// hash and the parser's fingerprint, so a restart reuses what was parsed before and re-parses only what
// changed. On PostgreSQL the cache is shared: a file several processes ingest is parsed by the first.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { articleSchema, type Article } from './model';

export interface CachedArticle {
  article: Article;
  ingestedAt: Date;
}

export interface ArticleCache {
  /** The cached article for this origin, if it was parsed from exactly this content by this parser. */
  get(origin: string, contentHash: string): Promise<CachedArticle | undefined>;
  /**
   * Buffers an entry; `contentHash` is the hash of the raw file (what get() is asked with). `json` is
   * the article as JSON when the caller has it already (a parse worker writes it), else it is written here.
   */
  put(origin: string, contentHash: string, article: Article, ingestedAt: Date, json?: string): void;
  remove(origin: string): void;
  /** Writes what put() and remove() buffered. */
  flush(): Promise<void>;
  size(): Promise<number>;
}

/**
 * Fingerprint of the parser's source — src/articles/* (model.ts included, bar the library, cache and
 * ingestion plumbing: library, ingest, watcher, cache, parse-worker), its entity passes
 * (src/articles/entities/) and the word lists it reads (src/language/) — so a change to any of them
 * invalidates the cache by itself. Falls back to the model version when the sources are not on disk (a
 * bundled build). `dir` is the articles folder (the tests point it at a copy).
 */
/** Set by the compiled build (scripts/build.mjs computes it from the sources, as below). */
declare const __HERALD_PARSER__: string | undefined;

/** The folders of the parser's source, relative to src/articles. */
const PARSER_DIRS = ['.', 'entities', '../language'];

export function parserFingerprint(dir?: string): string {
  if (dir === undefined && typeof __HERALD_PARSER__ === 'string') return __HERALD_PARSER__;
  const articles = dir ?? dirname(fileURLToPath(import.meta.url));
  try {
    const hash = createHash('sha256');
    for (const sub of PARSER_DIRS) {
      const files = readdirSync(join(articles, sub)).filter((f) => /\.(ts|js)$/.test(f) && !/^(library|ingest|watcher|cache|parse-worker)\./.test(f)).sort();
      for (const f of files) hash.update(`${sub}/${f}`).update('\0').update(readFileSync(join(articles, sub, f))).update('\0');
    }
    return hash.digest('hex').slice(0, 16);
  } catch {
    return 'model-1';
  }
}

export const cacheRowSchema = z.object({
  content_hash: z.string(),
  parser: z.string(),
  article_json: z.string(),
  ingested_at: z.string(),
});
export type CacheRow = z.infer<typeof cacheRowSchema>;

/**
 * A stored row back as an article, or undefined (a miss) when it is for other content, another parser,
 * or no longer what the model accepts: the file is then parsed again.
 */
export function cachedFromRow(raw: unknown, contentHash: string, parser: string): CachedArticle | undefined {
  const checked = cacheRowSchema.safeParse(raw);
  if (!checked.success) return undefined;
  const row = checked.data;
  if (row.content_hash !== contentHash || row.parser !== parser) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(row.article_json);
  } catch {
    return undefined;
  }
  // The checked JSON itself is kept (zod's copy would double the garbage of a 10,000-article restore);
  // it was written from a valid Article, and a model change alters the parser fingerprint.
  if (!articleSchema.safeParse(json).success) return undefined;
  const article = json as Article;
  const ingestedAt = new Date(row.ingested_at);
  if (Number.isNaN(ingestedAt.getTime())) return undefined;
  shareSentenceText(article);
  return { article, ingestedAt };
}

/**
 * JSON (and a worker's postMessage) gives every sentence its own copy of text its paragraph already
 * holds. Re-slicing it from the paragraph lets V8 share the characters (a sliced string), which matters
 * with 10,000 articles.
 */
export function shareSentenceText(article: Article): void {
  for (const s of article.sentences) {
    const paragraph = article.paragraphs[s.paragraph];
    if (!paragraph) continue;
    const at = paragraph.indexOf(s.text);
    if (at >= 0) s.text = paragraph.slice(at, at + s.text.length);
  }
}
