// The /timeline PNG: it decodes, has the asked size and the theme's background, is cached by content, and
// hostile text neither crashes the renderer nor draws outside the picture.
import { describe, expect, it } from 'vitest';
import { timelinePictureInput } from '../../src/answers/timeline';
import { PngRenderer } from '../../src/pictures/png';
import { TimelinePictures } from '../../src/pictures/timeline-picture';
import { PALETTES, timelineSvg } from '../../src/pictures/timeline-svg';
import { layoutTimeline } from '../../src/pictures/timeline-layout';
import { parsedSeed, track } from '../answers/helpers';
import { decodePng } from './png-decode';

const NOW = new Date('2026-11-27T12:00:00Z');
const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** WCAG relative luminance contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = hex(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('timeline PNG', () => {
  const input = timelinePictureInput(track(parsedSeed()), NOW);

  it.each(['dark', 'light'] as const)('decodes at 800 px wide and the layout height, on the %s background', async (theme) => {
    const picture = await new TimelinePictures().render(input, theme);
    const png = decodePng(picture.attachment.data);
    expect(picture.attachment.name).toBe('timeline.png');
    expect(picture.attachment.contentType).toBe('image/png');
    expect([png.width, png.height]).toEqual([800, picture.layout.height]);
    expect([picture.width, picture.height]).toEqual([png.width, png.height]);
    // Inside the rounded corners the picture is opaque and the theme's background colour.
    expect(png.pixel(400, picture.layout.height - 4)).toEqual([...hex(PALETTES[theme].background), 255]);
    // The headline is drawn: its box holds pixels of the text colour's side of the background.
    const { title } = picture.layout;
    let inked = 0;
    for (let x = title.x; x < title.x + title.width; x += 2) for (let y = title.y - 12; y < title.y; y++) if (png.pixel(Math.round(x), y).join() !== png.pixel(400, picture.layout.height - 4).join()) inked++;
    expect(inked).toBeGreaterThan(200);
    expect(picture.attachment.description).toMatch(/^Timeline picture: CSTO to approve/);
  });

  it('renders at the width asked for', async () => {
    const picture = await new TimelinePictures().render(input, 'light', 600);
    expect(decodePng(picture.attachment.data).width).toBe(600);
  });

  it('caches by content: the same picture is rendered once, another theme is a new picture', async () => {
    const renderer = new PngRenderer();
    const pictures = new TimelinePictures(renderer);
    const [a, b] = await Promise.all([pictures.render(input, 'dark'), pictures.render(input, 'dark')]);
    const c = await pictures.render(input, 'dark');
    expect(renderer.renders).toBe(1);
    expect(Buffer.from(c.attachment.data).equals(Buffer.from(a.attachment.data))).toBe(true);
    expect(b.attachment.data).toBe(a.attachment.data);
    await pictures.render(input, 'light');
    expect(renderer.renders).toBe(2);
  });

  it('forgets the least recently used picture beyond its capacity', async () => {
    const renderer = new PngRenderer(2);
    const svg = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${n}" height="10"><rect width="${n}" height="10" fill="#fff"/></svg>`;
    await renderer.render(svg(10));
    await renderer.render(svg(11));
    await renderer.render(svg(10)); // used again: 11 is now the oldest
    await renderer.render(svg(12));
    expect(renderer.size).toBe(2);
    await renderer.render(svg(10));
    expect(renderer.renders).toBe(3);
    await renderer.render(svg(11));
    expect(renderer.renders).toBe(4);
  });

  it('keeps its pictures within a byte budget, dropping the least recently used', async () => {
    const svg = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${n}" height="40"><rect width="${n}" height="40" fill="#fff"/><text x="2" y="20" font-size="12">${n}</text></svg>`;
    const one = (await new PngRenderer().render(svg(100))).data.length;
    const renderer = new PngRenderer(64, Math.floor(2.5 * one));
    for (const n of [100, 101, 102, 103]) await renderer.render(svg(n));
    expect(renderer.size).toBe(2);
    expect(renderer.cachedBytes).toBeLessThanOrEqual(Math.floor(2.5 * one));
    await renderer.render(svg(103)); // still cached
    expect(renderer.renders).toBe(4);
    await renderer.render(svg(100)); // dropped: drawn again
    expect(renderer.renders).toBe(5);
    // A picture larger than the whole budget is still answered (and cached until the next one).
    const tiny = new PngRenderer(64, 10);
    await tiny.render(svg(100));
    expect(tiny.size).toBe(1);
    await tiny.render(svg(101));
    expect(tiny.size).toBe(1);
  });

  it('keeps text readable in both themes: at least 4.5:1 contrast for every text colour', () => {
    for (const p of Object.values(PALETTES)) {
      for (const colour of [p.text, p.muted, p.past, p.upcoming, p.today]) expect(contrast(colour, p.background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('draws text as glyph outlines: the SVG holds no <text> and none of the input text, so the renderer needs no fonts', () => {
    const svg = timelineSvg(layoutTimeline(input), 'dark');
    expect(svg).not.toContain('<text');
    expect(svg).not.toContain('font-family');
    expect(svg).not.toContain('CSTO');
    // Each glyph outline is defined once and drawn by reference ("r" regular, "b" bold for the headline).
    const defined = [...svg.matchAll(/<path id="([rb]\d+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    expect(defined.some((id) => id.startsWith('b'))).toBe(true);
    const used = new Set([...svg.matchAll(/<use href="#([rb]\d+)"/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...defined].sort());
  });

  it('renders hostile text without crashing or growing the picture, and none of it reaches the SVG', async () => {
    const hostile = ['</text><script>alert(1)</script>', 'x'.repeat(10_000), 'مرحبا\u202eبالعالم', '👩‍👩‍👧‍👦'.repeat(300), 'a\u200bb\ufeff', '\ud800\uffff'];
    const events = hostile.map((description, i) => ({ id: `h${i}`, date: '2026-12-01', endDate: '2026-12-01', precision: 'day' as const, qualifier: 'on' as const, dateText: '1 December 2026', description, uncertainYear: false, source: 0 }));
    const hostileInput = { events, sources: [{ headline: hostile.join(' ') }], now: NOW };
    const svg = timelineSvg(layoutTimeline(hostileInput), 'dark');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('alert');
    expect(svg).not.toMatch(/[\u202e\u200b\ufeff\uffff\u0600-\u06ff]/);
    const picture = await new TimelinePictures().render(hostileInput, 'dark');
    const png = decodePng(picture.attachment.data);
    expect(png.width).toBe(800);
    expect(png.height).toBe(picture.layout.height);
  });
});
