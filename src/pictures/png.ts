// Shapes → PNG (8-bit RGBA), drawn and encoded a band of rows at a time (node:zlib deflating on libuv's
// thread pool), and the cache of drawn pictures: keyed by what the picture shows, so the same timeline
// asked again costs a hash, not a drawing.
import { createHash } from 'node:crypto';
import { createDeflate, type Deflate } from 'node:zlib';
import { PICTURE_SLICE_MS, Slicer } from '../core/slice';
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

/** The rows a PngWriter filters with and into, kept from one picture to the next of the same width (drawPng). */
export interface RowBuffers {
  /** The row above (zeros above the first). */
  above: Uint8Array;
  /** A row filtered "Sub" and "Up". */
  candidates: [Uint8Array, Uint8Array];
  /** Two buffers of filtered rows, used in turn: one is filled while zlib deflates the other. */
  filtered: [Buffer | undefined, Buffer | undefined];
}

export function rowBuffers(width: number): RowBuffers {
  const stride = width * 4;
  return { above: new Uint8Array(stride), candidates: [new Uint8Array(stride), new Uint8Array(stride)], filtered: [undefined, undefined] };
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
  private written = 0;
  private readonly pending: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  private turn = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    /** Buffers to filter with (a previous picture's, of the same width); in use until end() resolves. */
    readonly rows: RowBuffers = rowBuffers(width),
  ) {
    if (rows.above.length !== width * 4) throw new Error(`row buffers of ${rows.above.length / 4} pixels for a picture ${width} wide`);
    rows.above.fill(0);
    this.deflater.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.deflater.on('end', resolve);
      this.deflater.on('error', reject);
    });
  }

  /** Adds `rows` rows of straight RGBA pixels (from the top down); resolves when they are copied (filtered). */
  async write(pixels: Uint8Array, rows: number): Promise<void> {
    const stride = this.width * 4;
    if (this.written + rows > this.height) throw new Error('more rows than the picture has');
    // A buffer of filtered rows is filled again only once zlib's write of it has called back.
    const turn = this.turn;
    this.turn ^= 1;
    await this.pending[turn];
    const size = rows * (stride + 1);
    const filtered = this.rows.filtered;
    let buffer = filtered[turn];
    if (!buffer || buffer.length < size) buffer = filtered[turn] = Buffer.alloc(Math.max(size, BAND * (stride + 1)));
    const out = buffer.subarray(0, size);
    for (let y = 0; y < rows; y++) this.filter(pixels.subarray(y * stride, (y + 1) * stride), out, y * (stride + 1));
    this.written += rows;
    this.pending[turn] = new Promise<void>((resolve, reject) => this.deflater.write(out, (error) => (error ? reject(error) : resolve())));
  }

  private filter(row: Uint8Array, out: Buffer, at: number): void {
    const up = this.rows.above;
    const [sub, vertical] = this.rows.candidates;
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

  /** The PNG file, once every row is written: one buffer, zlib's output copied into it once. */
  async end(): Promise<Png> {
    if (this.written !== this.height) throw new Error(`${this.written} of ${this.height} rows written`);
    await Promise.all(this.pending);
    this.deflater.end();
    await this.done;
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA, deflate, adaptive filtering, no interlace
    const chunks: [string, Uint8Array[]][] = [['IHDR', [header]], ['IDAT', this.chunks], ['IEND', []]];
    const data = Buffer.allocUnsafe(chunks.reduce((n, [, parts]) => n + 12 + parts.reduce((m, part) => m + part.length, 0), SIGNATURE.length));
    let at = SIGNATURE.copy(data, 0);
    for (const [type, parts] of chunks) at = writeChunk(data, at, type, parts);
    this.chunks.length = 0;
    return { data, width: this.width, height: this.height };
  }
}

/** Writes one PNG chunk at `at` (length, type, its data's parts in order, CRC of type and data); returns where it ends. */
function writeChunk(out: Buffer, at: number, type: string, parts: Uint8Array[]): number {
  const start = at;
  at = out.write(type, start + 4, 'latin1') + start + 4;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  out.writeUInt32BE(at - start - 8, start);
  return out.writeUInt32BE(crc32(out.subarray(start + 4, at)), at);
}

/**
 * The band and row buffers of the last drawing (≈ 0.4 MB at 800 px wide), kept for the next one of the same
 * width: pictures are drawn one after another, and fresh buffers for each were left to the garbage
 * collector, which lets ArrayBuffers pile up by 64 MB before a full collection (issue 17: the resident
 * peak after 100 /timeline pictures).
 */
let spare: { band: Band; rows: RowBuffers } | undefined;

/** Whether drawPng keeps buffers for a next picture `width` pixels wide (for tests). */
export function keepsBuffersFor(width: number): boolean {
  return spare?.band.width === width;
}

/**
 * The PNG of `shapes` on a `width`×`height` picture, drawn band by band into the writer; the thread is given
 * back to other work whenever `sliceMs` have passed, so no slice of drawing holds it much longer.
 */
export async function drawPng(width: number, height: number, shapes: Shape[], sliceMs = PICTURE_SLICE_MS): Promise<Png> {
  // Taken, not shared: a drawing that runs meanwhile makes its own.
  const kept = spare?.band.width === width ? spare : undefined;
  if (kept) spare = undefined;
  const band = kept?.band ?? new Band(width, height);
  band.picture(height);
  const writer = new PngWriter(width, height, kept?.rows);
  const slicer = new Slicer(sliceMs);
  for (let top = 0; top < height; top += BAND) {
    band.reset(top);
    for (const s of shapes) {
      if (s.y1 <= top || s.y0 >= top + band.rows) continue;
      band.draw(s);
      if (slicer.due()) await slicer.turn();
    }
    await writer.write(band.pixels, band.rows);
    if (slicer.due()) await slicer.turn();
  }
  const png = await writer.end();
  spare = { band, rows: writer.rows };
  return png;
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
