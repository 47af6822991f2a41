// OPML in and out: strict, bounded parsing (seeded fuzz included), an export that parses back to the same
// feeds, and imports that go through /feed add's path — private addresses refused with the guard on.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { buildOpml, OPML_MAX_BYTES, OPML_MAX_FEEDS, parseOpml } from '../../src/feeds/opml';
import { ManualClock } from '../../src/core/clock';
import { startInstance, tempDir } from './harness';
import type { MessagePoster } from '../../src/core/poster';

const now = new Date('2024-11-27T10:00:00Z');
const doc = (body: string, head = '<head><title>Mine</title></head>') => `<?xml version="1.0"?><opml version="2.0">${head}<body>${body}</body></opml>`;

describe('parseOpml', () => {
  it('reads feed outlines, nested in folders, with their titles; reports what it skips', () => {
    const result = parseOpml(
      doc(`
        <outline text="News"><outline type="rss" text="Alpha &amp; Co" xmlUrl="https://a.example/feed.xml"/>
          <outline text="Deeper"><outline title="Beta" xmlUrl="http://b.example/rss"/></outline></outline>
        <outline text="no url"/>
        <outline xmlUrl="ftp://c.example/feed"/>
        <outline xmlUrl="javascript:alert(1)"/>
        <outline xmlUrl="https://a.example/feed.xml" text="again"/>`),
    );
    expect(result).toEqual({
      ok: true,
      title: 'Mine',
      feeds: [
        { url: 'https://a.example/feed.xml', title: 'Alpha & Co' },
        { url: 'http://b.example/rss', title: 'Beta' },
      ],
      skipped: ['ftp://c.example/feed: not an http(s) URL', 'javascript:alert(1): not an http(s) URL', 'https://a.example/feed.xml: listed twice'],
    });
  });

  it('names a skipped URL in at most 80 characters', () => {
    const long = `ftp://long.example/${'a'.repeat(200)}`;
    expect(parseOpml(doc(`<outline xmlUrl="${long}"/>`))).toMatchObject({ ok: true, skipped: [`${long.slice(0, 79)}…: not an http(s) URL`] });
  });

  it('refuses oversized files, DOCTYPEs (entity expansion), malformed XML, non-OPML and non-UTF-8', () => {
    expect(parseOpml('x'.repeat(OPML_MAX_BYTES + 1))).toMatchObject({ ok: false, reason: expect.stringContaining('at most 256 KB') });
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><opml><body><outline text="&lol2;" xmlUrl="https://a.example/"/></body></opml>`;
    expect(parseOpml(laughs)).toMatchObject({ ok: false, reason: expect.stringContaining('DOCTYPE') });
    expect(parseOpml('<opml><body><outline></body></opml>')).toMatchObject({ ok: false, reason: expect.stringContaining('not well-formed XML') });
    expect(parseOpml('<rss><channel/></rss>')).toMatchObject({ ok: false, reason: 'the file is not OPML (no <opml> with a <body>).' });
    expect(parseOpml(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]))).toMatchObject({ ok: false, reason: 'the file is not UTF-8 text.' });
  });

  it(`takes at most ${OPML_MAX_FEEDS} feeds and a bounded nesting depth`, () => {
    const many = Array.from({ length: OPML_MAX_FEEDS + 3 }, (_, i) => `<outline xmlUrl="https://f.example/${i}"/>`).join('');
    const result = parseOpml(doc(many));
    expect(result.ok && result.feeds.length).toBe(OPML_MAX_FEEDS);
    expect(result.ok && result.skipped).toHaveLength(3);
    const deep = `${'<outline text="d">'.repeat(20)}<outline xmlUrl="https://deep.example/"/>${'</outline>'.repeat(20)}`;
    expect(parseOpml(doc(deep))).toMatchObject({ ok: true, feeds: [], skipped: ['outlines nested deeper than 8 levels'] });
  });

  it('an export parses back to the same feeds, whatever the titles and URLs (seeded property)', () => {
    const title = fc.string({ maxLength: 40 }).map((s) => s.replace(/\s+/g, ' ').trim());
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length < 500);
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ url, title }), { maxLength: 12, selector: (f) => f.url }), (feeds) => {
        const parsed = parseOpml(buildOpml(feeds.map((f) => ({ url: f.url, title: f.title || undefined })), { title: 'T & <x>', now }));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.title).toBe('T & <x>');
        // Only URLs the zod http(s) check accepts come back (fast-check may generate odd ones): none lost otherwise.
        expect(parsed.feeds.map((f) => f.url)).toEqual(feeds.map((f) => f.url).filter((u) => !parsed.skipped.some((s) => s.startsWith(u.slice(0, 79)))));
        for (const f of parsed.feeds) {
          const original = feeds.find((x) => x.url === f.url);
          expect(f.title ?? '').toBe(original?.title ? original.title.slice(0, 200) : f.url.slice(0, 200));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on hostile documents (seeded fuzz)', () => {
    const bits = ['<opml>', '</opml>', '<body>', '</body>', '<outline ', 'xmlUrl="https://a.example/"', 'text="', '"', '/>', '>', '</outline>', '&amp;', '&#0;', '<!--', '-->', '<![CDATA[', ']]>', '@everyone', '\u0000'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...bits), fc.string({ maxLength: 5 })), { maxLength: 40 }), (parts) => {
        const result = parseOpml(parts.join(''));
        if (result.ok) for (const f of result.feeds) expect(f.url).toMatch(/^https?:\/\//);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('importing OPML', () => {
  it('refuses feeds on private addresses when the guard is on, and reports each URL', async () => {
    const clock = new ManualClock('2024-11-27T10:00:00Z');
    const poster: MessagePoster = { post: async () => ({ ok: false, retryable: false, reason: 'no posting here' }) };
    const herald = await startInstance(join(tempDir('herald-opml-'), 'h.db'), clock, poster, { allowPrivate: false });
    const report = await herald.news.opml.importFeeds({
      guildId: '111111111111111111',
      userId: '222222222222222222',
      data: Buffer.from(doc('<outline xmlUrl="http://127.0.0.1:9/feed.xml"/><outline xmlUrl="http://[::1]/f"/><outline xmlUrl="http://10.0.0.8/rss"/>')),
    });
    expect(report.ok && report.added).toEqual([]);
    expect(report.ok && report.failed.map((f) => f.url)).toEqual(['http://127.0.0.1:9/feed.xml', 'http://[::1]/f', 'http://10.0.0.8/rss']);
    expect(report.ok && report.failed.every((f) => /private|loopback|not allowed|refused/i.test(f.reason))).toBe(true);
    expect(await herald.news.feeds.list('111111111111111111')).toEqual([]);
    await herald.stop();
  });
});
