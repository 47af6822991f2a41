// Text as a picture may hold it: hostile characters removed, XML-escaped, and measured by an estimate of
// DejaVu Sans' advance widths (a little generous, so a label cut to fit stays inside its clip box).

/** Bidi overrides/isolates, zero-width characters, controls and the BOM: they reorder or hide text. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g;
/** Characters XML 1.0 cannot hold at all: lone surrogates and U+FFFE/U+FFFF. */
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** One line of plain text: invisible and non-XML characters gone, runs of whitespace as one space. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(NOT_XML, '').replace(/\s+/g, ' ').trim();
}

/** DejaVu Sans advance widths (em) of printable ASCII, U+0020 to U+007E, read from the font's hmtx table. */
const ASCII_EM = [
  0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337,
  0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
  1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
  0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5,
  0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
  0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
];

/** Estimates run a little wide, so text cut to fit stays inside its box even with another font's glyphs. */
const SAFETY = 1.04;

/** Advance width of one code point in em: exact for ASCII, generous elsewhere (wide scripts and emoji 1.1 em). */
function charWidth(cp: number): number {
  if (cp >= 0x20 && cp <= 0x7e) return ASCII_EM[cp - 0x20];
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x64b && cp <= 0x65f) || cp === 0xfe0f || cp === 0xfe0e || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff)) return 0; // combining marks, variation selectors, joiners, skin tones
  if (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || cp >= 0x1f000)) return 1.1;
  if (cp >= 0x2600 && cp <= 0x27bf) return 1.1; // symbols and dingbats, often drawn as emoji
  if (cp === 0x2026 || cp === 0x2014) return 1.0;
  return 0.8;
}

/** Estimated width in pixels of `text` at `size` px; bold DejaVu is about 10 % wider. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch.codePointAt(0) as number);
  return em * size * (bold ? 1.1 : 1) * SAFETY;
}

/**
 * `text` cut (at a word boundary when one is near) with "…" so that it fits `maxWidth` px. Not format/text.ts
 * `clip`, which counts characters: a picture's label must fit a width in pixels, measured per glyph.
 */
export function fitText(text: string, size: number, maxWidth: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', size, bold);
  const chars = [...text]; // code points: never splits a surrogate pair
  let width = 0;
  let cut = 0;
  while (cut < chars.length) {
    const w = charWidth(chars[cut].codePointAt(0) as number) * size * (bold ? 1.1 : 1) * SAFETY;
    if (width + w > room) break;
    width += w;
    cut++;
  }
  let kept = chars.slice(0, cut).join('');
  const space = kept.lastIndexOf(' ');
  if (space > kept.length * 0.6) kept = kept.slice(0, space);
  return `${kept.replace(/[\s,;:–—-]+$/, '')}…`;
}
