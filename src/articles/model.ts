// The Article model: what Herald understood of one news article. Every extracted item points back to
// the sentence(s) it came from (indexes into `sentences`), so any answer can quote its source.
import { z } from 'zod';

/** ISO calendar date, yyyy-mm-dd. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-mm-dd');

export const sentenceSchema = z.object({
  index: z.number().int().nonnegative(),
  paragraph: z.number().int().nonnegative(),
  text: z.string(),
  /** Character offsets into the article body (the text after front matter), end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Sentence = z.infer<typeof sentenceSchema>;

export const frontMatterSchema = z.object({
  url: z.string().optional(),
  source: z.string().optional(),
  published: isoDateSchema.optional(),
  /** Where `published` came from when a program wrote it: "the feed item's date (RSS pubDate)", "the page's metadata (article:published_time)". */
  'published-basis': z.string().max(200).optional(),
  language: z.string().optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const publishedSchema = z.object({
  /** The publication date, or null when neither front matter nor text says. */
  date: isoDateSchema.nullable(),
  /** True when derived from the text rather than given in front matter. */
  inferred: z.boolean(),
  /** Human-readable reasoning, e.g. "'Tuesday, November 26' has no year; 2024 is the most recent year ≤ 2026 in which 26 November was a Tuesday". */
  reason: z.string(),
  /** 0..1 */
  confidence: z.number().min(0).max(1),
  /** Sentence the date was read from, when inferred from text. */
  sentence: z.number().int().nonnegative().optional(),
  /**
   * True only when the evidence fixes the year; a year taken from a weekday alone, or assumed, is not
   * certain. The parser always sets it; for articles built elsewhere, read it with yearIsCertain().
   */
  yearCertain: z.boolean().optional(),
  /** The kind of evidence, strongest first: front matter, feed item, page metadata, URL path, dateline, text. */
  basis: z.enum(['front-matter', 'feed', 'page', 'url', 'dateline', 'text', 'none']).optional(),
});
export type Published = z.infer<typeof publishedSchema>;

/** Whether the publication year is certain; without the flag, only a date given in front matter is. */
export function yearIsCertain(published: Published): boolean {
  return published.yearCertain ?? (published.date !== null && !published.inferred);
}

export const precisionSchema = z.enum(['day', 'month', 'year', 'approximate']);
export type Precision = z.infer<typeof precisionSchema>;

/** 'unknown': the year is not certain, so whether the event lies ahead cannot be said. */
export const eventStatusSchema = z.enum(['past', 'upcoming', 'today', 'unknown']);
export type EventStatus = z.infer<typeof eventStatusSchema>;

export const eventSchema = z.object({
  /** Stable within the article: e.g. "e3". */
  id: z.string(),
  /** Start of the event (first day of the month/year for coarser precisions). */
  date: isoDateSchema,
  /** Last day for ranges ("from 9-10 July") and coarse precisions; equals date for a single day. */
  endDate: isoDateSchema,
  precision: precisionSchema,
  /** "by" = deadline semantics ("in the next two days" → by that date). */
  qualifier: z.enum(['on', 'by', 'about', 'range', 'alternative']).default('on'),
  /** The date expression as written ("November 28", "13 years ago"). */
  expression: z.string(),
  /** Short description of what happens: "CSTO to approve the plan to strengthen the Tajikistan–Afghanistan border". */
  description: z.string(),
  /** Main sentence the event came from. */
  sentence: z.number().int().nonnegative(),
  /** All sentences that mention it. */
  sentences: z.array(z.number().int().nonnegative()),
  /** Status relative to the clock given to parseArticle; recompute with eventStatus(event, now). */
  status: eventStatusSchema,
  /** True for the publication/report date itself ("reported on Tuesday, November 26"). */
  isPublication: z.boolean().default(false),
  /**
   * True when the date is only when someone said something ("…, its leader said on Wednesday"): the day of a
   * statement, not a date of the happening the sentence reports, so it never moves that happening's date.
   */
  saidOn: z.boolean().optional(),
  /** 0..1: how important the event is for the story (the key date ranks highest). */
  salience: z.number().min(0).max(1),
  /**
   * True when the year is fixed: written out, or read against a publication date (or anchor) whose year is
   * certain. Articles built before this field existed count as certain (see eventYearIsCertain).
   */
  yearCertain: z.boolean().optional(),
  /**
   * What the text fixes: 'written' (the year is in the expression), 'day-month' (day or month written, or
   * counted from a publication day and month; the year read from the reference), 'relative' (only relative
   * to an unknown reference: "last month", "13 years ago" in an undated article).
   */
  dateBasis: z.enum(['written', 'day-month', 'relative']).optional(),
  /**
   * When the year is not certain: true when `date` uses the latest year the evidence allows (the most
   * recent year a weekday fits), so an event already past at `date` is past whatever the true year.
   */
  yearIsLatest: z.boolean().optional(),
});
export type ArticleEvent = z.infer<typeof eventSchema>;

/** Whether the event's year is certain (events without the flag come from before it and count as certain). */
export function eventYearIsCertain(event: { yearCertain?: boolean }): boolean {
  return event.yearCertain !== false;
}

export const timexTypeSchema = z.enum(['date', 'time', 'duration', 'set']);
export type TimexType = z.infer<typeof timexTypeSchema>;

/** A time expression as TimeML's TIMEX3 has it: "Friday" → date 1998-02-13, "two years" → duration P2Y. */
export const timexSchema = z.object({
  text: z.string(),
  type: timexTypeSchema,
  /** TIMEX3 value: 1998-08-07, 1998-08, 1998, 1998-W32, 1998-Q3, P3Y, PRESENT_REF, XXXX-11-26 (year not known)… */
  value: z.string(),
  sentence: z.number().int().nonnegative(),
  /** Offsets within the sentence's text, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Timex = z.infer<typeof timexSchema>;

export const personSchema = z.object({
  name: z.string(),
  role: z.string().optional(),
  organisation: z.string().optional(),
  sentences: z.array(z.number().int().nonnegative()),
});
export type Person = z.infer<typeof personSchema>;

export const organisationSchema = z.object({
  name: z.string(),
  acronym: z.string().optional(),
  aliases: z.array(z.string()),
  members: z.array(z.string()).default([]),
  sentences: z.array(z.number().int().nonnegative()),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const placeSchema = z.object({
  name: z.string(),
  kind: z.enum(['country', 'city', 'region', 'other']),
  sentences: z.array(z.number().int().nonnegative()),
});
export type Place = z.infer<typeof placeSchema>;

export const attributionSchema = z.object({
  /** Who reported or said it: "Azerbaijani media", "Imangali Tasmagambetov", "RIA Novosti". */
  source: z.string(),
  /** How: "reported", "said", "based on statements from", "according to". */
  verb: z.string(),
  /** What was claimed, when it can be isolated. */
  claim: z.string().optional(),
  sentence: z.number().int().nonnegative(),
});
export type Attribution = z.infer<typeof attributionSchema>;

export const listSchema = z.object({
  /** What the items enumerate: "members of the Collective Security Treaty", "stages of the plan". */
  label: z.string(),
  items: z.array(z.string()),
  sentence: z.number().int().nonnegative(),
});
export type ArticleList = z.infer<typeof listSchema>;

export const articleSchema = z.object({
  /** Stable: slug of the headline plus a short content hash. */
  id: z.string(),
  headline: z.string(),
  /** Body paragraphs (headline and page furniture excluded). */
  paragraphs: z.array(z.string()),
  sentences: z.array(sentenceSchema),
  meta: frontMatterSchema,
  published: publishedSchema,
  events: z.array(eventSchema),
  /** Every time expression, in text order. */
  timexes: z.array(timexSchema).default([]),
  people: z.array(personSchema),
  organisations: z.array(organisationSchema),
  places: z.array(placeSchema),
  attributions: z.array(attributionSchema),
  lists: z.array(listSchema),
  /** Sha-256 (hex) of the raw input; used to skip re-parsing unchanged files. */
  contentHash: z.string(),
  /** What was degraded or dropped while parsing (non-fatal). */
  warnings: z.array(z.string()),
  /** The file's text encoding when it was not plain UTF-8 (a byte-order mark said so); /source shows it. */
  encoding: z.enum(['UTF-8 with BOM', 'UTF-16LE', 'UTF-16BE']).optional(),
});
export type Article = z.infer<typeof articleSchema>;

export interface ParseOptions {
  /** The ingestion clock: "now" for year-pinning and past/upcoming status. */
  now: Date;
  /** File name or URL, used for the slug when the headline is empty. */
  origin?: string;
}

export type ParseResult =
  | { ok: true; article: Article }
  | { ok: false; error: string };
