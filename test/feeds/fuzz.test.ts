// Hostile input: feed documents, HTML and addresses from strangers never make these throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed, feedItemSchema } from '../../src/feeds/parse-feed';
import { htmlToParagraphs } from '../../src/articles/html';
import { classifyAddress } from '../../src/net/address';
import { matchTopic } from '../../src/feeds/topic';
import { makeArticle } from './article-builder';

const fixtures = ['rss.xml', 'atom.xml', 'malformed.xml'].map((f) => readFileSync(join(__dirname, 'fixtures', f), 'utf8'));

/** A fixture with a random slice replaced by random text (tags, entities, CDATA pieces included). */
const mutated = fc
  .tuple(fc.constantFrom(...fixtures), fc.nat(), fc.nat(200), fc.array(fc.constantFrom('<', '>', '&', ';', '"', '<![CDATA[', ']]>', '</item>', '<item>', '&amp;', '&#x0;', 'x', ' ', '\u202e', '@everyone'), { maxLength: 20 }))
  .map(([doc, at, len, bits]) => {
    const start = at % doc.length;
    return doc.slice(0, start) + bits.join('') + doc.slice(start + len);
  });

describe('hostile input', () => {
  it('parseFeed never throws and only returns schema-valid items', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ maxLength: 500 })), (doc) => {
        const result = parseFeed(doc);
        if (result.ok) for (const item of result.feed.items) expect(feedItemSchema.safeParse(item).success).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('htmlToParagraphs never throws and returns trimmed non-empty paragraphs', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ maxLength: 300 })), (html) => {
        for (const p of htmlToParagraphs(html)) {
          expect(p).toBe(p.trim());
          expect(p.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('classifyAddress never throws and never allows an unparsable address', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 40 })), (text) => {
        const verdict = classifyAddress(text);
        if (verdict.allowed) expect(verdict.family === 4 || verdict.family === 6).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('topic matching never throws on arbitrary topics and text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.string({ maxLength: 300 }), (topic, text) => {
        matchTopic(makeArticle({ headline: 'H', paragraphs: [text || 'x'] }), topic);
      }),
      { numRuns: 500 },
    );
  });
});
