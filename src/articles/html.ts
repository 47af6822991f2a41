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
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  try {
    // Readability mutates the document; it is ours alone.
    const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200, keepClasses: false });
    const article = reader.parse();
    if (article?.content) {
      const paragraphs = htmlToParagraphs(article.content);
      if (paragraphs.join(' ').length >= 200) return { title: clean(article.title ?? '') || pageTitle, paragraphs, method: 'readability' };
    }
  } catch {
    // Readability gives up on odd DOMs; fall back to the body text below.
  }
  const again = parseHTML(source).document;
  for (const el of [...again.querySelectorAll(`${DROP}, nav, header, footer, aside`)]) el.remove();
  return { title: pageTitle, paragraphs: again.body ? paragraphsOf(again.body as unknown as DomNode) : [], method: 'body' };
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
