// Enumerations ("A, B, C, and D", "X, as well as Y") with what they enumerate, read from the words that
// introduce them ("its members include", "several stages, such as", "concerns about").
import type { ArticleList, Organisation, Sentence } from './model';
import { PLACES } from '../language/places';

const TRIGGER = /\b(include|includes|included|including|such as|like|namely|comprise|comprises|comprising|are|were|is|was)\b\s*|:\s*/gi;
const VERBISH = /\b(is|are|was|were|has|have|had|will|would|can|could|should|said|says|told|include|includes|including|such as|been|be|did|does|do)\b/i;
const DURATION_TAIL = /\s+(?:for|over|during|in)\s+(?:the\s+)?(?:next\s+|past\s+|last\s+|coming\s+)?(?:several|many|a few|few|some|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days|weeks|months|years|decades)\s*$/i;
const COUNT = '(?:several|many|some|a number of|various|few|two|three|four|five|six|seven|eight|nine|ten|\\d+)';
/** "the plan includes several stages": what is counted, and whose. */
const COUNTED = new RegExp(`^(?:the\\s+)?([\\p{L}-]+)\\s+(?:includes?|included|has|have|had|comprises?|involves?)\\s+${COUNT}\\s+([\\p{L}-]+)\\s*$`, 'iu');
/** "… several stages": what is counted. */
const PLAIN_COUNT = new RegExp(`${COUNT}\\s+([\\p{L}-]+)\\s*$`, 'iu');
const CONCERN = /\b(concerns?|worries|fears?|questions|doubts|criticism|complaints?|warnings?|calls?)\s+(?:about|over|regarding|on|for)\s+/gi;

interface Segment {
  text: string;
  start: number;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function cleanItem(raw: string): string {
  let s = raw.trim().replace(/^(?:and|or)\s+/i, '').replace(/[.;:!?"”’)]+$/, '').trim();
  s = s.replace(DURATION_TAIL, '').trim();
  return s;
}

function isItem(s: string): boolean {
  const t = s.trim();
  return t.length > 0 && wordCount(t) <= 7 && !VERBISH.test(t) && !/["“”]/.test(t);
}

/** Items of a list with no introducing words must look alike and be short: no ages, asides or phrases. */
function isPlainItem(s: string): boolean {
  const t = s.trim();
  if (!isItem(t) || wordCount(t) > 4) return false;
  if (/^\d+$/.test(t) || /[()"“”:;]/.test(t)) return false;
  if (/\b(?:which|who|that|they|they're|we|it|it's|get|gets|got)\b/i.test(t)) return false;
  if (/^\p{Ll}\p{L}*ing\b/u.test(t)) return false; // "starring Jude Law": an aside, not an item
  return !/^(?:a|an|for|in|on|at|from|near|with|without|by|to|of|indeed|but|however|which|who|including|especially|also)\b/i.test(t);
}

export interface ListContext {
  organisations: Organisation[];
  /** Names of people, to label lists of people. */
  people: string[];
}

/** Label from the words before the trigger: "its members" → "members of <owner>", "the plan includes several stages". */
function labelFrom(lead: string, previous: string, sentence: string, ctx: ListContext): { label: string; owner?: Organisation } {
  const l = lead.trim().replace(/^(?:and|but|while|with)\s+/i, '');
  const its = /^(?:its|their)\s+([\p{L}-]+(?:\s+[\p{L}-]+)?)\s*$/iu.exec(l);
  if (its) {
    const owner = earliestOrg(sentence, ctx.organisations);
    if (owner) return { label: `${its[1]} of ${owner.asWritten}`, owner: owner.org };
    return { label: its[1] };
  }
  const counted = COUNTED.exec(l || previous.trim());
  if (counted) return { label: `${counted[2]} of the ${counted[1]}` };
  const plainCount = PLAIN_COUNT.exec(l || previous.trim());
  if (plainCount) return { label: plainCount[1] };
  const tail = (l || '').split(/\s+/).filter(Boolean).slice(-4).join(' ');
  return { label: tail || 'items' };
}

function earliestOrg(sentence: string, organisations: Organisation[]): { org: Organisation; asWritten: string } | null {
  let best: { org: Organisation; asWritten: string; at: number } | null = null;
  for (const org of organisations) {
    for (const name of [org.name, ...org.aliases, ...(org.acronym ? [org.acronym] : [])]) {
      const at = sentence.indexOf(name);
      if (at >= 0 && (!best || at < best.at)) {
        const the = sentence.slice(Math.max(0, at - 4), at).toLowerCase() === 'the ' ? 'the ' : '';
        best = { org, asWritten: `${the}${name}`, at };
      }
    }
  }
  return best;
}

function kindLabel(items: string[], ctx: ListContext): string | null {
  if (items.every((i) => PLACES.has(i.toLowerCase()))) return 'places';
  if (items.every((i) => ctx.people.some((p) => p === i || p.endsWith(` ${i.replace(/^(Mr|Mrs|Ms|Dr)\s+/, '')}`)))) return 'people';
  return null;
}

function commaLists(s: Sentence, ctx: ListContext, out: ArticleList[]): void {
  const text = s.text;
  if (!text.includes(',')) return;
  const segments: Segment[] = [];
  let from = 0;
  for (let i = text.indexOf(', '); i >= 0; i = text.indexOf(', ', i + 2)) {
    segments.push({ text: text.slice(from, i), start: from });
    from = i + 2;
  }
  segments.push({ text: text.slice(from), start: from });
  if (segments.length < 2) return;

  let k = segments.length - 1;
  while (k >= 1) {
    const last = segments[k].text.trim();
    // the final item: "and D" (with the serial comma) or "C and D" in one segment
    let finals: string[] | null = null;
    if (/^(?:and|or)\s+/i.test(last)) {
      const item = cleanItem(last.split(/[;:]|\s[-–—]\s/)[0]);
      if (isItem(item)) finals = [item];
    } else {
      const m = /^(.+?)\s+(?:and|or)\s+(.+)$/i.exec(last);
      if (m && isItem(m[1]) && isItem(cleanItem(m[2]))) finals = [cleanItem(m[1]), cleanItem(m[2])];
    }
    if (!finals) {
      k--;
      continue;
    }
    const items: string[] = [];
    let j = k - 1;
    // Items of one list look alike: a segment much longer than the others is the clause that leads into it.
    let longest = Math.max(...finals.map(wordCount));
    while (j >= 0 && isItem(segments[j].text) && !/\b(such as|including|include|includes)\b/i.test(segments[j].text) && wordCount(segments[j].text) <= 2 * longest + 1) {
      items.unshift(cleanItem(segments[j].text));
      longest = Math.max(longest, wordCount(segments[j].text));
      j--;
    }
    let label: { label: string; owner?: Organisation } | null = null;
    if (j >= 0) {
      const lead = segments[j].text;
      let trig: RegExpExecArray | null = null;
      TRIGGER.lastIndex = 0;
      for (let m = TRIGGER.exec(lead); m; m = TRIGGER.exec(lead)) trig = m;
      if (trig) {
        const first = cleanItem(lead.slice(trig.index + trig[0].length));
        const strong = /^(?:include|includes|included|including|such as|like|namely|comprise|comprises|comprising)/i.test(trig[0].trim());
        if (first && isItem(first) && (strong || [first, ...items, ...finals].every(isPlainItem))) {
          items.unshift(first);
          label = labelFrom(lead.slice(0, trig.index), j > 0 ? segments[j - 1].text : '', text, ctx);
        }
      } else if (items.length + finals.length >= 2 && !/^(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(lead.trim())) {
        // "the deal covers steel, coal and timber": the first item is the lead's last words
        const tail = lead.trim().split(/\s+/).slice(-longest);
        const first = cleanItem(tail.join(' ').replace(/^(?:the|a|an|and|of|in|on|to|for|with|as|is|are|was|were|more)\s+/i, (m) => (tail.length > 1 ? m : '')));
        if (first && isPlainItem(first) && !/^(?:the|a|an|of|in|on|to|for|with|as|is|are|was|were|covers?|include|and)$/i.test(first)) {
          items.unshift(first);
          // what leads into the list says what it is: "the deal covers"
          const rest = lead.trim().split(/\s+/).slice(0, -tail.length).slice(-6).join(' ').replace(/^(?:according to \S+|and|but)\s*/i, '');
          if (rest.split(/\s+/).length >= 2 && !/["“”:;()]/.test(rest)) label = { label: rest };
        }
      } else if (j === 0 && /^(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(lead.trim())) {
        items.unshift(cleanItem(lead)); // "Russia, Belarus and Armenia ..." at the start of the sentence
      } else if (j === 0 && /^(?:as well as|both|either)\s+/i.test(lead.trim()) && wordCount(lead) <= 7) {
        items.unshift(cleanItem(lead.trim().replace(/^(?:as well as|both|either)\s+/i, '')));
      }
    }
    items.push(...finals);
    const plain = label !== null || items.every(isPlainItem);
    if (plain && (items.length >= 3 || (label && items.length >= 2))) {
      const resolved = label ?? { label: kindLabel(items, ctx) ?? 'items' };
      out.push({ label: resolved.label, items, sentence: s.index });
      if (resolved.owner && /^members\b/i.test(resolved.label) && resolved.owner.members.length === 0) {
        resolved.owner.members.push(...items);
      }
    }
    k = j - 1;
  }
}

function concernLists(s: Sentence, out: ArticleList[]): void {
  const text = s.text;
  CONCERN.lastIndex = 0;
  for (let m = CONCERN.exec(text); m; m = CONCERN.exec(text)) {
    const rest = text.slice(m.index + m[0].length);
    const stop = rest.search(/[.;]\s|[.;]$|,\s+(?:but|while|which|although|especially|particularly)\b/);
    const span = stop >= 0 ? rest.slice(0, stop) : rest;
    const parts = span.split(/,?\s+as well as\s+/i).map(cleanItem).filter(Boolean);
    if (parts.length >= 2) out.push({ label: m[1].toLowerCase(), items: parts, sentence: s.index });
  }
}

export function extractLists(sentences: Sentence[], ctx: ListContext): ArticleList[] {
  const out: ArticleList[] = [];
  for (const s of sentences) {
    concernLists(s, out);
    commaLists(s, ctx, out);
  }
  return out;
}
