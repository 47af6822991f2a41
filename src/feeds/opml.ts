// OPML, the feed-list format feed readers import and export (pure). Reading is bounded and strict: a size
// limit, no DOCTYPE (so no entity expansion), well-formed XML, at most OPML_MAX_FEEDS feed outlines found
// in nested outlines to a bounded depth, and only http(s) URLs; what is skipped is reported with why.
// Whether a URL may be fetched (private addresses) is the feed monitor's safe fetch's decision, as for
// /feed add.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { clip } from '../format/text';

export const OPML_MAX_BYTES = 256 * 1024;
export const OPML_MAX_FEEDS = 50;
const MAX_DEPTH = 8;
const MAX_OUTLINES = 5000;

export interface OpmlFeed {
  url: string;
  title?: string;
}

export type OpmlParseResult = { ok: true; title?: string; feeds: OpmlFeed[]; skipped: string[] } | { ok: false; reason: string };

const feedUrl = z.url({ protocol: /^https?$/ }).max(2048);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'outline',
});

export function parseOpml(input: string | Uint8Array): OpmlParseResult {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > OPML_MAX_BYTES) return { ok: false, reason: `the file is ${Math.ceil(size / 1024)} KB; an OPML file of at most ${OPML_MAX_BYTES / 1024} KB is accepted.` };
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return { ok: false, reason: 'the file is not UTF-8 text.' };
  }
  text = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: 'the file declares a DOCTYPE or entities, which OPML does not need; Herald does not read those.' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: `the file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).` };
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, reason: `the file is not well-formed XML (${(error as Error).message}).` };
  }
  const opml = obj(doc.opml);
  // An empty <body/> parses as an empty string: an OPML file with no feeds.
  const body = opml && (obj(opml.body) ?? (opml.body === '' ? {} : undefined));
  if (!opml || !body) return { ok: false, reason: 'the file is not OPML (no <opml> with a <body>).' };
  const head = obj(opml.head);
  const title = head && typeof head.title === 'string' && head.title.trim() ? head.title.trim().slice(0, 200) : undefined;
  const feeds: OpmlFeed[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  let visited = 0;
  const walk = (outlines: unknown, depth: number) => {
    if (!Array.isArray(outlines)) return;
    for (const node of outlines) {
      const outline = obj(node);
      if (!outline || ++visited > MAX_OUTLINES) return;
      const xmlUrl = str(outline['@_xmlUrl']);
      const label = str(outline['@_title']) ?? str(outline['@_text']);
      if (xmlUrl !== undefined) {
        const parsed = feedUrl.safeParse(xmlUrl.trim());
        if (!parsed.success) skipped.push(`${clip(xmlUrl, 80, 'exact')}: not an http(s) URL`);
        else if (seen.has(parsed.data)) skipped.push(`${clip(parsed.data, 80, 'exact')}: listed twice`);
        else if (feeds.length >= OPML_MAX_FEEDS) skipped.push(`${clip(parsed.data, 80, 'exact')}: over ${OPML_MAX_FEEDS} feeds in one file`);
        else {
          seen.add(parsed.data);
          feeds.push({ url: parsed.data, ...(label?.trim() ? { title: label.trim().slice(0, 200) } : {}) });
        }
      }
      if (outline.outline !== undefined) {
        if (depth >= MAX_DEPTH) skipped.push(`outlines nested deeper than ${MAX_DEPTH} levels`);
        else walk(outline.outline, depth + 1);
      }
    }
  };
  walk(body.outline, 1);
  if (visited > MAX_OUTLINES) skipped.push(`outlines after the first ${MAX_OUTLINES}`);
  return { ok: true, ...(title ? { title } : {}), feeds, skipped };
}

/** An OPML 2.0 document listing the feeds (titles and URLs escaped for XML). */
export function buildOpml(feeds: OpmlFeed[], options: { title: string; now: Date }): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${xml(options.title)}</title>`,
    `    <dateCreated>${options.now.toUTCString()}</dateCreated>`,
    '    <docs>https://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
    ...feeds.map((f) => {
      const label = xml(f.title ?? f.url);
      return `    <outline type="rss" text="${label}" title="${label}" xmlUrl="${xml(f.url)}"/>`;
    }),
    '  </body>',
    '</opml>',
    '',
  ];
  return lines.join('\n');
}

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the five special ones escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
