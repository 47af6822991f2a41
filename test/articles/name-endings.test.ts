// The string tests that replaced patterns compiled per name (attributions, describe): each agrees with the
// pattern it replaced, on hand-picked and on generated (seeded) texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithApposed, endsWithHonorific } from '../../src/articles/attributions';
import { spelledOut } from '../../src/articles/describe';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const apposedPattern = (text: string, name: string) => new RegExp(`(?:^|,\\s)${escape(name)}$`).test(text);
const honorificPattern = (text: string, surname: string) => new RegExp(`(?:Mr|Mrs|Ms|Dr|Miss|Lord|Lady|Sir)\\.?\\s+${escape(surname)}$`).test(text);

const PIECES = ['Mr', 'Mrs', 'Ms', 'Dr', 'Miss', 'Lord', 'Lady', 'Sir', 'M', 'r', 's', '.', ',', ' ', '  ', '\t', '\u00a0', 'Jo', 'Bell', 'Jo Bell', 'the director', '*', '('];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((xs) => xs.join(''));

describe('name endings', () => {
  it('a name at the end, alone or after a comma and one space', () => {
    expect(endsWithApposed('the director, Jo Bell', 'Jo Bell')).toBe(true);
    expect(endsWithApposed('Jo Bell', 'Jo Bell')).toBe(true);
    expect(endsWithApposed('the director,  Jo Bell', 'Jo Bell')).toBe(false);
    expect(endsWithApposed('the director Jo Bell', 'Jo Bell')).toBe(false);
  });

  it('a surname after an honorific at the end', () => {
    expect(endsWithHonorific('Leaving a Brussels summit Mr Blair', 'Blair')).toBe(true);
    expect(endsWithHonorific('Dr.  Blair', 'Blair')).toBe(true);
    expect(endsWithHonorific('Mrs Blair', 'Blair')).toBe(true);
    expect(endsWithHonorific('Mr Blair said', 'Blair')).toBe(false);
    expect(endsWithHonorific('MrBlair', 'Blair')).toBe(false);
    expect(endsWithHonorific('Mr. . Blair', 'Blair')).toBe(false);
  });

  it('agree with the patterns they replaced (seeded)', () => {
    fc.assert(
      fc.property(text, text, (t, name) => {
        expect(endsWithApposed(t, name)).toBe(apposedPattern(t, name));
        expect(endsWithHonorific(t, name)).toBe(honorificPattern(t, name));
        const tail = t.slice(Math.floor(t.length / 2));
        expect(endsWithApposed(t, tail)).toBe(apposedPattern(t, tail));
        expect(endsWithHonorific(t, tail)).toBe(honorificPattern(t, tail));
      }),
      { seed: 29, numRuns: 5000 },
    );
  });

  it('compiles a noun\'s spelled-out pattern once and finds what it spells out', () => {
    expect(spelledOut('plan')).toBe(spelledOut('plan'));
    expect(spelledOut('plan').exec('They backed the draft plan to strengthen the border, officials said.')?.[1]).toBe('to strengthen the border');
    expect(spelledOut('scheme').exec('They backed the draft plan to strengthen the border.')).toBeNull();
  });
});
