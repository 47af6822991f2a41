// Search terms: words with their stems, numbers kept whole ("19,800", "102.6bn"). What /ask indexes and
// matches; the name finder uses its own tokens (./name-tokens), which keep hyphenated names together.
import { stemWord } from './stem';
import { foldAccents } from './accents';
import { allMatches } from './matches';

export interface Token {
  /** As written. */
  raw: string;
  lower: string;
  stem: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter (or is an all-caps acronym). */
  cap: boolean;
}

// Letters/digits, keeping decimal and thousands separators inside numbers ("19,800", "102.6bn", "0.7").
export const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{N}]+)*[\p{L}]*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of allMatches(WORD, text)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    out.push({ raw, lower, stem: stemWord(foldAccents(lower)), start: m.index, end: m.index + raw.length, cap: /^\p{Lu}/u.test(raw) });
  }
  return out;
}

/** Stems of every word of a text, without building tokens (the hot path when measuring sentences). */
export function stemsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of allMatches(WORD, text)) out.push(stemWord(foldAccents(m[0].toLowerCase())));
  return out;
}
