import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches, asciiTwin } from '../../src/language/matches';
import { TIMEX_RULES } from '../../src/articles/timex';
import { DATE_RULES } from '../../src/articles/dates';

const viaMatchAll = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => ({ index: m.index, groups: [...m] }));
const viaAll = (re: RegExp, text: string) => allMatches(re, text).map((m) => ({ index: m.index, groups: [...m] }));

// Words the date and time patterns look for, and the characters where a pattern with and without `u` part:
// ſ and K (which fold to s and k under `iu`), a letter beyond ASCII, a dash, a surrogate pair.
const PIECES = ['now', 'soon', 'ſoon', 'SOON', 'ago', 'week', 'weeks', 'year', 'years', 'month', 'day', 'Tuesday', 'March', 'May', 'June', 'december',
  'next', 'last', 'this', 'the', 'in', 'within', 'two', 'three', 'a', 'few', '10', '3', '2024', '1999', 'earlier', 'later', 'quarter', 'first',
  'K', 'k', 'pm', 'p.m.', '12', ':30', 'noon', 'every', 'daily', 'yesterday', 'today', "'s", '’', 'é', '–', '-', ',', '.', ' ', ' ', '  ', '😀', 'of', 'to', 'fiscal'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((xs) => xs.join(' ').replace(/ ([,.:])/g, '$1'));

describe('allMatches', () => {
  it('drops `u` only where nothing can tell', () => {
    expect(asciiTwin(/\b(now|soon)\b/giu)?.flags).toBe('gi');
    expect(asciiTwin(/\p{Lu}\w+/gu)).toBeNull();
    expect(asciiTwin(/[^a-z]+/gu)).toBeNull();
    expect(asciiTwin(/a.b/gu)).toBeNull();
    expect(asciiTwin(/\S+/gu)).toBeNull();
    expect(asciiTwin(/é/giu)).toBeNull();
    expect(asciiTwin(/é–/gu)?.flags).toBe('g');
    expect(asciiTwin(/\b(now)\b/gi)).toBeNull();
  });

  it('keeps ſ and K to the pattern itself under iu', () => {
    expect(viaAll(/\bsoon\b/giu, 'ſoon and SOON')).toEqual(viaMatchAll(/\bsoon\b/giu, 'ſoon and SOON'));
    expect(viaAll(/\bsoon\b/giu, 'ſoon and SOON').length).toBe(2);
  });

  it('steps past empty matches as matchAll does, and leaves lastIndex as it was', () => {
    for (const re of [/\b/gu, /(?:)/gu, /x*/gu, /(?<=a)/giu]) {
      for (const t of ['', 'a😀b', 'ab cd', '😀😀']) expect(viaAll(re, t)).toEqual(viaMatchAll(re, t));
    }
    const re = /\bnow\b/giu;
    re.lastIndex = 4;
    expect(viaAll(re, 'now now')).toEqual(viaMatchAll(re, 'now now'));
    expect(re.lastIndex).toBe(4);
    expect(() => allMatches(/now/u, 'now')).toThrow(TypeError);
  });

  it('finds what matchAll finds with every date and time pattern of the parser (seeded)', () => {
    const patterns = [...TIMEX_RULES, ...DATE_RULES].map((r) => r.pattern);
    fc.assert(
      fc.property(text, (t) => {
        for (const re of patterns) expect(viaAll(re, t)).toEqual(viaMatchAll(re, t));
      }),
      { seed: 41, numRuns: 3000 },
    );
  });
});
