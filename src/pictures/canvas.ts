// A small anti-aliased rasteriser for the /timeline picture, in plain TypeScript (no WebAssembly, no worker):
// paths of lines and quadratic/cubic Béziers are flattened to line segments, each segment's signed area is
// accumulated per pixel (the font-rs method), and a running sum along each row gives the coverage, with the
// nonzero rule (a hole wound the other way, as in "o", cancels). Strokes (butt caps, miter joins, dashes)
// become filled polygons. Shapes are composited source-over onto straight-alpha RGBA pixels a band of rows
// at a time, so a picture never holds more than BAND rows of pixels (the PNG encoder takes them band by band).
import { PICTURE_SLICE_MS, Slicer } from '../core/slice';

export type Rgb = readonly [number, number, number];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Flattened closed contours, compact: x, y pairs, where each contour starts (in pairs), and their bounds. */
export interface Contours {
  xy: Float32Array;
  starts: Uint32Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Contours drawn moved by dx, dy (a glyph flattened once, drawn wherever the text puts it). */
export interface Part {
  contours: Contours;
  dx: number;
  dy: number;
}

/** A path being built, flattened as it goes: its contours in device pixels, each a run of x, y pairs. */
export class Path {
  readonly contours: number[][] = [];
  private current: number[] | undefined;
  private startX = 0;
  private startY = 0;
  private x = 0;
  private y = 0;

  moveTo(x: number, y: number): this {
    this.current = [x, y];
    this.contours.push(this.current);
    this.startX = this.x = x;
    this.startY = this.y = y;
    return this;
  }

  lineTo(x: number, y: number): this {
    if (!this.current) return this.moveTo(x, y);
    this.current.push(x, y);
    this.x = x;
    this.y = y;
    return this;
  }

  quadTo(cx: number, cy: number, x: number, y: number): this {
    const x0 = this.x;
    const y0 = this.y;
    const devx = x0 - 2 * cx + x;
    const devy = y0 - 2 * cy + y;
    const n = 1 + Math.floor(Math.sqrt(Math.sqrt(3 * (devx * devx + devy * devy))));
    for (let i = 1; i < n; i++) {
      const t = i / n;
      const u = 1 - t;
      this.lineTo(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
    }
    return this.lineTo(x, y);
  }

  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): this {
    const x0 = this.x;
    const y0 = this.y;
    const dev = Math.max(Math.hypot(x0 - 2 * c1x + c2x, y0 - 2 * c1y + c2y), Math.hypot(c1x - 2 * c2x + x, c1y - 2 * c2y + y));
    const n = Math.min(64, 1 + Math.floor(Math.sqrt(Math.sqrt(6 * dev * dev))));
    for (let i = 1; i < n; i++) {
      const t = i / n;
      const u = 1 - t;
      const a = u * u * u;
      const b = 3 * u * u * t;
      const c = 3 * u * t * t;
      const d = t * t * t;
      this.lineTo(a * x0 + b * c1x + c * c2x + d * x, a * y0 + b * c1y + c * c2y + d * y);
    }
    return this.lineTo(x, y);
  }

  close(): this {
    if (this.current && (this.x !== this.startX || this.y !== this.startY)) this.current.push(this.startX, this.startY);
    this.x = this.startX;
    this.y = this.startY;
    this.current = undefined;
    return this;
  }

  /** The contours in compact form, as a shape holds them. */
  flatten(): Contours {
    const used = this.contours.filter((c) => c.length >= 4);
    const xy = new Float32Array(used.reduce((n, c) => n + c.length, 0));
    const starts = new Uint32Array(used.length + 1);
    let at = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    used.forEach((c, k) => {
      starts[k] = at / 2;
      for (let i = 0; i < c.length; i += 2) {
        const x = (xy[at++] = c[i]);
        const y = (xy[at++] = c[i + 1]);
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    });
    starts[used.length] = at / 2;
    return { xy, starts, minX, minY, maxX, maxY };
  }

  /** A rectangle with corners rounded by `r` (limited to half its sides, as SVG does), clockwise from the top edge. */
  roundRect(x: number, y: number, w: number, h: number, r = 0): this {
    r = Math.max(0, Math.min(r, w / 2, h / 2));
    if (r === 0) return this.moveTo(x, y).lineTo(x + w, y).lineTo(x + w, y + h).lineTo(x, y + h).close();
    const k = r * (1 - 0.5522847498);
    return this.moveTo(x + r, y)
      .lineTo(x + w - r, y)
      .cubicTo(x + w - k, y, x + w, y + k, x + w, y + r)
      .lineTo(x + w, y + h - r)
      .cubicTo(x + w, y + h - k, x + w - k, y + h, x + w - r, y + h)
      .lineTo(x + r, y + h)
      .cubicTo(x + k, y + h, x, y + h - k, x, y + h - r)
      .lineTo(x, y + r)
      .cubicTo(x, y + k, x + k, y, x + r, y)
      .close();
  }

  /** A circle, clockwise from its rightmost point (where SVG starts a circle's dashes). */
  circle(cx: number, cy: number, r: number): this {
    const k = r * 0.5522847498;
    return this.moveTo(cx + r, cy)
      .cubicTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
      .cubicTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
      .cubicTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
      .cubicTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
      .close();
  }
}

/**
 * The outline of a stroke of `width` along each contour of `path` (butt caps, miter joins), cut into
 * dashes when `dash` is given (on, off, … lengths in pixels, as SVG's stroke-dasharray). Contours of a
 * path built with close() end where they start and are stroked closed.
 */
export function strokePath(path: Path, width: number, dash?: readonly number[]): Path {
  const out = new Path();
  const hw = width / 2;
  for (const c of path.contours) {
    const closed = c.length >= 6 && c[0] === c[c.length - 2] && c[1] === c[c.length - 1];
    for (const piece of dash && dash.length > 0 ? dashes(c, dash) : [c]) outlinePolyline(out, piece, hw, closed && !dash?.length);
  }
  return out;
}

/** The dashes of a polyline: the parts of it where the dash pattern is "on". */
function dashes(pts: number[], pattern: readonly number[]): number[][] {
  const out: number[][] = [];
  let index = 0;
  let left = pattern[0];
  let on = true;
  let current: number[] | undefined = [pts[0], pts[1]];
  for (let i = 2; i < pts.length; i += 2) {
    let x0 = pts[i - 2];
    let y0 = pts[i - 1];
    const x1 = pts[i];
    const y1 = pts[i + 1];
    let len = Math.hypot(x1 - x0, y1 - y0);
    while (len > 0) {
      const step = Math.min(len, left);
      const t = step / len;
      const x = x0 + (x1 - x0) * t;
      const y = y0 + (y1 - y0) * t;
      if (on) current!.push(x, y);
      x0 = x;
      y0 = y;
      len -= step;
      left -= step;
      if (left <= 1e-9) {
        if (on && current!.length >= 4) out.push(current!);
        on = !on;
        current = on ? [x, y] : undefined;
        index = (index + 1) % pattern.length;
        left = pattern[index];
      }
    }
  }
  if (on && current && current.length >= 4) out.push(current);
  return out;
}

/** Adds the closed outline of a stroke along one polyline: its left side forwards, its right side back. */
function outlinePolyline(out: Path, pts: number[], hw: number, closed: boolean): void {
  // Drop repeated points: they have no direction.
  const p: number[] = [pts[0], pts[1]];
  for (let i = 2; i < pts.length; i += 2) if (pts[i] !== p[p.length - 2] || pts[i + 1] !== p[p.length - 1]) p.push(pts[i], pts[i + 1]);
  if (closed && p.length >= 4 && p[0] === p[p.length - 2] && p[1] === p[p.length - 1]) p.length -= 2;
  const n = p.length / 2;
  if (n < 2) return;
  // The unit normal of each segment (segment i runs from point i to point i+1, wrapping when closed).
  const segs = closed ? n : n - 1;
  const nx: number[] = [];
  const ny: number[] = [];
  for (let i = 0; i < segs; i++) {
    const j = (i + 1) % n;
    const dx = p[2 * j] - p[2 * i];
    const dy = p[2 * j + 1] - p[2 * i + 1];
    const len = Math.hypot(dx, dy);
    nx.push(-dy / len);
    ny.push(dx / len);
  }
  /** The offset of point i's join: the miter of the two segments' normals, limited to 4 half-widths. */
  const offset = (i: number): [number, number] => {
    const before = closed ? (i - 1 + segs) % segs : Math.max(0, i - 1);
    const after = closed ? i % segs : Math.min(segs - 1, i);
    const mx = nx[before] + nx[after];
    const my = ny[before] + ny[after];
    const dot = (mx * nx[after] + my * ny[after]) / 2;
    if (Math.hypot(mx, my) < 1e-9 || dot < 0.25) return [nx[after] * hw, ny[after] * hw];
    const scale = hw / dot;
    return [(mx / 2) * scale, (my / 2) * scale];
  };
  const offsets = Array.from({ length: n }, (_, i) => offset(i));
  if (closed) {
    // Two loops wound opposite ways: the ring between them is the stroke.
    for (let i = 0; i < n; i++) (i === 0 ? out.moveTo.bind(out) : out.lineTo.bind(out))(p[2 * i] + offsets[i][0], p[2 * i + 1] + offsets[i][1]);
    out.close();
    for (let i = n - 1; i >= 0; i--) (i === n - 1 ? out.moveTo.bind(out) : out.lineTo.bind(out))(p[2 * i] - offsets[i][0], p[2 * i + 1] - offsets[i][1]);
    out.close();
    return;
  }
  out.moveTo(p[0] + offsets[0][0], p[1] + offsets[0][1]);
  for (let i = 1; i < n; i++) out.lineTo(p[2 * i] + offsets[i][0], p[2 * i + 1] + offsets[i][1]);
  for (let i = n - 1; i >= 0; i--) out.lineTo(p[2 * i] - offsets[i][0], p[2 * i + 1] - offsets[i][1]);
  out.close();
}

/** Rows drawn at once: a picture is drawn band after band, so only BAND rows of pixels exist at a time. */
export const BAND = 32;

/** Contours to fill (nonzero) with a colour at an opacity, only inside `clip` if given; x0…x1, y0…y1 bound the pixels it touches. */
export interface Shape {
  parts: Part[];
  colour: Rgb;
  opacity: number;
  clip?: Rect;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The shape of a path (or of parts) filled, with the pixels it can touch (none, for an empty path or one wholly clipped). */
export function shape(path: Path | Part[], colour: Rgb, opacity = 1, clip?: Rect): Shape {
  const parts = path instanceof Path ? [{ contours: path.flatten(), dx: 0, dy: 0 }] : path;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { contours: c, dx, dy } of parts) {
    if (c.xy.length === 0) continue;
    minX = Math.min(minX, c.minX + dx);
    maxX = Math.max(maxX, c.maxX + dx);
    minY = Math.min(minY, c.minY + dy);
    maxY = Math.max(maxY, c.maxY + dy);
  }
  let x0 = Math.max(0, Math.floor(minX));
  let x1 = Math.ceil(maxX);
  let y0 = Math.max(0, Math.floor(minY));
  let y1 = Math.ceil(maxY);
  if (clip) {
    x0 = Math.max(x0, Math.floor(clip.x));
    x1 = Math.min(x1, Math.ceil(clip.x + clip.width));
    y0 = Math.max(y0, Math.floor(clip.y));
    y1 = Math.min(y1, Math.ceil(clip.y + clip.height));
  }
  if (!(x1 > x0 && y1 > y0 && opacity > 0)) x1 = x0 = y1 = y0 = 0;
  return { parts, colour, opacity, clip, x0, y0, x1, y1 };
}

/** BAND rows of a picture: cleared, moved down the picture and drawn into, one band after another. */
export class Band {
  /** Straight (not premultiplied) RGBA of the band's rows, row after row. */
  readonly pixels: Uint8Array;
  top = 0;
  rows = 0;
  /** The whole picture's height. */
  height = 0;
  private readonly acc: Float32Array;
  /**
   * The segment being added (ax, ay, bx, by) and the piece of it handed to line() (x0, y0, x1, y1): doubles
   * passed between functions are boxed on the heap, and a picture adds hundreds of thousands of segments.
   */
  private readonly seg = new Float64Array(8);

  constructor(
    readonly width: number,
    height: number,
  ) {
    if (!(width > 0 && Number.isInteger(width))) throw new Error(`a picture of ${width}×${height} pixels cannot be drawn`);
    this.pixels = new Uint8Array(width * BAND * 4);
    this.acc = new Float32Array((width + 2) * BAND);
    this.picture(height);
  }

  /** Starts a picture of this width and `height` rows (a band is reused from one picture to the next). */
  picture(height: number): void {
    if (!(height > 0 && Number.isInteger(height))) throw new Error(`a picture of ${this.width}×${height} pixels cannot be drawn`);
    this.height = height;
    this.top = 0;
    this.rows = 0;
  }

  /** Moves the band to the rows from `top`, transparent. */
  reset(top: number): void {
    this.top = top;
    this.rows = Math.max(0, Math.min(BAND, this.height - top));
    this.pixels.fill(0);
  }

  /** Draws the part of `s` inside the band. */
  draw(s: Shape): void {
    const top = Math.max(this.top, s.y0);
    const bottom = Math.min(this.top + this.rows, s.y1);
    const x0 = s.x0;
    const w = Math.min(this.width, s.x1) - x0;
    if (bottom <= top || w <= 0) return;
    const stride = w + 2;
    this.acc.fill(0, 0, stride * (bottom - top));
    const h = bottom - top;
    const seg = this.seg;
    const parts = s.parts;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      const contours = part.contours;
      // Parts wholly above or below the band cross none of its rows.
      if (contours.maxY + part.dy <= top || contours.minY + part.dy >= bottom) continue;
      const xy = contours.xy;
      const starts = contours.starts;
      const ox = part.dx - x0;
      const oy = part.dy - top;
      for (let k = 0; k + 1 < starts.length; k++) {
        const first = starts[k] * 2;
        const end = starts[k + 1] * 2;
        for (let i = first; i < end; i += 2) {
          const j = i + 2 < end ? i + 2 : first; // every contour is filled closed
          seg[0] = xy[i] + ox;
          seg[1] = xy[i + 1] + oy;
          seg[2] = xy[j] + ox;
          seg[3] = xy[j + 1] + oy;
          this.edge(w, h, stride);
        }
      }
    }
    this.composite(x0, top, w, bottom - top, stride, s.colour, s.opacity, s.clip);
  }

  /** Adds the signed area of the segment in seg[0…3] to the band's coverage buffer, clipped to the band's rows and columns 0…w. */
  private edge(w: number, h: number, stride: number): void {
    const seg = this.seg;
    let ax = seg[0];
    let ay = seg[1];
    let bx = seg[2];
    let by = seg[3];
    if (ay === by) return;
    const dir = ay < by ? 1 : -1;
    if (dir < 0) {
      ax = seg[2];
      bx = seg[0];
      ay = seg[3];
      by = seg[1];
    }
    if (by <= 0 || ay >= h) return;
    const dxdy = (bx - ax) / (by - ay);
    if (ay < 0) {
      ax -= ay * dxdy;
      ay = 0;
    }
    if (by > h) {
      bx -= (by - h) * dxdy;
      by = h;
    }
    if (ax >= 0 && ax <= w && bx >= 0 && bx <= w) {
      seg[4] = ax;
      seg[5] = ay;
      seg[6] = bx;
      seg[7] = by;
      this.line(dir, stride, h);
      return;
    }
    // Split where the segment leaves the columns: outside, it counts as a vertical edge on the border.
    const e1 = (ax < 0) !== (bx < 0) ? ay + (0 - ax) / dxdy : by;
    const e2 = (ax > w) !== (bx > w) ? ay + (w - ax) / dxdy : by;
    const c1 = e1 > e2 ? e2 : e1;
    const c2 = e1 > e2 ? e1 : e2;
    let py = ay;
    let px = Math.min(w, Math.max(0, ax));
    // The pieces end at c1, c2 and by, in that order.
    for (let piece = 0; piece < 3; piece++) {
      const cy = piece === 0 ? c1 : piece === 1 ? c2 : by;
      if (cy <= py) continue;
      const cx = Math.min(w, Math.max(0, cy === by ? bx : ax + (cy - ay) * dxdy));
      seg[4] = px;
      seg[5] = py;
      seg[6] = cx;
      seg[7] = cy;
      this.line(dir, stride, h);
      px = cx;
      py = cy;
    }
  }

  /** font-rs's line accumulation for the segment in seg[4…7] going down (y0 < y1), inside the band, x within 0…w. */
  private line(dir: number, stride: number, h: number): void {
    const seg = this.seg;
    const x0 = seg[4];
    const y0 = seg[5];
    const x1 = seg[6];
    const y1 = seg[7];
    if (y1 - y0 <= 1e-12) return;
    const a = this.acc;
    const dxdy = (x1 - x0) / (y1 - y0);
    let x = x0;
    const yEnd = Math.min(h, Math.ceil(y1));
    for (let y = Math.floor(y0); y < yEnd; y++) {
      const row = y * stride;
      const dy = Math.min(y + 1, y1) - Math.max(y, y0);
      const xnext = x + dxdy * dy;
      const d = dy * dir;
      const lo = x < xnext ? x : xnext;
      const hi = x < xnext ? xnext : x;
      const lof = Math.floor(lo);
      const loi = lof;
      const hic = Math.ceil(hi);
      const hii = hic;
      if (hii <= loi + 1) {
        const xmf = 0.5 * (x + xnext) - lof;
        a[row + loi] += d - d * xmf;
        a[row + loi + 1] += d * xmf;
      } else {
        const s = 1 / (hi - lo);
        const lofr = lo - lof;
        const a0 = 0.5 * s * (1 - lofr) * (1 - lofr);
        const hifr = hi - hic + 1;
        const am = 0.5 * s * hifr * hifr;
        a[row + loi] += d * a0;
        if (hii === loi + 2) {
          a[row + loi + 1] += d * (1 - a0 - am);
        } else {
          const a1 = s * (1.5 - lofr);
          a[row + loi + 1] += d * (a1 - a0);
          for (let xi = loi + 2; xi < hii - 1; xi++) a[row + xi] += d * s;
          const a2 = a1 + (hii - loi - 3) * s;
          a[row + hii - 1] += d * (1 - a2 - am);
        }
        a[row + hii] += d * am;
      }
      x = xnext;
    }
  }

  /** Sums the band's coverage along each row and blends the colour over the pixels (source-over). */
  private composite(x0: number, top: number, w: number, h: number, stride: number, colour: Rgb, opacity: number, clip?: Rect): void {
    const r = colour[0];
    const g = colour[1];
    const b = colour[2];
    const px = this.pixels;
    const acc = this.acc;
    for (let row = 0; row < h; row++) {
      const y = top + row;
      let rowFactor = opacity;
      if (clip) rowFactor *= Math.max(0, Math.min(y + 1, clip.y + clip.height) - Math.max(y, clip.y));
      let sum = 0;
      let at = ((y - this.top) * this.width + x0) * 4;
      for (let i = 0; i < w; i++, at += 4) {
        sum += acc[row * stride + i];
        let cover = sum < 0 ? -sum : sum;
        if (cover > 1) cover = 1;
        if (clip) cover *= Math.max(0, Math.min(x0 + i + 1, clip.x + clip.width) - Math.max(x0 + i, clip.x));
        const alpha = cover * rowFactor;
        if (alpha < 1 / 512) continue;
        const da = px[at + 3] / 255;
        const outA = alpha + da * (1 - alpha);
        const keep = (da * (1 - alpha)) / outA;
        const give = alpha / outA;
        px[at] = Math.round(r * give + px[at] * keep);
        px[at + 1] = Math.round(g * give + px[at + 1] * keep);
        px[at + 2] = Math.round(b * give + px[at + 2] * keep);
        px[at + 3] = Math.round(outA * 255);
      }
    }
  }
}

/** `#rrggbb` as numbers. */
export function rgb(hex: string): Rgb {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

/** The pixels of a whole `width`×`height` picture of `shapes` (drawn band by band; for small pictures and tests). */
export function rasterise(width: number, height: number, shapes: Shape[]): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const band = new Band(width, height);
  for (let top = 0; top < height; top += BAND) {
    band.reset(top);
    for (const s of shapes) band.draw(s);
    out.set(band.pixels.subarray(0, band.rows * width * 4), top * width * 4);
  }
  return out;
}

/**
 * Runs a drawing generator to its end in slices of at most `sliceMs` of this thread, letting other work
 * (commands, heartbeats) run between them. Given a Slicer, its current slice is the first: what ran
 * before the drawing in the same turn (the layout) counts against it.
 */
export async function runSliced<T>(work: Generator<void, T>, slice: number | Slicer = PICTURE_SLICE_MS): Promise<T> {
  const slicer = typeof slice === 'number' ? new Slicer(slice) : slice;
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    await slicer.pause();
  }
}
