// Finds the headline, the body paragraphs and the sentences of an article body, with character offsets.
// Linear scans only: a megabyte on one line must not take long.
import type { Sentence } from './model';
import { ABBREVIATIONS, SOFT_ABBREVIATIONS } from '../language/abbreviations';
import { CAPITALISED_STOPWORDS } from '../language/stop-words';

export interface BodyStructure {
  headline: string;
  /** True when the first line did not look like a headline and one was made from the first sentence. */
  headlineSynthesised: boolean;
  paragraphs: { text: string; start: number; end: number }[];
  sentences: Sentence[];
  warnings: string[];
}

/** Bodies longer than this are analysed only up to here (a news article is a few thousand characters). */
export const MAX_ANALYSED_CHARS = 100_000;
/** Extraction looks at most this far into one sentence (real sentences are far shorter). */
export const MAX_SENTENCE_CHARS = 2_000;


const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«']);

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u00a0';
}

/** Normalised form for comparing a line with the headline. */
export function normaliseForCompare(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function looksLikeHeadline(line: string): boolean {
  if (line.length === 0 || line.length > 200) return false;
  if (line.endsWith('.') && !line.endsWith('..')) return false;
  return true;
}

/** The word (letters and inner dots) ending just before position `i`; bounded so long runs stay cheap. */
function wordBefore(text: string, i: number, floor: number): string {
  let j = i;
  const limit = Math.max(floor, i - 24);
  while (j > limit) {
    const ch = text[j - 1];
    if (ch === '.' || /\p{L}/u.test(ch)) j--;
    else break;
  }
  return text.slice(j, i);
}

function wordAfter(text: string, k: number, ceil: number): string {
  let j = k;
  const limit = Math.min(ceil, k + 24);
  while (j < limit && /[\p{L}\p{N}'’]/u.test(text[j])) j++;
  return text.slice(k, j);
}

/** True when the "." at `dot` ends an abbreviation rather than the sentence. */
function isAbbreviationDot(text: string, dot: number, floor: number, next: string): boolean {
  const word = wordBefore(text, dot, floor);
  if (!word) return false;
  const lower = word.toLowerCase();
  const nextIsStarter = CAPITALISED_STOPWORDS.has(next.toLowerCase());
  if (ABBREVIATIONS.has(lower)) return true;
  // Initials ("John F. Kennedy", "Daniel P. Davison": a capital "P." is no page number), unless the next word plainly opens a sentence.
  if (/^\p{Lu}$/u.test(word)) return !nextIsStarter;
  if (SOFT_ABBREVIATIONS.has(lower)) return isDigit(next[0] ?? '');
  // Dotted acronyms ("U.S.", "e.g."), on the same terms.
  if (word.includes('.')) return !nextIsStarter;
  return false;
}

function splitSentences(body: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  let sentenceStart = start;
  const push = (s: number, e: number) => {
    while (s < e && isSpace(body[s])) s++;
    while (e > s && isSpace(body[e - 1])) e--;
    if (e > s) out.push({ index: out.length, paragraph, text: body.slice(s, e), start: s, end: e });
  };
  for (let i = start; i < end; i++) {
    const ch = body[i];
    if (ch === '\n') {
      // A line break before a list item or heading ends the sentence even without punctuation.
      const nxt = body[i + 1];
      if (nxt === '-' || nxt === '*' || nxt === '#' || nxt === '•') {
        push(sentenceStart, i);
        sentenceStart = i + 1;
      }
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < end && (body[j] === '.' || body[j] === '!' || body[j] === '?')) j++;
    while (j < end && CLOSERS.has(body[j])) j++;
    if (j >= end) break;
    if (!isSpace(body[j])) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < end && isSpace(body[k])) k++;
    if (k >= end) break;
    const first = body[k];
    let wordStart = k;
    while (wordStart < end && OPENERS.has(body[wordStart])) wordStart++;
    const next = wordAfter(body, wordStart, end);
    const opensSentence = isUpper(first) || isDigit(first) || (OPENERS.has(first) && wordStart < end && (isUpper(body[wordStart]) || isDigit(body[wordStart])));
    if (!opensSentence) {
      i = j - 1;
      continue;
    }
    if (ch === '.' && j === i + 1 && isAbbreviationDot(body, i, sentenceStart, next)) {
      i = j - 1;
      continue;
    }
    push(sentenceStart, j);
    sentenceStart = j;
    i = j - 1;
  }
  push(sentenceStart, end);
}

/** The body as passes: how much is analysed, the headline line, paragraphs, page furniture, sentences. */
export function structureBody(body: string): BodyStructure {
  const warnings: string[] = [];
  const analysedEnd = analysedLength(body, warnings);
  const first = firstLine(body, analysedEnd);
  const headlineSynthesised = !looksLikeHeadline(first.text);
  let headline = headlineSynthesised ? '' : first.text;
  const blocks = paragraphBlocks(body, headlineSynthesised ? first.start : first.end, analysedEnd);
  const paragraphs = withoutRepeatedHeadline(body, blocks, headline, warnings);
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, index) => splitSentences(body, p.start, p.end, index, sentences));
  if (headlineSynthesised) {
    headline = shorten(sentences[0]?.text ?? first.text, 90);
    warnings.push('no headline line (the first line reads like body text); the headline was taken from the first sentence');
  }
  return { headline, headlineSynthesised, paragraphs, sentences, warnings };
}

/** Where analysis stops: the whole body, or up to MAX_ANALYSED_CHARS (at a line break when one is near). */
function analysedLength(body: string, warnings: string[]): number {
  if (body.length <= MAX_ANALYSED_CHARS) return body.length;
  let analysedEnd = MAX_ANALYSED_CHARS;
  const lastBreak = body.lastIndexOf('\n', MAX_ANALYSED_CHARS);
  if (lastBreak > MAX_ANALYSED_CHARS / 2) analysedEnd = lastBreak;
  warnings.push(`the text is ${body.length} characters long; only the first ${analysedEnd} were analysed`);
  return analysedEnd;
}

/** The first non-empty line (a leading markdown "#" dropped): the headline when it looks like one. */
function firstLine(body: string, analysedEnd: number): { text: string; start: number; end: number } {
  let start = 0;
  while (start < analysedEnd && isSpace(body[start])) start++;
  let end = body.indexOf('\n', start);
  if (end < 0 || end > analysedEnd) end = analysedEnd;
  return { text: body.slice(start, end).replace(/^#+\s*/, '').trim(), start, end };
}

/** Paragraphs: blocks of text between `from` and `to` separated by blank lines, trimmed. */
export function paragraphBlocks(body: string, from: number, to: number): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(body[i])) i++;
    if (i >= to) break;
    const s = i;
    let e = to;
    // find the next blank line
    let cursor = i;
    while (cursor < to) {
      const nl = body.indexOf('\n', cursor);
      if (nl < 0 || nl >= to) {
        e = to;
        cursor = to;
        break;
      }
      let k = nl + 1;
      while (k < to && (body[k] === ' ' || body[k] === '\t' || body[k] === '\r')) k++;
      if (k >= to || body[k] === '\n') {
        e = nl;
        cursor = k;
        break;
      }
      cursor = nl + 1;
    }
    let te = e;
    while (te > s && isSpace(body[te - 1])) te--;
    if (te > s) blocks.push({ start: s, end: te });
    i = cursor;
  }
  return blocks;
}

/** The paragraphs, less page furniture: a paragraph that repeats the headline. */
function withoutRepeatedHeadline(body: string, blocks: { start: number; end: number }[], headline: string, warnings: string[]): BodyStructure['paragraphs'] {
  const headlineKey = normaliseForCompare(headline);
  const paragraphs: BodyStructure['paragraphs'] = [];
  for (const b of blocks) {
    const text = body.slice(b.start, b.end);
    if (headlineKey && normaliseForCompare(text.replace(/^#+\s*/, '')) === headlineKey) {
      warnings.push('dropped a line that repeats the headline (page furniture)');
      continue;
    }
    paragraphs.push({ text, start: b.start, end: b.end });
  }
  return paragraphs;
}

/** Cuts text at a word boundary, adding an ellipsis when shortened. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,;:.-]+$/, '')}…`;
}
