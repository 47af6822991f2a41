import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsWord } from '../../src/language/word-search';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byPattern = (text: string, word: string, ignoreCase: boolean) => new RegExp(`\\b${escape(word)}\\b`, ignoreCase ? 'i' : '').test(text);

// Characters where whole-word search can go wrong: word and non-word ASCII, regexp specials, letters beyond
// ASCII (some fold to ASCII under other rules: ſ, K, ı, µ/μ), and a surrogate pair.
const UNITS = ['a', 'b', 'A', 'B', 's', 'S', 'k', 'K', '_', '0', '9', ' ', '-', '.', "'", '’', '(', '*', 'é', 'É', 'ſ', '\u212A', 'ı', 'µ', 'μ', 'Μ', '😀'];
const str = (max: number) => fc.array(fc.constantFrom(...UNITS), { maxLength: max }).map((xs) => xs.join(''));

describe('containsWord', () => {
  it('finds a literal between word boundaries, as \\bword\\b does', () => {
    expect(containsWord('Mr Blair said', 'Blair')).toBe(true);
    expect(containsWord('Blairite views', 'Blair')).toBe(false);
    expect(containsWord('the_Blair', 'Blair')).toBe(false);
    expect(containsWord('(U.N.) said', 'U.N.')).toBe(false); // no boundary after the final full stop before ")"
    expect(containsWord('the U.N. said', 'U.N')).toBe(true);
    expect(containsWord('Blair Blairs Blair', 'Blair')).toBe(true);
    expect(containsWord('BlairX Blair', 'Blair')).toBe(true); // a later occurrence
  });

  it('ignores ASCII case only when asked', () => {
    expect(containsWord('The Foreign Secretary said', 'the foreign secretary', true)).toBe(true);
    expect(containsWord('The Foreign Secretary said', 'the foreign secretary')).toBe(false);
    expect(containsWord('THE \u212A', 'the k', true)).toBe(false); // the Kelvin sign is no k without unicode mode
  });

  it('agrees with the pattern on generated texts and words (seeded)', () => {
    fc.assert(
      fc.property(str(24), str(4), fc.boolean(), (text, word, ignoreCase) => {
        expect(containsWord(text, word, ignoreCase)).toBe(byPattern(text, word, ignoreCase));
        // a word taken from the text itself, so that hits are common
        const from = text.slice(Math.floor(text.length / 3), Math.floor(text.length / 3) + word.length + 1);
        expect(containsWord(text, from, ignoreCase)).toBe(byPattern(text, from, ignoreCase));
        expect(containsWord(text.toUpperCase(), from, ignoreCase)).toBe(byPattern(text.toUpperCase(), from, ignoreCase));
      }),
      { seed: 17, numRuns: 5000 },
    );
  });
});
