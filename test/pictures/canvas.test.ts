// The picture's rasteriser (canvas.ts) and PNG encoder (png.ts): exact coverage of pixel-aligned and
// half-pixel edges, the nonzero rule, strokes and dashes, clipping, and PNG files that decode to the pixels.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BAND, Path, rasterise, runSliced, shape, strokePath, type Part, type Rect, type Rgb } from '../../src/pictures/canvas';
import { Typesetter } from '../../src/pictures/glyphs';
import { crc32, drawPng, keepsBuffersFor, PngWriter } from '../../src/pictures/png';
import { textParts } from '../../src/pictures/timeline-draw';
import { decodePng } from './png-decode';
import { countOtherWork } from './other-work';

const WHITE: Rgb = [255, 255, 255];

interface Canvas {
  width: number;
  height: number;
  pixels: Uint8Array;
  fills: { path: Path | Part[]; colour: Rgb; opacity?: number; clip?: Rect }[];
}

const canvas = (width: number, height: number): Canvas => ({ width, height, pixels: new Uint8Array(0), fills: [] });

/** Adds a fill and draws every fill so far (band by band, as pictures are). */
function fill(c: Canvas, path: Path | Part[], colour: Rgb, opacity = 1, clip?: Rect): Canvas {
  c.fills.push({ path, colour, opacity, clip });
  c.pixels = rasterise(c.width, c.height, c.fills.map((f) => shape(f.path, f.colour, f.opacity, f.clip)));
  return c;
}

/** Alpha of every pixel of a row. */
const alphas = (c: Canvas, y: number) => Array.from({ length: c.width }, (_, x) => c.pixels[(y * c.width + x) * 4 + 3]);
const alpha = (c: Canvas, x: number, y: number) => c.pixels[(y * c.width + x) * 4 + 3];

describe('rasteriser', () => {
  it('fills a pixel-aligned square exactly: its pixels opaque in the colour, none outside touched', () => {
    const c = canvas(8, 8);
    fill(c, new Path().roundRect(2, 2, 3, 3), [10, 20, 30]);
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 8; x++) {
        const inside = x >= 2 && x < 5 && y >= 2 && y < 5;
        expect([...c.pixels.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 4)]).toEqual(inside ? [10, 20, 30, 255] : [0, 0, 0, 0]);
      }
    }
  });

  it('covers a pixel cut by an edge through its middle by half, in either direction of the edge', () => {
    const c = canvas(4, 1);
    fill(c, new Path().moveTo(1.5, 0).lineTo(3, 0).lineTo(3, 1).lineTo(1.5, 1).close(), WHITE);
    expect(alphas(c, 0)).toEqual([0, 128, 255, 0]);
    const d = canvas(4, 1);
    fill(d, new Path().moveTo(1.5, 0).lineTo(1.5, 1).lineTo(3, 1).lineTo(3, 0).close(), WHITE);
    expect(alphas(d, 0)).toEqual([0, 128, 255, 0]);
    // A diagonal edge through a pixel's corners covers half of it.
    const e = canvas(2, 1);
    fill(e, new Path().moveTo(0, 0).lineTo(1, 1).lineTo(0, 1).close(), WHITE);
    expect(alphas(e, 0)).toEqual([128, 0]);
  });

  it('blends a colour at an opacity over what is drawn (source-over)', () => {
    const c = canvas(2, 1);
    fill(c, new Path().roundRect(0, 0, 2, 1), [0, 0, 0]);
    fill(c, new Path().roundRect(0, 0, 1, 1), [200, 100, 0], 0.5);
    expect([...c.pixels]).toEqual([100, 50, 0, 255, 0, 0, 0, 255]);
  });

  it('fills by the nonzero rule: a contour wound the other way is a hole, the same way is no double cover', () => {
    const ring = canvas(10, 10);
    const hole = new Path().roundRect(0, 0, 10, 10).moveTo(3, 3).lineTo(3, 7).lineTo(7, 7).lineTo(7, 3).close();
    fill(ring, hole, WHITE);
    expect(alpha(ring, 1, 5)).toBe(255);
    expect(alpha(ring, 5, 5)).toBe(0);
    const twice = canvas(10, 10);
    fill(twice, new Path().roundRect(0, 0, 10, 10).roundRect(3, 3, 4, 4), [0, 0, 0], 0.5);
    expect(alpha(twice, 5, 5)).toBe(alpha(twice, 1, 5));
  });

  it('leaves the counter of a glyph with a hole ("o") empty and inks its ring', () => {
    const size = 60;
    const c = canvas(size, size);
    const path = textParts({ text: 'o', x: 5, y: 50, size, anchor: 'start', width: 0 }, new Typesetter());
    fill(c, path, WHITE);
    const inked: [number, number][] = [];
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (alpha(c, x, y) > 200) inked.push([x, y]);
    const xs = inked.map(([x]) => x);
    const ys = inked.map(([, y]) => y);
    const [cx, cy] = [Math.round((Math.min(...xs) + Math.max(...xs)) / 2), Math.round((Math.min(...ys) + Math.max(...ys)) / 2)];
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(20);
    expect(alpha(c, cx, cy)).toBe(0); // the counter
    expect(alpha(c, Math.min(...xs) + 1, cy)).toBeGreaterThan(200); // the ring's left side
    expect(alpha(c, Math.max(...xs) - 1, cy)).toBeGreaterThan(200); // and its right
  });

  it('strokes a line to its width (butt caps) and cuts it into dashes', () => {
    const c = canvas(12, 6);
    fill(c, strokePath(new Path().moveTo(0, 3).lineTo(12, 3), 2), WHITE);
    expect([0, 1, 2, 3, 4, 5].map((y) => alpha(c, 6, y))).toEqual([0, 0, 255, 255, 0, 0]);
    const d = canvas(14, 2);
    fill(d, strokePath(new Path().moveTo(0, 1).lineTo(14, 1), 2, [4, 3]), WHITE);
    expect(alphas(d, 0).map((a) => (a > 0 ? 1 : 0))).toEqual([1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0]);
  });

  it('strokes a closed contour as a ring and a circle as round', () => {
    const c = canvas(20, 20);
    fill(c, strokePath(new Path().circle(10, 10, 6), 2), WHITE);
    expect(alpha(c, 10, 10)).toBe(0);
    for (const [x, y] of [[16, 10], [4, 10], [10, 16], [10, 4]]) expect(alpha(c, x, y)).toBeGreaterThan(100);
    expect(alpha(c, 14, 14)).toBeGreaterThan(50); // on the circle at 45°: 10 + 6·0.707
    expect(alpha(c, 17, 17)).toBe(0); // a square's corner would be here
  });

  it('draws only inside a clip rectangle, partly covering pixels the rectangle cuts', () => {
    const c = canvas(10, 4);
    fill(c, new Path().roundRect(0, 0, 10, 4), WHITE, 1, { x: 2.5, y: 1, width: 4, height: 2 });
    expect(alphas(c, 0)).toEqual(new Array(10).fill(0));
    expect(alphas(c, 1)).toEqual([0, 0, 128, 255, 255, 255, 128, 0, 0, 0]);
    expect(alphas(c, 3)).toEqual(new Array(10).fill(0));
  });

  it('draws shapes taller than a band and reaching past the canvas the same as whole', () => {
    const h = BAND * 3 + 5;
    const c = canvas(10, h);
    fill(c, new Path().moveTo(-20, -7).lineTo(30, h / 2).lineTo(-20, h + 9).close(), WHITE);
    // The triangle's edges cross x = 5 at these heights: everything left of them is inside.
    for (let y = 0; y < h; y++) {
      const reach = -20 + (50 * (y + 0.5 + 7)) / (h / 2 + 7);
      const edge = y + 0.5 < h / 2 ? reach : -20 + (50 * (h + 9 - y - 0.5)) / (h / 2 + 9);
      if (edge > 6) expect(alpha(c, 5, y)).toBe(255);
      if (edge < 4) expect(alpha(c, 5, y)).toBe(0);
    }
  });

  it('runs a drawing in slices, letting other work run between them, and not within a slice', async () => {
    const steps = function* () {
      for (let i = 0; i < 5; i++) yield;
      return 'drawn';
    };
    const count = (sliceMs: number) => countOtherWork(() => runSliced(steps(), sliceMs));
    // Every step a slice of its own: other work runs between each.
    const sliced = await count(0);
    expect(sliced.result).toBe('drawn');
    expect(sliced.others).toBeGreaterThanOrEqual(4);
    // All five steps inside one slice: nothing else runs before the drawing is done.
    expect((await count(60_000)).others).toBe(0);
  });

  describe('slices short enough for a command arriving meanwhile (issue 17)', () => {
    afterEach(() => vi.restoreAllMocks());
    /**
     * The longest stretch of drawing, in ms of a fake clock, with no other work let in. `readsTick`: every
     * reading of the clock is a millisecond of drawing; otherwise the drawing ticks it itself.
     */
    const longestStretch = async (readsTick: boolean, draw: (tick: () => void) => Promise<unknown>) => {
      let now = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (readsTick ? ++now : now));
      let last = 0;
      let longest = 0;
      let done = false;
      const other = () => {
        longest = Math.max(longest, now - last);
        last = now;
        if (!done) setImmediate(other);
      };
      setImmediate(other);
      await draw(() => (now += 1));
      done = true;
      return Math.max(longest, now - last);
    };

    it('runSliced lets other work in after at most 2 ms of drawing', async () => {
      const steps = function* (tick: () => void) {
        for (let i = 0; i < 40; i++) {
          tick();
          yield;
        }
      };
      expect(await longestStretch(false, (tick) => runSliced(steps(tick)))).toBeLessThanOrEqual(2);
      // (the measure tells slices apart: 8 ms slices are 8 ms stretches)
      expect(await longestStretch(false, (tick) => runSliced(steps(tick), 8))).toBe(8);
    });

    it('drawPng lets other work in after at most 2 ms of drawing', async () => {
      const shapes = Array.from({ length: 30 }, (_, i) => shape(new Path().roundRect(i, i, 20, 20, 3), [i * 8, 100, 200]));
      // The reading of the clock that ends a slice counts one more millisecond.
      expect(await longestStretch(true, () => drawPng(60, 60, shapes))).toBeLessThanOrEqual(3);
      expect(await longestStretch(true, () => drawPng(60, 60, shapes, 4))).toBeGreaterThan(3);
    });
  });
});

describe('PNG encoder', () => {
  it('draws shapes into a PNG band by band, the same pixels as drawn whole', async () => {
    const shapes = [shape(new Path().roundRect(0, 0, 50, 90, 8), [43, 45, 49]), shape(strokePath(new Path().circle(25, 45, 20), 2, [3, 2]), [108, 182, 255]), shape(new Path().roundRect(5, 30, 40, 10, 3), [255, 138, 128], 0.55)];
    const png = await drawPng(50, 90, shapes);
    expect([png.width, png.height]).toEqual([50, 90]);
    expect(Buffer.from(decodePng(png.data).pixels).equals(Buffer.from(rasterise(50, 90, shapes)))).toBe(true);
  });

  it("keeps one drawing's buffers for the next of the same width, and draws each picture as if fresh (tall, short, two at once)", async () => {
    const scene = (w: number, h: number, hue: number) => [
      shape(new Path().roundRect(0, 0, w, h, 6), [hue, 45, 49]),
      shape(strokePath(new Path().circle(w / 2, h / 2, h / 3), 2, [3, 2]), [108, hue, 255]),
      shape(new Path().roundRect(4, 3, w - 10, h - 6, 3), [255, 138, hue], 0.55),
    ];
    const drawn = async (w: number, h: number, hue: number, png: Promise<{ data: Buffer }>) =>
      Buffer.from(decodePng((await png).data).pixels).equals(Buffer.from(rasterise(w, h, scene(w, h, hue))));
    const tall = BAND * 3 + 7;
    expect(await drawn(40, tall, 200, drawPng(40, tall, scene(40, tall, 200)))).toBe(true);
    expect(keepsBuffersFor(40)).toBe(true);
    // The next picture of that width is drawn into the same band and rows: nothing of the tall one shows in it.
    expect(await drawn(40, 20, 90, drawPng(40, 20, scene(40, 20, 90)))).toBe(true);
    // Two at once (yielding after every shape): the second makes its own buffers while the first holds the kept ones.
    const first = drawPng(40, 50, scene(40, 50, 10), 0);
    const second = drawPng(40, 70, scene(40, 70, 250), 0);
    expect([await drawn(40, 50, 10, first), await drawn(40, 70, 250, second)]).toEqual([true, true]);
    // Another width: new buffers, kept in place of the others.
    expect(await drawn(30, 10, 0, drawPng(30, 10, scene(30, 10, 0)))).toBe(true);
    expect([keepsBuffersFor(30), keepsBuffersFor(40)]).toEqual([true, false]);
  });

  it('computes the PNG CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes a PNG that decodes to exactly the pixels given, in any number of rows at a time (seeded random pixels)', async () => {
    const [width, height] = [37, 70];
    const pixels = new Uint8Array(width * height * 4);
    let seed = 17;
    for (let i = 0; i < pixels.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      pixels[i] = i % 7 < 3 ? seed >> 23 : (i >> 9) & 0xff; // noise and flat runs, so every filter is chosen somewhere
    }
    const writer = new PngWriter(width, height);
    for (const [from, to] of [[0, 1], [1, 33], [33, 70]]) await writer.write(pixels.subarray(from * width * 4, to * width * 4), to - from);
    const decoded = decodePng((await writer.end()).data);
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([37, 70, 4]);
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(pixels))).toBe(true);
    await expect(new PngWriter(2, 2).end()).rejects.toThrow('0 of 2 rows');
  });
});
