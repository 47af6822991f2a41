// Draws a TimelineLayout as SVG. Everything drawn comes from the layout; text is drawn as glyph outlines
// (<use> of one <path> per glyph, from the typesetter), never as <text>, so the renderer needs no fonts and
// no input text reaches the SVG; each event label is clipped to the box the layout gave it, so nothing can
// draw outside the picture.
import { sharedTypesetter, type Typesetter } from './glyphs';
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

const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** Draws text boxes as glyphs, remembering which glyph outlines the picture's <defs> must hold. */
class GlyphWriter {
  /** "r12" / "b12" (regular or bold glyph 12) → its <path> definition. */
  readonly defs = new Map<string, string>();

  constructor(private readonly typesetter: Typesetter) {}

  text(t: TextBox, fill: string): string {
    const bold = t.bold === true;
    const line = this.typesetter.shape(t.text, bold);
    const scale = t.size / line.unitsPerEm;
    const width = line.advance * scale;
    const left = t.anchor === 'start' ? t.x : t.anchor === 'middle' ? t.x - width / 2 : t.x - width;
    const uses: string[] = [];
    for (const g of line.glyphs) {
      const id = `${bold ? 'b' : 'r'}${g.id}`;
      if (!this.defs.has(id)) {
        const d = this.typesetter.path(g.id, bold);
        this.defs.set(id, d ? `<path id="${id}" d="${d}"/>` : '');
      }
      if (this.defs.get(id)) uses.push(`<use href="#${id}" x="${Math.round(g.x)}"${g.y ? ` y="${Math.round(g.y)}"` : ''}/>`);
    }
    // Font units are y-up: the group flips them onto the baseline.
    return `<g fill="${fill}" transform="translate(${n(left)} ${n(t.y)}) scale(${+scale.toFixed(6)} ${-scale.toFixed(6)})">${uses.join('')}</g>`;
  }
}

export function timelineSvg(layout: TimelineLayout, theme: Theme, typesetter: Typesetter = sharedTypesetter()): string {
  const p = PALETTES[theme];
  const glyphs = new GlyphWriter(typesetter);
  const text = (t: TextBox, fill: string) => glyphs.text(t, fill);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<rect width="100%" height="100%" rx="8" fill="${p.background}"/>`,
    text(layout.title, p.text),
    text(layout.subtitle, p.muted),
  );
  const { axis, today } = layout;
  out.push(`<line x1="${n(axis.x1)}" y1="${n(axis.y)}" x2="${n(axis.x2)}" y2="${n(axis.y)}" stroke="${p.axis}" stroke-width="2"/>`);
  for (const t of axis.ticks) {
    out.push(`<line x1="${n(t.x)}" y1="${n(axis.y - 4)}" x2="${n(t.x)}" y2="${n(axis.y + 4)}" stroke="${p.axis}" stroke-width="1.5"/>`, text(t.label, p.muted));
  }
  out.push(
    `<line x1="${n(today.x)}" y1="${n(today.y1)}" x2="${n(today.x)}" y2="${n(today.y2)}" stroke="${p.today}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    text(today.label, p.today),
  );
  out.push('<defs>', '<!--glyphs-->');
  layout.items.forEach((item, i) => out.push(`<clipPath id="c${i}"><rect x="${n(item.clip.x)}" y="${n(item.clip.y)}" width="${n(item.clip.width)}" height="${n(item.clip.height)}"/></clipPath>`));
  out.push('</defs>');
  // Guides from the axis to each mark first, so every mark and label is drawn over them.
  for (const item of layout.items) out.push(`<line x1="${n(item.x)}" y1="${n(axis.y)}" x2="${n(item.x)}" y2="${n(item.y)}" stroke="${p.guide}" stroke-width="1"/>`);
  layout.items.forEach((item, i) => {
    const colour = item.status === 'past' ? p.past : item.status === 'today' ? p.today : item.status === 'unknown' ? p.muted : p.upcoming;
    const dash = item.uncertain ? ' stroke-dasharray="3 2"' : '';
    if (item.shape === 'point') {
      out.push(
        item.uncertain
          ? `<circle cx="${n(item.x)}" cy="${n(item.y)}" r="5" fill="${p.background}" stroke="${colour}" stroke-width="2"${dash}/>`
          : `<circle cx="${n(item.x)}" cy="${n(item.y)}" r="5" fill="${colour}"/>`,
      );
    } else {
      const w = Math.max(item.x2 - item.x, 1);
      out.push(
        `<rect x="${n(item.x)}" y="${n(item.y - 5)}" width="${n(w)}" height="10" rx="3" fill="${colour}" fill-opacity="${item.uncertain ? 0.25 : 0.55}" stroke="${colour}" stroke-width="1.5"${dash}/>`,
      );
    }
    out.push(`<g clip-path="url(#c${i})">${text(item.label, item.status === 'past' || item.status === 'unknown' ? p.muted : item.status === 'today' ? p.today : p.text)}</g>`);
  });
  for (const line of [...layout.legend, ...layout.sourceLines]) out.push(text(line, p.muted));
  out.push('</svg>');
  // The glyph outlines go into <defs> once every text is drawn and the glyphs used are known.
  out[out.indexOf('<!--glyphs-->')] = [...glyphs.defs.values()].filter(Boolean).join('\n');
  return out.join('\n');
}
