// RSS 2.0, RSS 1.0 (RDF) and Atom documents → validated feed items. Pure: text in, items out.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { clip } from '../format/text';

export const feedItemSchema = z.object({
  /** guid / Atom id, else the link, else a hash of title+date: what identifies the item within its feed. */
  key: z.string().min(1).max(2048),
  title: z.string().max(1000),
  link: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  /** ISO instant. */
  published: z.iso.datetime({ offset: true }).optional(),
  /** Which element gave `published`: shown in /source as the date's basis. */
  publishedFrom: z.enum(['RSS pubDate', 'dc:date', 'Atom published', 'Atom updated']).optional(),
  /** HTML (or plain text) summary as the feed gives it. */
  summary: z.string().optional(),
  /** Full HTML content (content:encoded, Atom content), when the feed carries it. */
  content: z.string().optional(),
});
export type FeedItem = z.infer<typeof feedItemSchema>;

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string;
  items: FeedItem[];
  /** Items dropped by validation (e.g. neither title nor link), with why. */
  rejected: string[];
}

export type FeedParseResult = { ok: true; feed: ParsedFeed } | { ok: false; error: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = unknown;

export function parseFeed(xml: string, options: { maxItems?: number } = {}): FeedParseResult {
  const text = xml.replace(/^\uFEFF/, '');
  if (/^\s*(?:<!doctype html|<html[\s>])/i.test(text)) return { ok: false, error: "not an RSS or Atom feed (an HTML page; use the site's feed URL)" };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, error: `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
  let doc: Record<string, Node>;
  try {
    doc = parser.parse(text) as Record<string, Node>;
  } catch (error) {
    return { ok: false, error: `not well-formed XML (${(error as Error).message})` };
  }
  const maxItems = options.maxItems ?? 200;
  const rss = obj(doc.rss);
  if (rss) {
    const channel = obj(rss.channel);
    if (!channel) return { ok: false, error: 'RSS document without a <channel>' };
    return build('rss', textOf(channel.title), arr(channel.item).slice(0, maxItems).map(rssItem));
  }
  const atom = obj(doc.feed);
  if (atom) return build('atom', textOf(atom.title), arr(atom.entry).slice(0, maxItems).map(atomEntry));
  const rdf = obj(doc['rdf:RDF']);
  if (rdf) return build('rdf', textOf(obj(rdf.channel)?.title), arr(rdf.item).slice(0, maxItems).map(rssItem));
  const root = Object.keys(doc).find((k) => !k.startsWith('?'));
  return { ok: false, error: `not an RSS or Atom feed (root element <${root ?? 'none'}>)` };
}

function build(format: ParsedFeed['format'], title: string, raw: Record<string, unknown>[]): FeedParseResult {
  const items: FeedItem[] = [];
  const rejected: string[] = [];
  for (const candidate of raw) {
    const parsed = feedItemSchema.safeParse(candidate);
    if (parsed.success) items.push(parsed.data);
    else rejected.push(`${String(candidate.title ?? candidate.key ?? '?').slice(0, 80)}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return { ok: true, feed: { format, title: title || 'untitled feed', items, rejected } };
}

function rssItem(node: Node): Record<string, unknown> {
  const item = obj(node) ?? {};
  const link = arr(item.link).map(textOf).find((l) => /^https?:\/\//i.test(l)) || undefined;
  const guid = textOf(item.guid);
  const title = textOf(item.title);
  const pubDate = instant(textOf(item.pubDate));
  const dcDate = pubDate ? undefined : instant(textOf(item['dc:date']));
  const published = pubDate ?? dcDate;
  return withKey({
    title,
    link,
    published,
    publishedFrom: pubDate ? 'RSS pubDate' : dcDate ? 'dc:date' : undefined,
    summary: textOf(item.description) || undefined,
    content: textOf(item['content:encoded']) || undefined,
  }, guid);
}

function atomEntry(node: Node): Record<string, unknown> {
  const entry = obj(node) ?? {};
  const links = arr(entry.link).map((l) => obj(l) ?? {});
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  const href = alternate ? String(alternate['@_href'] ?? '') : '';
  return withKey({
    title: textOf(entry.title),
    link: /^https?:\/\//i.test(href) ? href : undefined,
    ...atomDate(entry),
    summary: textOf(entry.summary) || undefined,
    content: textOf(entry.content) || undefined,
  }, textOf(entry.id));
}

/** Atom's published, else updated, and which one it was. */
function atomDate(entry: Record<string, Node>): { published?: string; publishedFrom?: 'Atom published' | 'Atom updated' } {
  const published = instant(textOf(entry.published));
  if (published) return { published, publishedFrom: 'Atom published' };
  const updated = instant(textOf(entry.updated));
  return updated ? { published: updated, publishedFrom: 'Atom updated' } : {};
}

function withKey(item: Record<string, unknown>, id: string): Record<string, unknown> {
  // Over-long titles are clipped rather than losing the item; over-long ids are hashed.
  const title = clip(String(item.title ?? ''), 500, 'exact');
  let key = id || (item.link as string | undefined) || (title ? `hash:${sha(`${title}\n${item.published ?? ''}`)}` : '');
  if (key.length > 512) key = `hash:${sha(key)}`;
  return { ...item, title, key };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

function instant(text: string): string | undefined {
  if (!text) return undefined;
  const t = Date.parse(text);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

function obj(node: Node): Record<string, Node> | undefined {
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, Node>) : undefined;
}

function arr(node: Node): Node[] {
  if (node === undefined || node === null || node === '') return [];
  return Array.isArray(node) ? node : [node];
}

/** Text of an element: a plain value, or its #text when it has attributes. */
function textOf(node: Node): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node).trim();
  if (Array.isArray(node)) return textOf(node[0]);
  const o = node as Record<string, Node>;
  if ('#text' in o) return textOf(o['#text']);
  return '';
}
