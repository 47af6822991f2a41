// Text as glyph outlines: DejaVu Sans shaped by fontkit (kerning, ligatures, combining marks, Arabic
// joining) one word at a time, each word's shaping and each glyph's outline cached, so the picture's SVG
// holds only <path>s and resvg never loads a font or shapes text (that cost ~3 ms a line, every render).
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

const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u1E00-\u1FFF]/u;

class Face {
  private readonly font: fontkit.Font;
  private readonly words = new Map<string, ShapedWord>();
  private readonly paths = new Map<number, string>();
  readonly space: number;

  constructor(file: string) {
    this.font = fontkit.openSync(file) as fontkit.Font;
    this.space = this.font.glyphForCodePoint(0x20).advanceWidth;
  }

  get unitsPerEm(): number {
    return this.font.unitsPerEm;
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

  /** The glyph's outline as SVG path data in font units, y up. */
  path(id: number): string {
    let d = this.paths.get(id);
    if (d === undefined) {
      d = this.font.getGlyph(id).path.toSVG();
      this.paths.set(id, d);
    }
    return d;
  }

  get cachedWords(): number {
    return this.words.size;
  }
}

/** Shapes lines of one font family (regular and bold) into glyph positions and hands out the outlines. */
export class Typesetter {
  private faces?: { regular: Face; bold: Face };

  constructor(private readonly files: { regular: string; bold: string } = FONT_FILES) {}

  /** Fonts are read on first use: a process that never draws a picture never holds them. */
  private face(bold: boolean): Face {
    this.faces ??= { regular: new Face(this.files.regular), bold: new Face(this.files.bold) };
    return bold ? this.faces.bold : this.faces.regular;
  }

  /**
   * `text` (one line, single spaces) as positioned glyphs. Words are shaped alone and joined with the space's
   * advance; a run of right-to-left words (with the digits and punctuation between them) reads right to left
   * inside the left-to-right line.
   */
  shape(text: string, bold = false): ShapedLine {
    const face = this.face(bold);
    const words = text.split(' ').map((w) => face.word(w));
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

  path(id: number, bold = false): string {
    return this.face(bold).path(id);
  }

  /** Shaped words held (regular and bold). */
  get cachedWords(): number {
    return this.faces ? this.faces.regular.cachedWords + this.faces.bold.cachedWords : 0;
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
