// A TimelineLayout as shapes to fill (canvas.ts). Everything drawn comes from the layout; text is filled
// from the typesetter's glyph outlines (the rasteriser loads no font and interprets no text), and each
// event label is clipped to the box the layout gave it, so nothing can draw outside the picture.
import { Path, rgb, shape, strokePath, type Contours, type Part, type Rect, type Rgb, type Shape } from './canvas';
import { CLOSE, CUBIC, finish, LINE, MOVE, QUAD, sharedTypesetter, type Typesetter } from './glyphs';
import type { TextBox, TimelineLayout } from './timeline-layout';

export type Theme = 'light' | 'dark';

export interface Palette {
  background: string;
  text: string;
  muted: string;
  axis: string;
  guide: string;
  past: string;
  upcoming: string;
  today: string;
}

/** Discord's own light and dark surfaces; text colours keep at least 4.5:1 contrast on them (tested). */
export const PALETTES: Record<Theme, Palette> = {
  light: { background: '#ffffff', text: '#1f2328', muted: '#57606a', axis: '#8c959f', guide: '#d0d7de', past: '#59636e', upcoming: '#0b63c7', today: '#c4212b' },
  dark: { background: '#2b2d31', text: '#f2f3f5', muted: '#b5bac1', axis: '#80848e', guide: '#4e5058', past: '#aeb4bc', upcoming: '#6cb6ff', today: '#ff8a80' },
};

/** Glyphs kept flattened, per typesetter, by face, glyph and size (the picture uses three sizes; < 1 KB each). */
export const FLAT_GLYPHS = 1500;
const flatGlyphs = new WeakMap<Typesetter, Map<string, Contours>>();

/** Glyphs the typesetter has flattened and kept (for tests). */
export function flatGlyphCount(typesetter: Typesetter): number {
  return flatGlyphs.get(typesetter)?.size ?? 0;
}

/** A glyph's outline flattened at `size` pixels, origin on its baseline; `made` when it was not cached. */
function flatGlyph(typesetter: Typesetter, id: number, bold: boolean, size: number, unitsPerEm: number): { contours: Contours; made: boolean } {
  let cache = flatGlyphs.get(typesetter);
  if (!cache) flatGlyphs.set(typesetter, (cache = new Map()));
  const key = `${bold ? 'b' : 'r'}${id}@${size}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return { contours: hit, made: false };
  }
  const o = typesetter.outline(id, bold);
  const scale = size / unitsPerEm;
  // Font units are y up: flipped onto the baseline.
  const X = (v: number) => v * scale;
  const Y = (v: number) => -v * scale;
  const path = new Path();
  for (let i = 0; i < o.length; ) {
    const op = o[i++];
    if (op === MOVE) path.moveTo(X(o[i]), Y(o[i + 1])), (i += 2);
    else if (op === LINE) path.lineTo(X(o[i]), Y(o[i + 1])), (i += 2);
    else if (op === QUAD) path.quadTo(X(o[i]), Y(o[i + 1]), X(o[i + 2]), Y(o[i + 3])), (i += 4);
    else if (op === CUBIC) path.cubicTo(X(o[i]), Y(o[i + 1]), X(o[i + 2]), Y(o[i + 3]), X(o[i + 4]), Y(o[i + 5])), (i += 6);
    else if (op === CLOSE) path.close();
    else throw new Error(`unknown outline command ${op}`);
  }
  const flat = path.flatten();
  if (cache.size >= FLAT_GLYPHS) cache.delete(cache.keys().next().value as string);
  cache.set(key, flat);
  return { contours: flat, made: true };
}

/** One line of text as glyphs to fill: the typesetter's glyphs at the box's size, placed on its baseline by its anchor. */
export function textParts(t: TextBox, typesetter: Typesetter): Part[] {
  return finish(textPartsSteps(t, typesetter));
}

/**
 * textParts() in steps: it yields wherever the typesetter does (a face read, a word shaped) and after each
 * glyph it had to flatten, so no label of new words holds the thread for its whole shaping (issue 17).
 */
export function* textPartsSteps(t: TextBox, typesetter: Typesetter): Generator<void, Part[]> {
  const bold = t.bold === true;
  const line = yield* typesetter.shapeSteps(t.text, bold);
  const scale = t.size / line.unitsPerEm;
  const width = line.advance * scale;
  const left = t.anchor === 'start' ? t.x : t.anchor === 'middle' ? t.x - width / 2 : t.x - width;
  const parts: Part[] = [];
  for (const g of line.glyphs) {
    const { contours, made } = flatGlyph(typesetter, g.id, bold, t.size, line.unitsPerEm);
    parts.push({ contours, dx: left + g.x * scale, dy: t.y - g.y * scale });
    if (made) yield;
  }
  return parts;
}

const line = (x1: number, y1: number, x2: number, y2: number) => new Path().moveTo(x1, y1).lineTo(x2, y2);

/**
 * The picture as shapes to fill, in drawing order (drawPng draws them). Yields after each text line, and
 * inside one after each word shaped and glyph flattened anew (textPartsSteps), so it can run in slices (runSliced).
 */
export function* timelineShapes(layout: TimelineLayout, theme: Theme, typesetter: Typesetter = sharedTypesetter()): Generator<void, Shape[]> {
  const p = PALETTES[theme];
  const out: Shape[] = [];
  const fill = (path: Path | Part[], colour: string | Rgb, opacity = 1, clip?: Rect) => {
    const s = shape(path, typeof colour === 'string' ? rgb(colour) : colour, opacity, clip);
    if (s.x1 > s.x0) out.push(s);
  };
  function* text(t: TextBox, colour: string, clip?: Rect): Generator<void> {
    fill(yield* textPartsSteps(t, typesetter), colour, 1, clip);
    yield;
  }
  const stroke = (path: Path, colour: string | Rgb, width: number, dash?: number[]) => fill(strokePath(path, width, dash), colour);

  fill(new Path().roundRect(0, 0, layout.width, layout.height, 8), p.background);
  yield* text(layout.title, p.text);
  yield* text(layout.subtitle, p.muted);
  const { axis, today } = layout;
  stroke(line(axis.x1, axis.y, axis.x2, axis.y), p.axis, 2);
  for (const t of axis.ticks) {
    stroke(line(t.x, axis.y - 4, t.x, axis.y + 4), p.axis, 1.5);
    yield* text(t.label, p.muted);
  }
  stroke(line(today.x, today.y1, today.x, today.y2), p.today, 1.5, [4, 3]);
  yield* text(today.label, p.today);
  // Guides from the axis to each mark first, so every mark and label is drawn over them.
  for (const item of layout.items) stroke(line(item.x, axis.y, item.x, item.y), p.guide, 1);
  for (const item of layout.items) {
    const colour = rgb(item.status === 'past' ? p.past : item.status === 'today' ? p.today : item.status === 'unknown' ? p.muted : p.upcoming);
    const dash = item.uncertain ? [3, 2] : undefined;
    if (item.shape === 'point') {
      const dot = new Path().circle(item.x, item.y, 5);
      if (item.uncertain) {
        fill(dot, p.background);
        stroke(dot, colour, 2, dash);
      } else {
        fill(dot, colour);
      }
    } else {
      const bar = new Path().roundRect(item.x, item.y - 5, Math.max(item.x2 - item.x, 1), 10, 3);
      fill(bar, colour, item.uncertain ? 0.25 : 0.55);
      stroke(bar, colour, 1.5, dash);
    }
    yield* text(item.label, item.status === 'past' || item.status === 'unknown' ? p.muted : item.status === 'today' ? p.today : p.text, item.clip);
  }
  for (const t of [...layout.legend, ...layout.sourceLines]) yield* text(t, p.muted);
  return out;
}
