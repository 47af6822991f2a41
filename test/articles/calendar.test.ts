// The calendar arithmetic under the weekday rule, at its boundary: the day of ingestion itself counts.
import { describe, expect, it } from 'vitest';
import { dayNumber, pinYearByWeekday } from '../../src/articles/calendar';
import { parseArticle } from '../../src/articles/parse';

describe('weekday rule on the day the weekday-date names', () => {
  // 26 November 2024 was a Tuesday; the previous Tuesday 26 November was in 2019.
  it('pins a weekday-date to this year when ingested on that very day', () => {
    expect(pinYearByWeekday(11, 26, 2, dayNumber(2024, 11, 26))).toBe(2024);
    expect(pinYearByWeekday(11, 26, 2, dayNumber(2024, 11, 25))).toBe(2019);
    expect(pinYearByWeekday(11, 26, 2, dayNumber(2024, 11, 27))).toBe(2024);
  });

  it('dates an article published "Tuesday, November 26" and ingested that morning to that day', () => {
    const text = 'Council to vote on budget\n\nThe Daily Post reported on Tuesday, November 26, that the council will vote on December 3.\n';
    const result = parseArticle(text, { now: new Date('2024-11-26T09:00:00Z') });
    if (!result.ok) throw new Error(result.error);
    expect(result.article.published.date).toBe('2024-11-26');
    expect(result.article.events.find((e) => e.expression === 'December 3')?.date).toBe('2024-12-03');
  });
});
