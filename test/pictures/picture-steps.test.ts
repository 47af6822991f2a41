// The /timeline picture's set-up is sliced too (issue 17): reading a face, shaping a word and flattening a
// glyph are each a step of the drawing generator (runSliced may let other work in after any of them), the
// layout counts against the first slice, and warm() pays a process's first-picture costs at start-up, in slices.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Typesetter } from '../../src/pictures/glyphs';
import { PngRenderer } from '../../src/pictures/png';
import { flatGlyphCount, timelineShapes } from '../../src/pictures/timeline-draw';
import { layoutTimeline, type TimelineInput } from '../../src/pictures/timeline-layout';
import { TimelinePictures } from '../../src/pictures/timeline-picture';
import { countOtherWork } from './other-work';

const NOW = new Date('2026-11-27T12:00:00Z');
const story: TimelineInput = {
  events: [
    { id: 'a', date: '2026-02-03', endDate: '2026-02-03', precision: 'day', qualifier: 'on', dateText: '3 February 2026', description: 'Harbour pilots in Quillbrook agreed a wage settlement', uncertainYear: false, source: 0 },
    { id: 'b', date: '2027-01-01', endDate: '2027-12-31', precision: 'year', qualifier: 'on', dateText: '2027', description: 'Dredging of the northern channel expected', uncertainYear: true, source: 1 },
  ],
  sources: [{ headline: 'Quillbrook harbour pilots settle' }, { headline: 'Channel works planned', detail: 'Gazette · 1 March 2026' }],
  now: NOW,
  story: true,
};

describe('the picture drawn in steps', () => {
  it('yields after reading each face, after each word shaped and after each glyph flattened: never two at once', () => {
    const typesetter = new Typesetter();
    const steps = timelineShapes(layoutTimeline(story), 'dark', typesetter);
    let words = 0;
    let glyphs = 0;
    let opened = 0;
    let count = 0;
    for (let step = steps.next(); ; step = steps.next()) {
      const nowOpened = Number(typesetter.isOpen(false)) + Number(typesetter.isOpen(true));
      const made = typesetter.cachedWords - words + (flatGlyphCount(typesetter) - glyphs) + (nowOpened - opened);
      expect(made).toBeLessThanOrEqual(1);
      [words, glyphs, opened] = [typesetter.cachedWords, flatGlyphCount(typesetter), nowOpened];
      count++;
      if (step.done) break;
    }
    // Every word and glyph of the picture was made in a step of its own.
    expect(opened).toBe(2);
    expect(words).toBeGreaterThan(20);
    expect(count).toBeGreaterThan(words + glyphs);
    // Drawn again, all of it is cached: only the yields after each text line remain.
    const again = timelineShapes(layoutTimeline(story), 'dark', typesetter);
    while (!again.next().done);
    expect([typesetter.cachedWords, flatGlyphCount(typesetter)]).toEqual([words, glyphs]);
  });

  describe('with a fake clock', () => {
    afterEach(() => vi.restoreAllMocks());

    it('counts the layout and the cache key against the first slice of drawing', async () => {
      // A frozen clock that only the cache key moves on, by 3 ms (a tall story's layout and key).
      let now = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => now);
      const stringify = JSON.stringify;
      vi.spyOn(JSON, 'stringify').mockImplementation((...args: Parameters<typeof JSON.stringify>) => ((now += 3), stringify(...args)));
      const typesetter = new Typesetter();
      let wordsWhenLetIn: number | undefined;
      setImmediate(() => (wordsWhenLetIn = typesetter.cachedWords));
      await new TimelinePictures(new PngRenderer(), typesetter).render(story, 'dark');
      // Other work came in after the first step, before any word was shaped: the slice was used up.
      expect(wordsWhenLetIn).toBe(0);
      expect(typesetter.cachedWords).toBeGreaterThan(20);
    });
  });

  it('warm() reads both faces and shapes words before any picture is asked for, letting other work run meanwhile', async () => {
    const typesetter = new Typesetter();
    const pictures = new TimelinePictures(new PngRenderer(), typesetter);
    const { others } = await countOtherWork(() => pictures.warm());
    expect([typesetter.isOpen(false), typesetter.isOpen(true)]).toEqual([true, true]);
    expect(typesetter.cachedWords).toBeGreaterThan(10);
    expect(others).toBeGreaterThan(5);
    // Nothing is cached or sent: it was drawn to be thrown away.
    expect(pictures.renderer.size).toBe(0);
  });
});
