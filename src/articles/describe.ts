// A short description of what happens at a date, built from the clause of the sentence that holds the
// date expression: the date itself removed, reporting frames cut ("X said that ..."), headline-style verbs
// ("is set to approve" → "to approve") and demonstratives expanded from earlier sentences ("this plan" →
// "the plan to ...").
import type { Sentence } from './model';
import { REPORTING_VERBS } from '../language/people';
import { shorten } from './sentences';
import { allMatches } from '../language/matches';

const REPORT_VERBS = [...REPORTING_VERBS, 'adding', 'saying', 'mentioned', 'emphasised', 'emphasized', 'hoped', 'hopes', 'expects', 'expected', 'believe', 'think', 'thinks', 'fears', 'feared']
  .sort((a, b) => b.length - a.length)
  .join('|');
const THAT_BREAK = new RegExp(`\\b(?:${REPORT_VERBS})\\b[^.;:"“]{0,60}?\\s+that\\s+`, 'g');
const PLAIN_BREAK = /;\s|:\s|\s[-–—]\s|,\s+(?:and|but|while|whereas|although|though|which|as well as|especially)\s+/g;
const PREPOSITION_BEFORE = /(?:^|\s)(?:(?:on|in|by|from|since|until|till|at|during|of|before|after|between|for|as of|as early as|no later than)(?:\s+(?:about|around|approximately|roughly))?|around|circa|approximately|roughly)\s*$/i;
const AUX_STOP = '(?:will|would|is|are|was|were|has|had|have|could|should|may|might|can|plays?|includes?|aims?|reflects?|comes?)';

export interface DescribeContext {
  sentences: Sentence[];
  peopleBySentence: string[][];
}

interface Span {
  from: number;
  to: number;
}

function clauseAround(text: string, start: number, end: number): { clause: Span; reportFrame: boolean } {
  let from = 0;
  let to = text.length;
  const breaks: { at: number; after: number; that: boolean }[] = [];
  for (const m of allMatches(THAT_BREAK, text)) breaks.push({ at: m.index + m[0].search(/\s+that\s+$/), after: m.index + m[0].length, that: true });
  for (const m of allMatches(PLAIN_BREAK, text)) breaks.push({ at: m.index, after: m.index + m[0].length, that: false });
  breaks.sort((a, b) => a.at - b.at);
  for (const b of breaks) {
    if (b.after <= start) {
      from = b.after;
    } else if (b.at >= end) {
      to = b.at;
      // the date sits in the reporting frame ("X reported on <date> that Y"): describe the report and its claim
      if (b.that && from === 0) {
        const next = breaks.find((n) => n.at > b.after && !n.that);
        return { clause: { from: 0, to: next ? next.at : text.length }, reportFrame: true };
      }
      break;
    }
  }
  return { clause: { from, to }, reportFrame: false };
}

function removeMention(clause: string, start: number, end: number): string {
  let before = clause.slice(0, start);
  let after = clause.slice(end);
  const prep = PREPOSITION_BEFORE.exec(before);
  if (prep) before = before.slice(0, prep.index);
  // "The vote, on Monday, was close": a date set off by commas on both sides leaves neither
  const setOff = /,\s*$/.test(before);
  before = before.replace(/[,\s]+$/, '');
  // "by 2030 at the latest": the bound belongs to the date, not to what happens
  after = after.replace(/^['’]s\b/, '').replace(/^,?\s*at\s+the\s+(?:very\s+)?(?:latest|earliest)\b/i, '');
  // "will open in 2030, the company said", "sales rose 5% in 2025, the firm said": the comma after the date stays
  // between the clause and the report
  const comma = !setOff && /^\s*,/.test(after) && /[\p{L}\p{N}%)]$/u.test(before);
  after = after.replace(/^[,\s]+/, '');
  // an orphaned "that" left behind ("reported, that") reads badly
  if (/\breported$|\bsaid$|\bannounced$/.test(before) && /^that\s/.test(after)) return `${before} ${after}`;
  return `${before}${comma && after ? ',' : ''} ${after}`.trim();
}

function headlineStyle(s: string, verbs = true): string {
  let t = s.trim();
  t = t.replace(/^(?:and|but|while|so|then|that|which|as|adding that|saying that)\s+/i, '');
  t = t.replace(/^\p{L}+ly,\s+/u, ''); // "Previously, ..."
  t = t.replace(/^(?:ahead|shortly|when|where)\b[\s,]*(?:when\s+|where\s+)?/i, '');
  t = t.replace(/^(?:the|a|an)\s+/i, '');
  if (!verbs) return t.replace(/[\s,;:.]+$/, '');
  // Only the clause's own first verb becomes headline style ("X is set to approve" → "X to approve"), not one
  // deep inside a subordinate clause.
  const verb = /\s+(?:(?:is|are|was|were)\s+(?:set|due|expected|scheduled|poised|going|planning|about|likely)\s+to|will|shall|would|(?:is|are)\s+to)\s+(?!not\b|have\b)/i.exec(t);
  if (verb) {
    const head = t.slice(0, verb.index);
    if (!/[,;:]|\b(?:is|are|was|were|has|have|had|do|does|did|can|could|may|might|must|should|says?|said|when|where|that|which|who|if)\b/i.test(head)) {
      t = `${head} to ${t.slice(verb.index + verb[0].length)}`;
    }
  }
  t = t.replace(/[\s,;:.]+$/, '');
  return t;
}

/** The patterns of spelledOut, by noun: a noun's pattern is compiled once, not in every article that uses it. */
const SPELLED_OUT = new Map<string, RegExp>();
const SPELLED_OUT_MAX = 512;

/** "the plan to strengthen …", "the new scheme for …": where a sentence spells out what "this <noun>" is. */
export function spelledOut(noun: string): RegExp {
  let re = SPELLED_OUT.get(noun);
  if (!re) {
    if (SPELLED_OUT.size >= SPELLED_OUT_MAX) SPELLED_OUT.clear();
    re = new RegExp(`\\bthe\\s+(?:draft\\s+|new\\s+)?${noun}\\s+((?:to|for|of|on)\\s+[^,.;:()]{3,90}?)(?=\\s+${AUX_STOP}\\b|[,.;:()]|$)`, 'i');
    SPELLED_OUT.set(noun, re);
  }
  return re;
}

/** "this plan" → "the plan to strengthen ..." when an earlier sentence spells it out. */
function expandDemonstratives(t: string, sentence: number, ctx: DescribeContext): string {
  return t.replace(/\b(this|that|these|the)\s+(\p{L}{3,})\b(?!\s+(?:to|for|of|on)\b)/giu, (whole, det: string, noun: string) => {
    if (det.toLowerCase() === 'the' && !/^(plan|proposal|deal|scheme|bill|agreement|measure|project|initiative|report|programme|program|law|policy|strategy)$/i.test(noun)) return whole;
    const re = spelledOut(noun);
    // the phrase that spells it out is usually a few sentences back
    for (let i = Math.max(0, sentence - 20); i <= sentence && i < ctx.sentences.length; i++) {
      const m = re.exec(ctx.sentences[i].text);
      if (m && m[1].split(/\s+/).length <= 12) return `the ${noun} ${m[1]}`;
    }
    return whole;
  });
}

function resolvePronoun(t: string, sentence: number, ctx: DescribeContext): string {
  const m = /^(he|she)\s/i.exec(t);
  if (!m) return t;
  for (let i = sentence; i >= 0; i--) {
    const here = ctx.peopleBySentence[i] ?? [];
    if (here.length > 0) return `${here[here.length - 1]} ${t.slice(m[0].length)}`;
  }
  return t;
}

/** Blanks out parentheticals that do not hold the date ("$102.6bn (£53.51bn)"), keeping offsets. */
function blankAsides(text: string, start: number, end: number): string {
  return text.replace(/\s*\([^()]{0,200}\)/g, (m, at: number) => (at < end && at + m.length > start ? m : ' '.repeat(m.length)));
}

export function describeEvent(s: Sentence, start: number, end: number, ctx: DescribeContext): string {
  const text = blankAsides(s.text, start, end);
  const { clause, reportFrame } = clauseAround(text, start, end);
  const part = text.slice(clause.from, clause.to);
  let t = removeMention(part, start - clause.from, end - clause.from);
  t = headlineStyle(t, !reportFrame);
  t = resolvePronoun(t, s.index, ctx);
  t = expandDemonstratives(t, s.index, ctx);
  t = t.replace(/\s+/g, ' ').replace(/\s+([,.;:])/g, '$1').trim();
  if (t.split(' ').length < 2) t = headlineStyle(removeMention(text, start, end));
  return shorten(t, 160);
}
