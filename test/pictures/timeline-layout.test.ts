// The /timeline picture's layout model: marks where their dates are, labels that match the events and stay
// inside the picture, precision drawn honestly, overlapping events stacked, hostile text harmless.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelinePictureInput } from '../../src/answers/timeline';
import { eventDateWords } from '../../src/articles/date-text';
import { parseArticle } from '../../src/articles/parse';
import { chronological } from '../../src/answers/events';
import { cleanText, fitText, textWidth } from '../../src/pictures/text';
import { layoutTimeline, LAYOUT, type TimelineEventInput, type TimelineInput, type TimelineItem, type TimelineLayout } from '../../src/pictures/timeline-layout';
import { parsedSeed, track } from '../answers/helpers';
import { makeArticle } from '../feeds/article-builder';

const NOW = new Date('2026-11-27T12:00:00Z');
const SEED = Number(process.env.FC_SEED ?? 20261128);

function event(id: string, date: string, description: string, extra: Partial<TimelineEventInput> = {}): TimelineEventInput {
  const base = { id, date, endDate: date, precision: 'day' as const, qualifier: 'on' as const, description, uncertainYear: false, source: 0 };
  const e = { ...base, ...extra };
  return { ...e, dateText: extra.dateText ?? eventDateWords(e) };
}

function input(events: TimelineEventInput[], headline = 'Council to approve the harbour plan'): TimelineInput {
  return { events, sources: [{ headline, detail: 'Example News · 26 November 2026' }], now: NOW };
}

/** The horizontal extent an item occupies: its mark and its label. */
function extent(item: TimelineItem): [number, number] {
  const labelLeft = item.label.anchor === 'start' ? item.label.x : item.label.x - item.label.width;
  const markLeft = item.shape === 'point' ? item.x - LAYOUT.markerRadius : item.x;
  const markRight = item.shape === 'point' ? item.x + LAYOUT.markerRadius : item.x2;
  return [Math.min(labelLeft, markLeft), Math.max(labelLeft + item.label.width, markRight)];
}

/** What every layout must satisfy, whatever the input. */
function checkInvariants(layout: TimelineLayout): void {
  const inside = (x: number) => x >= 0 && x <= layout.width;
  for (const box of [layout.title, layout.subtitle, ...layout.legend, ...layout.sourceLines]) {
    expect(box.x + box.width).toBeLessThanOrEqual(layout.width - LAYOUT.pad + 0.5);
    expect(box.size).toBeGreaterThanOrEqual(12);
  }
  for (const item of layout.items) {
    expect(item.label.size).toBeGreaterThanOrEqual(12);
    const [left, right] = extent(item);
    expect(inside(left) && inside(right), `item ${item.id} spans ${left}..${right}`).toBe(true);
    expect(item.clip.x).toBeGreaterThanOrEqual(0);
    expect(item.clip.x + item.clip.width).toBeLessThanOrEqual(layout.width + 0.01);
    expect(item.label.width).toBeLessThanOrEqual(item.clip.width + 0.01);
    expect(item.y + LAYOUT.rowHeight / 2).toBeLessThanOrEqual(layout.height);
    expect(item.label.text).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
  }
  // Items sharing a row never overlap.
  const byRow = new Map<number, [number, number][]>();
  for (const item of layout.items) byRow.set(item.row, [...(byRow.get(item.row) ?? []), extent(item)]);
  for (const spans of byRow.values()) {
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
  }
}

describe('timeline layout of the seed article', () => {
  const article = parsedSeed();
  const layout = layoutTimeline(timelinePictureInput(track(article), NOW));

  it('draws every dated event once, in date order, each label starting with its date as /timeline writes it', () => {
    const ordered = chronological(article.events);
    expect(layout.items.map((i) => i.id)).toEqual(ordered.map((e) => e.id));
    layout.items.forEach((item, n) => expect(item.label.text.startsWith(eventDateWords(ordered[n]))).toBe(true));
    expect(layout.omitted).toBe(0);
  });

  it('shows the headline and is 800 px wide', () => {
    expect(layout.width).toBe(800);
    expect(layout.title.text).toBe(fitText(article.headline, LAYOUT.titleSize, 800 - 2 * LAYOUT.pad, true));
    expect(layout.title.text.slice(0, 20)).toBe(article.headline.slice(0, 20));
  });

  it('draws a day as a point and a month or a year as a span', () => {
    for (const e of article.events) {
      const item = layout.items.find((i) => i.id === e.id)!;
      expect(item.shape).toBe(e.precision === 'day' ? 'point' : 'span');
      if (item.shape === 'span') expect(item.x2).toBeGreaterThan(item.x);
    }
  });

  it('puts the past left of today and places marks in date order', () => {
    for (const item of layout.items) {
      expect(item.status).toBe('past');
      expect(item.x2).toBeLessThan(layout.today.x);
    }
    const xs = layout.items.map((i) => i.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('keeps every label inside the picture and stacks overlapping ones', () => {
    checkInvariants(layout);
    // The three November events share an x position: three different rows.
    const nov = layout.items.filter((i) => /November \(year not stated; 2024/.test(i.label.text));
    expect(nov.length).toBeGreaterThanOrEqual(2);
    expect(new Set(nov.map((i) => i.row)).size).toBe(nov.length);
  });
});

describe('timeline layout', () => {
  it('puts upcoming events right of today and past ones left', () => {
    const layout = layoutTimeline(input([event('a', '2026-10-01', 'the vote'), event('b', '2027-03-15', 'the opening')]));
    const [past, upcoming] = layout.items;
    expect(past.status).toBe('past');
    expect(upcoming.status).toBe('upcoming');
    expect(past.x).toBeLessThan(layout.today.x);
    expect(upcoming.x).toBeGreaterThan(layout.today.x);
    expect(layout.today.label.text).toBe('today, 27 Nov 2026');
  });

  it('marks an uncertain year, and a month span covers the whole month', () => {
    const layout = layoutTimeline(
      input([
        event('m', '2025-05-01', 'talks began', { endDate: '2025-05-31', precision: 'month' }),
        event('u', '2011-01-01', 'the plan was drafted', { endDate: '2011-12-31', precision: 'year', uncertainYear: true }),
        event('d', '2025-05-20', 'the accord was signed'),
      ]),
    );
    const month = layout.items.find((i) => i.id === 'm')!;
    const day = layout.items.find((i) => i.id === 'd')!;
    const uncertain = layout.items.find((i) => i.id === 'u')!;
    expect(month.shape).toBe('span');
    expect(day.x).toBeGreaterThan(month.x);
    expect(day.x).toBeLessThan(month.x2);
    expect(uncertain.uncertain).toBe(true);
    expect(uncertain.label.text).toMatch(/^2011 \(year uncertain\) · the plan was drafted/);
    expect(month.uncertain).toBe(false);
  });

  it('draws no event whose year nothing bounds: its year is a placeholder; "2024 at the latest" is drawn, hollow', () => {
    const layout = layoutTimeline(
      input([
        event('d', '2015-01-01', 'aid target', { endDate: '2015-12-31', precision: 'year' }),
        event('t', '2026-11-26', 'ministers meet', { yearCertain: false, uncertainYear: true, dateText: '“Thursday” (as written; the year is not known)' }),
        event('w', '2026-11-24', 'the airline warned', { yearCertain: false, yearIsLatest: true, uncertainYear: true }),
      ]),
    );
    expect(layout.items.map((i) => [i.id, i.uncertain])).toEqual([['d', false], ['w', true]]);
    expect(layout.subtitle.text).toContain('3 dated events');
    expect(layout.legend.map((l) => l.text).join(' ')).toContain('1 with no known year not drawn (see the text)');
  });

  it('draws an approximate date within a written year ("by the end of 2030 at the latest", "early 2031") solid, not as a year uncertain', () => {
    const parsed = parseArticle('---\ntitle: Plant plan\npublished: 2026-11-20\n---\nThe new smelter will open by the end of 2030 at the latest, the firm said.\n\nA second line will follow in early 2031.\n\nA third is planned in the coming months.\n', { now: NOW, origin: 'plant.txt' });
    if (!parsed.ok) throw new Error(parsed.error);
    const layout = layoutTimeline(timelinePictureInput(track(parsed.article), NOW));
    const byLabel = (text: RegExp) => layout.items.find((i) => text.test(i.label.text)) as TimelineItem;
    expect(byLabel(/smelter/).uncertain).toBe(false);
    expect(byLabel(/second line/).uncertain).toBe(false);
    expect(byLabel(/second line/).label.text).not.toMatch(/year uncertain/);
    // a relative approximate date keeps its dashed mark
    expect(byLabel(/third/).uncertain).toBe(true);
  });

  it('puts the events with no known year after the dated ones in /timeline\'s order, keeping their own order', () => {
    const base = { precision: 'day' as const, qualifier: 'on' as const, expression: '', description: '', sentence: 0, sentences: [0], status: 'past' as const, isPublication: false, salience: 0.5 };
    const ordered = chronological([
      { ...base, id: 'e0', date: '2026-11-26', endDate: '2026-11-26', yearCertain: false },
      { ...base, id: 'e1', date: '2015-01-01', endDate: '2015-12-31', precision: 'year' as const, yearCertain: true },
      { ...base, id: 'e2', date: '2026-11-24', endDate: '2026-11-24', yearCertain: false },
      { ...base, id: 'e3', date: '2005-03-01', endDate: '2005-03-01' },
      { ...base, id: 'e4', date: '2024-11-28', endDate: '2024-11-28', yearCertain: false, yearIsLatest: true },
      { ...base, id: 'e5', date: '2026-12-10', endDate: '2026-12-10', yearCertain: true },
    ]);
    expect(ordered.map((e) => e.id)).toEqual(['e3', 'e1', 'e4', 'e5', 'e2', 'e0']);
  });

  it('draws a deadline ("by") as a point at its date', () => {
    const layout = layoutTimeline(input([event('b', '2026-12-01', 'the plan to be approved', { endDate: '2026-12-03', qualifier: 'by' })]));
    expect(layout.items[0].shape).toBe('point');
    expect(layout.items[0].deadline).toBe(true);
    expect(layout.items[0].label.text).toMatch(/^by 3 December 2026 · /);
  });

  it('stacks ten events on the same day on ten rows and grows the picture to hold them', () => {
    const events = Array.from({ length: 10 }, (_, i) => event(`e${i}`, '2026-12-01', `item number ${i}`));
    const layout = layoutTimeline(input(events));
    expect(new Set(layout.items.map((i) => i.row)).size).toBe(10);
    expect(layout.rows).toBe(10);
    expect(layout.height).toBeGreaterThan(layoutTimeline(input(events.slice(0, 1))).height + 9 * LAYOUT.rowHeight - 1);
    checkInvariants(layout);
  });

  it('draws at most 60 events and says how many more there are', () => {
    const events = Array.from({ length: 75 }, (_, i) => event(`e${i}`, `2026-${String((i % 12) + 1).padStart(2, '0')}-10`, `event ${i}`));
    const layout = layoutTimeline(input(events));
    expect(layout.items).toHaveLength(60);
    expect(layout.omitted).toBe(15);
    expect(layout.legend[0].text).toContain('15 more events not drawn');
  });

  it('tags each event of a story with its article and lists the headlines', () => {
    const a = track(makeArticle({ headline: 'Council sets the harbour vote', source: 'Gazette', published: '2026-11-01', events: [{ date: '2026-12-10', description: 'harbour vote' }] }));
    const b = track(makeArticle({ headline: 'Harbour vote moved', source: 'Herald Daily', published: '2026-11-20', events: [{ date: '2026-12-17', description: 'harbour vote moved' }] }));
    const story = timelinePictureInput(b, NOW, [a, b]);
    const layout = layoutTimeline(story);
    expect(story.story).toBe(true);
    expect(layout.title.text).toBe('Story: Council sets the harbour vote');
    expect(layout.items.map((i) => i.label.text)).toEqual(['[1] 10 December 2026 · harbour vote', '[2] 17 December 2026 · harbour vote moved']);
    expect(layout.sourceLines.map((l) => l.text)).toEqual(['[1] Council sets the harbour vote — Gazette · 1 November 2026', '[2] Harbour vote moved — Herald Daily · 20 November 2026']);
  });

  it('survives hostile text: very long, right-to-left, emoji, zero-width and markup', () => {
    const hostile = [
      'x'.repeat(10_000),
      'الموافقة على خطة تعزيز الحدود بين طاجيكستان وأفغانستان'.repeat(20),
      'RIGHT\u202eTOLEFT override and \u2067isolate\u2069',
      '👩‍👩‍👧‍👦🇹🇯🏳️‍🌈'.repeat(200),
      'ZERO\u200bWIDTH\u200c\u200d\ufeff joiners',
      '</text><script>alert(1)</script> & "quotes" \'single\'',
      '\ud800 lone surrogate \uffff and \u0007 bell',
      '',
    ];
    const layout = layoutTimeline(input(hostile.map((d, i) => event(`h${i}`, '2026-12-01', d)), hostile[0]));
    checkInvariants(layout);
    expect(layout.items).toHaveLength(hostile.length);
    expect(layout.items[2].label.text).toBe('1 December 2026 · RIGHTTOLEFT override and isolate');
    expect(layout.items[4].label.text).toBe('1 December 2026 · ZEROWIDTH joiners');
  });

  it('keeps its invariants on any events (seeded property test)', () => {
    const day = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constant('\u202e'.repeat(50)), fc.constant('😀'.repeat(400)));
    const anEvent = fc.record({ date: day, length: fc.integer({ min: 0, max: 4000 }), precision: fc.constantFrom('day', 'month', 'year', 'approximate'), description: text, uncertain: fc.boolean() });
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 70 }), text, fc.integer({ min: 400, max: 1200 }), (events, headline, width) => {
        const list = events.map((e, i) => {
          const end = new Date(Date.parse(e.date) + (e.precision === 'day' ? 0 : e.length) * 86_400_000).toISOString().slice(0, 10);
          return event(`e${i}`, e.date, e.description, { endDate: end, precision: e.precision as TimelineEventInput['precision'], uncertainYear: e.uncertain, dateText: e.date });
        });
        const layout = layoutTimeline(input(list, headline), width);
        checkInvariants(layout);
        expect(layout.items).toHaveLength(Math.min(list.length, LAYOUT.maxItems));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('picture text', () => {
  it('removes invisible and reordering characters and collapses whitespace', () => {
    expect(cleanText(' a\u200b\u202eb\n\tc\ufeff ')).toBe('ab c');
  });

  it('estimates DejaVu Sans widths: exact advance widths for ASCII', () => {
    // "Hi" = H 0.752 + i 0.278 em, at 10 px, with the 4 % safety margin.
    expect(textWidth('Hi', 10)).toBeCloseTo((0.752 + 0.278) * 10 * 1.04, 5);
    expect(textWidth('\u200d', 13)).toBe(0);
  });

  it('cuts text to fit at a word boundary with an ellipsis, never splitting an emoji', () => {
    const cut = fitText('the plan to strengthen the border between two countries', 13, 180);
    expect(cut).toBe('the plan to strengthen…');
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(180);
    const emoji = fitText('😀'.repeat(50), 13, 100);
    expect(emoji).toMatch(/^(😀)+…$/u);
  });
});
