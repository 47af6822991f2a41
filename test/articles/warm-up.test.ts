// The parser warm-up (warmParser in src/articles/ingest.ts) runs on Herald's own texts, which reach
// every extractor (people and roles, organisations and their acronyms, places, lists, dated events, quotes),
// in one-byte and in two-byte (typographic) strings, so what a first real file would pay once is paid
// before it comes; and it yields to the event loop between its parses.
import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { keepParserWarm, warmParser, warmUpTexts } from '../../src/articles/ingest';
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
    expect(all.flatMap((a) => a.organisations).filter((o) => o.acronym).length).toBeGreaterThanOrEqual(1);
    expect(all.flatMap((a) => a.lists).length).toBeGreaterThanOrEqual(1);
  });

  it('includes a text typeset as news sites publish (curly quotes, dashes) that reaches the extractors too', () => {
    // V8 compiles a regular expression separately for two-byte strings: an all-ASCII warm-up leaves the
    // first article with a curly quote or a dash to pay for every pattern again (the scale bench's
    // slowest new article was such a one, issue 17).
    const typographic = warmUpTexts().filter((text) => /[^\u0000-\u00ff]/.test(text));
    expect(typographic.length).toBeGreaterThanOrEqual(1);
    const parsed = typographic.map((text) => parseArticle(text, { now: NOW }));
    const articles = parsed.flatMap((r) => (r.ok ? [r.article] : []));
    expect(articles).toHaveLength(typographic.length);
    expect(articles.flatMap((a) => a.people).filter((p) => p.role).length).toBeGreaterThanOrEqual(1);
    expect(articles.flatMap((a) => a.attributions).length).toBeGreaterThanOrEqual(1);
    expect(articles.flatMap((a) => a.events).filter((e) => e.date).length).toBeGreaterThanOrEqual(1);
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

  it('keeps the parser warm: after a full garbage collection it parses the warm-up texts again, until stopped', async () => {
    // A full collection ages V8's cache of compiled patterns (the second empties it): each one is followed
    // by a pass over the warm-up texts, which puts them back.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const passes: number[][] = [];
    let passed: () => void = () => undefined;
    const stop = keepParserWarm(() => NOW, {
      delayMs: 0,
      onWarm: (times) => {
        passes.push(times);
        passed();
      },
    });
    try {
      const next = new Promise<void>((done) => (passed = done));
      gc();
      await next;
      expect(passes).toHaveLength(1);
      expect(passes[0]).toHaveLength(warmUpTexts().length);
    } finally {
      stop();
    }
    gc();
    await new Promise((done) => setTimeout(done, 50));
    expect(passes).toHaveLength(1);
  });
});
