// The /timeline picture as a reply attachment: layout model → shapes → PNG (cached by the layout), with alt
// text. The picture is drawn in this thread in slices of a few milliseconds, a band of rows at a time, and
// deflated on libuv's thread pool (canvas.ts, png.ts). Its layout and cache key count against the first slice.
import type { Attachment } from '../core/reply';
import { PICTURE_SLICE_MS, Slicer } from '../core/slice';
import { runSliced } from './canvas';
import { sharedTypesetter, type Typesetter } from './glyphs';
import { drawPng, PngRenderer } from './png';
import { cleanText } from './text';
import { timelineShapes, type Theme } from './timeline-draw';
import { layoutTimeline, LAYOUT, type TimelineInput, type TimelineLayout } from './timeline-layout';

export interface TimelinePicture {
  attachment: Attachment;
  layout: TimelineLayout;
  width: number;
  height: number;
}

export class TimelinePictures {
  constructor(
    readonly renderer: PngRenderer = new PngRenderer(),
    private readonly typesetter: Typesetter = sharedTypesetter(),
  ) {}

  async render(input: TimelineInput, theme: Theme = 'dark', width: number = LAYOUT.width): Promise<TimelinePicture> {
    // The first slice of drawing starts here: the layout and the key are part of it.
    const slicer = new Slicer(PICTURE_SLICE_MS);
    const layout = layoutTimeline(input, width);
    // What is drawn comes from the layout and the theme alone: they are the cache's key.
    const png = await this.renderer.render(`${theme}\n${JSON.stringify(layout)}`, async () =>
      drawPng(layout.width, layout.height, await runSliced(timelineShapes(layout, theme, this.typesetter), slicer)),
    );
    return {
      attachment: { name: 'timeline.png', contentType: 'image/png', data: png.data, description: altText(input, layout) },
      layout,
      width: png.width,
      height: png.height,
    };
  }

  /**
   * Draws a made-up picture in slices and throws it away, so that the first /timeline of the process does
   * not pay, in one block before its first slice, for reading the fonts and compiling fontkit's, the
   * layout's and the rasteriser's code (issue 17: ≈ 100 ms of CPU). main.ts starts it at start-up.
   */
  async warm(): Promise<void> {
    const slicer = new Slicer(PICTURE_SLICE_MS);
    await slicer.turn();
    const layout = layoutTimeline(warmUpStory(new Date()));
    await slicer.turn();
    await drawPng(layout.width, layout.height, await runSliced(timelineShapes(layout, 'dark', this.typesetter), slicer));
  }
}

/** A story of two reports with a day, a month and a deadline, in the words and signs a picture holds. */
function warmUpStory(now: Date): TimelineInput {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const event = (id: string, offset: number, description: string, source: number) =>
    ({ id, date: day(offset), endDate: day(offset), precision: 'day', qualifier: 'on', dateText: day(offset), description, uncertainYear: false, source }) as const;
  return {
    events: [
      event('a', -40, 'The Council agreed (0123456789) to a plan, said: "yes"; 45% more', 0),
      { ...event('b', 30, 'Vote on the budget — final [1] · by Friday', 1), endDate: day(45), precision: 'month', uncertainYear: true },
    ],
    sources: [
      { headline: 'Water Board plans a new Office', detail: 'Wire · 1 January 2026' },
      { headline: 'Vote moved to July', detail: 'Courier · 2 February 2026' },
    ],
    now,
    story: true,
  };
}

/**
 * Alt text: the headline and the events in order, whole. Discord's limit on it (1024 characters) is the
 * Discord renderer's to apply (transports/discord/render.ts cuts it with format/text.ts `clip`), as for any
 * text of a reply; the labels inside the picture are cut by pixel width instead (text.ts `fitText`).
 */
function altText(input: TimelineInput, layout: TimelineLayout): string {
  const events = input.events.map((e) => cleanText(`${e.dateText}: ${e.description}`)).join('; ');
  return `Timeline picture: ${layout.title.text}. ${events}`;
}
