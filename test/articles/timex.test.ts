// TIMEX3 expressions in the parse: type and value of each kind of expression, read against the
// publication date; without one, values say only what the text says.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse';
import { isoWeek } from '../../src/articles/timex';
import { dayNumber } from '../../src/articles/calendar';

function timexes(body: string, published?: string) {
  const front = published ? `---\npublished: ${published}\n---\n` : '';
  const r = parseArticle(`${front}Headline\n\n${body}`, { now: new Date('2026-11-28T12:00:00Z') });
  if (!r.ok) throw new Error(r.error);
  return r.article.timexes.map(({ text, type, value }) => ({ text, type, value }));
}

describe('TIMEX3 values against the publication date (Friday 1998-02-13)', () => {
  const at = (body: string) => timexes(body, '1998-02-13');

  it('gives calendar values to dates, weekdays, relative days and periods', () => {
    expect(at('The deal was signed on Tuesday. Talks resume Feb. 20, and the vote was on 3 March 1997.')).toEqual([
      { text: 'Tuesday', type: 'date', value: '1998-02-10' },
      { text: 'Feb. 20', type: 'date', value: '1998-02-20' },
      { text: '3 March 1997', type: 'date', value: '1997-03-03' },
    ]);
    expect(at('Shares fell yesterday after a rise last year, and analysts expect more this month.')).toEqual([
      { text: 'yesterday', type: 'date', value: '1998-02-12' },
      { text: 'last year', type: 'date', value: '1997' },
      { text: 'this month', type: 'date', value: '1998-02' },
    ]);
    expect(at('It happened two years ago, in the 1980s, and again last week.')).toEqual([
      { text: 'two years ago', type: 'date', value: '1996' },
      { text: '1980s', type: 'date', value: '198' },
      { text: 'last week', type: 'date', value: '1998-W06' },
    ]);
  });

  it('types durations, sets, times and present/past references', () => {
    expect(at('The strike lasted three weeks. Reports come out every month. He spoke at 10 p.m. Wednesday. Prices are now lower.')).toEqual([
      { text: 'three weeks', type: 'duration', value: 'P3W' },
      { text: 'every month', type: 'set', value: 'P1M' },
      { text: '10 p.m. Wednesday', type: 'time', value: '1998-02-11T22:00' },
      { text: 'now', type: 'date', value: 'PRESENT_REF' },
    ]);
  });

  it('reads "a year earlier" in a results report as the same quarter a year before', () => {
    expect(at('Third-quarter profit rose to $5m from $4m a year earlier.')).toEqual([
      { text: 'Third-quarter', type: 'date', value: '1997-Q3' },
      { text: 'a year earlier', type: 'date', value: '1996-Q3' },
    ]);
  });
});

describe('TIMEX3 values without a publication date', () => {
  it('keeps the year unknown instead of borrowing the ingestion year', () => {
    expect(timexes('The summit opens on 14 June. It was agreed on Friday, a year after the war ended in 2003.')).toEqual([
      { text: '14 June', type: 'date', value: 'XXXX-06-14' },
      { text: 'Friday', type: 'date', value: 'XXXX-WXX-5' },
      { text: 'a year', type: 'duration', value: 'P1Y' },
      { text: '2003', type: 'date', value: '2003' },
    ]);
  });
});

describe('isoWeek', () => {
  it('gives the ISO week, whose year is that of its Thursday', () => {
    expect(isoWeek(dayNumber(1998, 2, 13))).toEqual({ year: 1998, week: 7 });
    expect(isoWeek(dayNumber(2021, 1, 1))).toEqual({ year: 2020, week: 53 });
    expect(isoWeek(dayNumber(2024, 12, 30))).toEqual({ year: 2025, week: 1 });
  });
});
