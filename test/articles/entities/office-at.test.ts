import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officeAt } from '../../../src/articles/entities/references';

// officeAt as it was before it skipped spans that cannot be a title: every span joined and tested
const OFFICE = /^(?:(?:deputy|shadow|vice)\s+)?(?:prime minister|chancellor(?: of the exchequer)?|(?:[a-z]+\s+)?secretary|(?:[a-z]+\s+)?minister|president|premier|attorney general|secretary-general|secretary general|mayor|governor|speaker)$/i;
function everySpan(ws: string[], i: number): { title: string; length: number } | null {
  for (let n = Math.min(5, ws.length - i); n >= 1; n--) {
    const title = ws.slice(i, i + n).join(' ').replace(/[,.;:]$/, '');
    if (/^[a-z][a-z -]*$/.test(title) && OFFICE.test(title)) return { title, length: n };
  }
  return null;
}

const WORDS = ['the', 'prime', 'Prime', 'minister', 'minister,', 'Minister', 'minister.,', 'foreign', 'secretary', 'secretary.', 'secretary-general', 'general',
  'attorney', 'chancellor', 'of', 'exchequer;', 'deputy', 'shadow', 'vice', 'president', 'mayor:', 'governor', 'speaker', 'said', 'Blair', '', 'home-office'];

describe('officeAt', () => {
  it('finds the longest title after "the"', () => {
    expect(officeAt('the prime minister said'.split(' '), 1)).toEqual({ title: 'prime minister', length: 2 });
    expect(officeAt('the chancellor of the exchequer; he'.split(' '), 1)).toEqual({ title: 'chancellor of the exchequer', length: 4 });
    expect(officeAt('the Prime Minister said'.split(' '), 1)).toBeNull();
    expect(officeAt('the plan'.split(' '), 1)).toBeNull();
  });

  it('answers as testing every span did (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }), fc.nat(8), (ws, i) => {
        expect(officeAt(ws, i)).toEqual(everySpan(ws, i));
      }),
      { seed: 53, numRuns: 20000 },
    );
  });
});
