// Bad input never crashes or hangs the parser: it returns a clear error or a degraded, valid article.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse';
import { articleSchema, type ParseOptions } from '../../src/articles/model';
import { splitFrontMatter } from '../../src/articles/front-matter';
import { structureBody } from '../../src/articles/sentences';

const options: ParseOptions = { now: new Date('2026-11-27T12:00:00Z'), origin: 'data/articles/sample.txt' };

function valid(text: string) {
  const result = parseArticle(text, options);
  if (!result.ok) throw new Error(`expected an article, got: ${result.error}`);
  expect(articleSchema.safeParse(result.article).success).toBe(true);
  return result.article;
}

describe('bad input', () => {
  it('rejects an empty or blank file with a clear error', () => {
    expect(parseArticle('', options)).toEqual({ ok: false, error: 'the article is empty' });
    expect(parseArticle(' \n\t\n ', options)).toEqual({ ok: false, error: 'the article is empty' });
  });

  it('rejects binary bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    const result = parseArticle(bytes.toString('utf8'), options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^the file looks binary/);
    expect(parseArticle('Title\n\n' + 'a\u0000'.repeat(1000), options).ok).toBe(false);
  });

  it('keeps text with a few invalid UTF-8 bytes and says so', () => {
    const raw = Buffer.concat([Buffer.from('Prices to rise\n\nThe minister said on Monday that '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' prices will rise next year.')]);
    const a = valid(raw.toString('utf8'));
    expect(a.headline).toBe('Prices to rise');
    expect(a.warnings).toContain('3 undecodable byte sequence(s) (invalid UTF-8) were replaced with U+FFFD');
    expect(a.sentences).toHaveLength(1);
  });

  it('analyses the start of a 5 MB file and says the rest was skipped', () => {
    const para = 'The council said on Tuesday, 14 June that Mr Smith, the Mayor of London, will meet the Bank of England (BoE) on 3 March. Prices rose 3.5% in May 2004.\n\n';
    let text = 'Big headline\n\n';
    while (text.length < 5_000_000) text += para;
    const a = valid(text);
    expect(a.headline).toBe('Big headline');
    expect(a.warnings[0]).toMatch(/^the text is \d+ characters long; only the first \d+ were analysed$/);
    expect(a.sentences.length).toBeGreaterThan(100);
    expect(a.sentences[a.sentences.length - 1].end).toBeLessThanOrEqual(100_000);
  }, 30_000);

  it('copes with a megabyte on a single line (no catastrophic regex backtracking)', () => {
    for (const body of ['word '.repeat(200_000), 'a.'.repeat(500_000), 'Russia, '.repeat(120_000), 'Abc '.repeat(250_000), '1 2 3 May 2004 '.repeat(70_000), 'about two years ago '.repeat(50_000), '('.repeat(300_000)]) {
      const a = valid(`Headline\n\n${body}`);
      expect(a.sentences.length).toBeGreaterThan(0);
      expect(a.events.length).toBeLessThanOrEqual(40);
    }
  }, 30_000);

  it('makes a headline from the first sentence when the text has none, and warns', () => {
    const a = valid('The council met on Monday and agreed a new budget for the coming year. It will take effect next month.');
    expect(a.headline).toBe('The council met on Monday and agreed a new budget for the coming year.');
    expect(a.sentences).toHaveLength(2);
    expect(a.warnings).toContain('no headline line (the first line reads like body text); the headline was taken from the first sentence');
    expect(a.id).toMatch(/^the-council-met-on-monday-and-agreed-a-new-budget-for-the-[0-9a-f]{8}$/);
  });

  it('uses the file name for the id when the headline has no letters or digits', () => {
    const a = valid('???\n\nSomething happened.');
    expect(a.id).toMatch(/^sample-[0-9a-f]{8}$/);
  });

  it('rejects front matter with no text after it, and a missing clock', () => {
    expect(parseArticle('---\nurl: https://example.com\n---\n', options)).toEqual({ ok: false, error: 'the article has no text after its front matter' });
    expect(parseArticle('Title\n\nText.', { now: new Date('nope') })).toEqual({ ok: false, error: 'parseArticle needs options.now, a valid Date' });
    expect(parseArticle(42 as unknown as string, options)).toEqual({ ok: false, error: 'the article text is not a string' });
  });
});

describe('front matter', () => {
  it('reads url, source, published and language, with offsets into the body after it', () => {
    const text = '---\nurl: https://example.com/a\nsource: "BBC"\npublished: 2005-03-01\nlanguage: en\n---\nBlair sets date\n\nThe report will be released on 11 March, Tony Blair said.';
    const a = valid(text);
    expect(a.meta).toEqual({ url: 'https://example.com/a', source: 'BBC', published: '2005-03-01', language: 'en' });
    expect(a.headline).toBe('Blair sets date');
    const body = text.slice(splitFrontMatter(text).bodyStart);
    expect(body.slice(a.sentences[0].start, a.sentences[0].end)).toBe(a.sentences[0].text);
    expect(a.events[0]).toMatchObject({ expression: '11 March', date: '2005-03-11' });
  });

  it('ignores invalid values and unknown keys with warnings', () => {
    const a = valid('---\npublished: yesterday\ncolour: blue\n---\nTitle\n\nText on 11 March.');
    expect(a.meta).toEqual({});
    expect(a.warnings).toContain('front matter published "yesterday" is invalid (expected yyyy-mm-dd); ignored');
    expect(a.warnings).toContain('front matter key "colour" is not used');
    const b = valid('---\npublished: 2005-02-30\n---\nTitle\n\nText.');
    expect(b.warnings).toContain('front matter published "2005-02-30" is not a real calendar date; ignored');
  });

  it('reads a publication instant as its day as written, and a site generator\'s date: as published:', () => {
    const body = 'Rail hearing set\n\nThe committee will meet on Friday.';
    const a = valid(`---\npublished: 2026-11-24T21:30:00-05:00\n---\n${body}`);
    expect(a.meta.published).toBe('2026-11-24');
    expect(a.published).toMatchObject({ date: '2026-11-24', yearCertain: true, basis: 'front-matter' });
    expect(a.warnings).toEqual([]);
    expect(a.events[0]).toMatchObject({ expression: 'Friday', date: '2026-11-27', yearCertain: true });
    expect(valid(`---\npublished: 2026-11-24 09:30Z\n---\n${body}`).meta.published).toBe('2026-11-24');
    const jekyll = valid(`---\ntitle: Rail hearing set\ndate: 2026-11-24 10:00:00 +0000\n---\n${body}`);
    expect(jekyll.published).toMatchObject({ date: '2026-11-24', yearCertain: true });
    expect(jekyll.warnings).toEqual(['front matter key "title" is not used']);
    // published: wins over date:, and a date: that is no date is ignored like a bad published:
    expect(valid(`---\ndate: 2020-01-01\npublished: 2026-11-24\n---\n${body}`).meta.published).toBe('2026-11-24');
    expect(valid(`---\ndate: soon\n---\n${body}`).warnings).toContain('front matter published "soon" is invalid (expected yyyy-mm-dd); ignored');
  });

  it('treats an unclosed block as text', () => {
    const split = splitFrontMatter('---\nurl: x\nTitle\n\nText.');
    expect(split.bodyStart).toBe(0);
    expect(split.warnings).toEqual(['front matter opened with --- but never closed; treated as text']);
  });
});

describe('sentences', () => {
  const texts = (body: string) => structureBody(`Headline\n\n${body}`).sentences.map((s) => s.text);

  it('does not split after abbreviations, initials, decimals or "No. 10"', () => {
    expect(texts('Mr. Smith met Dr. Jones at St. Paul\'s on Monday. Prices rose 3.5% in the U.S. last year. He lives at No. 10 Downing Street. J. K. Rowling wrote it.')).toEqual([
      "Mr. Smith met Dr. Jones at St. Paul's on Monday.",
      'Prices rose 3.5% in the U.S. last year.',
      'He lives at No. 10 Downing Street.',
      'J. K. Rowling wrote it.',
    ]);
  });

  it('splits after a dotted acronym when a new sentence plainly starts', () => {
    expect(texts('He moved to the U.S. The move was costly.')).toEqual(['He moved to the U.S.', 'The move was costly.']);
  });

  it('splits quoted speech and keeps triple spaces inside a sentence', () => {
    expect(texts('Mr Blair told a news conference: "It will work. "It is ambitious." Then he left. MPs will debate it on Wednesday and next Monday   to decide.')).toEqual([
      'Mr Blair told a news conference: "It will work.',
      '"It is ambitious."',
      'Then he left.',
      'MPs will debate it on Wednesday and next Monday   to decide.',
    ]);
  });

  it('numbers paragraphs and keeps offsets exact', () => {
    const body = 'Headline\n\nFirst one. Second one.\n\n  Third one.\n';
    const s = structureBody(body);
    expect(s.paragraphs.map((p) => p.text)).toEqual(['First one. Second one.', 'Third one.']);
    expect(s.sentences.map((x) => [x.paragraph, x.text, body.slice(x.start, x.end)])).toEqual([
      [0, 'First one.', 'First one.'],
      [0, 'Second one.', 'Second one.'],
      [1, 'Third one.', 'Third one.'],
    ]);
  });
});
