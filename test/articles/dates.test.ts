// Date expressions on small synthetic articles: year pinning by weekday, resolution against the publication
// date, ranges and alternatives, relative expressions, and durations that are not dates.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse';
import type { Article } from '../../src/articles/model';
import { eventStatus } from '../../src/articles/event-status';
import { pinYearByWeekday, dayNumber, isoOf, ymdOf } from '../../src/articles/calendar';
import { RESOLVERS, type Resolving, type ResolvedDate } from '../../src/articles/dates';
import { eventDateText } from '../../src/articles/date-text';

const NOW = new Date('2026-11-27T12:00:00Z');

function parse(text: string, now = NOW): Article {
  const result = parseArticle(text, { now });
  if (!result.ok) throw new Error(result.error);
  return result.article;
}
function event(article: Article, expression: string) {
  const e = article.events.find((x) => x.expression === expression);
  if (!e) throw new Error(`no event "${expression}"; have: ${article.events.map((x) => x.expression).join(' | ')}`);
  return e;
}

describe('weekday year-pinning', () => {
  const text = 'Council to vote on budget\n\nThe Daily Post reported on Tuesday, November 26, that the council will vote on the budget on December 3.\n';

  it('pins "Tuesday, November 26" to 2024 when ingested in late 2026, and dates the report by it', () => {
    const a = parse(text);
    expect(a.published).toMatchObject({ date: '2024-11-26', inferred: true, confidence: 0.5, sentence: 0, yearCertain: false, basis: 'text' });
    expect(a.published.reason).toContain('26 November fell on a Tuesday in 2024, 2019, 2013, 2002');
    expect(a.published.reason).toContain('the year is not certain');
    // The year is a guess; the event is past even at the latest year the weekday allows, so it is past.
    expect(event(a, 'December 3')).toMatchObject({ date: '2024-12-03', precision: 'day', isPublication: false, yearCertain: false, yearIsLatest: true, dateBasis: 'day-month', status: 'past' });
    expect(event(a, 'Tuesday, November 26')).toMatchObject({ date: '2024-11-26', isPublication: true });
  });

  it('never picks a date after the ingestion clock: ingested 2024-11-20 gives 2019', () => {
    const a = parse(text, new Date('2024-11-20T09:00:00Z'));
    expect(a.published.date).toBe('2019-11-26');
    expect(event(a, 'December 3').date).toBe('2019-12-03');
  });

  it('finds leap days: Monday 29 February was last in 2016', () => {
    expect(pinYearByWeekday(2, 29, 1, dayNumber(2026, 11, 27))).toBe(2016);
    const a = parse('Leap day vote\n\nThe vote was held on Monday, 29 February.');
    expect(event(a, 'Monday, 29 February').date).toBe('2016-02-29');
  });

  it('uses a weekday date that is not the report as the anchor for other dates, and says so', () => {
    const a = parse('Band plays Glasgow\n\nThe band will play on Tuesday, 14 June. Tickets for the original 22 February show remain valid.');
    expect(a.published.date).toBeNull();
    expect(a.published.reason).toContain('read relative to "Tuesday, 14 June": 14 June fell on a Tuesday in 2022, 2016, 2011, 2005');
    expect(event(a, 'Tuesday, 14 June')).toMatchObject({ date: '2022-06-14', yearCertain: false });
    expect(event(a, '22 February')).toMatchObject({ date: '2022-02-22', yearCertain: false });
  });
});

describe('Sunday papers', () => {
  it('"Mail on Sunday" is a paper, "Wales on Sunday" only where a paper is meant; no paper is "… on Monday"', () => {
    const day = (sentence: string) => parse(`---\npublished: 2026-11-20\n---\nFloods\n\n${sentence}`).events.map((e) => `${e.expression} ${e.date}`);
    expect(day('Floods swept Wales on Monday.')).toEqual(['Monday 2026-11-16']);
    expect(day('Floods swept Wales on Sunday.')).toEqual(['Sunday 2026-11-15']);
    expect(day('The minister told Wales on Sunday the plan was dead.')).toEqual([]);
    expect(day('The Mail on Sunday reported the deal.')).toEqual([]);
  });
});

describe('what dates the report', () => {
  it('never a date something was said on: "said on", "told reporters on", "announced on" date the speech, not the article', () => {
    const texts = [
      'Quay works\n\nThe harbour master said on Thursday, 12 March 2026 that dredging would start in May.',
      'Quay works\n\nMs Ortega told reporters on Thursday, 12 March 2026 that dredging would start in May.',
      'Quay works\n\nThe port authority announced on Thursday, 12 March 2026 that dredging would start in May.',
    ];
    for (const text of texts) {
      const a = parse(text);
      expect(a.published.date, text).toBeNull();
      expect(event(a, 'Thursday, 12 March 2026'), text).toMatchObject({ date: '2026-03-12', isPublication: false });
    }
  });

  it('the day something was said is still the speaker\'s now: a month ahead in the future tense lies after it', () => {
    const a = parse('Quay works\n\nThe harbour board said on Tuesday, 10 November, that the old crane was sold last March. The ferry will resume in October. The pier closed in October.');
    expect(a.published.date).toBeNull();
    expect(event(a, 'Tuesday, 10 November').date).toBe('2026-11-10');
    expect(event(a, 'last March').date).toBe('2026-03-01');
    expect(a.events.filter((e) => e.expression === 'October').map((e) => e.date)).toEqual(['2027-10-01', '2026-10-01']);
  });

  it('a report relayed in the lead dates the article; the same words further down do not', () => {
    const lead = parse('Quay works\n\nThe Harbour Gazette reported on Thursday, 12 March 2026 that dredging would start in May.');
    expect(lead.published).toMatchObject({ date: '2026-03-12', basis: 'text', yearCertain: true });
    const later = parse('Quay works\n\nDredging will start in May. The quay is old. Its cranes are older. The Harbour Gazette reported on Thursday, 12 March 2026 that the cranes would go.');
    expect(later.published.date).toBeNull();
  });
});

describe('year certainty from all the evidence together', () => {
  const report = 'Council to vote on budget\n\nThe Daily Post reported on Tuesday, November 26, that the council will vote on the budget on December 3.\n';

  it('a weekday–date pair within 14 days before ingestion fixes the year; outside it does not', () => {
    for (const [now, certain] of [['2024-11-27T09:00:00Z', true], ['2024-12-10T09:00:00Z', true], ['2024-12-11T09:00:00Z', false], ['2025-06-01T09:00:00Z', false]] as const) {
      const a = parse(report, new Date(now));
      expect(a.published, now).toMatchObject({ date: '2024-11-26', yearCertain: certain });
      expect(event(a, 'December 3'), now).toMatchObject({ date: '2024-12-03', yearCertain: certain });
    }
    const fresh = parse(report, new Date('2024-11-27T09:00:00Z'));
    expect(fresh.published.reason).toContain('1 day before Herald took the article in (2024-11-27)');
    expect(event(fresh, 'December 3').status).toBe('upcoming');
  });

  it('a weekday–date pair the text names ahead of ingestion is that coming date, not one years ago', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const reopens = 'Gallery reopens\n\nThe gallery reopens to visitors on Saturday 5 December after a long refit.';
    // 5 December 2026 is a Saturday six days after ingestion: news of the day, as a date as near behind would be
    const a = parse(reopens, now);
    expect(a.published.date).toBeNull();
    expect(event(a, 'Saturday 5 December')).toMatchObject({ date: '2026-12-05', yearCertain: true, status: 'upcoming' });
    expect(a.published.reason).toContain('5 December falls on a Saturday 6 days after Herald took the article in (2026-11-29)');
    // further ahead it is not certain, and never called past on the strength of a year guessed behind it
    const early = parse(reopens, new Date('2026-11-10T10:00:00Z'));
    expect(event(early, 'Saturday 5 December')).toMatchObject({ date: '2026-12-05', yearCertain: false, status: 'unknown' });
    // in the past tense it lies before the report: the most recent such year, a guess
    const past = parse('Gallery reopened\n\nThe gallery reopened to visitors on Saturday 5 December after a long refit.', now);
    expect(event(past, 'Saturday 5 December')).toMatchObject({ date: '2020-12-05', yearCertain: false, status: 'past' });
    // an irregular past ("struck", "won") tells of something done just as "-ed" does; a verb of saying does not
    for (const done of ['The storm struck on Saturday 5 December and the pier lost its roof.', 'Rovers won 2-1 on Saturday 5 December in front of a full stand.']) {
      expect(event(parse(`Weekend report\n\n${done}`, now), 'Saturday 5 December'), done).toMatchObject({ date: '2020-12-05', yearCertain: false, status: 'past' });
    }
    const told = parse('Gallery reopens\n\nThe council told residents the gallery reopens on Saturday 5 December.', now);
    expect(event(told, 'Saturday 5 December')).toMatchObject({ date: '2026-12-05', status: 'upcoming' });
    // a line that is the date alone is the report's own date (a dateline): it cannot lie ahead of ingestion
    for (const dateline of ['Saturday 5 December', 'Published: Saturday 5 December, 09:30 GMT']) {
      const report = parse(`Gallery news\n\n${dateline}\n\nThe gallery opens its doors to visitors next week.`, now);
      expect(event(report, 'Saturday 5 December'), dateline).toMatchObject({ date: '2020-12-05', yearCertain: false, status: 'past' });
    }
  });

  it('"since 1997" and "until June 2006" leave one year for "Tuesday, 14 June": 2005', () => {
    const a = parse('Band plays Glasgow\n\nThe band, together since 1997, said on Tuesday, 14 June that it will keep touring until June 2006.');
    // the day the band spoke is no publication date, but it anchors the others with its year
    expect(a.published.date).toBeNull();
    expect(event(a, 'Tuesday, 14 June')).toMatchObject({ date: '2005-06-14', yearCertain: true });
    expect(a.published.reason).toContain('2005 is the only year');
    expect(a.published.reason).toContain('"June 2006" is still ahead (until)');
  });

  it('"early 2005" in the future tense fixes the year of "Tuesday 9 November" (2004), without a lower bound elsewhere', () => {
    const a = parse('Game launch\n\nStores will open at midnight on Tuesday 9 November. Analysts expect it to debut in Europe in early 2005. The chart was topped on 12 December.');
    expect(a.published.date).toBeNull();
    expect(event(a, 'Tuesday 9 November')).toMatchObject({ date: '2004-11-09', yearCertain: true });
    expect(event(a, '12 December')).toMatchObject({ date: '2004-12-12', yearCertain: true, status: 'past' });
  });

  it('a past-tense year after the only candidates, or conflicting evidence, leaves the year open', () => {
    const a = parse('Band plays Glasgow\n\nThe band said on Tuesday, 14 June that it will tour until 2001. The album was released in 2003.');
    expect(a.published.yearCertain).toBe(false);
    expect(event(a, 'Tuesday, 14 June').yearCertain).toBe(false);
  });

  it('a date in the URL path dates the article with a certain year', () => {
    const a = parse('---\nurl: https://news.example.org/world/2005/03/14/vote.html\n---\nVote\n\nThe vote will be held on Friday.');
    expect(a.published).toMatchObject({ date: '2005-03-14', yearCertain: true, basis: 'url' });
    expect(a.published.reason).toContain('URL path (2005/03/14');
    expect(event(a, 'Friday')).toMatchObject({ date: '2005-03-18', yearCertain: true });
  });

  it('a dateline dates the report', () => {
    const a = parse('Vote\n\nLONDON, March 3, 2005 - The vote is on Friday.');
    expect(a.published).toMatchObject({ date: '2005-03-03', yearCertain: true, basis: 'dateline' });
  });

  it('names the basis a feed or page wrote into the front matter', () => {
    const a = parse("---\npublished: 2005-03-14\npublished-basis: the feed item's date (RSS pubDate)\n---\nVote\n\nThe vote is on Friday.");
    expect(a.published).toMatchObject({ date: '2005-03-14', yearCertain: true, basis: 'feed' });
    expect(a.published.reason).toBe("the feed item's date (RSS pubDate), written into the front matter (published:)");
  });
});

describe('dates resolved against the publication date from front matter (Friday 2005-02-25)', () => {
  const text = [
    '---',
    'published: 2005-02-25',
    'source: Example News',
    '---',
    'Debt swap closes',
    '',
    'The results will be ready next Thursday (3 March), the minister said. The festival will be held from 9-10 July.',
    'The Queen will be asked on 4 or 5 April to dissolve Parliament.',
    '',
    'The company has struggled for several years and the deal took two years to agree. Talks went on for three months.',
    'Prices rose in May 1992. The talks will end by June. The fund was set up 13 years ago.',
    '',
    'Officials met on Tuesday. Officials will meet again on Tuesday. The announcement came yesterday.',
    'A decision is expected in the next two weeks. Sales fell last month. The Sunday Times said nothing.',
    'It happened about three years ago. A vote is planned early next year.',
  ].join('\n');
  const a = parse(text);

  it('takes the publication date from the front matter', () => {
    expect(a.meta).toEqual({ published: '2005-02-25', source: 'Example News' });
    expect(a.published).toEqual({ date: '2005-02-25', inferred: false, reason: 'given in the front matter (published:)', confidence: 1, yearCertain: true, basis: 'front-matter' });
  });

  it('lets the explicit date win in "next Thursday (3 March)"', () => {
    expect(event(a, 'next Thursday (3 March)')).toMatchObject({ date: '2005-03-03', endDate: '2005-03-03', precision: 'day', qualifier: 'on' });
  });

  it('reads "from 9-10 July" as a range and "4 or 5 April" as alternatives', () => {
    expect(event(a, '9-10 July')).toMatchObject({ date: '2005-07-09', endDate: '2005-07-10', qualifier: 'range', precision: 'day' });
    expect(event(a, '4 or 5 April')).toMatchObject({ date: '2005-04-04', endDate: '2005-04-05', qualifier: 'alternative' });
  });

  it('keeps month-only dates at month precision, with deadlines as "by"', () => {
    expect(event(a, 'May 1992')).toMatchObject({ date: '1992-05-01', endDate: '1992-05-31', precision: 'month' });
    expect(event(a, 'June')).toMatchObject({ date: '2005-06-01', endDate: '2005-06-30', precision: 'month', qualifier: 'by' });
    expect(event(a, 'last month')).toMatchObject({ date: '2005-01-01', endDate: '2005-01-31', precision: 'month' });
  });

  it('resolves relative expressions from the publication date with honest precision', () => {
    expect(event(a, '13 years ago')).toMatchObject({ date: '1992-01-01', endDate: '1992-12-31', precision: 'year' });
    expect(event(a, 'about three years ago')).toMatchObject({ date: '2002-01-01', precision: 'approximate', qualifier: 'about' });
    expect(event(a, 'yesterday')).toMatchObject({ date: '2005-02-24', precision: 'day' });
    expect(event(a, 'in the next two weeks')).toMatchObject({ date: '2005-03-11', qualifier: 'by', precision: 'day' });
    expect(event(a, 'early next year')).toMatchObject({ date: '2006-01-01', precision: 'approximate' });
  });

  it('reads a bare weekday by tense: the last Tuesday for "met", the next one for "will meet"', () => {
    const tuesdays = a.events.filter((e) => e.expression === 'Tuesday').map((e) => e.date);
    expect(tuesdays).toEqual(['2005-02-22', '2005-03-01']);
  });

  it('a clause opened by "after"/"before" and an -ing verb takes no tense from the main clause', () => {
    // Published on a Sunday: "on Saturday" inside "after winning …" is the day before, though the main clause
    // looks ahead; and "in May" of a past arrest is not next May because "to be" follows in the -ing clause.
    const b = parse(['---', 'published: 2026-04-12', '---', 'Rovers reach the cup final', '',
      'Rovers will meet City in the cup final on 23 May after winning the semi-final 3-1 on Saturday.',
      'Two fans were held in March after climbing onto the roof, causing the match to be stopped.'].join('\n'));
    expect(event(b, '23 May')).toMatchObject({ date: '2026-05-23' });
    expect(event(b, 'Saturday')).toMatchObject({ date: '2026-04-11' });
    expect(event(b, 'March')).toMatchObject({ date: '2026-03-01', endDate: '2026-03-31' });
  });

  it('a capitalised or noun -ing word after "after"/"since" opens no clause: "after Reading", "since spring"', () => {
    // Published on a Sunday: "will" reaches the date across "after Reading", so Saturday is the coming one.
    const b = parse(['---', 'published: 2026-04-12', '---', 'Rovers to travel', '',
      'Rovers will travel to Leeds after Reading on Saturday.',
      'The club will reopen the stand in May since spring repairs ran late.'].join('\n'));
    expect(event(b, 'Saturday')).toMatchObject({ date: '2026-04-18' });
    expect(event(b, 'May')).toMatchObject({ date: '2026-05-01' });
  });

  it('does not turn durations or newspaper names into events', () => {
    const expressions = a.events.map((e) => e.expression);
    expect(expressions.some((x) => /several years|two years|three months|Sunday/.test(x))).toBe(false);
    expect(a.events.filter((e) => [3, 4].includes(e.sentence))).toEqual([]);
  });

  it('computes status against the given clock, not the publication date', () => {
    expect(a.events.every((e) => e.status === 'past')).toBe(true);
    const b = parse(text, new Date('2005-03-02T12:00:00Z'));
    expect(event(b, 'next Thursday (3 March)').status).toBe('upcoming');
    expect(event(b, '9-10 July').status).toBe('upcoming');
  });
});

describe('impossible dates', () => {
  it('skips days no year has instead of searching forever or inventing one', () => {
    const a = parse('Odd dates\n\nThe vote is on 31 February. It was reported on Monday, 31 April. The fund closed on 30 February 2005.');
    expect(a.events).toEqual([]);
    expect(a.published.date).toBeNull();
  });

  it('places 29 February without a weekday in a leap year near the reference', () => {
    const a = parse('---\npublished: 2005-03-10\n---\nLeap\n\nThe deal was signed on 29 February.');
    expect(event(a, '29 February').date).toBe('2004-02-29');
  });
});

describe('"N years ago" far back (issue 11: the parser rejected the whole article)', () => {
  const article = (n: string) => parse(`---\npublished: 2026-11-27\n---\nHistory\n\nThe town was founded ${n} years ago. The museum opens on 3 December.`);

  it('parses the article for every N from 2027 to 9999 and gives the far date no calendar date', () => {
    for (const n of [2027, 2028, 3000, 5000, 9998, 9999]) {
      const a = article(String(n));
      expect(a.events.map((e) => e.expression)).toEqual(['3 December']);
      expect(a.warnings).toContain(`could not resolve the date "${n} years ago" in sentence 0`);
    }
  });

  it('does not turn "2026 years ago" into 1900 nor "2000 years ago" into 1926: years below 100 stay as written', () => {
    expect(article('2026').events.map((e) => e.expression)).toEqual(['3 December']);
    expect(event(article('2000'), '2000 years ago')).toMatchObject({ date: '0026-01-01', endDate: '0026-12-31', precision: 'year' });
    expect(event(article('1950'), '1950 years ago')).toMatchObject({ date: '0076-01-01', endDate: '0076-12-31' });
  });

  it('reads "5,000 years ago" as five thousand, not as "000 years ago" (today)', () => {
    const a = article('5,000');
    expect(a.events.map((e) => e.expression)).toEqual(['3 December']);
    expect(event(article('1,500'), '1,500 years ago').date).toBe('0526-01-01');
  });
});

describe('no date to anchor on', () => {
  it('leaves the publication date unknown and reads yearless dates against the ingestion date, with a warning', () => {
    const a = parse('Report due\n\nThe report will be released on 11 March.');
    expect(a.published.date).toBeNull();
    expect(a.published.reason).toContain('ingestion date 2026-11-27');
    expect(a.warnings).toContain('no date in the text fixes a year; dates were read relative to the ingestion date 2026-11-27');
    expect(event(a, '11 March')).toMatchObject({ date: '2027-03-11', precision: 'day', status: 'unknown', yearCertain: false, dateBasis: 'day-month' });
  });

  it('says plainly when the text has no date at all', () => {
    const a = parse('Quiet day\n\nNothing happened in the town.');
    expect(a.published).toEqual({ date: null, inferred: false, reason: 'no publication date in front matter, URL or text', confidence: 0, yearCertain: false, basis: 'none' });
    expect(a.events).toEqual([]);
  });
});

describe('eventStatus', () => {
  const single = { date: '2024-11-28', endDate: '2024-11-28' };
  const range = { date: '2022-07-09', endDate: '2022-07-10' };

  it('is upcoming before the day, today on it, past after it (UTC days)', () => {
    expect(eventStatus(single, new Date('2024-11-27T23:59:59Z'))).toBe('upcoming');
    expect(eventStatus(single, new Date('2024-11-28T00:00:00Z'))).toBe('today');
    expect(eventStatus(single, new Date('2024-11-29T00:00:00Z'))).toBe('past');
  });

  it('treats every day of a range as today', () => {
    expect(eventStatus(range, new Date('2022-07-10T18:00:00Z'))).toBe('today');
    expect(eventStatus(range, new Date('2022-07-11T00:00:01Z'))).toBe('past');
  });

  it('uses the calendar day of the given time zone', () => {
    const late = new Date('2024-11-27T23:30:00Z');
    expect(eventStatus(single, late)).toBe('upcoming');
    expect(eventStatus(single, late, 'Asia/Tokyo')).toBe('today');
  });
});

describe('RESOLVERS, one per kind of date mention, each alone', () => {
  const resolving = (iso: string, over: Partial<Resolving> = {}): Resolving => {
    const [y, m, d] = iso.split('-').map(Number);
    const ref = dayNumber(y, m, d);
    return { ref, refYmd: ymdOf(ref), tense: 'neutral', by: false, q: 'on', relative: (r) => r, ...over };
  };
  const days = (r: ResolvedDate | null) => r && [isoOf(r.date), isoOf(r.endDate), r.precision, r.qualifier];

  it('period: "next summer" said in winter is this calendar year\'s summer, said in autumn the next year\'s', () => {
    const summer = { kind: 'period', unit: 'season', season: 6, offset: 1 } as const;
    expect(days(RESOLVERS.period(summer, resolving('2026-02-10')))).toEqual(['2026-06-01', '2026-08-31', 'approximate', 'on']);
    expect(days(RESOLVERS.period(summer, resolving('2026-10-10')))).toEqual(['2027-06-01', '2027-08-31', 'approximate', 'on']);
  });

  it('weekday: a bare weekday looks back, unless the clause is future or a deadline ("by Friday")', () => {
    const friday = { kind: 'weekday', weekday: 5 } as const;
    // 2026-11-25 is a Wednesday.
    expect(days(RESOLVERS.weekday(friday, resolving('2026-11-25')))).toEqual(['2026-11-20', '2026-11-20', 'day', 'on']);
    expect(days(RESOLVERS.weekday(friday, resolving('2026-11-25', { tense: 'future' })))).toEqual(['2026-11-27', '2026-11-27', 'day', 'on']);
    expect(days(RESOLVERS.weekday(friday, resolving('2026-11-25', { by: true, q: 'by' })))).toEqual(['2026-11-27', '2026-11-27', 'day', 'by']);
  });
});

describe('an aim, plan or promise reported in the past tense looks ahead', () => {
  const article = (sentence: string) => parse(`---\npublished: 2026-11-12\n---\nClinic waits fall\n\n${sentence}`, new Date('2026-11-29T10:00:00Z'));

  it('"said the clinic aimed to clear all waits by April" is next April, not the April gone', () => {
    expect(event(article('The manager said the clinic aimed to clear all waits by April.'), 'April')).toMatchObject({ date: '2027-04-01', endDate: '2027-04-30', qualifier: 'by', status: 'upcoming' });
    expect(event(article('The board pledged to reopen the ward in May.'), 'May')).toMatchObject({ date: '2027-05-01', status: 'upcoming' });
  });

  it('a plan that "had" been made looks back, and a plain past event stays past', () => {
    expect(event(article('The clinic had planned to clear all waits by April.'), 'April').date).toBe('2026-04-01');
    expect(event(article('The clinic cleared all waits in April.'), 'April').date).toBe('2026-04-01');
  });

  it('a plan the clause shows to be history stays past: a past marker, a year, a "but" after it', () => {
    const past = (sentence: string, expression: string) => {
      const e = event(article(sentence), expression);
      return [e.date, e.status];
    };
    expect(past('The mayor promised to reopen the pier in March, but it stayed shut.', 'March')).toEqual(['2026-03-01', 'past']);
    expect(past('The firm intended to close the depot in October but reversed course in August.', 'August')).toEqual(['2026-08-01', 'past']);
    expect(past('The firm intended to close the depot in October but reversed course in August.', 'October')).toEqual(['2026-10-01', 'past']);
    expect(past('Last year the trust pledged to cut its waiting lists by June.', 'June')).toEqual(['2026-06-01', 'past']);
    expect(past('In 2019 the council planned to open the footbridge in May.', 'May')[1]).toBe('past');
    // the plan's own words may hold an -ed adjective, and an -ed reporting verb is the report's tense
    expect(event(article('The board pledged to reopen the closed ward in May.'), 'May').date).toBe('2027-05-01');
    expect(event(article('The council announced it planned to open the footbridge in May.'), 'May').date).toBe('2027-05-01');
  });
});

describe('what a correction withdraws', () => {
  const now = new Date('2026-11-29T10:00:00Z');
  const correction = (body: string) => parse(`---\npublished: 2026-11-28\n---\nCorrection: bridge vote moved\n\n${body}`, now);

  it('is no event: "an earlier version of this story said … next Tuesday" gives no date, the corrected one stays', () => {
    const a = correction('An earlier version of this story said the council would vote on the bridge next Tuesday. The vote has been moved to Wednesday 9 December, the council said on Friday.');
    expect(a.events.map((e) => [e.expression, e.date])).toEqual([
      ['Wednesday 9 December', '2026-12-09'],
      ['Friday', '2026-11-27'],
    ]);
  });

  it('ends with the clause that withdraws: "this article wrongly said 3 December; the vote is on 9 December"', () => {
    const a = correction('This article wrongly said the vote was on 3 December; it is on 9 December.');
    expect(a.events.map((e) => e.expression)).toEqual(['9 December']);
    // a story that merely mentions a version is not a correction
    expect(correction('The first version of the bridge plan was published on 3 December.').events.map((e) => e.expression)).toEqual(['3 December']);
  });

  it('needs what was said or reported: a speaker owning a mistake withdraws nothing', () => {
    const a = correction('"We wrongly closed the ferry last year and will reopen it on 4 March," the mayor said.');
    expect(a.events.map((e) => [e.expression, e.date])).toEqual([
      ['last year', '2025-01-01'],
      ['4 March', '2027-03-04'],
    ]);
    expect(correction('We mistakenly reported that the ferry would sail on 3 December; it sails on 9 December.').events.map((e) => e.expression)).toEqual(['9 December']);
  });

  it('in an amendment note, what follows "not", "rather than", "instead of" is withdrawn; elsewhere "not" withdraws nothing', () => {
    const a = correction('This article has been amended to correct the date of the vote, which is 9 December, not 3 December.');
    expect(a.events.map((e) => e.expression)).toEqual(['9 December']);
    expect(correction('This story was corrected: the vote will be held on 9 December rather than 3 December.').events.map((e) => e.expression)).toEqual(['9 December']);
    expect(correction('The vote will be held on 9 December, not 3 December as planned.').events.map((e) => e.expression)).toEqual(['9 December', '3 December']);
  });
});

describe('the time of a statement', () => {
  it('never outranks what the statement announces ("… on Jan. 15, its chairman said Tuesday")', () => {
    const a = parse('---\npublished: 2026-11-24\n---\nPanel sets Jan. 15 hearing on river bill\n\nThe river panel will hold a hearing on the river bill on Jan. 15, its chairman Ann Lee said Tuesday.', new Date('2026-11-29T10:00:00Z'));
    const said = event(a, 'Tuesday');
    expect(said).toMatchObject({ date: '2026-11-24', saidOn: true });
    expect(said.salience).toBeLessThanOrEqual(0.3);
    expect(event(a, 'Jan. 15')).toMatchObject({ date: '2027-01-15', status: 'upcoming' });
    expect(event(a, 'Jan. 15').salience).toBeGreaterThan(said.salience);
  });
});

describe('a weekday naming a kind of thing', () => {
  it('is no date ("the BBC\'s Sunday programme", "Sunday trading"), while "on Sunday" and "Sunday\'s vote" are', () => {
    const a = parse('---\npublished: 2026-11-25\n---\nShops row\n\nThe minister told the BBC\'s Sunday programme that Sunday trading rules would stay. The union met on Sunday. Saturday\'s vote was close.', new Date('2026-11-29T10:00:00Z'));
    expect(a.events.map((e) => [e.expression, e.date])).toEqual([
      ['Sunday', '2026-11-22'],
      ['Saturday', '2026-11-21'],
    ]);
  });

  it('"services", "market", "timetable" make a kind only after a determiner: after a verb the day is a date', () => {
    const a = parse('---\npublished: 2026-11-25\n---\nRail strike\n\nThe strike will cancel Friday services across the region. The operator will keep the Sunday timetable.', new Date('2026-11-29T10:00:00Z'));
    expect(a.events.map((e) => [e.expression, e.date])).toEqual([['Friday', '2026-11-27']]);
  });
});

describe('what dates the report itself', () => {
  it('a date opening a sentence is when something happened, not when it was reported', () => {
    for (const body of ['On 14 September 2023 the pickers filled 900 crates, farm manager Ola Berg said.', 'On Friday, 3 March the ferry ran aground off Oban, the coastguard said.']) {
      const a = parse(`Harbour and orchard news\n\n${body}`);
      expect(a.published, body).toMatchObject({ date: null, basis: 'none', yearCertain: false });
      expect(a.events.filter((e) => e.isPublication), body).toEqual([]);
    }
  });

  it('a line holding the date alone is a dateline ("Published: …", "Updated …", the date by itself)', () => {
    for (const line of ['Published: 14 September 2023', 'Updated 14 September 2023, 10:15 GMT', '14 September 2023']) {
      const a = parse(`Orchard harvest\n\n${line}\n\nThe pickers filled 900 crates yesterday, the farm manager said.`);
      expect(a.published, line).toMatchObject({ date: '2023-09-14', basis: 'dateline', yearCertain: true });
      expect(event(a, 'yesterday'), line).toMatchObject({ date: '2023-09-13', yearCertain: true, status: 'past' });
    }
    // further down, a date alone heads a part of the story unless it says it is the publication's
    const heading = (line: string) => parse(`Orchard timeline\n\nThe orchard was planted long ago. Its trees are old.\n\n${line}\n\nThe first apples were picked.`).published;
    expect(heading('14 September 2023')).toMatchObject({ date: null, basis: 'none' });
    expect(heading('Last updated: 14 September 2023')).toMatchObject({ date: '2023-09-14', basis: 'dateline' });
  });
});

describe('relative words in an undated text', () => {
  const now = new Date('2026-11-29T10:00:00Z');
  const fields = (a: Article, expression: string) => {
    const e = event(a, expression);
    return { date: e.date, endDate: e.endDate, yearCertain: e.yearCertain, yearIsLatest: e.yearIsLatest, dateBasis: e.dateBasis, status: e.status, text: eventDateText(e) };
  };

  it('count from the unknown day of the report, never from another date the text names', () => {
    const rest = 'Members can renew their cards online tomorrow, and the café opens next week.';
    const alone = parse(`Library news\n\n${rest}`, now);
    // Monday 7 December is 8 days after ingestion (a certain year), or in the past tense a guessed year behind it
    for (const named of ['The library reopens on Monday 7 December after new shelving.', 'The library reopened on Monday 7 December after new shelving.']) {
      const a = parse(`Library news\n\n${named} ${rest}`, now);
      expect(a.published.date, named).toBeNull();
      for (const expression of ['tomorrow', 'next week']) expect(fields(a, expression), `${named} ${expression}`).toEqual(fields(alone, expression));
      expect(fields(a, 'tomorrow')).toMatchObject({ yearCertain: false, dateBasis: 'relative', status: 'unknown', text: '“tomorrow” (as written; the year is not known)' });
    }
    // the named date itself is still read as before
    expect(event(parse(`Library news\n\nThe library reopens on Monday 7 December. ${rest}`, now), 'Monday 7 December')).toMatchObject({ date: '2026-12-07', yearCertain: true });
  });

  it('a dated report still anchors them: the dateline\'s day is the report\'s', () => {
    const a = parse('Library news\n\nMonday 7 December\n\nMembers can renew their cards online tomorrow.', now);
    expect(a.published).toMatchObject({ date: '2020-12-07', basis: 'dateline', yearCertain: false });
    expect(event(a, 'tomorrow')).toMatchObject({ date: '2020-12-08', yearCertain: false, dateBasis: 'day-month' });
  });
});

describe('a bound on a date ("at the latest")', () => {
  it('belongs to the date: the event keeps its written year, certain, and its description drops the bound', () => {
    const a = parse('---\ntitle: Smelter\npublished: 2026-11-20\n---\nThe smelter will reopen by 2031 at the latest, and will hire 300 people.\n\nA rail spur will follow in 2033 at the earliest.\n');
    expect(event(a, '2031')).toMatchObject({ qualifier: 'by', precision: 'year', yearCertain: true, description: 'smelter to reopen' });
    expect(event(a, '2033').description).not.toMatch(/earliest/);
  });
});

describe('a date given as approximate, and the words around a date in the description', () => {
  const a = parse('---\ntitle: Smelter\npublished: 2026-11-20\n---\nThe smelter will reopen around 2031, the owners said.\n\nThe vote, on Monday, was close.\n\nA rail spur will open in 2033, the council said.\n');
  it('"around 2031", "circa 1990", "in about 2005" are about that year, and the word leaves the description', () => {
    expect(event(a, '2031')).toMatchObject({ qualifier: 'about', precision: 'year', description: 'smelter to reopen, the owners said' });
    expect(event(parse('---\ntitle: Mill\npublished: 2026-11-20\n---\nThe mill was built in about 1890 by a local family.\n'), '1890')).toMatchObject({ qualifier: 'about', description: 'mill was built by a local family' });
    expect(event(a, '2033').qualifier).toBe('on');
    // a bare "about" is as often "concerning"
    expect(event(parse('---\ntitle: Talks\npublished: 2026-11-20\n---\nMinisters talked about 2035 targets in Bonn.\n'), '2035').qualifier).toBe('on');
  });
  it('keeps the comma before the report ("…, the council said"), but not around a date set off by commas', () => {
    expect(event(a, '2033').description).toBe('rail spur to open, the council said');
    expect(event(a, 'Monday').description).toBe('vote was close');
    // also after a figure ("rose 5% in 2025, the firm said")
    expect(event(parse('---\ntitle: Sales\npublished: 2026-11-20\n---\nSales at the bakery rose 5% in 2025, the firm said.\n'), '2025').description).toMatch(/5%, the firm said$/);
  });
});
