import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '../../src/feeds/parse-feed';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('parseFeed', () => {
  it('reads RSS 2.0 items with guid, link, date, summary and content, and drops invalid ones', () => {
    const result = parseFeed(fixture('rss.xml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed.format).toBe('rss');
    expect(result.feed.title).toBe('Harbour Gazette');
    expect(result.feed.items.map((i) => i.key)).toEqual(['gazette-1001', 'https://gazette.example/news/bus-fares', 'https://gazette.example/news/no-guid']);
    expect(result.feed.items[0]).toEqual({
      key: 'gazette-1001',
      title: 'Port authority opens the northern quay',
      link: 'https://gazette.example/news/northern-quay',
      published: '2024-11-25T08:30:00.000Z',
      publishedFrom: 'RSS pubDate',
      summary: '<p>The <b>northern quay</b> opened on Monday.</p>',
      content: '<p>The Harbour Port Authority opened the northern quay on Monday, ending two years of works.</p><p>Ships will use it from December 2 &amp; the ferry timetable changes on December 9.</p>',
    });
    expect(result.feed.items[1]).toMatchObject({ title: 'Council & unions agree on bus fares', published: '2024-11-26T09:00:00.000Z', summary: 'Fares stay frozen until March <b>2025</b>.' });
    expect(result.feed.items[1].content).toBeUndefined();
    expect(result.feed.rejected).toHaveLength(1);
  });

  it('reads Atom entries, preferring the alternate link and the published date', () => {
    const result = parseFeed(fixture('atom.xml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed.format).toBe('atom');
    expect(result.feed.title).toBe('Valley Courier');
    expect(result.feed.items).toEqual([
      {
        key: 'tag:courier.example,2024:77',
        title: 'River levels fall after the storm',
        link: 'https://courier.example/2024/river-levels',
        published: '2024-11-27T05:15:00.000Z',
        publishedFrom: 'Atom published',
        summary: '<p>Levels fell overnight.</p>',
      },
      {
        key: 'tag:courier.example,2024:78',
        title: 'Bridge inspection scheduled',
        link: 'https://courier.example/2024/bridge',
        published: '2024-11-26T12:00:00.000Z',
        publishedFrom: 'Atom updated',
        content: '<p>Engineers will inspect the old bridge.</p>',
      },
    ]);
  });

  it('reports malformed XML and documents that are not feeds', () => {
    const bad = parseFeed(fixture('malformed.xml'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^not well-formed XML \(line \d+:/);
    const html = parseFeed('<!DOCTYPE html><html><head><title>x</title></head><body></body></html>');
    expect(html).toEqual({ ok: false, error: "not an RSS or Atom feed (an HTML page; use the site's feed URL)" });
    expect(parseFeed('<?xml version="1.0"?><opml version="2.0"><body/></opml>')).toEqual({ ok: false, error: 'not an RSS or Atom feed (root element <opml>)' });
    expect(parseFeed('')).toMatchObject({ ok: false });
  });

  it('refuses a link that is not http(s) but keeps the item keyed by its guid', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><item><title>X</title><link>javascript:alert(1)</link><guid>g1</guid></item></channel></rss>';
    const result = parseFeed(xml);
    expect(result.ok && result.feed.items).toEqual([{ key: 'g1', title: 'X' }]);
  });

  it('refuses entity-expansion bombs without hanging', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
    const result = parseFeed(lol);
    if (result.ok) expect(result.feed.title.length).toBeLessThan(200_000);
    else expect(result.error).toMatch(/./);
  });

  it('clips an over-long title and hashes an over-long guid instead of dropping the item', () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>${'t'.repeat(5000)}</title><guid>${'g'.repeat(3000)}</guid></item></channel></rss>`;
    const result = parseFeed(xml);
    expect(result.ok && result.feed.items.map((i) => [i.title.length, i.key.length, i.key.startsWith('hash:')])).toEqual([[500, 37, true]]);
  });
});
