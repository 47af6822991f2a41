// The answer to a what/which question as a span of the quoted sentence: align the question's words to
// the sentence, and take the noun phrase next to the aligned words that the question does not already
// say ("What do steam turbines use as a cold sink?" → "surface condensers" in "steam turbines … use
// surface condensers as a cold sink"). A rule-based chunker over the sentence's tokens: function
// words, punctuation, auxiliaries and the question's own words end a phrase.
import { stemWord } from '../../language/stem';
import { STOP_WORDS } from '../../language/stop-words';
import type { Token } from '../../language/terms';
import type { Question } from './question';

export interface SpanSentence {
  text: string;
  tokens: Token[];
  /** Token positions of the question's words in the sentence. */
  focus: number[];
  entityAt: number[];
}

export interface SpanPick {
  text: string;
  /** 0..1: how surely the phrase sits in the slot the question's words leave open. */
  quality: number;
  /** Other phrases about as close to the question's words. */
  rivals: number;
}

/** Words that are never inside a noun phrase the answer is (verbs' auxiliaries, clause openers, common verbs). */
const NOT_IN_PHRASE = new Set([
  ...'became become becomes becoming called known named used uses use using make makes made include includes included including remain remained remains considered seen found given took take takes led lead leads'.split(' '),
  ...'however therefore thus hence although though while whereas because since unless until whether instead rather also often usually generally typically mainly largely mostly commonly especially particularly almost nearly instance example etc via per able whereby between among within across through during without against toward towards upon after before like unlike despite'.split(' '),
]);

/** Words after which a noun phrase starts: determiners, possessives, prepositions. */
const PHRASE_OPENERS = new Set('a an the its their his her our this these those that of as to by with in for from on at into than such called named known'.split(' '));

/** A lower-case verb form standing alone ("patented", "giving"), not a noun. */
const verbish = (t: Token) => !t.cap && /(?:ed|ing)$/.test(t.lower) && t.lower.length > 4;

/** "what type of X": the answer names the type, without X. */
const KIND_WORDS = new Set(['type', 'types', 'kind', 'kinds', 'sort', 'sorts', 'form', 'forms', 'class', 'category', 'variety', 'style']);

/** What the question's wh-phrase says of its answer: the noun it names, and whether that noun is part of the answer. */
export function whHead(question: Question): { head?: string; kind: boolean } {
  const q = question.text.toLowerCase();
  const kind = q.match(/\b(?:what|which)\s+(type|types|kind|kinds|sort|sorts|form|forms|class|category|variety|style)\s+of\s+([a-z-]+)/);
  if (kind) return { head: kind[2], kind: true };
  const m = q.match(/\b(?:what|which)\s+([a-z-]+)/) ?? q.match(/^name (?:a|an|one|any) ([a-z-]+)/);
  if (m && !STOP_WORDS.has(m[1]) && !/^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might)$/.test(m[1])) return { head: m[1], kind: KIND_WORDS.has(m[1]) };
  return { kind: false };
}

/** Token positions that end a phrase: function words, the question's own words, punctuation between. */
export function phrases(s: SpanSentence, asked: Set<string>): [number, number][] {
  const out: [number, number][] = [];
  const inPhrase = (i: number) => {
    const t = s.tokens[i];
    return !STOP_WORDS.has(t.lower) && !NOT_IN_PHRASE.has(t.lower) && !asked.has(t.stem) && !/^\[?citation/.test(t.lower);
  };
  // "2:09:56", "9.58": a time or a decimal written with a colon or a point is one number.
  const joined = (a: number, b: number) => /^(?:\s|-|\s?'\s?)?$|^\s$/.test(s.text.slice(s.tokens[a].end, s.tokens[b].start)) || (/^[:.]$/.test(s.text.slice(s.tokens[a].end, s.tokens[b].start)) && /^\d+$/.test(s.tokens[a].raw) && /^\d+$/.test(s.tokens[b].raw));
  let i = 0;
  while (i < s.tokens.length) {
    if (!inPhrase(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < s.tokens.length && inPhrase(j + 1) && joined(j, j + 1)) j++;
    // Adverbs and verb forms at the edges belong to the clause, not the phrase ("independently developed").
    let a = i;
    let b = j;
    while (a <= b && /ly$/.test(s.tokens[a].lower) && !s.tokens[a].cap) a++;
    while (b >= a && !s.tokens[b].cap && (/ly$/.test(s.tokens[b].lower) || (b > a && /(?:ed)$/.test(s.tokens[b].lower) && !/-/.test(s.text.slice(s.tokens[b - 1].end, s.tokens[b].start))))) b--;
    if (a <= b) out.push([a, b]);
    i = j + 1;
  }
  return out;
}

/**
 * The phrase of the sentence in the slot the question leaves open: next to the question's aligned
 * words, sharing no word with the question, of the kind the wh-word names.
 */
export function spanAnswer(question: Question, s: SpanSentence): SpanPick | null {
  const anchors = [...s.focus, ...s.entityAt].sort((a, b) => a - b);
  if (anchors.length === 0) return null;
  const asked = new Set<string>();
  for (const t of question.tokens) asked.add(t.stem);
  for (const k of question.concepts) for (const st of k.stems) asked.add(st);
  const { head, kind } = whHead(question);
  const headStem = head ? stemWord(head) : undefined;
  const wantsNumber = head !== undefined && /^(?:century|centuries|decade|decades|years?|age|temperatures?|angles?|degrees?|percentage|percent|speeds?|pressures?|number|amount|size|horsepower|rate|ratio|distance|length|height|weight|cost|price)$/.test(head);
  // "Along with X, what …": the answer is X's neighbour in a list.
  const sibling = /^(?:along with|aside from|besides|other than|apart from|in addition to|as well as|together with|alongside|like|beyond)\b/i.test(question.text);
  const wantsName = head !== undefined && /^(?:nationality|language|religion)$/.test(head);
  // "What was the score?": the answer is what the sentence says the score was ("The final score was 2-1"),
  // never a word before "score" that says which score ("final"); "the attendance was a record" for "What was
  // the record?" is the attendance.
  const copular = question.text.match(/^what(?:'s| is| was| are| were| will be| would be| has been) (?:the |a |an |this |that |its |their )?([a-z-]+)\??$/i);
  const subject = copular ? stemWord(copular[1].toLowerCase()) : undefined;
  const COPULA = /^\s+(?:is|was|are|were|will be|would be|has been|had been)\s+(?:(?:a|an|the)\s+)?$/;
  const scored: { a: number; b: number; score: number }[] = [];
  for (let [a, b] of phrases(s, headStem && !kind ? new Set([...asked].filter((x) => x !== headStem)) : asked)) {
    // The head noun the question names closes the phrase ("what device" → "water pump"); in "what type of X" it is left out.
    if (headStem && s.tokens[b].stem === headStem && kind && b > a) b--;
    // A verb form opening a phrase no determiner opens is the clause's verb ("patented continuous …").
    const opener = a > 0 && PHRASE_OPENERS.has(s.tokens[a - 1].lower) && /^\s+$/.test(s.text.slice(s.tokens[a - 1].end, s.tokens[a].start));
    while (!opener && a < b && verbish(s.tokens[a])) a++;
    if (!opener && a === b && verbish(s.tokens[a])) continue;
    const words = s.tokens.slice(a, b + 1);
    if (words.every((t) => t.stem === headStem)) continue;
    if (words.length > 7) continue;
    // A word right before the asked noun says which one it is ("final score", "world record"), not what it is;
    // a number there says what it is ("a 312-290 vote", "a 3-1 win", "a £5,000 fine").
    const after = s.tokens[b + 1];
    if (subject && after?.stem === subject && /^[\s-]+$/.test(s.text.slice(s.tokens[b].end, after.start)) && !/\d/.test(s.text.slice(s.tokens[a].start, s.tokens[b].end))) continue;
    const linked = subject !== undefined && anchors.some((x) => s.tokens[x].stem === subject && ((x < a && COPULA.test(s.text.slice(s.tokens[x].end, s.tokens[a].start))) || (x > b && COPULA.test(s.text.slice(s.tokens[b].end, s.tokens[x].start)))));
    const text = s.text.slice(s.tokens[a].start, s.tokens[b].end);
    if (wantsNumber && !/\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b/i.test(text)) continue;
    // "In what century …": the ordinal or the number alone ("19th", not "late 19th century").
    if (wantsNumber && /^(?:century|centuries|decade|decades|years?)$/.test(head ?? '')) {
      const numeral = words.find((t) => /\d|^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)$/.test(t.lower));
      if (numeral) a = b = s.tokens.indexOf(numeral);
    }
    if (wantsName && !words[0].cap) continue;
    // "What nationality …": the demonym alone ("Scottish", not "Scottish polymath").
    if (head === 'nationality') {
      const demonym = words.find((t) => t.cap && /(?:ish|an|ese|ian|ic|ch|i|ek)$/.test(t.lower));
      if (!demonym) continue;
      a = b = s.tokens.indexOf(demonym);
    }
    // Distance to the aligned words on the nearer side, in tokens; a comma or a semicolon between counts as more.
    let d = Infinity;
    for (const x of anchors) {
      const gapTokens = x < a ? a - x : x > b ? x - b : 0;
      const between = x < a ? s.text.slice(s.tokens[x].end, s.tokens[a].start) : x > b ? s.text.slice(s.tokens[b].end, s.tokens[x].start) : '';
      const cost = gapTokens + (/;|\s[–—-]\s|[()]/.test(between) ? 8 : 0) + (/,/.test(between) ? 2 : 0);
      d = Math.min(d, cost);
    }
    // Aligned words on both sides: the phrase fills a slot inside what the question says.
    const left = anchors.filter((x) => x < a && a - x <= 6).length;
    const right = anchors.filter((x) => x > b && x - b <= 6).length;
    const headed = headStem !== undefined && !kind && words.some((t) => t.stem === headStem) ? 1 : 0;
    const listed = sibling && anchors.some((x) => (x < a && /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(s.text.slice(s.tokens[x].end, s.tokens[a].start))) || (x > b && /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(s.text.slice(s.tokens[b].end, s.tokens[x].start))));
    const score = (left + right) * 0.6 + (left > 0 && right > 0 ? 1 : 0) - d * 0.35 + headed * 2.5 - Math.max(0, words.length - 4) * 0.3 + (opener ? 0.5 : 0) + (listed ? 2 : 0) + (linked ? 1 : 0);
    scored.push({ a, b, score });
  }
  if (scored.length === 0) return null;
  scored.sort((x, y) => y.score - x.score);
  const best = scored[0];
  // A unit written without a space stays with its number ("63%", "180°").
  const unit = s.text.slice(s.tokens[best.b].end).match(/^(?:%|°\s?[CF]?)/)?.[0] ?? '';
  const text = s.text.slice(s.tokens[best.a].start, s.tokens[best.b].end) + unit.trimEnd();
  const margin = scored.length > 1 ? best.score - scored[1].score : 3;
  const rivals = scored.filter((x) => x !== best && best.score - x.score < 1).length;
  return { text, quality: Math.max(0.3, Math.min(1, 0.5 + margin / 4)), rivals };
}
