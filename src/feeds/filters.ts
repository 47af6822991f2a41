// Filters per feed or watch (pure): include and exclude words or phrases, and regular expressions that
// cannot hang the bot. Patterns run on RE2 (re2js: a pure-JavaScript port of RE2), whose matching time is
// linear in the text whatever the pattern — (a+)+$ on a long run of "a"s is as fast as any other — and the
// text is bounded too. Backreferences and lookaround, which need backtracking, are refused when set.
import { RE2JS } from 're2js';
import { z } from 'zod';
import { normalise } from '../stories/entities';

export interface FilterSpec {
  /** Words or phrases: an article passes when it contains any of them (none given: every article). */
  include: string[];
  /** Words or phrases: an article containing any of them is left out. */
  exclude: string[];
  /** RE2 pattern the article must match (case-insensitive). */
  pattern?: string;
  /** RE2 pattern the article must not match (case-insensitive). */
  excludePattern?: string;
}

export const FILTER_LIMITS = { terms: 20, termLength: 100, patternLength: 200, textLength: 20_000 } as const;

export const filterSpecSchema = z.object({
  include: z.array(z.string()).default([]),
  exclude: z.array(z.string()).default([]),
  pattern: z.string().optional(),
  excludePattern: z.string().optional(),
});

export const EMPTY_FILTER: FilterSpec = { include: [], exclude: [] };

export function isEmptyFilter(spec: FilterSpec): boolean {
  return spec.include.length === 0 && spec.exclude.length === 0 && !spec.pattern && !spec.excludePattern;
}

/** Comma- or semicolon-separated words and phrases, trimmed, without empties. */
export function splitTerms(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => normalise(t).length > 0);
}

export type FilterInput = { include?: string; exclude?: string; pattern?: string; excludePattern?: string };

/**
 * Builds a filter from what an admin typed, on top of the current one: a field given replaces that part,
 * "-" (or "none") clears it, a field left out keeps it. Every problem comes back as one readable reason.
 */
export function buildFilter(current: FilterSpec, input: FilterInput): { ok: true; spec: FilterSpec } | { ok: false; reason: string } {
  const spec: FilterSpec = { ...current, include: [...current.include], exclude: [...current.exclude] };
  const cleared = (v: string) => ['-', 'none', 'off'].includes(v.trim().toLowerCase());
  for (const key of ['include', 'exclude'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (cleared(value)) {
      spec[key] = [];
      continue;
    }
    const terms = splitTerms(value);
    if (terms.length === 0) return { ok: false, reason: `\`${key}\`: give words or phrases separated by commas, or "-" to clear it.` };
    if (terms.length > FILTER_LIMITS.terms) return { ok: false, reason: `\`${key}\`: at most ${FILTER_LIMITS.terms} words or phrases.` };
    const long = terms.find((t) => t.length > FILTER_LIMITS.termLength);
    if (long) return { ok: false, reason: `\`${key}\`: each word or phrase at most ${FILTER_LIMITS.termLength} characters.` };
    spec[key] = terms;
  }
  for (const [key, name] of [
    ['pattern', 'pattern'],
    ['excludePattern', 'exclude_pattern'],
  ] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (cleared(value)) {
      delete spec[key];
      continue;
    }
    const checked = checkPattern(value);
    if (!checked.ok) return { ok: false, reason: `\`${name}\`: ${checked.reason}` };
    spec[key] = value;
  }
  return { ok: true, spec };
}

/** Whether RE2 accepts the pattern, and why not in words an admin can act on. */
export function checkPattern(pattern: string): { ok: true } | { ok: false; reason: string } {
  if (pattern.length === 0) return { ok: false, reason: 'an empty pattern.' };
  if (pattern.length > FILTER_LIMITS.patternLength) return { ok: false, reason: `a pattern of at most ${FILTER_LIMITS.patternLength} characters.` };
  try {
    RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/`/g, "'").slice(0, 200) : 'not a valid pattern';
    return { ok: false, reason: `not a pattern Herald can use (${message}). Patterns use RE2 syntax: no backreferences (\\1) or lookaround ((?=…)).` };
  }
}

export interface CompiledFilter {
  spec: FilterSpec;
  test(article: { title: string; body: string }): FilterVerdict;
}

export type FilterVerdict = { pass: true } | { pass: false; reason: string };

const PASS: CompiledFilter = { spec: EMPTY_FILTER, test: () => ({ pass: true }) };

const compiled = new Map<string, CompiledFilter>();

/** Compiles (and caches, by content) a stored filter. A pattern RE2 refuses — only possible for a row
 * written by hand — fails closed: nothing passes, with the reason. */
export function compileFilter(spec: FilterSpec | null | undefined): CompiledFilter {
  if (!spec || isEmptyFilter(spec)) return PASS;
  const key = JSON.stringify(spec);
  const cached = compiled.get(key);
  if (cached) return cached;
  const include = spec.include.map((t) => ` ${normalise(t)} `);
  const exclude = spec.exclude.map((t) => ` ${normalise(t)} `);
  let pattern: RE2JS | null = null;
  let excludePattern: RE2JS | null = null;
  let broken: string | null = null;
  try {
    if (spec.pattern) pattern = RE2JS.compile(spec.pattern, RE2JS.CASE_INSENSITIVE);
    if (spec.excludePattern) excludePattern = RE2JS.compile(spec.excludePattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    broken = `stored pattern is not valid RE2 (${(error as Error).message})`;
  }
  const filter: CompiledFilter = {
    spec,
    test(article) {
      if (broken) return { pass: false, reason: broken };
      const raw = `${article.title}\n${article.body}`.slice(0, FILTER_LIMITS.textLength);
      const words = ` ${normalise(raw)} `;
      if (include.length > 0 && !include.some((t) => words.includes(t))) return { pass: false, reason: `none of: ${spec.include.join(', ')}` };
      const excluded = spec.exclude.find((_t, i) => words.includes(exclude[i]));
      if (excluded) return { pass: false, reason: `contains "${excluded}"` };
      if (pattern && !pattern.matcher(raw).find()) return { pass: false, reason: `does not match /${spec.pattern}/` };
      if (excludePattern && excludePattern.matcher(raw).find()) return { pass: false, reason: `matches /${spec.excludePattern}/` };
      return { pass: true };
    },
  };
  if (compiled.size > 1000) compiled.clear();
  compiled.set(key, filter);
  return filter;
}

/** A stored filter column (JSON) → spec; null, empty or malformed → no filter. */
export function parseStoredFilter(json: string | null | undefined): FilterSpec | null {
  if (!json) return null;
  try {
    const parsed = filterSpecSchema.safeParse(JSON.parse(json));
    return parsed.success && !isEmptyFilter(parsed.data) ? parsed.data : null;
  } catch {
    return null;
  }
}

export function storedFilter(spec: FilterSpec): string | null {
  return isEmptyFilter(spec) ? null : JSON.stringify(spec);
}

/** One line for lists and confirmations (raw: the caller makes it inert). */
export function describeFilter(spec: FilterSpec | null): string {
  if (!spec || isEmptyFilter(spec)) return 'no filter';
  const parts: string[] = [];
  if (spec.include.length) parts.push(`only with: ${spec.include.join(', ')}`);
  if (spec.exclude.length) parts.push(`without: ${spec.exclude.join(', ')}`);
  if (spec.pattern) parts.push(`matching /${spec.pattern}/`);
  if (spec.excludePattern) parts.push(`not matching /${spec.excludePattern}/`);
  return parts.join('; ');
}
