// Article text as words: a saved web page becomes its title and paragraphs, Markdown's inline marks are
// dropped, plain text passes through — on texts written for the test.
import { describe, expect, it } from 'vitest';
import { decodeEntities, markdownAsText, plainTextOf } from '../../src/articles/markup';
import { parseArticle } from '../../src/articles/parse';

const NOW = new Date('2026-11-29T10:00:00Z');

const page = `<!DOCTYPE html>
<html><head><title>Pier reopens after &pound;4m repair</title><style>p { color: red }</style></head>
<body>
<!-- navigation -->
<h1>Pier reopens after &pound;4m repair</h1>
<p>The <b>Southsea Pier Trust</b> reopened the pier on Friday after a <a href="/repairs">two-year repair</a>.</p>
<p>Trust chairman Nia Holm said it was &ldquo;a good day for the town&rdquo;. Entry stays free &amp; open.</p>
<script>var tracker = "<p>not text</p>";</script>
</body></html>`;

describe('a saved web page', () => {
  it('is read as its title and paragraphs, without tags, scripts, styles or comments', () => {
    const { text, warnings } = plainTextOf(page);
    expect(text).toBe('Pier reopens after £4m repair\n\nPier reopens after £4m repair\n\nThe Southsea Pier Trust reopened the pier on Friday after a two-year repair.\n\nTrust chairman Nia Holm said it was “a good day for the town”. Entry stays free & open.');
    expect(warnings).toEqual(['the text is HTML; its title and paragraphs were read and the markup dropped']);
  });

  it('parses as an article whose headline and sentences hold no markup', () => {
    const result = parseArticle(page, { now: NOW });
    if (!result.ok) throw new Error(result.error);
    const a = result.article;
    expect(a.headline).toBe('Pier reopens after £4m repair');
    expect(a.sentences.map((s) => s.text)).toEqual([
      'The Southsea Pier Trust reopened the pier on Friday after a two-year repair.',
      'Trust chairman Nia Holm said it was “a good day for the town”.',
      'Entry stays free & open.',
    ]);
    expect(a.people.map((p) => p.name)).toEqual(['Nia Holm']);
    expect(parseArticle('<html><body><script>x()</script></body></html>', { now: NOW })).toEqual({ ok: false, error: 'the article has no text outside its markup' });
  });

  it('decodes named and numeric entities and leaves unknown ones', () => {
    expect(decodeEntities('caf&eacute; &#8212; &#x2019; &bogus; &#0;')).toBe('café — ’ &bogus; &#0;');
  });
});

describe('Markdown', () => {
  it('loses its inline marks and keeps its words', () => {
    expect(markdownAsText('# Heading\n\n*By our reporter*\n\n**Pier Trust** said, via [its site](https://example.org/a "site"), that __all__ was _fine_. ![a photo](p.jpg)')).toBe(
      'Heading\n\nBy our reporter\n\nPier Trust said, via its site, that all was fine. a photo',
    );
  });

  it('leaves plain text alone: snake_case, arithmetic, a lone asterisk and bracketed words', () => {
    const plain = 'The file_name field, 5 * 3 = 15, a footnote* and [sic] stay as written. Tickets cost £5 (about $6).';
    expect(markdownAsText(plain)).toBe(plain);
    expect(plainTextOf(plain)).toEqual({ text: plain, warnings: [] });
  });

  it('stays fast on hostile input', () => {
    const hostile = `${'<script'.repeat(20_000)} ${'*a '.repeat(20_000)} ${'[x]('.repeat(20_000)} <!--`;
    const started = performance.now();
    plainTextOf(`<html>${hostile}`);
    markdownAsText(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
