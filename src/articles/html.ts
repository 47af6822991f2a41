// HTML → article text: the main text of a web page (Readability over linkedom's DOM, no browser), and
// plain paragraphs from HTML fragments such as feed summaries. Pure: markup in, text out.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const DROP = 'script, style, noscript, iframe, svg, template, object, embed, form, button, select, textarea';
const BLOCK = new Set([
  'P', 'DIV', 'BR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION', 'ARTICLE',
  'TR', 'TABLE', 'PRE', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'DL', 'DT', 'DD', 'HR',
]);

/** Longest HTML accepted (characters); beyond it the input is cut, since DOM building is memory-hungry. */
const MAX_HTML = 2_000_000;

export interface ExtractedPage {
  title: string;
  paragraphs: string[];
  /** How the text was found: Readability's main-content pick, or the whole body as a fallback. */
  method: 'readability' | 'body';
  /** The publication date the page's metadata gives (yyyy-mm-dd), and which metadata said so. */
  published?: { date: string; basis: string };
}

interface DomLike {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; getAttribute(name: string): string | null }>;
}

/** yyyy-mm-dd of an ISO date or instant ("2005-03-14", "2005-03-14T09:30:00+01:00"), as written (the page's own day). */
function isoDay(value: string | null | undefined): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && y >= 1900 ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** datePublished anywhere in JSON-LD (an object, an array, or an @graph). */
function jsonLdDate(node: unknown, depth = 0): string | undefined {
  if (depth > 6 || node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const n of node) {
      const d = jsonLdDate(n, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  const o = node as Record<string, unknown>;
  if (typeof o.datePublished === 'string' && isoDay(o.datePublished)) return isoDay(o.datePublished);
  return jsonLdDate(o['@graph'], depth + 1);
}

/**
 * The page's own publication date, strongest first: article:published_time (Open Graph), JSON-LD
 * datePublished, other common meta tags, then the first <time datetime> inside the article.
 */
export function pagePublished(document: DomLike): { date: string; basis: string } | undefined {
  for (const [selector, basis] of [
    ['meta[property="article:published_time"]', 'article:published_time'],
    ['meta[name="article:published_time"]', 'article:published_time'],
  ] as const) {
    const date = isoDay(document.querySelector(selector)?.getAttribute('content'));
    if (date) return { date, basis };
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const date = jsonLdDate(JSON.parse(script.textContent ?? ''));
      if (date) return { date, basis: 'JSON-LD datePublished' };
    } catch {
      // a broken JSON-LD block is skipped
    }
  }
  for (const name of ['date', 'pubdate', 'publishdate', 'DC.date.issued', 'dcterms.created']) {
    const date = isoDay(document.querySelector(`meta[name="${name}"]`)?.getAttribute('content'));
    if (date) return { date, basis: `meta ${name}` };
  }
  const time = document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  const date = isoDay(time?.getAttribute('datetime'));
  return date ? { date, basis: '<time datetime>' } : undefined;
}

/** Paragraphs of an HTML fragment (feed summary or content). Plain text passes through by blank lines. */
export function htmlToParagraphs(html: string): string[] {
  const source = html.slice(0, MAX_HTML);
  if (!/[<&]/.test(source)) return splitPlain(source);
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${source}</body></html>`);
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  return paragraphsOf(document.body as unknown as DomNode);
}

/** The main text of a whole page. */
export function extractArticle(html: string): ExtractedPage {
  const source = html.slice(0, MAX_HTML);
  const { document } = parseHTML(source);
  const pageTitle = clean(document.querySelector('title')?.textContent ?? '');
  // Read before scripts are dropped: JSON-LD lives in <script>.
  const published = pagePublished(document as unknown as DomLike);
  const dated = published ? { published } : {};
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  try {
    // Readability mutates the document; it is ours alone.
    const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200, keepClasses: false });
    const article = reader.parse();
    if (article?.content) {
      const paragraphs = htmlToParagraphs(article.content);
      if (paragraphs.join(' ').length >= 200) return { title: clean(article.title ?? '') || pageTitle, paragraphs, method: 'readability', ...dated };
    }
  } catch {
    // Readability gives up on odd DOMs; fall back to the body text below.
  }
  const again = parseHTML(source).document;
  for (const el of [...again.querySelectorAll(`${DROP}, nav, header, footer, aside`)]) el.remove();
  return { title: pageTitle, paragraphs: again.body ? paragraphsOf(again.body as unknown as DomNode) : [], method: 'body', ...dated };
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function paragraphsOf(root: DomNode): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = clean(buffer);
    if (text) out.push(text);
    buffer = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const block = BLOCK.has(node.nodeName.toUpperCase());
    if (block) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

function splitPlain(text: string): string[] {
  return text.split(/\n\s*\n/).map(clean).filter(Boolean);
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
