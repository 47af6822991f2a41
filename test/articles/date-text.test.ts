// An article's dates in words (articles/date-text.ts): as precise as the article, and past, today or upcoming.
import { describe, expect, it } from 'vitest';
import { eventDateText, statusText } from '../../src/articles/date-text';
import { eventStatus } from '../../src/articles/event-status';

describe('dates as precise as the article', () => {
  const day = { date: '2024-11-28', endDate: '2024-11-28', precision: 'day', qualifier: 'on' } as const;
  it('writes each precision honestly', () => {
    expect(eventDateText(day)).toBe('28 November 2024');
    expect(eventDateText({ date: '1992-05-01', endDate: '1992-05-31', precision: 'month', qualifier: 'on' })).toBe('May 1992');
    expect(eventDateText({ date: '2011-01-01', endDate: '2011-12-31', precision: 'year', qualifier: 'about' })).toBe('2011 (about)');
    expect(eventDateText({ date: '2011-01-01', endDate: '2011-12-31', precision: 'approximate', qualifier: 'on' })).toBe('2011 (about)');
    expect(eventDateText({ date: '2024-11-26', endDate: '2024-11-28', precision: 'day', qualifier: 'by' })).toBe('by 28 November 2024');
    expect(eventDateText({ date: '2024-07-09', endDate: '2024-07-10', precision: 'day', qualifier: 'range' })).toBe('9–10 July 2024');
    expect(eventDateText({ date: '2025-04-04', endDate: '2025-04-05', precision: 'day', qualifier: 'alternative' })).toBe('4 or 5 April 2025');
    expect(eventDateText({ date: '2024-06-30', endDate: '2024-07-02', precision: 'day', qualifier: 'range' })).toBe('30 June–2 July 2024');
  });

  it('says past, today or upcoming as of the clock', () => {
    expect(eventStatus(day, new Date('2026-11-27T12:00:00Z'))).toBe('past');
    expect(eventStatus(day, new Date('2024-11-27T23:59:00Z'))).toBe('upcoming');
    expect(eventStatus(day, new Date('2024-11-28T00:00:00Z'))).toBe('today');
    expect(statusText({ date: '2024-11-26', endDate: '2024-11-28' }, new Date('2024-11-27T00:00:00Z'))).toBe('under way');
  });
});
