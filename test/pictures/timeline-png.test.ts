// The /timeline PNG: it decodes, has the asked size, the theme's background and the marks' colours where
// the layout puts them, text inked where its boxes are, the same bytes for the same picture; it is cached
// by content, and hostile text neither crashes the renderer nor draws outside the picture.
import { describe, expect, it } from 'vitest';
import { timelinePictureInput } from '../../src/answers/timeline';
import { PngRenderer, type Png } from '../../src/pictures/png';
import { TimelinePictures } from '../../src/pictures/timeline-picture';
import { PALETTES } from '../../src/pictures/timeline-draw';
import type { TextBox } from '../../src/pictures/timeline-layout';
import { parsedSeed, track } from '../answers/helpers';
import { decodePng } from './png-decode';
import { LIMITS, renderMessage } from '../../src/transports/discord/render';

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

  /** A renderer's draw function for a picture of `n` bytes, counting its calls. */
  const drawn: number[] = [];
  const picture = (n: number) => async (): Promise<Png> => {
    drawn.push(n);
    return { data: Buffer.alloc(n), width: n, height: 1 };
  };

  it('forgets the least recently used picture beyond its capacity', async () => {
    const renderer = new PngRenderer(2);
    const render = (n: number) => renderer.render(`picture ${n}`, picture(n));
    await render(10);
    await render(11);
    await render(10); // used again: 11 is now the oldest
    await render(12);
    expect(renderer.size).toBe(2);
    await render(10);
    expect(renderer.renders).toBe(3);
    await render(11);
    expect(renderer.renders).toBe(4);
  });

  it('keeps its pictures within a byte budget, dropping the least recently used', async () => {
    const renderer = new PngRenderer(64, 250);
    const render = (n: number) => renderer.render(`picture ${n}`, picture(n));
    for (const n of [100, 101, 102, 103]) await render(n);
    expect(renderer.size).toBe(2);
    expect(renderer.cachedBytes).toBe(205);
    await render(103); // still cached
    expect(renderer.renders).toBe(4);
    await render(100); // dropped: drawn again
    expect(renderer.renders).toBe(5);
    // A picture larger than the whole budget is still answered (and cached until the next one).
    const tiny = new PngRenderer(64, 10);
    await tiny.render('a', picture(100));
    expect(tiny.size).toBe(1);
    await tiny.render('b', picture(101));
    expect(tiny.size).toBe(1);
  });

  it('keeps at most a megabyte of pictures by default (the resident-memory budget, issue 17)', async () => {
    const renderer = new PngRenderer();
    // Tall story pictures are a few hundred kilobytes: five of them are more than the default keeps.
    for (let n = 0; n < 5; n++) await renderer.render(`story ${n}`, picture(300_000 + n));
    expect(renderer.cachedBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(renderer.size).toBe(3);
  });

  it('draws one picture at a time, and a failed drawing is not cached', async () => {
    const renderer = new PngRenderer();
    let running = 0;
    let most = 0;
    const slow = (n: number) => async (): Promise<Png> => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return { data: Buffer.alloc(n), width: n, height: 1 };
    };
    await Promise.all([renderer.render('a', slow(1)), renderer.render('b', slow(2)), renderer.render('c', slow(3))]);
    expect(most).toBe(1);
    await expect(renderer.render('d', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect((await renderer.render('d', picture(4))).width).toBe(4);
    expect(renderer.renders).toBe(5);
  });

  it('keeps text readable in both themes: at least 4.5:1 contrast for every text colour', () => {
    for (const p of Object.values(PALETTES)) {
      for (const colour of [p.text, p.muted, p.past, p.upcoming, p.today]) expect(contrast(colour, p.background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('draws the same picture to the same bytes, in a fresh renderer too', async () => {
    const a = await new TimelinePictures(new PngRenderer()).render(input, 'light');
    const b = await new TimelinePictures(new PngRenderer()).render(input, 'light');
    expect(Buffer.from(a.attachment.data).equals(Buffer.from(b.attachment.data))).toBe(true);
  });

  it.each(['dark', 'light'] as const)('draws each mark in its status colour where the layout puts it, and each label as ink inside its clip box (%s)', async (theme) => {
    const event = (id: string, date: string, endDate: string, precision: 'day' | 'year', uncertainYear: boolean) => ({ id, date, endDate, precision, qualifier: 'on' as const, dateText: date, description: `event ${id} of the test`, uncertainYear, source: 0 });
    const marks = {
      events: [event('a', '2026-03-02', '2026-03-02', 'day', false), event('b', '2027-05-01', '2027-05-01', 'day', false), event('c', '2025-01-01', '2025-12-31', 'year', false), event('d', '2026-08-01', '2026-08-01', 'day', true), event('e', '2026-11-27', '2026-11-27', 'day', false)],
      sources: [{ headline: 'Marks of every kind' }],
      now: NOW,
    };
    const picture = await new TimelinePictures().render(marks, theme);
    const png = decodePng(picture.attachment.data);
    const p = PALETTES[theme];
    const background = [...hex(p.background), 255].join();
    const colours = { past: p.past, today: p.today, unknown: p.muted, upcoming: p.upcoming };
    const solid = picture.layout.items.filter((i) => i.shape === 'point' && !i.uncertain);
    expect(solid.map((i) => i.status).sort()).toEqual(['past', 'today', 'upcoming']);
    for (const item of solid) expect(png.pixel(Math.floor(item.x), Math.floor(item.y))).toEqual([...hex(colours[item.status]), 255]);
    const hollow = picture.layout.items.filter((i) => i.shape === 'point' && i.uncertain);
    expect(hollow).toHaveLength(1);
    for (const item of hollow) expect(png.pixel(Math.floor(item.x), Math.floor(item.y)).join()).toBe(background);
    const [bar] = picture.layout.items.filter((i) => i.shape === 'span');
    // A bar is its colour at 55% over the background, inside its 1.5-pixel outline.
    const mixed = hex(colours[bar.status]).map((c, i) => Math.round(c * 0.55 + hex(p.background)[i] * 0.45));
    png.pixel(Math.floor((bar.x + bar.x2) / 2), Math.floor(bar.y)).slice(0, 3).forEach((v, i) => expect(Math.abs(v - mixed[i])).toBeLessThanOrEqual(1));
    for (const item of picture.layout.items) {
      const { clip } = item;
      const inked = (x0: number, x1: number) => {
        let n = 0;
        for (let x = Math.max(0, Math.ceil(x0)); x < Math.min(png.width, Math.floor(x1)); x++) {
          for (let y = Math.ceil(clip.y); y < Math.floor(clip.y + clip.height); y++) {
            if (Math.abs(x - item.x) <= 6 || (item.shape === 'span' && x >= item.x - 6 && x <= item.x2 + 6)) continue; // the mark and its guide
            if (png.pixel(x, y).join() !== background) n++;
          }
        }
        return n;
      };
      expect(inked(clip.x, clip.x + clip.width)).toBeGreaterThan(50);
    }
    expect(inkIn(png, picture.layout.legend[0], background)).toBeGreaterThan(100);
  });

  it('renders hostile text without crashing, growing the picture or drawing outside it', async () => {
    const hostile = ['</text><script>alert(1)</script>', 'x'.repeat(10_000), 'مرحبا\u202eبالعالم', '👩‍👩‍👧‍👦'.repeat(300), 'a\u200bb\ufeff', '\ud800\uffff'];
    const events = hostile.map((description, i) => ({ id: `h${i}`, date: '2026-12-01', endDate: '2026-12-01', precision: 'day' as const, qualifier: 'on' as const, dateText: '1 December 2026', description, uncertainYear: false, source: 0 }));
    const hostileInput = { events, sources: [{ headline: hostile.join(' ') }], now: NOW };
    const picture = await new TimelinePictures().render(hostileInput, 'dark');
    const png = decodePng(picture.attachment.data);
    expect(png.width).toBe(800);
    expect(png.height).toBe(picture.layout.height);
    // Outside the rounded corners nothing is drawn.
    expect(png.pixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(png.pixel(799, png.height - 1)).toEqual([0, 0, 0, 0]);
  });

  it('carries its whole alt text; the Discord renderer alone cuts it to Discord\'s limit', async () => {
    const events = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, date: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`, endDate: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`, precision: 'day' as const, qualifier: 'on' as const, dateText: `${1 + (i % 28)} December 2026`, description: `step ${i} of a plan described at some length`, uncertainYear: false, source: 0 }));
    const picture = await new TimelinePictures().render({ events, sources: [{ headline: 'A long plan' }], now: NOW }, 'dark');
    const alt = picture.attachment.description as string;
    expect(alt.length).toBeGreaterThan(LIMITS.attachmentDescription);
    expect(alt).toMatch(/step 39 of a plan described at some length$/);
    const sent = renderMessage({ attachments: [picture.attachment] }).files![0].description as string;
    expect(sent.length).toBeLessThanOrEqual(LIMITS.attachmentDescription);
    expect(sent).toMatch(/^Timeline picture: A long plan\. .*…$/s);
  });
});

/** Pixels of other than the background colour in a text box's line (from a cap height above its baseline to below it). */
function inkIn(png: ReturnType<typeof decodePng>, t: TextBox, background: string): number {
  let n = 0;
  const left = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - t.width : t.x - t.width / 2;
  for (let x = Math.max(0, Math.floor(left)); x < Math.min(png.width, Math.ceil(left + t.width)); x++) {
    for (let y = Math.floor(t.y - t.size); y < Math.ceil(t.y + t.size * 0.25); y++) if (png.pixel(x, y).join() !== background) n++;
  }
  return n;
}
