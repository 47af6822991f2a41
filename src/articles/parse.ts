// PLACEHOLDER until the parser lands: returns a minimal valid article (headline + paragraphs only).
import { createHash } from 'node:crypto';
import { articleSchema, type ParseOptions, type ParseResult } from './model';

export function parseArticle(text: string, options: ParseOptions): ParseResult {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { ok: false, error: 'the article is empty' };
  const hash = createHash('sha256').update(text).digest('hex');
  const headline = lines[0];
  const article = articleSchema.parse({
    id: `${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60)}-${hash.slice(0, 8)}`,
    headline,
    paragraphs: lines.slice(1),
    sentences: [],
    meta: {},
    published: { date: null, inferred: false, reason: 'not parsed yet', confidence: 0 },
    events: [], people: [], organisations: [], places: [], attributions: [], lists: [],
    contentHash: hash,
    warnings: [`placeholder parser (origin ${options.origin ?? '?'})`],
  });
  return { ok: true, article };
}
