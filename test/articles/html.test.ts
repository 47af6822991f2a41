import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, htmlToParagraphs } from '../../src/articles/html';

describe('htmlToParagraphs', () => {
  it('turns block elements into paragraphs and decodes entities', () => {
    expect(htmlToParagraphs('<p>Hello <b>world</b>.</p><p>Fish &amp; chips</p>tail<br>end')).toEqual(['Hello world.', 'Fish & chips', 'tail', 'end']);
  });

  it('drops scripts and styles and passes plain text through by blank lines', () => {
    expect(htmlToParagraphs('<p>a</p><script>alert(1)</script><style>p{}</style>')).toEqual(['a']);
    expect(htmlToParagraphs('First para.\n\nSecond para.')).toEqual(['First para.', 'Second para.']);
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
