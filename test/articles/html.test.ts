import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, htmlToParagraphs, pagePublished } from '../../src/articles/html';
import { parseHTML } from 'linkedom';

describe('htmlToParagraphs', () => {
  it('turns block elements into paragraphs and decodes entities', () => {
    expect(htmlToParagraphs('<p>Hello <b>world</b>.</p><p>Fish &amp; chips</p>tail<br>end')).toEqual(['Hello world.', 'Fish & chips', 'tail', 'end']);
  });

  it('drops scripts and styles and passes plain text through by blank lines', () => {
    expect(htmlToParagraphs('<p>a</p><script>alert(1)</script><style>p{}</style>')).toEqual(['a']);
    expect(htmlToParagraphs('First para.\n\nSecond para.')).toEqual(['First para.', 'Second para.']);
  });
});

describe('the page\'s own publication date (pagePublished)', () => {
  const doc = (head: string, body = '') => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Parameters<typeof pagePublished>[0];

  it('takes article:published_time first, then JSON-LD datePublished, date meta tags, then <time datetime>', () => {
    const og = '<meta property="article:published_time" content="2005-03-14T09:30:00+00:00">';
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2005-03-12"}]}</script>';
    const meta = '<meta name="date" content="2005-03-11">';
    const time = '<article><time datetime="2005-03-10">10 March</time></article>';
    expect(pagePublished(doc(og + ld + meta, time))).toEqual({ date: '2005-03-14', basis: 'article:published_time' });
    expect(pagePublished(doc(ld + meta, time))).toEqual({ date: '2005-03-12', basis: 'JSON-LD datePublished' });
    expect(pagePublished(doc(meta, time))).toEqual({ date: '2005-03-11', basis: 'meta date' });
    expect(pagePublished(doc('', time))).toEqual({ date: '2005-03-10', basis: '<time datetime>' });
    expect(pagePublished(doc('<script type="application/ld+json">{broken</script><meta name="date" content="not a date">'))).toBeUndefined();
    expect(pagePublished(doc('<meta property="article:published_time" content="2005-02-30">'))).toBeUndefined();
  });

  it('extractArticle reports it, read before scripts are dropped', () => {
    const body = `<article><h1>Vote</h1>${'<p>The council will vote on the budget on Friday, and the unions say they will strike if it passes.</p>'.repeat(4)}</article>`;
    const page = extractArticle(`<html><head><title>Vote</title><script type="application/ld+json">{"datePublished":"2005-03-12T08:00:00Z"}</script></head><body>${body}</body></html>`);
    expect(page.published).toEqual({ date: '2005-03-12', basis: 'JSON-LD datePublished' });
  });
});

describe('extractArticle', () => {
  it('extracts the main text of a page without navigation, asides, footer or scripts', () => {
    const page = extractArticle(readFileSync(join(__dirname, '../feeds/fixtures', 'page.html'), 'utf8'));
    expect(page.method).toBe('readability');
    expect(page.paragraphs.filter((p) => p.startsWith('The Harbour Ferry Company will change'))).toHaveLength(1);
    const all = page.paragraphs.join('\n');
    for (const furniture of ['Home', 'Most read', 'All rights reserved', 'tracking']) expect(all).not.toContain(furniture);
    expect(page.paragraphs.at(-1)).toBe(
      'Passenger groups asked the company to publish the new times at least a week in advance, and to keep the first morning crossing at its current time for commuters.',
    );
  });

  it('falls back to the body text when Readability finds no article', () => {
    const page = extractArticle('<html><head><title>Tiny</title></head><body><p>Short note.</p></body></html>');
    expect(page).toEqual({ title: 'Tiny', paragraphs: ['Short note.'], method: 'body' });
  });
});
