// Shapes → PNG (8-bit RGBA), drawn and encoded a band of rows at a time (node:zlib deflating on libuv's
// thread pool), and the cache of drawn pictures: keyed by what the picture shows, so the same timeline
// asked again costs a hash, not a drawing.
import { createHash } from 'node:crypto';
import { createDeflate, type Deflate } from 'node:zlib';
import { Slicer } from '../core/slice';
import { Band, BAND, type Shape } from './canvas';

export interface Png {
  data: Buffer;
  width: number;
  height: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Writes a PNG row by row: each row filtered as PNG's adaptive filtering suggests (of "Sub" and "Up", the
 * one whose bytes read as signed sum smallest, so flat colour becomes runs of zeros; "Paeth" as well
 * took a third more filtering for ≈ 1% fewer bytes) and deflated by a zlib stream on libuv's thread pool as it comes,
 * so no whole image is ever held.
 */
export class PngWriter {
  private readonly deflater: Deflate = createDeflate({ level: 6 });
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private readonly above: Uint8Array;
  private readonly candidates: Uint8Array[];
  private written = 0;
  private readonly buffers: (Buffer | undefined)[] = [undefined, undefined];
  private readonly pending: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  private turn = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.deflater.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.deflater.on('end', resolve);
      this.deflater.on('error', reject);
    });
    this.above = new Uint8Array(width * 4);
    this.candidates = [0, 1].map(() => new Uint8Array(width * 4));
  }

  /** Adds `rows` rows of straight RGBA pixels (from the top down); resolves when they are copied (filtered). */
  async write(pixels: Uint8Array, rows: number): Promise<void> {
    const stride = this.width * 4;
    if (this.written + rows > this.height) throw new Error('more rows than the picture has');
    // Two buffers of filtered rows, used in turn: one is filled while zlib deflates the other, and a
    // buffer is filled again only once zlib's write of it has called back.
    const turn = this.turn;
    this.turn ^= 1;
    await this.pending[turn];
    const size = rows * (stride + 1);
    let buffer = this.buffers[turn];
    if (!buffer || buffer.length < size) buffer = this.buffers[turn] = Buffer.alloc(Math.max(size, BAND * (stride + 1)));
    const out = buffer.subarray(0, size);
    for (let y = 0; y < rows; y++) this.filter(pixels.subarray(y * stride, (y + 1) * stride), out, y * (stride + 1));
    this.written += rows;
    this.pending[turn] = new Promise<void>((resolve, reject) => this.deflater.write(out, (error) => (error ? reject(error) : resolve())));
  }

  private filter(row: Uint8Array, out: Buffer, at: number): void {
    const up = this.above;
    const [sub, vertical] = this.candidates;
    let sumSub = 0;
    let sumUp = 0;
    for (let i = 0; i < row.length; i++) {
      const x = row[i];
      const s = (sub[i] = x - (i >= 4 ? row[i - 4] : 0));
      const v = (vertical[i] = x - up[i]);
      sumSub += s < 128 ? s : 256 - s;
      sumUp += v < 128 ? v : 256 - v;
    }
    out[at] = sumSub <= sumUp ? 1 : 2;
    out.set(sumSub <= sumUp ? sub : vertical, at + 1);
    up.set(row);
  }

  /** The PNG file, once every row is written. */
  async end(): Promise<Png> {
    if (this.written !== this.height) throw new Error(`${this.written} of ${this.height} rows written`);
    await Promise.all(this.pending);
    this.deflater.end();
    await this.done;
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA, deflate, adaptive filtering, no interlace
    const data = Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', Buffer.concat(this.chunks)), chunk('IEND', new Uint8Array(0))]);
    return { data, width: this.width, height: this.height };
  }
}

/**
 * The PNG of `shapes` on a `width`×`height` picture, drawn band by band into the writer; the thread is given
 * back to other work whenever `sliceMs` have passed, so no slice of drawing holds it much longer.
 */
export async function drawPng(width: number, height: number, shapes: Shape[], sliceMs = 8): Promise<Png> {
  const writer = new PngWriter(width, height);
  const band = new Band(width, height);
  const slicer = new Slicer(sliceMs);
  for (let top = 0; top < height; top += BAND) {
    band.reset(top);
    for (const s of shapes) {
      if (s.y1 <= top || s.y0 >= top + band.rows) continue;
      band.draw(s);
      await slicer.pause();
    }
    await writer.write(band.pixels, band.rows);
    await slicer.pause();
  }
  return writer.end();
}

/** The cache's budget for PNG data: a tall story picture is hundreds of kilobytes, and 64 of them would be tens of megabytes. */
export const CACHE_BYTES = 1024 * 1024;

export class PngRenderer {
  private readonly cache = new Map<string, Promise<Png>>();
  /** Bytes of each rendered picture still cached. */
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  renders = 0;
  /** Pictures are drawn one at a time: each holds its shapes and a zlib stream while it is drawn. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly maxEntries = 64,
    private readonly maxBytes = CACHE_BYTES,
  ) {}

  /** The PNG of the picture `key` describes, drawn by `draw` unless cached; concurrent requests share one drawing. */
  render(key: string, draw: () => Promise<Png>): Promise<Png> {
    const hash = createHash('sha256').update(key).digest('hex');
    const hit = this.cache.get(hash);
    if (hit) {
      this.cache.delete(hash); // most recently used last
      this.cache.set(hash, hit);
      return hit;
    }
    this.renders++;
    const work = this.chain.then(draw);
    this.chain = work.catch(() => undefined);
    this.cache.set(hash, work);
    work.then(
      (png) => {
        if (this.cache.get(hash) !== work) return; // already evicted
        this.sizes.set(hash, png.data.length);
        this.bytes += png.data.length;
        this.evict(hash);
      },
      () => this.forget(hash),
    );
    this.evict(hash);
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
