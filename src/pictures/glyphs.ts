// Text as glyph outlines: DejaVu Sans shaped by fontkit (kerning, ligatures, combining marks, Arabic
// joining) one word at a time, each word's shaping and each glyph's outline cached (the outline as a small
// array of numbers, not fontkit's objects), for the picture's rasteriser (canvas.ts) to fill.
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

/** One word's glyphs in visual order: ids and pen positions in font units from the word's left edge. */
interface ShapedWord {
  ids: Uint16Array;
  xs: Float32Array;
  /** Vertical offsets (marks above or below a letter); absent when all are 0. */
  ys?: Float32Array;
  advance: number;
  rtl: boolean;
  /** No letter of a strong direction (digits, punctuation): it takes the direction of its neighbours. */
  neutral: boolean;
}

/** A line of glyphs ready to draw: positions in font units from the line's left edge, baseline at 0. */
export interface ShapedLine {
  glyphs: { id: number; x: number; y: number }[];
  /** Width in font units. */
  advance: number;
  unitsPerEm: number;
}

/** Words kept shaped: news text repeats its words, so a few thousand cover most lines (≈100 bytes each). */
export const WORD_CACHE = 5000;
/** Glyph outlines kept per face (a few hundred bytes each): Latin text uses a few hundred glyphs. */
export const OUTLINE_CACHE = 2000;

/**
 * A glyph's outline in font units, y up: a run of commands, each an opcode and its coordinates —
 * MOVE x y, LINE x y, QUAD cx cy x y, CUBIC c1x c1y c2x c2y x y, CLOSE.
 */
export type Outline = Float32Array;
export const MOVE = 0;
export const LINE = 1;
export const QUAD = 2;
export const CUBIC = 3;
export const CLOSE = 4;
const OPCODES: Record<string, number> = { moveTo: MOVE, lineTo: LINE, quadraticCurveTo: QUAD, bezierCurveTo: CUBIC, closePath: CLOSE };

const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u1E00-\u1FFF]/u;

/** The tables fontkit reads to shape a word: character map, metrics, glyph classes, substitutions, positioning, kerning. */
const SHAPING_TABLES = ['cmap', 'hmtx', 'GDEF', 'GSUB', 'GPOS', 'kern'] as const;

class Face {
  private readonly font: fontkit.Font;
  private readonly words = new Map<string, ShapedWord>();
  private readonly outlines = new Map<number, Outline>();
  readonly space: number;

  constructor(file: string) {
    this.font = fontkit.openSync(file) as fontkit.Font;
    this.space = this.font.glyphForCodePoint(0x20).advanceWidth;
  }

  /**
   * Decodes the tables shaping reads (fontkit decodes each on first use), one a step: the face's first
   * word otherwise decodes them all at once.
   */
  *decodeTables(): Generator<void> {
    const font = this.font as unknown as Record<string, unknown>;
    for (const table of SHAPING_TABLES) {
      void font[table];
      yield;
    }
  }

  get unitsPerEm(): number {
    return this.font.unitsPerEm;
  }

  /** Whether `text` is shaped already (word() then costs a lookup). */
  hasWord(text: string): boolean {
    return this.words.has(text);
  }

  word(text: string): ShapedWord {
    const hit = this.words.get(text);
    if (hit) return hit;
    const run = this.font.layout(text);
    const n = run.glyphs.length;
    const ids = new Uint16Array(n);
    const xs = new Float32Array(n);
    let ys: Float32Array | undefined;
    let pen = 0;
    for (let i = 0; i < n; i++) {
      const p = run.positions[i];
      ids[i] = run.glyphs[i].id;
      xs[i] = pen + p.xOffset;
      if (p.yOffset !== 0) (ys ??= new Float32Array(n))[i] = p.yOffset;
      pen += p.xAdvance;
    }
    const shaped: ShapedWord = { ids, xs, ys, advance: pen, rtl: run.direction === 'rtl', neutral: !STRONG_RTL.test(text) && !STRONG_LTR.test(text) };
    if (this.words.size >= WORD_CACHE) this.words.delete(this.words.keys().next().value as string);
    this.words.set(text, shaped);
    return shaped;
  }

  /** The glyph's outline in font units, y up (empty for a space). */
  outline(id: number): Outline {
    let o = this.outlines.get(id);
    if (o === undefined) {
      const numbers: number[] = [];
      for (const { command, args } of this.font.getGlyph(id).path.commands) numbers.push(OPCODES[command], ...args);
      o = Float32Array.from(numbers);
      if (this.outlines.size >= OUTLINE_CACHE) this.outlines.delete(this.outlines.keys().next().value as number);
      this.outlines.set(id, o);
    }
    return o;
  }

  get cachedWords(): number {
    return this.words.size;
  }
}

/** Shapes lines of one font family (regular and bold) into glyph positions and hands out the outlines. */
export class Typesetter {
  private regular?: Face;
  private bold?: Face;

  constructor(private readonly files: { regular: string; bold: string } = FONT_FILES) {}

  /** Each face is read on first use (Herald uses them at start-up: TimelinePictures.warm()). */
  private face(bold: boolean): Face {
    return bold ? (this.bold ??= new Face(this.files.bold)) : (this.regular ??= new Face(this.files.regular));
  }

  /** Whether the face is read (reading it is tens of milliseconds the first time in a process). */
  isOpen(bold = false): boolean {
    return (bold ? this.bold : this.regular) !== undefined;
  }

  /**
   * `text` (one line, single spaces) as positioned glyphs. Words are shaped alone and joined with the space's
   * advance; a run of right-to-left words (with the digits and punctuation between them) reads right to left
   * inside the left-to-right line.
   */
  shape(text: string, bold = false): ShapedLine {
    return finish(this.shapeSteps(text, bold));
  }

  /**
   * shape() in steps, for a drawing run in slices: it yields after reading the face and after each word it
   * had to shape (a word is ≈ 0.2 ms of fontkit, a long label a dozen words), never after a cached one.
   */
  *shapeSteps(text: string, bold = false): Generator<void, ShapedLine> {
    if (!this.isOpen(bold)) {
      this.face(bold);
      yield;
      yield* this.face(bold).decodeTables();
    }
    const face = this.face(bold);
    const words: ShapedWord[] = [];
    for (const w of text.split(' ')) {
      const shaped = face.hasWord(w);
      words.push(face.word(w));
      if (!shaped) yield;
    }
    const order = visualOrder(words);
    const glyphs: ShapedLine['glyphs'] = [];
    let pen = 0;
    order.forEach((w, i) => {
      if (i > 0) pen += face.space;
      for (let g = 0; g < w.ids.length; g++) glyphs.push({ id: w.ids[g], x: pen + w.xs[g], y: w.ys ? w.ys[g] : 0 });
      pen += w.advance;
    });
    return { glyphs, advance: pen, unitsPerEm: face.unitsPerEm };
  }

  outline(id: number, bold = false): Outline {
    return this.face(bold).outline(id);
  }

  /** Shaped words held (regular and bold). */
  get cachedWords(): number {
    return (this.regular?.cachedWords ?? 0) + (this.bold?.cachedWords ?? 0);
  }
}

/** Runs work written in steps (a generator) to its end at once, for a caller that is not sliced. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Words in drawing order: each maximal run of right-to-left words (neutral words inside it included) reversed. */
export function visualOrder<W extends { rtl: boolean; neutral: boolean }>(words: W[]): W[] {
  const out: W[] = [];
  let i = 0;
  while (i < words.length) {
    if (!words[i].rtl || words[i].neutral) {
      out.push(words[i++]);
      continue;
    }
    // Extend the run over neutral words only while another right-to-left word follows them.
    let end = i + 1;
    for (let j = i + 1; j < words.length; j++) {
      if (words[j].neutral) continue;
      if (!words[j].rtl) break;
      end = j + 1;
    }
    out.push(...words.slice(i, end).reverse());
    i = end;
  }
  return out;
}

let shared: Typesetter | undefined;

/** The process's one typesetter (its caches serve every picture). */
export function sharedTypesetter(): Typesetter {
  return (shared ??= new Typesetter());
}
