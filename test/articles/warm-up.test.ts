// The parser warm-up (warmParser in src/articles/ingest.ts) runs on Herald's own texts, which reach
// every extractor (people and roles, organisations, places, dated events, quotes), so what a first real
// file would pay once is paid before it comes; and it yields to the event loop between its parses.
import { describe, expect, it } from 'vitest';
import { warmParser, warmUpTexts } from '../../src/articles/ingest';
import { parseArticle } from '../../src/articles/parse';

const NOW = new Date('2026-11-27T12:00:00Z');

describe('warmParser', () => {
  it('parses texts that reach every extractor', () => {
    const parsed = warmUpTexts().map((text) => parseArticle(text, { now: NOW }));
    const articles = parsed.map((r) => (r.ok ? r.article : undefined));
    expect(articles.every(Boolean)).toBe(true);
    const all = articles.filter((a) => a !== undefined);
    expect(all.flatMap((a) => a.people).length).toBeGreaterThanOrEqual(2);
    expect(all.flatMap((a) => a.organisations).length).toBeGreaterThanOrEqual(1);
    expect(all.flatMap((a) => a.places).length).toBeGreaterThanOrEqual(1);
    expect(all.flatMap((a) => a.events).filter((e) => e.date).length).toBeGreaterThanOrEqual(2);
    expect(all.flatMap((a) => a.attributions).length).toBeGreaterThanOrEqual(1);
  });

  it('parses each text, yielding to the event loop before each parse', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const times = await warmParser(NOW);
    clearInterval(timer);
    expect(times).toHaveLength(warmUpTexts().length * 2);
    expect(times.every((t) => t >= 0)).toBe(true);
    // Timers ran between the parses: the warm-up never holds the loop for all of them at once.
    expect(ticks).toBeGreaterThanOrEqual(1);
  });
});
