// Parsed articles persisted in SQLite, keyed by origin + content hash + parser fingerprint: a restart
// reads them back (checked with zod) instead of parsing every file again. Writes are batched into
// one transaction per flush, because ingestion puts thousands of rows at once.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { articleSchema, type Article } from '../articles/model';
import type { Db } from './db';

export interface CachedArticle {
  article: Article;
  ingestedAt: Date;
}

export interface ArticleCache {
  /** The cached article for this origin, if it was parsed from exactly this content by this parser. */
  get(origin: string, contentHash: string): CachedArticle | undefined;
  /** `contentHash` is the hash of the raw file (what get() is asked with), not necessarily the parser's own. */
  put(origin: string, contentHash: string, article: Article, ingestedAt: Date): void;
  remove(origin: string): void;
  /** Writes what put() buffered. */
  flush(): void;
  size(): number;
}

const rowSchema = z.object({
  content_hash: z.string(),
  parser: z.string(),
  article_json: z.string(),
  ingested_at: z.string(),
});

/**
 * Fingerprint of the parser's source (src/articles/*, model.ts included, bar the library and
 * ingestion plumbing), so a parser or model change invalidates the cache by itself. Falls back to the model version when the sources
 * are not on disk (a bundled build).
 */
export function parserFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = join(here, '../articles');
  try {
    const hash = createHash('sha256');
    const files = readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !/^(library|ingest|watcher)\./.test(f)).sort();
    for (const f of files) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
    return hash.digest('hex').slice(0, 16);
  } catch {
    return 'model-1';
  }
}

/**
 * JSON gives every sentence its own copy of text its paragraph already holds. Re-slicing it from the
 * paragraph lets V8 share the characters (a sliced string), which matters with 10,000 articles.
 */
function shareSentenceText(article: Article): void {
  for (const s of article.sentences) {
    const paragraph = article.paragraphs[s.paragraph];
    if (!paragraph) continue;
    const at = paragraph.indexOf(s.text);
    if (at >= 0) s.text = paragraph.slice(at, at + s.text.length);
  }
}

export class SqliteArticleCache implements ArticleCache {
  private pending = new Map<string, { hash: string; json: string; ingestedAt: string } | null>();
  private readonly select;
  private readonly upsert;
  private readonly delete;
  private readonly count;

  constructor(
    private readonly db: Db,
    private readonly parser: string = parserFingerprint(),
  ) {
    this.select = db.prepare('SELECT content_hash, parser, article_json, ingested_at FROM article_cache WHERE origin = ?');
    this.upsert = db.prepare(
      `INSERT INTO article_cache (origin, content_hash, parser, article_json, ingested_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(origin) DO UPDATE SET content_hash = excluded.content_hash, parser = excluded.parser,
         article_json = excluded.article_json, ingested_at = excluded.ingested_at`,
    );
    this.delete = db.prepare('DELETE FROM article_cache WHERE origin = ?');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM article_cache');
  }

  get(origin: string, contentHash: string): CachedArticle | undefined {
    const buffered = this.pending.get(origin);
    let row: z.infer<typeof rowSchema> | undefined;
    if (buffered === null) return undefined;
    if (buffered) row = { content_hash: buffered.hash, parser: this.parser, article_json: buffered.json, ingested_at: buffered.ingestedAt };
    else {
      const raw = this.select.get(origin);
      if (raw === undefined) return undefined;
      const checked = rowSchema.safeParse(raw);
      if (!checked.success) return undefined;
      row = checked.data;
    }
    if (row.content_hash !== contentHash || row.parser !== this.parser) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(row.article_json);
    } catch {
      return undefined;
    }
    // A row the current model no longer accepts is a miss, not an error: the file is parsed again.
    // The checked JSON itself is kept (zod's copy would double the garbage of a 10,000-article
    // restore); it was written from a valid Article, and a model change alters the parser fingerprint.
    if (!articleSchema.safeParse(json).success) return undefined;
    const article = json as Article;
    const ingestedAt = new Date(row.ingested_at);
    if (Number.isNaN(ingestedAt.getTime())) return undefined;
    shareSentenceText(article);
    return { article, ingestedAt };
  }

  put(origin: string, contentHash: string, article: Article, ingestedAt: Date): void {
    this.pending.set(origin, { hash: contentHash, json: JSON.stringify(article), ingestedAt: ingestedAt.toISOString() });
    if (this.pending.size >= 500) this.flush();
  }

  remove(origin: string): void {
    this.pending.set(origin, null);
  }

  flush(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending.clear();
    this.db.transaction(() => {
      for (const [origin, row] of entries) {
        if (row === null) this.delete.run(origin);
        else this.upsert.run(origin, row.hash, this.parser, row.json, row.ingestedAt);
      }
    })();
  }

  size(): number {
    this.flush();
    return (this.count.get() as { n: number }).n;
  }
}
