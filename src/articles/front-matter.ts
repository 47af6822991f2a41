// Splits an optional `---` front-matter block off the top of an article and validates its fields.
import { frontMatterSchema, type FrontMatter } from './model';
import { dayOfIso } from './calendar';

export interface FrontMatterSplit {
  meta: FrontMatter;
  /** Offset in the raw text where the body starts (0 when there is no front matter). */
  bodyStart: number;
  warnings: string[];
}

const KNOWN_KEYS = new Set(['url', 'source', 'published', 'published-basis', 'language']);
/** Static-site generators (Jekyll, Hugo) write the publication date as `date:`; it stands for `published:`. */
const PUBLISHED_ALIASES = new Set(['date']);
/**
 * An ISO instant ("2026-11-24T15:30:00-05:00", "2026-11-24 09:30"), as feeds and site generators write it:
 * its day as written, the writer's own (converting to UTC could move it to another day).
 */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const MAX_FRONT_MATTER = 16_000;

export function splitFrontMatter(text: string): FrontMatterSplit {
  const none: FrontMatterSplit = { meta: {}, bodyStart: 0, warnings: [] };
  let start = 0;
  if (text.charCodeAt(0) === 0xfeff) start = 1;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(start, start + 8));
  if (!open) return { ...none, bodyStart: start };
  const from = start + open[0].length;
  const window = text.slice(from, from + MAX_FRONT_MATTER);
  const close = /(^|\n)---[ \t]*(\r?\n|$)/.exec(window);
  if (!close) {
    return { meta: {}, bodyStart: start, warnings: ['front matter opened with --- but never closed; treated as text'] };
  }
  const block = window.slice(0, close.index);
  const bodyStart = from + close.index + close[0].length;
  const warnings: string[] = [];
  const raw: Record<string, string> = {};
  let aliased: string | undefined;
  for (const line of block.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      warnings.push(`front matter line ignored (no "key: value"): ${line.trim().slice(0, 60)}`);
      continue;
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    let value = line.slice(colon + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
      value = value.slice(1, -1);
    }
    if (PUBLISHED_ALIASES.has(key)) {
      if (value) aliased ??= value;
      continue;
    }
    if (!KNOWN_KEYS.has(key)) {
      warnings.push(`front matter key "${key}" is not used`);
      continue;
    }
    if (value) raw[key] = value;
  }
  if (aliased !== undefined && raw.published === undefined) raw.published = aliased;
  const instant = raw.published === undefined ? null : ISO_INSTANT.exec(raw.published);
  if (instant) raw.published = instant[1];
  const meta: FrontMatter = {};
  for (const key of Object.keys(raw) as (keyof FrontMatter)[]) {
    const one = frontMatterSchema.shape[key].safeParse(raw[key]);
    if (!one.success) {
      warnings.push(`front matter ${key} "${raw[key].slice(0, 60)}" is invalid (${one.error.issues[0]?.message ?? 'bad value'}); ignored`);
      continue;
    }
    if (key === 'published' && dayOfIso(raw[key]) === null) {
      warnings.push(`front matter published "${raw[key]}" is not a real calendar date; ignored`);
      continue;
    }
    meta[key] = one.data as string;
  }
  return { meta, bodyStart, warnings };
}
