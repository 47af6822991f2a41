// SVG → PNG, drawn by the rasterizer (raster.ts: resvg on a worker thread). The SVG's text is already glyph
// outlines (glyphs.ts), so resvg loads no fonts. PNGs are cached by the SVG's content: the same timeline
// asked again costs a hash, not a render.
import { createHash } from 'node:crypto';
import { Rasterizer, type Png } from './raster';

export type { Png } from './raster';

let sharedRasterizer: Rasterizer | undefined;

/** The cache's budget for PNG data: a tall story picture is hundreds of kilobytes, and 64 of them would be tens of megabytes. */
export const CACHE_BYTES = 4 * 1024 * 1024;

export class PngRenderer {
  private readonly cache = new Map<string, Promise<Png>>();
  /** Bytes of each rendered picture still cached. */
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  renders = 0;

  constructor(
    private readonly maxEntries = 64,
    private readonly maxBytes = CACHE_BYTES,
    /** One per process by default: one worker thread draws every picture. */
    readonly rasterizer: Rasterizer = (sharedRasterizer ??= new Rasterizer()),
  ) {}

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
    const work = this.rasterizer.rasterize(svg);
    this.cache.set(key, work);
    work.then(
      (png) => {
        if (this.cache.get(key) !== work) return; // already evicted
        this.sizes.set(key, png.data.length);
        this.bytes += png.data.length;
        this.evict(key);
      },
      () => this.forget(key),
    );
    this.evict(key);
    return work;
  }

  /** Drops the least recently used pictures beyond the entry count or the byte budget (never `keep`, the one just asked for). */
  private evict(keep: string): void {
    for (const key of this.cache.keys()) {
      if (this.cache.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      if (key !== keep) this.forget(key);
    }
  }

  private forget(key: string): void {
    this.cache.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }

  get size(): number {
    return this.cache.size;
  }

  /** Bytes of PNG data the cache holds. */
  get cachedBytes(): number {
    return this.bytes;
  }
}
