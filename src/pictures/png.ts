// SVG → PNG with resvg (Rust, in-process, off the event loop) and the DejaVu fonts installed from npm, so
// a fresh machine draws the same letters without system fonts. PNGs are cached by the SVG's content: the
// same timeline asked again costs a hash, not a render.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import { FONT_FAMILY } from './timeline-svg';

const require = createRequire(import.meta.url);

export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));

export interface Png {
  data: Buffer;
  width: number;
  height: number;
}

export class PngRenderer {
  private readonly cache = new Map<string, Promise<Png>>();
  renders = 0;

  constructor(private readonly maxEntries = 64) {}

  /** The PNG of `svg`; concurrent requests for the same picture share one render. */
  render(svg: string): Promise<Png> {
    const key = createHash('sha256').update(svg).digest('hex');
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, hit);
      return hit;
    }
    this.renders++;
    const work = renderAsync(svg, { font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY }, fitTo: { mode: 'original' } }).then((img) => ({
      data: img.asPng(),
      width: img.width,
      height: img.height,
    }));
    this.cache.set(key, work);
    work.catch(() => this.cache.delete(key));
    while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    return work;
  }

  get size(): number {
    return this.cache.size;
  }
}
