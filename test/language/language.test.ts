import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONTHS, WEEKDAYS, isCalendarWord, isMonthOrWeekday, monthName } from '../../src/language/calendar-words';
import { capitalisedChunks, tokenize as nameTokens } from '../../src/language/name-tokens';
import { stemWord } from '../../src/language/stem';
import { stemsOf, tokenize as termTokens } from '../../src/language/terms';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('language layer', () => {
  it('numbers months from 1 and weekdays from Sunday = 0, with abbreviations', () => {
    expect(MONTHS.january).toBe(1);
    expect(MONTHS.sept).toBe(9);
    expect(MONTHS.dec).toBe(12);
    expect(WEEKDAYS.sunday).toBe(0);
    expect(WEEKDAYS.saturday).toBe(6);
    expect(monthName(11)).toBe('November');
    expect(isMonthOrWeekday('tuesday')).toBe(true);
    expect(isMonthOrWeekday('easter')).toBe(false);
    expect(isCalendarWord('easter')).toBe(true);
  });

  it('stems with Porter2 after the irregular forms', () => {
    expect(stemWord('approval')).toBe('approv');
    expect(stemWord('approved')).toBe('approv');
    expect(stemWord('held')).toBe('hold');
    expect(stemWord('organisations')).toBe(stemWord('organization'));
    expect(stemWord('19,800')).toBe('19800');
  });

  it('keeps numbers whole in search terms and names whole in name tokens', () => {
    expect(termTokens('It cost 19,800 euros').map((t) => t.raw)).toEqual(['It', 'cost', '19,800', 'euros']);
    expect(stemsOf('Members approved')).toEqual(['member', 'approv']);
    const tokens = nameTokens("Jeremy de Souza's plan");
    expect(tokens.map((t) => t.text)).toEqual(['Jeremy', 'de', 'Souza', 'plan']);
    expect(tokens[2].possessive).toBe(true);
    expect(capitalisedChunks("Jeremy de Souza's plan", tokens).map((c) => c.text)).toEqual(['Jeremy de Souza']);
    expect(capitalisedChunks('On Tuesday the Bank of England', nameTokens('On Tuesday the Bank of England')).map((c) => c.text)).toEqual(['Bank of England']);
  });

  it('is the one home of month names and honorifics: no other source file spells them out', () => {
    const offenders = sourceFiles('src')
      .filter((f) => !f.startsWith(join('src', 'language')))
      .filter((f) => /'january',\s*'february'|'January', 'February'|\bjanuary:\s*1\b|'mrs',\s*'ms'|\bstemmer\b/i.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
