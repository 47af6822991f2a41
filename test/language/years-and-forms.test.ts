// Years before the article parser's range (1800–2099), read where they are written as times, and the
// past forms of irregular verbs brought to their stem ("shrunk" = "shrink").
import { describe, expect, it } from 'vitest';
import { historicalYears } from '../../src/language/years';
import { stemWord } from '../../src/language/stem';

describe('historicalYears', () => {
  it('reads a year after a temporal preposition, with the qualifier it needs', () => {
    expect(historicalYears('The abbey mill was rebuilt in 1642 after the fire.')).toEqual([{ year: '1642', at: 30, expression: '1642', qualifier: 'on' }]);
    expect(historicalYears('The first canal lock, built around 1480, still stands.')).toMatchObject([{ year: '1480', expression: 'around 1480', qualifier: 'about' }]);
    expect(historicalYears('Printing reached the town before 1550.')).toMatchObject([{ year: '1550', expression: 'before 1550', qualifier: 'by' }]);
    expect(historicalYears('In 1607 Agnes Thorne patented a loom.')).toMatchObject([{ year: '1607', at: 3 }]);
  });

  it('reads both ends of a range, a season\'s year, and a month or day written with the year', () => {
    expect(historicalYears('The mill ran from 1702 to 1719 without a stop.').map((y) => y.year)).toEqual(['1702', '1719']);
    expect(historicalYears('The harbour froze over the winter of 1709.')).toMatchObject([{ year: '1709', expression: '1709' }]);
    expect(historicalYears('The charter was granted in May 1698 by the king.')).toEqual([{ year: '1698', at: 27, expression: 'May 1698', qualifier: 'on', month: 5 }]);
    expect(historicalYears('The bridge opened on 21 February 1604.')).toMatchObject([{ year: '1604', expression: '21 February 1604', month: 2, day: 21 }]);
    // "may" is a verb.
    expect(historicalYears('Figures may 1500 differ.')).toEqual([]);
  });

  it('reads neither end of a range whose second end counts something ("between 1000 and 1500 people")', () => {
    expect(historicalYears('Between 1000 and 1500 people were killed.')).toEqual([]);
    expect(historicalYears('Tickets rose from 1200 to 1500 pounds.')).toEqual([]);
    expect(historicalYears('Between 1600 and 1650 the town grew.').map((y) => y.year)).toEqual(['1600', '1650']);
  });

  it('gives no day the month does not have ("31 February 1604"): the month and year stand', () => {
    expect(historicalYears('He died on 31 February 1604.')).toMatchObject([{ year: '1604', month: 2 }]);
    expect(historicalYears('He died on 31 February 1604.')[0].day).toBeUndefined();
    expect(historicalYears('The fort fell on 31 April 1702.')[0].day).toBeUndefined();
    expect(historicalYears('He died on 29 February 1604.')).toMatchObject([{ year: '1604', month: 2, day: 29 }]);
    expect(historicalYears('The fort fell on 30 April 1702.')).toMatchObject([{ month: 4, day: 30 }]);
  });

  it('reads the start of a bracketed range', () => {
    const text = 'The bishop rebuilt (1702–1719) the whole choir.';
    expect(historicalYears(text)).toEqual([{ year: '1702', at: text.indexOf('1702'), expression: '1702', qualifier: 'on' }]);
  });

  it('leaves numbers that are no year: a count of things, thousands, a number with no time word before it', () => {
    expect(historicalYears('The plague was found in 1500 cases that summer.')).toEqual([]);
    expect(historicalYears('The town had 1,650 houses and in 1,700 of them lived weavers.')).toEqual([]);
    expect(historicalYears('The ship carried 1650 barrels of wine.')).toEqual([]);
    expect(historicalYears('It was rebuilt in 1952.')).toEqual([]);
    // A time of day written as four digits.
    expect(historicalYears('Polls close at about 1530 GMT, and counting starts by 1700 hours.')).toEqual([]);
  });
});

describe('stemWord and irregular verbs', () => {
  it('brings the past forms of irregular verbs to the stem of the verb', () => {
    for (const [form, base] of [['shrunk', 'shrink'], ['shrank', 'shrink'], ['taught', 'teach'], ['withdrew', 'withdraw'], ['withdrawn', 'withdraw'], ['built', 'build'], ['sought', 'seek'], ['struck', 'strike'], ['misled', 'mislead'], ['children', 'child']]) {
      expect(stemWord(form), form).toBe(stemWord(base));
    }
  });

  it('leaves a past form that is also a common noun or verb of its own', () => {
    expect(stemWord('found')).not.toBe(stemWord('find'));
    expect(stemWord('left')).not.toBe(stemWord('leave'));
  });
});
