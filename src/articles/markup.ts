// Article text as words: a saved web page (HTML) becomes its title and paragraphs, and Markdown's inline
// marks (**bold**, *italic*, [links](url), # headings) are dropped, so neither reaches a headline, a
// summary or an entity. Plain text passes through unchanged. Pure, and linear: no DOM, no backtracking.

/** A body that opens as an HTML document or with an HTML block is read as HTML. */
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|h[1-6]|div|article|section|main|header)[\s>])/i;
/** Elements whose content is never article text. */
const DROPPED = ['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'form'];
const BLOCK_TAG = /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|section|article|header|footer|main|aside|nav|table|tr|td|th|pre|figure|figcaption|dl|dt|dd|hr|br|address)\b[^<>]*>/gi;
const ANY_TAG = /<(?:\/?[A-Za-z]|[!?])[^<>]*>/g;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', pound: '£', euro: '€', cent: '¢', yen: '¥', copy: '©', reg: '®', deg: '°',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', ccedil: 'ç',
  uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', laquo: '«', raquo: '»', middot: '·', bull: '•', times: '×',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Cuts out every `<tag …>…</tag>` of the given name (and comments), by index: linear however the markup is broken. */
function dropElements(html: string, tag: string): string {
  const lower = html.toLowerCase();
  const open = `<${tag}`;
  const close = `</${tag}`;
  let out = '';
  let from = 0;
  for (;;) {
    let at = lower.indexOf(open, from);
    while (at >= 0 && /[a-z0-9-]/.test(lower[at + open.length] ?? '')) at = lower.indexOf(open, at + 1);
    if (at < 0) break;
    const end = lower.indexOf(close, at);
    out += html.slice(from, at);
    if (end < 0) return out; // never closed: the rest is inside it
    const gt = lower.indexOf('>', end);
    from = gt < 0 ? html.length : gt + 1;
  }
  return out + html.slice(from);
}

function dropComments(html: string): string {
  let out = '';
  let from = 0;
  for (let at = html.indexOf('<!--'); at >= 0; at = html.indexOf('<!--', from)) {
    out += html.slice(from, at);
    const end = html.indexOf('-->', at + 4);
    if (end < 0) return out;
    from = end + 3;
  }
  return out + html.slice(from);
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The title and paragraphs of an HTML page or fragment, one paragraph a block, separated by blank lines. */
export function htmlAsText(html: string): string {
  const title = /<title[^<>]*>([^<]{1,300})<\/title>/i.exec(html)?.[1];
  let body = dropComments(html);
  for (const tag of DROPPED) body = dropElements(body, tag);
  const text = tidy(decodeEntities(body.replace(BLOCK_TAG, '\n\n').replace(ANY_TAG, '')));
  const headline = title ? tidy(decodeEntities(title)).replace(/\s+/g, ' ') : '';
  // The page's own title is the headline; the body's first heading usually repeats it (dropped later as such).
  return headline ? `${headline}\n\n${text}` : text;
}

/** Markdown's inline marks removed, the words kept: "**Eastfield Library**", "[the council](https://…)", "## Background". */
export function markdownAsText(text: string): string {
  if (!/[*_[#]/.test(text)) return text;
  return text
    .replace(/!\[([^\]\n]{0,300})\]\([^()\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g, '$1')
    .replace(/\[([^\]\n]{1,300})\]\([^()\s]{1,2000}(?:\s+"[^"\n]{0,300}")?\)/g, '$1')
    .replace(/\*\*([^*\n]{1,500}?)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])__([^_\n]{1,500}?)__(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/(^|[\s(“"‘'])\*([^*\s](?:[^*\n]{0,500}?[^*\s])?)\*(?=$|[\s).,;:!?”"’'])/gmu, '$1$2')
    .replace(/(^|[\s(“"‘'])_([^_\s](?:[^_\n]{0,500}?[^_\s])?)_(?=$|[\s).,;:!?”"’'])/gmu, '$1$2')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '');
}

/** The body as plain text: HTML read as a page, anything else with Markdown's inline marks removed. */
export function plainTextOf(body: string): { text: string; warnings: string[] } {
  if (HTML_START.test(body.slice(0, 2000))) return { text: htmlAsText(body), warnings: ['the text is HTML; its title and paragraphs were read and the markup dropped'] };
  return { text: markdownAsText(body), warnings: [] };
}
