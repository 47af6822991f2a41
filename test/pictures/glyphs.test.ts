// Text as glyphs: DejaVu Sans shaped by fontkit, words cached, right-to-left runs in reading order.
import { describe, expect, it } from 'vitest';
import { CLOSE, CUBIC, LINE, MOVE, QUAD, Typesetter, visualOrder, WORD_CACHE } from '../../src/pictures/glyphs';

/** The commands of an outline without their coordinates. */
function ops(outline: Float32Array): number[] {
  const args: Record<number, number> = { [MOVE]: 2, [LINE]: 2, [QUAD]: 4, [CUBIC]: 6, [CLOSE]: 0 };
  const out: number[] = [];
  for (let i = 0; i < outline.length; i += 1 + args[outline[i]]) out.push(outline[i]);
  return out;
}

const w = (name: string, rtl = false, neutral = false) => ({ name, rtl, neutral });
const names = (ws: { name: string }[]) => ws.map((x) => x.name).join(' ');

describe('visual order of words', () => {
  it('keeps a left-to-right line as written', () => {
    expect(names(visualOrder([w('a'), w('1', false, true), w('b')]))).toBe('a 1 b');
  });

  it('reverses a run of right-to-left words, with the numbers between them, inside a left-to-right line', () => {
    expect(names(visualOrder([w('On'), w('A', true), w('2024', false, true), w('B', true), w('C', true), w('said'), w('D', true)]))).toBe('On C B 2024 A said D');
  });

  it('leaves a neutral word after the last right-to-left word where it is', () => {
    expect(names(visualOrder([w('A', true), w('B', true), w('·', false, true), w('2024', false, true)]))).toBe('B A · 2024');
  });
});

describe('typesetter', () => {
  const typesetter = new Typesetter();

  it('shapes with the font: kerning pulls "AV" tighter than "A" and "V" apart, and "fi" is one ligature glyph', () => {
    const av = typesetter.shape('AV');
    const a = typesetter.shape('A');
    const v = typesetter.shape('V');
    expect(av.advance).toBeLessThan(a.advance + v.advance);
    expect(typesetter.shape('fi').glyphs).toHaveLength(1);
    expect(av.unitsPerEm).toBe(2048);
  });

  it('joins words with the space advance, and the bold face is wider', () => {
    const one = typesetter.shape('border');
    const two = typesetter.shape('border border');
    const space = typesetter.shape('border  border').advance - two.advance;
    expect(space).toBeGreaterThan(0);
    expect(two.advance).toBeCloseTo(2 * one.advance + space, 3);
    expect(typesetter.shape('border', true).advance).toBeGreaterThan(one.advance);
  });

  it('draws Arabic joined and right to left: initial, medial and final forms laid out left to right on the page', () => {
    const word = 'بيت';
    const line = typesetter.shape(word);
    const isolated = [...word].map((ch) => typesetter.shape(ch).glyphs[0].id);
    const ids = line.glyphs.map((g) => g.id);
    expect(ids).toHaveLength(3);
    // Every letter takes a joined form, none its isolated one.
    for (const id of ids) expect(isolated).not.toContain(id);
    // The lam-alef pair becomes one ligature glyph.
    expect(typesetter.shape('لا').glyphs).toHaveLength(1);
    expect(line.glyphs.map((g) => g.x)).toEqual([...line.glyphs.map((g) => g.x)].sort((a, b) => a - b));
  });

  it('hands out each glyph outline as commands in font units, and caches it', () => {
    const [h] = typesetter.shape('H').glyphs;
    const outline = typesetter.outline(h.id);
    // "H" is straight lines only: one contour, moved to, lined, closed, inside the em square.
    expect(ops(outline)).toEqual([MOVE, LINE, LINE, LINE, LINE, LINE, LINE, LINE, LINE, LINE, LINE, LINE, CLOSE]);
    expect(Math.max(...outline)).toBeLessThan(2048);
    // "o" is curves (quadratic in TrueType) in two contours.
    const o = ops(typesetter.outline(typesetter.shape('o').glyphs[0].id));
    expect(o).toContain(QUAD);
    expect(o.filter((v) => v === MOVE)).toHaveLength(2);
    expect(typesetter.outline(h.id)).toBe(outline); // cached
  });

  it('keeps at most WORD_CACHE shaped words', () => {
    const t = new Typesetter();
    for (let i = 0; i < WORD_CACHE + 50; i++) t.shape(`w${i}`);
    expect(t.cachedWords).toBe(WORD_CACHE);
  });
});
